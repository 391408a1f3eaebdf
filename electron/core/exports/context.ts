import type { Organisation } from '@shared/schemas/profile';
import type { JobProgress, Provenance } from '@shared/schemas/export';
import type { RegisterContext } from '../registers/context';
import type { Registers } from '../session/registers';
import type { MemberPermissions } from '@shared/schemas/sync';

/**
 * What every exporter and importer works from: the open register and who is exporting. They take
 * this, never the Exchange facade (exchange.ts), so the facade depends on them and not the reverse.
 */
export interface ExchangeDeps {
  ctx: RegisterContext;
  registers: Registers;
  appVersion: string;
  organisation: () => Organisation;
  emitProgress: (p: JobProgress) => void;
  /** What this machine's member may do in the workspace (a reader exports through a redaction profile only). */
  permissions: () => MemberPermissions;
}

export interface ExchangeContext {
  readonly d: ExchangeDeps;
  /** Who, when, which app, and the audit chain's head right now. */
  provenance(): Provenance;
}

export const APP_NAME = 'PrivacyOps Workstation';

export function provenanceOf(d: ExchangeDeps): Provenance {
  const org = d.organisation();
  return {
    app: APP_NAME,
    appVersion: d.appVersion,
    organisation: org.name,
    exportedAt: d.ctx.clock.now().toISOString(),
    exportedBy: d.ctx.actor(),
    deviceId: d.ctx.device,
    auditHeadHash: d.ctx.audit.headHash(),
    // The head's sequence number is the count: constant time, whatever the log's length.
    auditEntries: d.ctx.audit.count(),
    timeZone: org.timeZone,
  };
}

/** A file name safe on every OS: letters, digits, dashes. */
export function safeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}
