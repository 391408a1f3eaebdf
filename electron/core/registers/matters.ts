import { v7 as uuidv7 } from 'uuid';
import { Matter, MatterCreate, MatterListQuery, MatterSetStatus, MatterUpdate, type MatterDeadline, type MatterDetail } from '@shared/schemas/matter';
import { findRegulator } from '@shared/reference/regulators';
import type { Letter } from '@shared/schemas/letter';
import { toUtc, type RegisterContext } from './context';
import { RecordTable } from './record-table';
import { sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';
import type { LetterRegister } from './letters';

export const MATTER = 'matter';
/** Each sort's ORDER BY term and its index (migration 8). */
const SORTS: Record<NonNullable<MatterListQuery['sort']>['field'], SortSpec> = {
  reference: sortOn('reference', 'matters_by_reference'),
  openedAt: sortOn('opened_at', 'matters_by_opened'),
  title: sortOn('title', 'matters_by_title', 'NOCASE'),
  regulator: sortOn('regulator', 'matters_by_regulator'),
};

/**
 * Every deadline the regulator set in the matter's letters. A later "extension granted" letter in
 * reply to one supersedes that letter's deadline of the same kind.
 */
export function matterDeadlines(letters: Letter[]): MatterDeadline[] {
  const out: MatterDeadline[] = [];
  const appealLodged = letters.find((l) => l.kind === 'appeal_lodged');
  for (const l of letters) {
    const extension = (kind: 'reply' | 'compliance') =>
      letters.find((x) => x.kind === 'extension_granted' && x.inReplyTo === l.id && (kind === 'reply' ? x.replyDue : x.complianceDue))?.id ?? null;
    if (l.replyDue) out.push({ letterId: l.id, letterReference: l.reference, kind: 'reply', due: l.replyDue, metAt: l.answeredAt, supersededBy: extension('reply') });
    if (l.complianceDue) out.push({ letterId: l.id, letterReference: l.reference, kind: 'compliance', due: l.complianceDue, metAt: null, supersededBy: extension('compliance') });
    if (l.appealDue) {
      out.push({ letterId: l.id, letterReference: l.reference, kind: 'appeal', due: l.appealDue, metAt: appealLodged ? (appealLodged.sentAt ?? appealLodged.receivedAt) : null, supersededBy: null });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

export class MatterRegister extends RegisterBase<typeof Matter> {
  constructor(
    ctx: RegisterContext,
    private readonly letters: LetterRegister,
  ) {
    super(ctx, new RecordTable(ctx.db, 'matters', Matter, 'matter'), MATTER);
  }

  protected searchDoc(m: Matter): SearchDoc {
    return {
      reference: m.reference,
      title: m.title,
      body: [m.summary, m.appeal, m.regulatorRefs.join(' '), m.regulator, findRegulator(m.regulator)?.name, m.archiveReason].filter(Boolean).join('\n'),
      status: m.status,
      date: m.openedAt,
      regulator: m.regulator,
      archived: m.archivedAt !== null,
    };
  }

  list(query: MatterListQuery) {
    return this.table.list(this.listRequest(query));
  }

  /** The list's filters, order and page as the list runs them (what list-plans.test.ts explains). */
  listRequest(query: MatterListQuery): Omit<ListRequest, 'table'> {
    const q = MatterListQuery.parse(query);
    const w = new Where();
    w.in('regulator', q.regulator, { index: 'matters_regulator_opened', sorts: ['openedAt'] });
    w.in('status', q.status, { index: 'matters_status_opened', sorts: ['openedAt'] });
    if (q.text) w.text(this.ctx.search.matchClause(MATTER, q.text));
    return { where: w, includeArchived: q.includeArchived, sortField: q.sort.field, dir: q.sort.dir, sort: SORTS[q.sort.field], limit: q.limit, offset: q.offset };
  }

  detail(id: string): MatterDetail {
    const matter = this.get(id);
    const letters = this.letters.byMatter(id);
    return { matter, letters, deadlines: matterDeadlines(letters) };
  }

  create(input: MatterCreate): Matter {
    const data = MatterCreate.parse(input);
    const now = this.now();
    return this.ctx.write(MATTER, () => {
      const openedAt = toUtc(data.openedAt);
      const reference = data.reference?.trim() || this.nextReference('M', openedAt);
      this.assertReferenceFree(reference, null);
      return this.insertNew({ ...data, id: uuidv7(), reference, openedAt, status: 'open', closedAt: null, createdAt: now, updatedAt: now, archivedAt: null, archiveReason: null });
    });
  }

  update(input: MatterUpdate): Matter {
    const { id, patch } = MatterUpdate.parse(input);
    return this.change(id, 'update', (before) => {
      const merged = { ...before, ...stripUndefined(patch) };
      const checked = MatterCreate.safeParse(merged);
      if (!checked.success) throw validationError(checked.error);
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      return { ...merged, reference, openedAt: toUtc(merged.openedAt) };
    });
  }

  setStatus(input: { id: string; status: 'open' | 'closed'; at?: string }): Matter {
    const { id, status, at } = MatterSetStatus.parse(input);
    return this.change(id, 'status', (b) => {
      this.assertNotArchived(b);
      return { ...b, status, closedAt: status === 'closed' ? toUtc(at ?? this.now()) : null };
    });
  }
}
