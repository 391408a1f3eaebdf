import { v7 as uuidv7 } from 'uuid';
import { computeDeadline } from '@shared/deadlines';
import { ApiError } from '@shared/api/contract';
import { APPEALABLE_KINDS, Letter, LetterCreate, LetterListQuery, LetterUpdate } from '@shared/schemas/letter';
import { findRegulator } from '@shared/reference/regulators';
import { toUtc, type RegisterContext } from './context';
import { RecordTable, Where, orderBy } from './record-table';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const LETTER = 'letter';

const SORT = { reference: 'reference', date: 'COALESCE(received_at, sent_at)', replyDue: 'reply_due', kind: 'kind', regulator: 'regulator' } as const;

/**
 * An appeal lies against a regulator's decision; the app knows the French one (two months,
 * délai franc, before the Conseil d'État, from notification). Others are entered as deadlines.
 */
export function appealDueFor(l: Pick<Letter, 'kind' | 'direction' | 'regulator' | 'notifiedAt' | 'receivedAt'>): string | null {
  if (l.direction !== 'inbound' || !APPEALABLE_KINDS.includes(l.kind) || l.regulator !== 'FR-CNIL') return null;
  const from = l.notifiedAt ?? l.receivedAt;
  if (!from) return null;
  const reg = findRegulator('FR-CNIL')!;
  const due = computeDeadline('conseil-etat-appeal', from, { timeZone: reg.timeZone, country: reg.holidayCountry }).deadline;
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
    const q = LetterListQuery.parse(query);
    const w = new Where();
    if (!q.includeArchived) w.add('archived_at IS NULL');
    w.in('regulator', q.regulator).in('kind', q.kind);
    if (q.direction) w.add('direction = ?', q.direction);
    if (q.matterId) w.add('matter_id = ?', q.matterId);
    if (q.text) w.text(this.ctx.search.matchClause(LETTER, q.text));
    return this.table.page(w.clauses, w.params, orderBy(SORT[q.sort.field], q.sort.dir, q.sort.field === 'replyDue'), q.limit, q.offset);
  }

  create(input: LetterCreate): Letter {
    const data = LetterCreate.parse(input);
    const now = this.now();
    return this.ctx.write(LETTER, () => {
      this.assertLinks(data.matterId, data.inReplyTo, null);
      const normalised = normaliseInstants(data);
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
      const n = normaliseInstants(merged);
      return { ...merged, ...n, reference, appealDue: appealDueFor(n) };
    });
    if (previousParent && previousParent !== after.inReplyTo) this.refreshAnswered(previousParent);
    return after;
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
      for (const child of this.table.all('in_reply_to = ?', [l.id], 'COALESCE(received_at, sent_at), id')) walk(child);
    };
    walk(root);
    return out.sort((a, b) => (a.receivedAt ?? a.sentAt ?? '').localeCompare(b.receivedAt ?? b.sentAt ?? ''));
  }

  byMatter(matterId: string, includeArchived = false): Letter[] {
    return this.table.all(`matter_id = ?${includeArchived ? '' : ' AND archived_at IS NULL'}`, [matterId], 'COALESCE(received_at, sent_at), id');
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
