import { v7 as uuidv7 } from 'uuid';
import type { AuditEntry } from '@shared/schemas/audit';
import type { RegisterContext } from '../registers/context';
import type { RegisterBase } from '../registers/register-base';
import { columnOf } from '../registers/record-table';
import { ALL_FIELDS } from '../audit/audit-log';
import { STATEMENT_FIELD, type Membership } from './membership';
import { WORKSPACE_SETTINGS_ID, type WorkspaceRules } from './duties';
import { applyComposedOp, applyTemplateOp, COMPOSED_LETTER, LETTER_TEMPLATE, undoLetterOp } from '../templates/letters-sync';

/** An operation as it travels: an audit entry without its local chain position and hash. */
export type SyncOp = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash' | 'hlc'> & {
  hlc: string;
  /** The member whose key signed it (absent on operations from before roles). */
  author?: string;
};

/** Audit-only change that marks a conflict as settled (by whoever settled it, on any machine). */
export const RESOLVES_CONFLICT = '_resolvesConflict';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRegister = RegisterBase<any>;

/**
 * Applies other devices' operations. Field by field, the rule is: a change made on top of the
 * version we hold replaces it; two changes made apart (neither saw the other) are a conflict —
 * the one with the later hybrid logical clock wins, the other is kept in `conflicts` for the
 * user to look at. Every device reaches the same values whatever order operations arrive in.
 * Applying an operation twice changes nothing (its id is already in the audit log).
 */
export class OpApplier {
  constructor(
    private readonly ctx: RegisterContext,
    private readonly registers: Map<string, AnyRegister>,
    private readonly membership: Membership,
    private readonly rules: WorkspaceRules,
  ) {}

  /**
   * Applies a page of operations in order; call inside a transaction. Returns the records that
   * changed (operations already applied change nothing).
   */
  applyAll(ops: readonly SyncOp[]): { type: string; id: string }[] {
    const changed: { type: string; id: string }[] = [];
    for (const op of ops) if (this.apply(op)) changed.push({ type: op.recordType, id: op.recordId });
    return changed;
  }

  /** Call inside a transaction. Returns false for an operation already applied. */
  apply(op: SyncOp): boolean {
    if (this.ctx.audit.hasOp(op.opId)) return false;
    this.applyNew(op);
    return true;
  }

  /** Call inside a transaction, for an operation the caller has checked is not applied yet. */
  applyNew(op: SyncOp): void {
    const { audit, db } = this.ctx;
    const register = this.registers.get(op.recordType);
    if (register) this.applyToRegister(register, op);
    else if (op.recordType === 'link') this.applyLink(op);
    else if (op.recordType === 'attachment') this.applyAttachment(op);
    else if (op.recordType === 'member') this.membership.ingest(op.opId, op.changes.find((c) => c.field === STATEMENT_FIELD)?.new);
    // The workspace's settings (separation of duties); other settings entries are history only.
    else if (op.recordType === 'settings') this.rules.applyRemote(op);
    // Letters' template versions and the list of generated letters (README › Letters).
    else if (op.recordType === LETTER_TEMPLATE) applyTemplateOp(this.ctx, op);
    else if (op.recordType === COMPOSED_LETTER) applyComposedOp(this.ctx, op);
    // Anything else (an import summary, a kind this version does not know) is history only.

    for (const c of op.changes) {
      if (c.field === RESOLVES_CONFLICT && typeof c.new === 'string') {
        db.prepare(`UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = COALESCE(resolution, 'kept_current') WHERE loser_op = ? AND resolved_at IS NULL`).run(
          op.at,
          op.actor,
          c.new,
        );
      }
    }
    audit.append({ ...op, bases: op.bases });
  }

  /**
   * On its author's machine, undoes one of its own operations that reached the log after a
   * statement that forbids it, so that colleagues refused it (call inside the page's transaction,
   * once the operation is in quarantine). Each register field or workspace setting it set goes
   * back to the value it overwrote — walking back past other refused operations of the same field
   * — unless a change not refused has replaced it since; a record, link or attachment it created
   * is removed when nothing not refused has touched it since; a link it removed or a file it
   * archived is back unless a change not refused removed or archived it too. Whatever cannot be
   * undone stays (savepoint). Returns whether anything changed.
   */
  undoRefusedOwn(op: SyncOp): boolean {
    const register = this.registers.get(op.recordType);
    const { db } = this.ctx;
    db.exec('SAVEPOINT undo_refused_own');
    try {
      let changed = false;
      if (register) changed = this.undoInRegister(register, op);
      else if (op.recordType === 'link') changed = this.undoLink(op);
      else if (op.recordType === 'attachment') changed = this.undoAttachment(op);
      else if (op.recordType === 'settings' && op.recordId === WORKSPACE_SETTINGS_ID) {
        const restore = this.fieldsBefore(op, new Set(this.rules.fieldNames()));
        if (Object.keys(restore).length > 0) changed = this.rules.restore(restore);
      }
      // A template version or a generated letter's entry leaves this machine's lists too (README › Letters).
      else if (op.recordType === LETTER_TEMPLATE || op.recordType === COMPOSED_LETTER) changed = undoLetterOp(this.ctx, op);
      db.exec('RELEASE undo_refused_own');
      return changed;
    } catch {
      db.exec('ROLLBACK TO undo_refused_own; RELEASE undo_refused_own');
      return false;
    }
  }

  private isRefused(opId: string): boolean {
    return this.ctx.db.prepare('SELECT 1 FROM quarantine WHERE op_id = ?').get(opId) !== undefined;
  }

  /** The other entries about this record that were not refused, oldest first. */
  private othersStanding(op: SyncOp): { op_id: string; action: string; at: string; changes: string }[] {
    const rows = this.ctx.db
      .prepare(`SELECT op_id, action, at, changes FROM audit_log INDEXED BY audit_by_record WHERE record_type = ? AND record_id = ? AND op_id != ? ORDER BY seq`)
      .all(op.recordType, op.recordId, op.opId) as { op_id: string; action: string; at: string; changes: string }[];
    return rows.filter((r) => !this.isRefused(r.op_id));
  }

  private forgetVersions(op: SyncOp): void {
    this.ctx.db.prepare('DELETE FROM field_versions WHERE record_type = ? AND record_id = ?').run(op.recordType, op.recordId);
  }

  private dropSearchDoc(recordType: string, recordId: string): void {
    const { db } = this.ctx;
    const doc = db.prepare('SELECT rowid AS id FROM search_docs WHERE record_type = ? AND record_id = ?').get(recordType, recordId) as { id: number } | undefined;
    if (doc) {
      db.prepare('DELETE FROM search_fts WHERE rowid = ?').run(doc.id);
      db.prepare('DELETE FROM search_docs WHERE rowid = ?').run(doc.id);
    }
  }

  /**
   * The value each of these fields had before the operation, for the fields whose version is
   * still the operation's (walking back past refused operations of that field); moves each
   * field's version back to the one restored.
   */
  private fieldsBefore(op: SyncOp, fields: Set<string>): Record<string, unknown> {
    const { db, audit } = this.ctx;
    const entryAt = db.prepare('SELECT op_id, changes, bases FROM audit_log WHERE hlc = ?');
    const restore: Record<string, unknown> = {};
    for (const c of op.changes) {
      if (!fields.has(c.field) || c.field === 'id' || c.field === 'createdAt' || c.field === 'updatedAt') continue;
      if (audit.fieldVersion(op.recordType, op.recordId, c.field)?.opId !== op.opId) continue;
      let value = c.old;
      let base = op.bases?.[c.field] ?? null;
      let baseOp: string | null = null;
      while (base) {
        const prev = entryAt.get(base) as { op_id: string; changes: string; bases: string | null } | undefined;
        baseOp = prev?.op_id ?? null;
        if (!prev || !this.isRefused(prev.op_id)) break;
        const pc = (JSON.parse(prev.changes) as { field: string; old: unknown }[]).find((x) => x.field === c.field);
        if (!pc) break;
        value = pc.old;
        base = prev.bases ? ((JSON.parse(prev.bases) as Record<string, string>)[c.field] ?? null) : null;
        baseOp = null;
      }
      restore[c.field] = value;
      if (base && baseOp) audit.setFieldVersions(op.recordType, op.recordId, [c.field], base, baseOp);
      else db.prepare('DELETE FROM field_versions WHERE record_type = ? AND record_id = ? AND field = ?').run(op.recordType, op.recordId, c.field);
    }
    return restore;
  }

  private undoInRegister(register: AnyRegister, op: SyncOp): boolean {
    const { db } = this.ctx;
    if (op.action === 'create') {
      const touched = db
        .prepare(`SELECT op_id FROM field_versions WHERE record_type = ? AND record_id = ? AND op_id != ?`)
        .all(op.recordType, op.recordId, op.opId) as { op_id: string }[];
      if (!touched.every((t) => this.isRefused(t.op_id))) return false;
      db.prepare(`DELETE FROM ${register.tableName} WHERE id = ?`).run(op.recordId);
      this.dropSearchDoc(op.recordType, op.recordId);
      this.forgetVersions(op);
      return true;
    }
    const restore = this.fieldsBefore(op, new Set(register.fieldNames));
    if (Object.keys(restore).length === 0) return false;
    register.applyRemote(op.recordId, restore, op.at);
    return true;
  }

  /** A link it made is removed (nothing not refused touched it); a link it removed is back, unless a change not refused removed it too. */
  private undoLink(op: SyncOp): boolean {
    const { db } = this.ctx;
    const others = this.othersStanding(op);
    if (op.action === 'create') {
      if (others.length > 0) return false;
      this.forgetVersions(op);
      return db.prepare('DELETE FROM links WHERE id = ?').run(op.recordId).changes > 0;
    }
    if (op.action !== 'archive') return false;
    // As colleagues apply removals: the first one stands.
    const removal = others.find((o) => o.action === 'archive');
    const reason = removal ? (JSON.parse(removal.changes) as { field: string; new: unknown }[]).find((c) => c.field === 'removeReason')?.new : null;
    return db.prepare('UPDATE links SET removed_at = ?, remove_reason = ? WHERE id = ?').run(removal?.at ?? null, removal ? String(reason ?? '') : null, op.recordId).changes > 0;
  }

  /** A file it attached is removed, bytes and search text too (nothing not refused touched it); a file it archived is back, unless a change not refused archived it too. */
  private undoAttachment(op: SyncOp): boolean {
    const { db } = this.ctx;
    const others = this.othersStanding(op);
    if (op.action === 'create') {
      if (others.length > 0) return false;
      db.prepare('DELETE FROM attachment_chunks WHERE attachment_id = ?').run(op.recordId);
      db.prepare('DELETE FROM sync_state WHERE key = ?').run(`uploaded:${op.recordId}`);
      this.dropSearchDoc('attachment', op.recordId);
      this.forgetVersions(op);
      return db.prepare('DELETE FROM attachments WHERE id = ?').run(op.recordId).changes > 0;
    }
    if (op.action !== 'archive') return false;
    // As colleagues apply archivings: the latest one stands.
    const archiving = others.filter((o) => o.action === 'archive').at(-1);
    const reason = archiving ? (JSON.parse(archiving.changes) as { field: string; new: unknown }[]).find((c) => c.field === 'archiveReason')?.new : null;
    const done = db.prepare('UPDATE attachments SET archived_at = ?, archive_reason = ? WHERE id = ?').run(archiving?.at ?? null, archiving ? String(reason ?? '') : null, op.recordId).changes > 0;
    if (!archiving) {
      // Searchable again, unless the record it hangs off is archived.
      db.prepare(
        `UPDATE search_docs SET archived = COALESCE((SELECT p.archived FROM attachments a JOIN search_docs p ON p.record_type = a.record_type AND p.record_id = a.record_id WHERE a.id = ?), 0)
         WHERE record_type = 'attachment' AND record_id = ?`,
      ).run(op.recordId, op.recordId);
    }
    return done;
  }

  private applyToRegister(register: AnyRegister, op: SyncOp): void {
    if (op.action === 'create' && this.isFresh(register, op.recordId)) {
      this.createFresh(register, op);
      return;
    }
    const { audit } = this.ctx;
    const fields = new Set(register.fieldNames);
    const winners: Record<string, unknown> = {};
    const won: string[] = [];
    for (const c of op.changes) {
      if (!fields.has(c.field) || c.field === 'id' || c.field === 'createdAt' || c.field === 'updatedAt') continue;
      const current = audit.fieldVersion(op.recordType, op.recordId, c.field);
      const base = op.bases?.[c.field] ?? null;
      if (!current || base === current.hlc) {
        winners[c.field] = c.new;
        won.push(c.field);
        continue;
      }
      // Made apart from the version we hold: a conflict, whichever wins, unless both sides wrote
      // the same value (two devices proposing the same obligation under the same derived id).
      const existing = register.find(op.recordId) as Record<string, unknown> | null;
      if (existing && JSON.stringify(existing[c.field] ?? null) === JSON.stringify(c.new ?? null)) {
        if (op.hlc > current.hlc) won.push(c.field);
        continue;
      }
      if (op.hlc > current.hlc) {
        this.recordConflict(op, c.field, existing ? existing[c.field] : null, current.opId, op.opId);
        winners[c.field] = c.new;
        won.push(c.field);
      } else {
        this.recordConflict(op, c.field, c.new, op.opId, current.opId);
      }
    }
    if (op.action === 'create' || won.length > 0) {
      const refField = register.referenceField;
      if (op.action === 'create' && typeof winners[refField] === 'string' && winners[refField] !== '') winners[refField] = this.uniqueReference(register, op, winners[refField]);
      register.applyRemote(op.recordId, winners, op.at, op.action === 'create');
    }
    audit.setFieldVersions(op.recordType, op.recordId, won, op.hlc, op.opId);
  }

  /** No record and no field version under this id: nothing here can conflict with its creation. */
  private isFresh(register: AnyRegister, recordId: string): boolean {
    return (
      this.ctx.db.prepare(`SELECT 1 FROM field_versions WHERE record_type = ? AND record_id = ? LIMIT 1`).get(register.recordType, recordId) === undefined &&
      this.ctx.db.prepare(`SELECT 1 FROM ${register.tableName} WHERE id = ?`).get(recordId) === undefined
    );
  }

  /**
   * The creation of a record this machine has never seen (all of a new member's first pull, but
   * for the later changes of those records): every field it sets wins, so there is nothing to
   * look up field by field, and — as for a creation made here — one version row stands for all
   * of its fields instead of one per field.
   */
  private createFresh(register: AnyRegister, op: SyncOp): void {
    const fields = new Set(register.fieldNames);
    const values: Record<string, unknown> = {};
    for (const c of op.changes) {
      if (!fields.has(c.field) || c.field === 'id' || c.field === 'createdAt' || c.field === 'updatedAt') continue;
      values[c.field] = c.new;
    }
    const refField = register.referenceField;
    if (typeof values[refField] === 'string' && values[refField] !== '') values[refField] = this.uniqueReference(register, op, values[refField]);
    register.applyRemote(op.recordId, values, op.at);
    this.ctx.audit.setFieldVersions(op.recordType, op.recordId, [ALL_FIELDS], op.hlc, op.opId);
  }

  private recordConflict(op: SyncOp, field: string, losingValue: unknown, loserOpId: string, winnerOpId: string): void {
    const loser =
      loserOpId === op.opId
        ? { actor: op.actor, device: op.device, at: op.at, hlc: op.hlc }
        : ((this.ctx.db.prepare('SELECT actor, device, at, hlc FROM audit_log WHERE op_id = ?').get(loserOpId) as
            | { actor: string; device: string; at: string; hlc: string | null }
            | undefined) ?? { actor: 'unknown', device: 'unknown', at: op.at, hlc: '' });
    this.ctx.db
      .prepare(
        `INSERT INTO conflicts (id, record_type, record_id, field, loser_op, loser_value, loser_actor, loser_device, loser_at, loser_hlc, winner_op, detected_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (loser_op, field) DO NOTHING`,
      )
      .run(
        uuidv7(),
        op.recordType,
        op.recordId,
        field,
        loserOpId,
        JSON.stringify(losingValue ?? null),
        loser.actor,
        loser.device,
        loser.at,
        loser.hlc ?? '',
        winnerOpId,
        this.ctx.clock.now().toISOString(),
      );
  }

  /**
   * Two devices can each number a record C-2026-0007 while apart. Every device settles it the
   * same way: the record created later (larger time-ordered id) gets the creating device's mark
   * appended to its reference.
   */
  private uniqueReference(register: AnyRegister, op: SyncOp, reference: string): string {
    const table = register.tableName;
    const column = columnOf(register.referenceField);
    const clash = this.ctx.db.prepare(`SELECT id FROM ${table} WHERE ${column} = ? AND id != ?`).get(reference, op.recordId) as { id: string } | undefined;
    if (!clash) return reference;
    if (op.recordId > clash.id) return `${reference}-${op.device.slice(0, 4)}`;
    const creator = this.ctx.db.prepare(`SELECT device FROM audit_log WHERE record_type = ? AND record_id = ? AND action = 'create'`).get(op.recordType, clash.id) as
      | { device: string }
      | undefined;
    const renamed = `${reference}-${(creator?.device ?? 'dup').slice(0, 4)}`;
    register.applyRemote(clash.id, { [register.referenceField]: renamed }, op.at);
    return reference;
  }

  private applyLink(op: SyncOp): void {
    const get = (f: string) => op.changes.find((c) => c.field === f)?.new as { type: string; id: string } | string | undefined;
    if (op.action === 'create') {
      const from = get('from') as { type: string; id: string };
      const to = get('to') as { type: string; id: string };
      this.ctx.db
        .prepare('INSERT OR IGNORE INTO links (id, from_type, from_id, to_type, to_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(op.recordId, from.type, from.id, to.type, to.id, (get('note') as string | undefined) ?? '', op.at);
    } else if (op.action === 'archive') {
      this.ctx.db.prepare('UPDATE links SET removed_at = ?, remove_reason = ? WHERE id = ? AND removed_at IS NULL').run(op.at, (get('removeReason') as string) ?? '', op.recordId);
    }
  }

  private applyAttachment(op: SyncOp): void {
    const get = (f: string) => op.changes.find((c) => c.field === f)?.new;
    if (op.action === 'create') {
      const record = get('record') as { type: string; id: string };
      // The bytes follow separately, in chunks; until then the file is listed as incomplete.
      this.ctx.db
        .prepare(
          `INSERT OR IGNORE INTO attachments (id, record_type, record_id, file_name, mime_type, size, sha256, text_indexed, created_at, content_complete)
           VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, 0)`,
        )
        .run(op.recordId, record.type, record.id, String(get('fileName')), String(get('mimeType') ?? 'application/octet-stream'), Number(get('size')), String(get('sha256')), op.at);
    } else if (op.action === 'archive') {
      this.ctx.db.prepare('UPDATE attachments SET archived_at = ?, archive_reason = ? WHERE id = ?').run(op.at, String(get('archiveReason') ?? ''), op.recordId);
      this.ctx.db.prepare(`UPDATE search_docs SET archived = 1 WHERE record_type = 'attachment' AND record_id = ?`).run(op.recordId);
    }
  }
}
