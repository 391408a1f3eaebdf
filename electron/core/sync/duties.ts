import { WorkspaceSettings, type QuarantineReason } from '@shared/schemas/sync';
import type { FieldChange } from '@shared/schemas/audit';
import { appendAudit, type RegisterContext } from '../registers/context';
import { deleteMeta, getMeta, setMeta } from '../db/meta';
import type { Db } from '../db/open';
import { confirms, decisionEntry } from '../obligations/confirmation';
import { sameMember, type EntryAuthor } from '../audit/audit-log';

/** The audit/operation record of the workspace's settings (record type `settings`, written by an administrator or a DPO). */
export const WORKSPACE_SETTINGS_ID = 'workspace';
const META_KEY = 'workspace.settings';
const DEFAULTS: WorkspaceSettings = { separationOfDuties: false };

/** Whether this register's workspace separates duties (false without sync: the setting is forgotten on leaving). */
export function separatesDuties(db: Db): boolean {
  const parsed = WorkspaceSettings.safeParse(getMeta(db, META_KEY));
  return parsed.success && parsed.data.separationOfDuties;
}

/** A change as the rule reads it: a local one about to be written, or a colleague's operation. */
export interface DutyChange {
  recordType: string;
  recordId: string;
  changes: readonly FieldChange[];
}

/**
 * The workspace's settings and separation of duties (README › Roles). The settings travel as
 * operations of record type `settings` (id `workspace`), so the permission table decides who may
 * change them and every machine follows them from their position in the log; of two changes made
 * apart, the later clock wins. With separation of duties on, the member who marked an action
 * done may not verify it, and the member who decided an obligation need not be notified may not
 * confirm that decision: its own core refuses (DUTIES_SEPARATED) and colleagues quarantine such
 * an operation. "The same member" is the same author member id (each entry's, migration 20: an
 * operation's is inside its sealed bytes and signed with that member's key, verified before it is
 * applied), so naming another machine changes nothing; entries from before migration 20 are
 * compared by machine.
 */
export class WorkspaceRules {
  constructor(private readonly ctx: RegisterContext) {}

  settings(): WorkspaceSettings {
    const parsed = WorkspaceSettings.safeParse(getMeta(this.ctx.db, META_KEY));
    return parsed.success ? parsed.data : DEFAULTS;
  }

  /** A local change (the write path checks the role: administrator or DPO). */
  set(next: WorkspaceSettings): WorkspaceSettings {
    const s = WorkspaceSettings.parse(next);
    const before = this.settings();
    this.ctx.write('settings', () => {
      const changes = (Object.keys(s) as (keyof WorkspaceSettings)[]).filter((k) => s[k] !== before[k]).map((k) => ({ field: k, old: before[k], new: s[k] }));
      if (changes.length) {
        appendAudit(this.ctx, 'settings', WORKSPACE_SETTINGS_ID, 'update', changes);
        setMeta(this.ctx.db, META_KEY, s);
      }
      return { id: WORKSPACE_SETTINGS_ID };
    });
    return this.settings();
  }

  /** A colleague's change of the settings (call inside the applier's transaction), field by field, later clock winning. */
  applyRemote(op: { recordId: string; hlc: string; opId: string; changes: readonly FieldChange[] }): void {
    if (op.recordId !== WORKSPACE_SETTINGS_ID) return;
    const next: Record<string, unknown> = { ...this.settings() };
    const won: string[] = [];
    for (const c of op.changes) {
      if (!(c.field in DEFAULTS)) continue;
      const current = this.ctx.audit.fieldVersion('settings', WORKSPACE_SETTINGS_ID, c.field);
      if (current && current.hlc > op.hlc) continue;
      next[c.field] = c.new;
      won.push(c.field);
    }
    const parsed = WorkspaceSettings.safeParse(next);
    if (!won.length || !parsed.success) return;
    setMeta(this.ctx.db, META_KEY, parsed.data);
    this.ctx.audit.setFieldVersions('settings', WORKSPACE_SETTINGS_ID, won, op.hlc, op.opId);
  }

  /** The settings' fields: what an operation of record `workspace` may set. */
  fieldNames(): string[] {
    return Object.keys(DEFAULTS);
  }

  /**
   * Puts these fields back (undoing this machine's own change that colleagues refused: sync/apply.ts
   * undoRefusedOwn, which also moves the fields' versions back). Returns whether the settings changed.
   */
  restore(values: Record<string, unknown>): boolean {
    const before = this.settings();
    const parsed = WorkspaceSettings.safeParse({ ...before, ...values });
    if (!parsed.success) return false;
    setMeta(this.ctx.db, META_KEY, parsed.data);
    return JSON.stringify(parsed.data) !== JSON.stringify(before);
  }

  /** Forgets them (leaving the workspace, or before joining another). */
  reset(): void {
    deleteMeta(this.ctx.db, META_KEY);
  }

  /**
   * Why this member (`who`: its member id, verified for a colleague's operation, and the machine it
   * names) may not make this change, or null: with separation of duties on, verifying an action
   * whose latest "done" the same member recorded, or confirming an obligation's decision not to
   * notify the same member recorded (audit-log.ts sameMember: by member id).
   */
  refusal(e: DutyChange, who: EntryAuthor, settings: WorkspaceSettings = this.settings()): QuarantineReason | null {
    if (!settings.separationOfDuties) return null;
    if (e.recordType === 'obligation') {
      if (!confirms(e.changes)) return null;
      const decision = decisionEntry(this.ctx.db, e.recordId);
      return decision && sameMember(decision, who) ? 'duties_not_separated' : null;
    }
    if (e.recordType !== 'action') return null;
    if (!e.changes.some((c) => c.field === 'status' && c.new === 'verified')) return null;
    const done = this.doneBy(e.recordId);
    return done && sameMember(done, who) ? 'duties_not_separated' : null;
  }

  /** Who recorded the action's latest "done" (null if nobody did). */
  doneBy(actionId: string): EntryAuthor | null {
    const done = this.ctx.db
      .prepare(
        `SELECT author, device FROM audit_log INDEXED BY audit_by_record WHERE record_type = 'action' AND record_id = ?
           AND EXISTS (SELECT 1 FROM json_each(changes) WHERE json_extract(value, '$.field') = 'status' AND json_extract(value, '$.new') = 'done')
         ORDER BY seq DESC LIMIT 1`,
      )
      .get(actionId) as EntryAuthor | undefined;
    return done ?? null;
  }

  /**
   * What the action's page needs to know to offer Verify: whether the workspace separates duties
   * and this member (`me`) marked the action done (then another member verifies it).
   */
  actionDuties(actionId: string, me: EntryAuthor): { separated: boolean; doneHere: boolean } {
    const separated = this.settings().separationOfDuties;
    const done = separated ? this.doneBy(actionId) : null;
    return { separated, doneHere: done !== null && sameMember(done, me) };
  }
}
