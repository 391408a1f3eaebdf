import type { ApiClient } from '@shared/api/contract';
import type { ConnectionListener } from './connection';
import { HttpTransport } from './httpTransport';
import { IpcTransport } from './ipcTransport';
import { takeWebHostToken } from './token';

/** The contract's client plus what the UI needs to know about the link itself. */
export interface WorkstationClient extends ApiClient {
  readonly transport: 'ipc' | 'http';
  onConnection(listener: ConnectionListener): () => void;
}

export type ClientResult = { ok: true; client: WorkstationClient } | { ok: false; reason: 'no-token' };

/**
 * Electron exposes window.privacyops (preload); anywhere else the page was served by the web host
 * and talks back to its own origin with the token it was opened with.
 */
export function createClient(): ClientResult {
  if (window.privacyops) {
    return { ok: true, client: new IpcTransport(window.privacyops) };
  }
  const token = takeWebHostToken();
  if (!token) return { ok: false, reason: 'no-token' };
  return { ok: true, client: new HttpTransport(token) };
}
