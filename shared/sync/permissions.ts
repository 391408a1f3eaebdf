import type { MemberRole } from '../schemas/sync';

/**
 * Which role may write which kind of record (README › Roles). One table, read by every machine
 * before it applies a colleague's operation, and by the UI to offer what the local role allows.
 * Record types are the audit log's: a register's records, and what hangs off them.
 *
 * - Administrator and DPO: everything.
 * - Editor: every register (not the workspace's settings, not the members).
 * - Security lead: incidents and what hangs off them (affected clients, filings, obligations,
 *   timeline entries), remediation actions, and letters (the regulator's letters about its
 *   incidents: the operation does not say which record a letter concerns, so letters as a whole).
 * - Reader, auditor: nothing.
 *
 * Links and attachments belong to whoever may write some register. Member statements are not
 * in this table: they carry their own signatures (administrator only, electron/core/sync/membership.ts).
 */
const INCIDENT_AREA = ['incident', 'client', 'notification', 'obligation', 'timeline_entry', 'action', 'letter', 'link', 'attachment'] as const;
const REGISTERS = [...INCIDENT_AREA, 'complaint', 'matter', 'contract', 'import'] as const;

export const WRITES: Record<MemberRole, readonly string[] | 'all'> = {
  administrator: 'all',
  dpo: 'all',
  editor: REGISTERS,
  security_lead: INCIDENT_AREA,
  reader: [],
  auditor: [],
};

/** Whether a member with `role` may write records of `recordType` (null role: not confirmed, nothing). */
export function mayWrite(role: MemberRole | null | undefined, recordType: string): boolean {
  if (!role) return false;
  const w = WRITES[role];
  return w === 'all' || w.includes(recordType);
}
