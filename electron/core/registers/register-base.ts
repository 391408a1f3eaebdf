import type { z } from 'zod';
import { ApiError } from '@shared/api/contract';
import type { AuditAction, FieldChange } from '@shared/schemas/audit';
import type { ArchiveInput } from '@shared/schemas/common';
import { appendAudit, diffFields, localDay, nextCounter, nowIso, type RegisterContext } from './context';
import type { RecordTable } from './record-table';
import type { SearchDoc } from '../search/search-index';

/** Every stored record has these; the register never deletes, it archives with a reason. */
export interface BaseRecord {
  id: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  archiveReason: string | null;
}

const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt']);

/** One entry of a record's history as a bulk load writes it (what create() and change() would have). */
export interface PlannedEntry {
  action: AuditAction;
  at: string;
  changes: FieldChange[];
  /** The creation of a record that did not exist. */
  fresh?: boolean;
}

/** A record as it ends, with every audit entry that brought it there, oldest first. */
export interface PlannedRecord<T> {
  record: T;
  history: PlannedEntry[];
}

/** A change applied to a planned record, as `change()` applies one to a stored record. */
export interface PlannedStep<T> {
  action: AuditAction;
  mutate: (before: T) => T;
  extra?: FieldChange[];
  /** When the step happened, for a history loaded after the fact (a generated volume); now otherwise. */
  at?: string;
}

/**
 * References taken by records planned but not written yet (a bulk load writes a batch at once),
 * so a generated reference never lands on one of them.
 */
export type Reserved = Set<string>;

/**
 * What all registers share: create, change, archive and restore, each in one transaction with
 * its audit entry (field by field) and its search document.
 */
export abstract class RegisterBase<S extends z.ZodObject<z.ZodRawShape>, T extends BaseRecord & z.infer<S> = BaseRecord & z.infer<S>> {
  protected readonly audited: string[];

  constructor(
    protected readonly ctx: RegisterContext,
    protected readonly table: RecordTable<S>,
    readonly recordType: string,
  ) {
    this.audited = table.fields.filter((f) => !BOOKKEEPING.has(f));
  }

  /** The search document for a record, or null for records that are not indexed on their own. */
  protected abstract searchDoc(r: T): SearchDoc | null;

  /**
   * Follow-up on related records after a write (an incident's notification met its clock, a
   * reply answered a letter). `remote` is true when sync applies another device's operation:
   * that device already recorded the follow-up as operations of its own, so only re-indexing
   * is allowed then, never new writes.
   */
  protected afterWrite(_r: T, _remote: boolean): void {}

  get(id: string): T {
    return this.table.get(id) as T;
  }

  find(id: string): T | null {
    return this.table.find(id) as T | null;
  }

  protected index(r: T, remote = false): void {
    const doc = this.searchDoc(r);
    if (doc) this.ctx.search.upsert(this.recordType, r.id, doc);
    this.afterWrite(r, remote);
  }

  /** Re-index without any follow-up writes. */
  reindex(id: string): void {
    const r = this.find(id);
    if (r) this.index(r, true);
  }

  /** The table this register's records are stored in (sync settles reference clashes there). */
  get tableName(): string {
    return this.table.table;
  }

  /** The field that holds the record's citable reference (sync keeps it unique across devices). */
  get referenceField(): string {
    return 'reference';
  }

  /** The stored field names of this register's records. */
  get fieldNames(): readonly string[] {
    return this.table.fields;
  }

  /**
   * Sync: writes the winning field values of another device's operation into the record,
   * creating it when the operation created it. The caller holds the transaction and writes the
   * audit entry; this only stores and indexes.
   */
  applyRemote(recordId: string, values: Record<string, unknown>, at: string, creation = false): void {
    const existing = this.find(recordId) as Record<string, unknown> | null;
    const base = existing ?? Object.fromEntries(this.table.fields.map((f) => [f, null]));
    const held = existing?.createdAt as string | undefined;
    const merged = {
      ...base,
      ...values,
      id: recordId,
      // Two creations of one id (an obligation proposed on two machines apart): the earlier one
      // dates the record everywhere, whichever arrived first.
      createdAt: held === undefined || (creation && at < held) ? at : held,
      updatedAt: existing && String(existing.updatedAt) > at ? existing.updatedAt : at,
    };
    const rec = this.table.parse(merged) as T;
    if (existing) this.table.save(rec);
    else this.table.insert(rec);
    this.index(rec, true);
  }

  protected now(): string {
    return nowIso(this.ctx.clock);
  }

  /**
   * What creating `created` and then applying `steps` would write, without writing it: the
   * record as it ends and each audit entry, computed as insertNew() and change() compute them
   * (a step that changes nothing writes no entry).
   */
  protected plan(created: T, steps: PlannedStep<T>[] = []): PlannedRecord<T> {
    const history: PlannedEntry[] = [{ action: 'create', at: created.createdAt, changes: diffFields(null, created as Record<string, unknown>, this.audited as never[]), fresh: true }];
    let current = created;
    for (const step of steps) {
      const after = { ...step.mutate(current), id: current.id, createdAt: current.createdAt };
      const changes = diffFields(current as Record<string, unknown>, after as Record<string, unknown>, this.audited as never[]);
      const extra = step.extra ?? [];
      if (changes.length === 0 && extra.length === 0) continue;
      after.updatedAt = step.at ?? this.now();
      history.push({ action: step.action, at: after.updatedAt, changes: [...changes, ...extra] });
      current = after;
    }
    return { record: current, history };
  }

  /**
   * The bulk seam: writes many records at once in the caller's transaction (or one of its own),
   * each row once as it ends, its audit entries in order on the chain (the same entries, by the
   * same actor and device, as the app writes one by one), then the index documents of all of
   * them. For imports, generated volumes and sync's first pull: records in their final state,
   * new ids. Follow-ups on other records (a reply's answered-at, an incident's notified-at) are
   * not run: the records given must already carry them.
   */
  bulkLoad(items: readonly PlannedRecord<T>[]): void {
    if (items.length === 0) return;
    this.ctx.write(this.recordType, () => {
      for (const { record, history } of items) {
        this.table.insert(record);
        for (const h of history) appendAudit(this.ctx, this.recordType, record.id, h.action, h.changes, h.at, h.fresh ?? false);
      }
      for (const { record } of items) {
        const doc = this.searchDoc(record);
        if (doc) this.ctx.search.insertNew(this.recordType, record.id, doc);
      }
      return { id: items[items.length - 1]!.record.id };
    });
  }

  protected insertNew(r: T): T {
    return this.ctx.write(this.recordType, () => {
      this.table.insert(r);
      this.index(r);
      appendAudit(this.ctx, this.recordType, r.id, 'create', diffFields(null, r as Record<string, unknown>, this.audited as never[]), r.createdAt, true);
      return r;
    });
  }

  /**
   * Applies `mutate` to the stored record inside one transaction; writes and audits only when
   * something changed. `extra` adds audit-only facts (a note) to the entry.
   */
  protected change(id: string, action: AuditAction, mutate: (before: T) => T, extra: { field: string; old: unknown; new: unknown }[] = []): T {
    return this.ctx.write(this.recordType, () => {
      const before = this.get(id);
      const after = { ...mutate(before), id: before.id, createdAt: before.createdAt };
      const changes = diffFields(before as Record<string, unknown>, after as Record<string, unknown>, this.audited as never[]);
      if (changes.length === 0 && extra.length === 0) return before;
      after.updatedAt = this.now();
      this.table.save(after, [...changes.map((c) => c.field), 'updatedAt']);
      this.index(after);
      appendAudit(this.ctx, this.recordType, id, action, [...changes, ...extra], after.updatedAt);
      return after;
    });
  }

  /** Sets one field as a local change (e.g. taking the other side of a sync conflict). */
  setField(id: string, field: string, value: unknown, extra: { field: string; old: unknown; new: unknown }[] = []): T {
    if (!this.table.fields.includes(field)) throw new ApiError('VALIDATION_FAILED', `${this.recordType} has no field ${field}`);
    return this.change(id, 'update', (before) => this.table.parse({ ...before, [field]: value }) as T, extra);
  }

  archive(input: ArchiveInput): T {
    return this.change(input.id, 'archive', (before) => {
      if (before.archivedAt) throw new ApiError('CONFLICT', `${this.describe(before)} is already archived.`);
      return { ...before, archivedAt: this.now(), archiveReason: input.reason };
    });
  }

  restore(id: string): T {
    return this.change(id, 'restore', (before) => {
      if (!before.archivedAt) throw new ApiError('CONFLICT', `${this.describe(before)} is not archived.`);
      return { ...before, archivedAt: null, archiveReason: null };
    });
  }

  protected assertNotArchived(r: T): void {
    if (r.archivedAt) throw new ApiError('CONFLICT', `${this.describe(r)} is archived; restore it first.`);
  }

  protected describe(r: T): string {
    const ref = (r as unknown as { reference?: string }).reference;
    return ref ? `${this.recordType} ${ref}` : `This ${this.recordType}`;
  }

  /** References run per year (in the organisation's zone) and per register: C-2018-0001… */
  protected nextReference(prefix: string, atUtc: string, reserved?: Reserved): string {
    const year = localDay(atUtc, this.ctx.calendar().timeZone).slice(0, 4);
    for (;;) {
      const n = nextCounter(this.ctx.db, `${this.recordType}-${year}`);
      const ref = `${prefix}-${year}-${String(n).padStart(4, '0')}`;
      if (reserved?.has(ref)) continue;
      if (!this.ctx.db.prepare(`SELECT 1 FROM ${this.table.table} WHERE reference = ?`).get(ref)) return ref;
    }
  }

  /**
   * The reference nextReference would give now, without taking it: for a file that must name its
   * record's reference before the record is written (a generated reply). Taken only when the
   * record is created with it; the caller checks it is still free just before.
   */
  protected peekReference(prefix: string, atUtc: string): string {
    const year = localDay(atUtc, this.ctx.calendar().timeZone).slice(0, 4);
    const row = this.ctx.db.prepare('SELECT value FROM counters WHERE name = ?').get(`${this.recordType}-${year}`) as { value: number } | undefined;
    for (let n = (row?.value ?? 0) + 1; ; n++) {
      const ref = `${prefix}-${year}-${String(n).padStart(4, '0')}`;
      if (!this.ctx.db.prepare(`SELECT 1 FROM ${this.table.table} WHERE reference = ?`).get(ref)) return ref;
    }
  }

  protected assertReferenceFree(reference: string, exceptId: string | null, reserved?: Reserved): void {
    const row = this.ctx.db.prepare(`SELECT id FROM ${this.table.table} WHERE reference = ?`).get(reference) as { id: string } | undefined;
    if ((row && row.id !== exceptId) || (exceptId === null && reserved?.has(reference))) {
      throw new ApiError('CONFLICT', `Another ${this.recordType} already has the reference ${reference}.`);
    }
  }
}

/** Validation failure from a whole-record re-check (after merging a patch). */
export function validationError(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  return new ApiError('VALIDATION_FAILED', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
