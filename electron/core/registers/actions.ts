import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { Action, ActionCreate, ActionListQuery, ActionSetStatus, ActionUpdate } from '@shared/schemas/action';
import { fold } from '@shared/text';
import { toUtc, type RegisterContext } from './context';
import { RecordTable, Where, orderBy } from './record-table';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const ACTION = 'action';
const SORT = {
  reference: 'reference',
  dueAt: 'due_at',
  status: 'status',
  owner: 'owner COLLATE NOCASE',
  priority: `CASE priority WHEN 'critical' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END`,
  title: 'title COLLATE NOCASE',
} as const;

export const OPEN_ACTION_SQL = `status IN ('planned','in_progress')`;

export class ActionRegister extends RegisterBase<typeof Action> {
  constructor(ctx: RegisterContext) {
    super(ctx, new RecordTable(ctx.db, 'actions', Action, 'action'), ACTION);
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
    const q = ActionListQuery.parse(query);
    const w = new Where();
    if (!q.includeArchived) w.add('archived_at IS NULL');
    w.in('status', q.status);
    if (q.owner?.length) w.add(`fold(owner) IN (${q.owner.map(() => '?').join(',')})`, ...q.owner.map(fold));
    if (q.originId) w.add('origin_id = ?', q.originId);
    if (q.dueBefore) w.add(`${OPEN_ACTION_SQL} AND due_at < ?`, toUtc(q.dueBefore));
    if (q.text) w.text(this.ctx.search.matchClause(ACTION, q.text));
    return this.table.page(w.clauses, w.params, orderBy(SORT[q.sort.field], q.sort.dir, q.sort.field === 'dueAt'), q.limit, q.offset);
  }

  create(input: ActionCreate): Action {
    const data = ActionCreate.parse(input);
    const now = this.now();
    return this.ctx.write(ACTION, () => {
      const reference = data.reference?.trim() || this.nextReference('A', now);
      this.assertReferenceFree(reference, null);
      return this.insertNew({
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
      });
    });
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
    return this.change(
      id,
      'status',
      (b) => {
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
      },
      note && status !== 'verified' ? [{ field: 'note', old: null, new: note }] : [],
    );
  }
}
