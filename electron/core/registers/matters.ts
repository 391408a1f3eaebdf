import { v7 as uuidv7 } from 'uuid';
import { Matter, MatterCreate, MatterListQuery, MatterSetStatus, MatterUpdate, type MatterDeadline, type MatterDetail } from '@shared/schemas/matter';
import { findRegulator } from '@shared/reference/regulators';
import type { Letter } from '@shared/schemas/letter';
import { toUtc, type RegisterContext } from './context';
import { RecordTable, Where, orderBy } from './record-table';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';
import type { LetterRegister } from './letters';

export const MATTER = 'matter';
const SORT = { reference: 'reference', openedAt: 'opened_at', title: 'title COLLATE NOCASE', regulator: 'regulator' } as const;

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
    const q = MatterListQuery.parse(query);
    const w = new Where();
    if (!q.includeArchived) w.add('archived_at IS NULL');
    w.in('regulator', q.regulator).in('status', q.status);
    if (q.text) w.text(this.ctx.search.matchClause(MATTER, q.text));
    return this.table.page(w.clauses, w.params, orderBy(SORT[q.sort.field], q.sort.dir), q.limit, q.offset);
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
