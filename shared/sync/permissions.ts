import type { MemberPermissions, MemberRole } from '../schemas/sync';

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
 * Links and attachments belong to whoever may write some register, and so does the list of
 * generated letters (`composed_letter`: a letter's entry names the record and the two
 * attachments it was filed with; whoever may attach its files may list it). Member statements
 * are not in this table: they carry their own signatures (administrator only,
 * electron/core/sync/membership.ts). The workspace's settings (reminder thresholds, custom
 * deadline rules: record type `settings`) are the administrator's and the DPO's, and so are the
 * letter templates' versions (`letter_template`): a version is the text every colleague's next
 * letter starts from, a setting of the office rather than a record of a register.
 *
 * The same table refuses a member's own writes on its machine (the core's write path,
 * RegisterContext.authorize) and tells the UI what to offer (`can`).
 */
const INCIDENT_AREA = ['incident', 'client', 'notification', 'obligation', 'timeline_entry', 'action', 'letter', 'link', 'attachment', 'composed_letter'] as const;
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

/**
 * Records that never leave this machine (the local profile: the user's name, the organisation's
 * settings as this machine shows them, the recovery passphrase): not operations of the workspace,
 * so any role writes them.
 */
export const LOCAL_RECORD_TYPES: readonly string[] = ['profile'];

/** What a member may write, from what its machine knows of the workspace (see MemberPermissions). */
export function permissionsOf(o: { workspace: boolean; enforced: boolean; role: MemberRole | null }): MemberPermissions {
  const enforced = o.workspace && o.enforced;
  const w = !enforced ? 'all' : o.role ? WRITES[o.role] : [];
  return { workspace: o.workspace, enforced, role: o.role, writes: w === 'all' ? 'all' : [...w], managesMembers: o.role === 'administrator' };
}

/**
 * Whether the member may export records in full (a profile that hides nothing). A reader reads and
 * exports through a redaction profile only (management's, or one of the organisation's); every
 * other role, and every machine outside an enforced workspace, may export in full.
 */
export function mayExportInFull(p: MemberPermissions): boolean {
  return !(p.enforced && p.role === 'reader');
}

/** Whether these permissions allow a local change of a record of `recordType`. */
export function allowsWrite(p: MemberPermissions, recordType: string): boolean {
  return p.writes === 'all' || LOCAL_RECORD_TYPES.includes(recordType) || p.writes.includes(recordType);
}

/**
 * What the UI asks: `write` a register's records (any register when none is named), `import` into
 * a register, change the workspace's `settings`, manage `members`.
 */
export type PermissionAction = 'write' | 'import' | 'settings' | 'members';

export function can(p: MemberPermissions, action: PermissionAction, recordType?: string): boolean {
  switch (action) {
    case 'write':
      return recordType ? allowsWrite(p, recordType) : p.writes === 'all' || p.writes.length > 0;
    case 'import':
      return allowsWrite(p, 'import') && (!recordType || allowsWrite(p, recordType));
    case 'settings':
      return allowsWrite(p, 'settings');
    case 'members':
      return p.managesMembers;
  }
}
