import { v7 as uuidv7 } from 'uuid';
import { letterDate } from '@shared/correspondence/letter-date';
import { appealWindow, letterDues, type AppealFacts } from '@shared/correspondence/deadlines';
import { ApiError } from '@shared/api/contract';
import { Letter, LetterCreate, LetterListQuery, LetterUpdate } from '@shared/schemas/letter';
import { findRegulator } from '@shared/reference/regulators';
import { toUtc, type RegisterContext } from './context';
import { RecordTable } from './record-table';
import { sortNullsLast, sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const LETTER = 'letter';

const DATE = 'COALESCE(received_at, sent_at)';
/** Each sort's ORDER BY term and its index (migration 8). */
const SORTS: Record<NonNullable<LetterListQuery['sort']>['field'], SortSpec> = {
  reference: sortOn('reference', 'letters_by_reference'),
  date: sortOn(DATE, 'letters_by_date'),
  replyDue: sortNullsLast('reply_due', 'letters_by_reply_due', 'letters_by_reply_due_desc'),
  kind: sortOn('kind', 'letters_by_kind'),
  regulator: sortOn('regulator', 'letters_by_regulator'),
};

/** The appeal date the core stores (shared/correspondence/deadlines.ts counts it). */
export function appealDueFor(l: AppealFacts): string | null {
  const due = appealWindow(l)?.result?.deadline;
  return due ? toUtc(due) : null;
}

export class LetterRegister extends RegisterBase<typeof Letter> {
  constructor(ctx: RegisterContext) {
    super(ctx, new RecordTable(ctx.db, 'letters', Letter, 'letter'), LETTER);
  }

  protected searchDoc(l: Letter): SearchDoc {
    return {
      reference: l.reference,
      title: l.subject,
      body: [l.summary, l.regulatorRefs.join(' '), l.regulator, findRegulator(l.regulator)?.name, l.archiveReason].filter(Boolean).join('\n'),
      status: l.replyDue && !l.answeredAt ? 'awaiting_reply' : l.kind,
      date: l.receivedAt ?? l.sentAt,
      regulator: l.regulator,
      archived: l.archivedAt !== null,
    };
  }

  /** A reply (an outbound letter in reply) meets the letter's reply date. */
  protected override afterWrite(l: Letter, remote: boolean): void {
    if (l.inReplyTo && !remote) this.refreshAnswered(l.inReplyTo);
  }

  list(query: LetterListQuery) {
    return this.table.list(this.listRequest(query));
  }

  /** The list's filters, order and page as the list runs them (what list-plans.test.ts explains). */
  listRequest(query: LetterListQuery): Omit<ListRequest, 'table'> {
    const q = LetterListQuery.parse(query);
    const w = new Where();
    w.in('regulator', q.regulator, { index: 'letters_regulator_date', sorts: ['date'] });
    w.in('kind', q.kind, { index: 'letters_kind_date', sorts: ['date'] });
    w.in('direction', q.direction ? [q.direction] : undefined, { index: 'letters_direction_date', sorts: ['date'] });
    w.in('matter_id', q.matterId ? [q.matterId] : undefined, { index: 'letters_matter_date', sorts: ['date'] });
    if (q.text) w.text(this.ctx.search.matchClause(LETTER, q.text));
    return { where: w, includeArchived: q.includeArchived, sortField: q.sort.field, dir: q.sort.dir, sort: SORTS[q.sort.field], limit: q.limit, offset: q.offset };
  }

  create(input: LetterCreate): Letter {
    const data = LetterCreate.parse(input);
    const now = this.now();
    return this.ctx.write(LETTER, () => {
      this.assertLinks(data.matterId, data.inReplyTo, null);
      const normalised = this.withDues(normaliseInstants(data));
      const reference = data.reference?.trim() || this.nextReference('L', normalised.receivedAt ?? normalised.sentAt ?? now);
      this.assertReferenceFree(reference, null);
      const letter: Letter = {
        ...normalised,
        id: uuidv7(),
        reference,
        answeredAt: null,
        appealDue: appealDueFor(normalised),
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
        archiveReason: null,
      };
      return this.insertNew({ ...letter, answeredAt: this.earliestReply(letter.id) });
    });
  }

  /** The reference a new letter dated `atUtc` would be given now (not taken: see peekReference). */
  nextReferenceFor(atUtc: string): string {
    return this.peekReference('L', atUtc);
  }

  update(input: LetterUpdate): Letter {
    const { id, patch } = LetterUpdate.parse(input);
    let previousParent: string | null = null;
    const after = this.change(id, 'update', (before) => {
      previousParent = before.inReplyTo;
      const merged = { ...before, ...stripUndefined(patch) };
      const checked = LetterCreate.safeParse(merged);
      if (!checked.success) throw validationError(checked.error);
      this.assertLinks(merged.matterId, merged.inReplyTo, id);
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      const n = this.withDues(normaliseInstants(merged));
      return { ...merged, ...n, reference, appealDue: appealDueFor(n) };
    });
    if (previousParent && previousParent !== after.inReplyTo) this.refreshAnswered(previousParent);
    return after;
  }

  /** A period the letter states decides its date: counted again whenever the letter changes. */
  private withDues<T extends Parameters<typeof letterDues>[0]>(l: T): T {
    const dues = letterDues(l, this.ctx.calendar());
    return { ...l, replyDue: toUtc(dues.replyDue), complianceDue: toUtc(dues.complianceDue) };
  }

  /**
   * Recomputes every stored Conseil d'État appeal date with today's rule (after the rule changed:
   * a notification on a date the month of expiry lacks now ends on the earlier reading). Each
   * changed date is an audited update of its letter. Returns how many changed.
   */
  recountAppeals(): number {
    let changed = 0;
    const rows = this.ctx.db.prepare('SELECT id, appeal_due FROM letters WHERE appeal_due IS NOT NULL ORDER BY id').all() as { id: string; appeal_due: string }[];
    for (const r of rows) {
      const due = appealDueFor(this.get(r.id));
      if (due === r.appeal_due) continue;
      this.update({ id: r.id, patch: {} });
      changed++;
    }
    return changed;
  }

  override archive(input: { id: string; reason: string }): Letter {
    const l = super.archive(input);
    if (l.inReplyTo) this.refreshAnswered(l.inReplyTo);
    return l;
  }

  /** The thread a letter belongs to, oldest first: its ancestors, itself, and every reply below. */
  thread(id: string): Letter[] {
    let root = this.get(id);
    const seen = new Set<string>([root.id]);
    while (root.inReplyTo && !seen.has(root.inReplyTo)) {
      seen.add(root.inReplyTo);
      root = this.get(root.inReplyTo);
    }
    const out: Letter[] = [];
    const walk = (l: Letter) => {
      out.push(l);
      for (const child of this.table.all('in_reply_to = ?', [l.id], `${DATE}, id`)) walk(child);
    };
    walk(root);
    return out.sort((a, b) => (letterDate(a) ?? '').localeCompare(letterDate(b) ?? ''));
  }

  /** A matter's steps in the order of their letters' own dates (an outbound letter by its sending, not its receipt). */
  byMatter(matterId: string, includeArchived = false): Letter[] {
    const letters = this.table.all(`matter_id = ?${includeArchived ? '' : ' AND archived_at IS NULL'}`, [matterId], `${DATE}, id`);
    const key = (l: Letter) => letterDate(l) ?? '';
    return letters.sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
  }

  private earliestReply(letterId: string): string | null {
    const row = this.ctx.db
      .prepare(`SELECT min(sent_at) AS at FROM letters WHERE in_reply_to = ? AND direction = 'outbound' AND archived_at IS NULL AND sent_at IS NOT NULL`)
      .get(letterId) as { at: string | null };
    return row.at;
  }

  private refreshAnswered(letterId: string): void {
    const answeredAt = this.earliestReply(letterId);
    const current = this.find(letterId);
    if (current && current.answeredAt !== answeredAt) this.change(letterId, 'update', (b) => ({ ...b, answeredAt }));
  }

  private assertLinks(matterId: string | null, inReplyTo: string | null, selfId: string | null) {
    if (matterId && !this.ctx.db.prepare('SELECT 1 FROM matters WHERE id = ?').get(matterId)) throw new ApiError('NOT_FOUND', `No matter with id ${matterId}`);
    if (inReplyTo) {
      if (inReplyTo === selfId) throw new ApiError('VALIDATION_FAILED', 'A letter cannot reply to itself.');
      if (!this.find(inReplyTo)) throw new ApiError('NOT_FOUND', `No letter with id ${inReplyTo} to reply to`);
    }
  }
}

function normaliseInstants<T extends { sentAt: string | null; receivedAt: string | null; notifiedAt: string | null; replyDue: string | null; complianceDue: string | null }>(l: T): T {
  return {
    ...l,
    sentAt: toUtc(l.sentAt),
    receivedAt: toUtc(l.receivedAt),
    notifiedAt: toUtc(l.notifiedAt),
    replyDue: toUtc(l.replyDue),
    complianceDue: toUtc(l.complianceDue),
  };
}
