import { createClient, type WorkstationClient } from './client';

/**
 * The one client of this window, created at start. `bootProblem` says why there is none (the page
 * was opened without the web host's token), so the UI can explain instead of failing on each call.
 */
const created = createClient();

export const bootProblem: 'no-token' | null = created.ok ? null : created.reason;

const missing: WorkstationClient = {
  transport: 'http',
  call: () => Promise.reject(new Error('No connection to the workstation: the page was opened without its token.')),
  on: () => () => undefined,
  onConnection: (l) => {
    l('reconnecting');
    return () => undefined;
  },
};

export const api: WorkstationClient = created.ok ? created.client : missing;

export { ApiError } from '@shared/api/contract';
export { HostUnreachableError } from './errors';
export type { ConnectionState } from './connection';
