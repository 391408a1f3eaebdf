import type { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { Action, ActionCreate, ActionListQuery, ActionSetStatus, ActionUpdate } from '@shared/schemas/action';
import { fold } from '@shared/text';
import { toUtc, type RegisterContext } from './context';
import { RecordTable } from './record-table';
import { sortNullsLast, sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError, type PlannedRecord, type Reserved } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const ACTION = 'action';
/** Each sort's ORDER BY term and its index (migration 8). */
const SORTS: Record<NonNullable<ActionListQuery['sort']>['field'], SortSpec> = {
  reference: sortOn('reference', 'actions_by_reference'),
  dueAt: sortNullsLast('due_at', 'actions_by_due', 'actions_by_due_desc'),
  status: sortOn('status', 'actions_by_status'),
  owner: sortOn('owner', 'actions_by_owner', 'NOCASE'),
  priority: sortOn(`(CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END)`, 'actions_by_priority'),
  title: sortOn('title', 'actions_by_title', 'NOCASE'),
};

export const OPEN_ACTION_SQL = `status IN ('planned','in_progress')`;

export class ActionRegister extends RegisterBase<typeof Action> {
  constructor(ctx: RegisterContext) {
    // owner_key: the owner folded (accents, case), what the owner filter compares.
    super(ctx, new RecordTable(ctx.db, 'actions', Action, 'action', { owner_key: (a) => fold(a.owner) }), ACTION);
  }

  protected searchDoc(a: Action): SearchDoc {
    return {
      reference: a.reference,
      title: a.title,
      body: [a.description, a.owner, a.originNote, a.evidence, a.verificationNote, a.archiveReason].filter(Boolean).join('\n'),
      status: a.status,
      date: a.dueAt,
      owner: a.owner,
      archived: a.archivedAt !== null,
    };
  }

  list(query: ActionListQuery) {
    return this.table.list(this.listRequest(query));
  }

  /** The list's filters, order and page as the list runs them (what list-plans.test.ts explains). */
  listRequest(query: ActionListQuery): Omit<ListRequest, 'table'> {
    const q = ActionListQuery.parse(query);
    const w = new Where();
    // The nullable due date's index reads ascending only; descending has its own.
    w.in('status', q.status, { index: 'actions_status_due', sorts: ['dueAt:asc'] });
    w.in('owner_key', q.owner?.map(fold), { index: 'actions_owner_due', sorts: ['dueAt:asc'] });
    w.in('origin_id', q.originId ? [q.originId] : undefined, { index: 'actions_origin_due', sorts: ['dueAt:asc'] });
    if (q.dueBefore) {
      const sql = `${OPEN_ACTION_SQL} AND due_at < ?`;
      const at = toUtc(q.dueBefore);
      w.driven({ sql, params: [at], drive: { sorts: ['dueAt:asc'], arms: [{ sql, params: [at], index: 'actions_open_by_due' }] } });
    }
    if (q.text) w.text(this.ctx.search.matchClause(ACTION, q.text));
    return { where: w, includeArchived: q.includeArchived, sortField: q.sort.field, dir: q.sort.dir, sort: SORTS[q.sort.field], limit: q.limit, offset: q.offset };
  }

  create(input: ActionCreate): Action {
    return this.ctx.write(ACTION, () => this.insertNew(this.draft(input)));
  }

  /** The action create() would store, not stored (its reference is taken in the counters). */
  private draft(input: ActionCreate, reserved?: Reserved): Action {
    const data = ActionCreate.parse(input);
    const now = this.now();
    const reference = data.reference?.trim() || this.nextReference('A', now, reserved);
    this.assertReferenceFree(reference, null, reserved);
    reserved?.add(reference);
    return {
      ...data,
      dueAt: toUtc(data.dueAt),
      id: uuidv7(),
      reference,
      status: 'planned',
      doneAt: null,
      verifiedAt: null,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      archiveReason: null,
    };
  }

  /**
   * For bulkLoad: an action created and then taken through these statuses, nothing written yet.
   * `when` dates a step of a history loaded after the fact.
   */
  planned(input: ActionCreate, statuses: (Omit<z.input<typeof ActionSetStatus>, 'id'> & { when?: string })[], reserved: Reserved): PlannedRecord<Action> {
    const created = this.draft(input, reserved);
    return this.plan(
      created,
      statuses.map((st) => {
        const { status, at, note } = ActionSetStatus.parse({ ...st, id: created.id });
        return { action: 'status' as const, mutate: (b: Action) => this.withStatus(b, status, at, note), extra: note && status !== 'verified' ? [{ field: 'note', old: null, new: note }] : [], ...(st.when ? { at: toUtc(st.when) } : {}) };
      }),
    );
  }

  update(input: ActionUpdate): Action {
    const { id, patch } = ActionUpdate.parse(input);
    return this.change(id, 'update', (before) => {
      const merged = { ...before, ...stripUndefined(patch) };
      const checked = ActionCreate.safeParse(merged);
      if (!checked.success) throw validationError(checked.error);
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      return { ...merged, reference, dueAt: toUtc(merged.dueAt) };
    });
  }

  /** done records when; verified needs done first and a note saying what was checked. */
  setStatus(input: { id: string; status: Action['status']; at?: string; note?: string }): Action {
    const { id, status, at, note } = ActionSetStatus.parse(input);
    return this.change(id, 'status', (b) => this.withStatus(b, status, at, note), note && status !== 'verified' ? [{ field: 'note', old: null, new: note }] : []);
  }

  private withStatus(b: Action, status: Action['status'], at: string | undefined, note: string | undefined): Action {
    this.assertNotArchived(b);
    const when = toUtc(at ?? this.now());
    if (status === 'verified') {
      if (b.status !== 'done' && b.status !== 'verified') throw new ApiError('CONFLICT', `${b.reference} must be done before it can be verified.`);
      if (!note && !b.verificationNote) throw new ApiError('VALIDATION_FAILED', 'Say what was checked to verify the action.', [{ path: 'note', message: 'Required to verify' }]);
      return { ...b, status, verifiedAt: b.verifiedAt ?? when, verificationNote: note ?? b.verificationNote };
    }
    if (status === 'cancelled' && !note) throw new ApiError('VALIDATION_FAILED', 'Say why the action is cancelled.', [{ path: 'note', message: 'Required to cancel' }]);
    return {
      ...b,
      status,
      doneAt: status === 'done' ? (b.doneAt ?? when) : status === 'planned' || status === 'in_progress' ? null : b.doneAt,
      verifiedAt: null,
    };
  }
}
