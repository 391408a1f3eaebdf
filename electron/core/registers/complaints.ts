import { v7 as uuidv7 } from 'uuid';
import { DateTime } from 'luxon';
import { ApiError } from '@shared/api/contract';
import { computeDeadline } from '@shared/deadlines';
import {
  Complaint,
  ComplaintCreate,
  ComplaintListQuery,
  ComplaintSetStatus,
  ComplaintUpdate,
  type ComplaintListResult,
} from '@shared/schemas/complaint';
import type { ArchiveInput } from '@shared/schemas/common';
import { appendAudit, diffFields, nextCounter, nowIso, toUtc, type RegisterContext } from './context';

export const COMPLAINT = 'complaint';

interface Row {
  id: string;
  reference: string;
  received_at: string;
  channel: string;
  regulator: string | null;
  regulator_reference: string | null;
  complainant_label: string;
  complainant_contact: string;
  rights: string;
  summary: string;
  outcome: string;
  extension_notice_at: string | null;
  extension_reason: string;
  status: string;
  response_due: string;
  answered_at: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  archive_reason: string | null;
}

function fromRow(r: Row): Complaint {
  return Complaint.parse({
    id: r.id,
    reference: r.reference,
    receivedAt: r.received_at,
    channel: r.channel,
    regulator: r.regulator,
    regulatorReference: r.regulator_reference,
    complainantLabel: r.complainant_label,
    complainantContact: r.complainant_contact,
    rights: JSON.parse(r.rights),
    summary: r.summary,
    outcome: r.outcome,
    extensionNoticeAt: r.extension_notice_at,
    extensionReason: r.extension_reason,
    status: r.status,
    responseDue: r.response_due,
    answeredAt: r.answered_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    archivedAt: r.archived_at,
    archiveReason: r.archive_reason,
  });
}

/** Fields whose changes the audit log records (everything but bookkeeping timestamps). */
const AUDITED: (keyof Complaint & string)[] = [
  'reference',
  'receivedAt',
  'channel',
  'regulator',
  'regulatorReference',
  'complainantLabel',
  'complainantContact',
  'rights',
  'summary',
  'outcome',
  'extensionNoticeAt',
  'extensionReason',
  'status',
  'responseDue',
  'answeredAt',
  'archivedAt',
  'archiveReason',
];

const SORT_COLUMNS = {
  reference: 'reference',
  receivedAt: 'received_at',
  responseDue: 'response_due',
  status: 'status',
  complainantLabel: 'complainant_label COLLATE NOCASE',
  channel: 'channel',
} as const;

/** GDPR Art. 12(3): one month from receipt, three when the extension was notified in time. */
export function responseDueFor(ctx: RegisterContext, receivedAt: string, extensionNoticeAt: string | null): string {
  const rule = extensionNoticeAt ? 'gdpr-12-extended' : 'gdpr-12-response';
  const due = computeDeadline(rule, receivedAt, ctx.calendar()).deadline;
  if (!due) throw new Error(`Rule ${rule} gave no deadline`);
  return toUtc(due);
}

export class ComplaintRegister {
  constructor(private readonly ctx: RegisterContext) {}

  get(id: string): Complaint {
    const row = this.ctx.db.prepare('SELECT * FROM complaints WHERE id = ?').get(id) as Row | undefined;
    if (!row) throw new ApiError('NOT_FOUND', `No complaint with id ${id}`);
    return fromRow(row);
  }

  list(query: ComplaintListQuery): ComplaintListResult {
    const q = ComplaintListQuery.parse(query);
    const where: string[] = [];
    const params: unknown[] = [];
    if (!q.includeArchived) where.push('archived_at IS NULL');
    if (q.status?.length) {
      where.push(`status IN (${q.status.map(() => '?').join(',')})`);
      params.push(...q.status);
    }
    if (q.channel?.length) {
      where.push(`channel IN (${q.channel.map(() => '?').join(',')})`);
      params.push(...q.channel);
    }
    if (q.right?.length) {
      where.push(`EXISTS (SELECT 1 FROM json_each(complaints.rights) j WHERE j.value IN (${q.right.map(() => '?').join(',')}))`);
      params.push(...q.right);
    }
    if (q.receivedFrom) {
      where.push('received_at >= ?');
      params.push(toUtc(q.receivedFrom));
    }
    if (q.receivedTo) {
      where.push('received_at < ?');
      params.push(toUtc(q.receivedTo));
    }
    if (q.overdueAt) {
      where.push(`status NOT IN ('answered','closed') AND response_due < ?`);
      params.push(toUtc(q.overdueAt));
    }
    if (q.text) {
      const m = this.ctx.search.matchClause(COMPLAINT, q.text);
      if (m) {
        where.push(`id IN (${m.sql})`);
        params.push(...m.params);
      }
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.ctx.db.prepare(`SELECT count(*) AS n FROM complaints ${whereSql}`).get(...params) as { n: number }).n;
    const order = `${SORT_COLUMNS[q.sort.field]} ${q.sort.dir === 'asc' ? 'ASC' : 'DESC'}, id ${q.sort.dir === 'asc' ? 'ASC' : 'DESC'}`;
    const rows = this.ctx.db
      .prepare(`SELECT * FROM complaints ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`)
      .all(...params, q.limit, q.offset) as Row[];
    return { items: rows.map(fromRow), total };
  }

  create(input: ComplaintCreate): Complaint {
    const data = ComplaintCreate.parse(input);
    return this.ctx.write(COMPLAINT, () => {
      const now = nowIso(this.ctx.clock);
      const receivedAt = toUtc(data.receivedAt);
      const reference = data.reference?.trim() || this.nextReference(receivedAt);
      this.assertReferenceFree(reference, null);
      const c: Complaint = {
        ...data,
        id: uuidv7(),
        reference,
        receivedAt,
        extensionNoticeAt: toUtc(data.extensionNoticeAt),
        regulator: data.channel === 'regulator' ? data.regulator : null,
        regulatorReference: data.channel === 'regulator' ? data.regulatorReference : null,
        status: 'received',
        responseDue: responseDueFor(this.ctx, data.receivedAt, data.extensionNoticeAt),
        answeredAt: null,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
        archiveReason: null,
      };
      this.insert(c);
      appendAudit(this.ctx, COMPLAINT, c.id, 'create', diffFields(null, c, AUDITED));
      return c;
    });
  }

  update(input: ComplaintUpdate): Complaint {
    const { id, patch } = ComplaintUpdate.parse(input);
    return this.ctx.write(COMPLAINT, () => {
      const before = this.get(id);
      const merged = { ...before, ...stripUndefined(patch) };
      // Validate the whole record as it will be, not just the patch.
      const checked = ComplaintCreate.safeParse(merged);
      if (!checked.success) {
        throw new ApiError('VALIDATION_FAILED', checked.error.issues[0]?.message ?? 'Invalid complaint', checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      const after: Complaint = {
        ...merged,
        reference,
        receivedAt: toUtc(merged.receivedAt),
        extensionNoticeAt: toUtc(merged.extensionNoticeAt),
        regulator: merged.channel === 'regulator' ? merged.regulator : null,
        regulatorReference: merged.channel === 'regulator' ? merged.regulatorReference : null,
        responseDue: responseDueFor(this.ctx, merged.receivedAt, merged.extensionNoticeAt),
        updatedAt: nowIso(this.ctx.clock),
      };
      const changes = diffFields(before, after, AUDITED);
      if (changes.length === 0) return before;
      this.save(after);
      appendAudit(this.ctx, COMPLAINT, id, 'update', changes);
      return after;
    });
  }

  setStatus(input: ComplaintSetStatus): Complaint {
    const { id, status, at, note } = ComplaintSetStatus.parse(input);
    return this.ctx.write(COMPLAINT, () => {
      const before = this.get(id);
      if (before.archivedAt) throw new ApiError('CONFLICT', `Complaint ${before.reference} is archived; restore it before changing its status.`);
      if (before.status === status) return before;
      const answered = status === 'answered' || status === 'closed';
      const after: Complaint = {
        ...before,
        status,
        // The answer is what meets the Art. 12(3) clock: keep the first answer's instant.
        answeredAt: answered ? (before.answeredAt ?? toUtc(at ?? nowIso(this.ctx.clock))) : null,
        updatedAt: nowIso(this.ctx.clock),
      };
      this.save(after);
      const changes = diffFields(before, after, AUDITED);
      if (note) changes.push({ field: 'note', old: null, new: note });
      appendAudit(this.ctx, COMPLAINT, id, 'status', changes);
      return after;
    });
  }

  archive(input: ArchiveInput): Complaint {
    return this.ctx.write(COMPLAINT, () => {
      const before = this.get(input.id);
      if (before.archivedAt) throw new ApiError('CONFLICT', `Complaint ${before.reference} is already archived.`);
      const now = nowIso(this.ctx.clock);
      const after: Complaint = { ...before, archivedAt: now, archiveReason: input.reason, updatedAt: now };
      this.save(after);
      appendAudit(this.ctx, COMPLAINT, after.id, 'archive', diffFields(before, after, AUDITED));
      return after;
    });
  }

  restore(id: string): Complaint {
    return this.ctx.write(COMPLAINT, () => {
      const before = this.get(id);
      if (!before.archivedAt) throw new ApiError('CONFLICT', `Complaint ${before.reference} is not archived.`);
      const after: Complaint = { ...before, archivedAt: null, archiveReason: null, updatedAt: nowIso(this.ctx.clock) };
      this.save(after);
      appendAudit(this.ctx, COMPLAINT, id, 'restore', diffFields(before, after, AUDITED));
      return after;
    });
  }

  /** References run per year of receipt, in the organisation's zone: C-2018-0001, C-2018-0002… */
  private nextReference(receivedAtUtc: string): string {
    const year = DateTime.fromISO(receivedAtUtc, { zone: this.ctx.calendar().timeZone }).year;
    for (;;) {
      const n = nextCounter(this.ctx.db, `complaint-${year}`);
      const ref = `C-${year}-${String(n).padStart(4, '0')}`;
      if (!this.ctx.db.prepare('SELECT 1 FROM complaints WHERE reference = ?').get(ref)) return ref;
    }
  }

  private assertReferenceFree(reference: string, exceptId: string | null) {
    const row = this.ctx.db.prepare('SELECT id FROM complaints WHERE reference = ?').get(reference) as { id: string } | undefined;
    if (row && row.id !== exceptId) throw new ApiError('CONFLICT', `Another complaint already has the reference ${reference}.`);
  }

  private insert(c: Complaint) {
    this.ctx.db
      .prepare(
        `INSERT INTO complaints (id, reference, received_at, channel, regulator, regulator_reference, complainant_label,
          complainant_contact, rights, summary, outcome, extension_notice_at, extension_reason, status, response_due,
          answered_at, created_at, updated_at, archived_at, archive_reason)
         VALUES (@id, @reference, @receivedAt, @channel, @regulator, @regulatorReference, @complainantLabel,
          @complainantContact, @rights, @summary, @outcome, @extensionNoticeAt, @extensionReason, @status, @responseDue,
          @answeredAt, @createdAt, @updatedAt, @archivedAt, @archiveReason)`,
      )
      .run(toParams(c));
    this.index(c);
  }

  private save(c: Complaint) {
    this.ctx.db
      .prepare(
        `UPDATE complaints SET reference=@reference, received_at=@receivedAt, channel=@channel, regulator=@regulator,
          regulator_reference=@regulatorReference, complainant_label=@complainantLabel, complainant_contact=@complainantContact,
          rights=@rights, summary=@summary, outcome=@outcome, extension_notice_at=@extensionNoticeAt,
          extension_reason=@extensionReason, status=@status, response_due=@responseDue, answered_at=@answeredAt,
          created_at=@createdAt, updated_at=@updatedAt, archived_at=@archivedAt, archive_reason=@archiveReason
         WHERE id=@id`,
      )
      .run(toParams(c));
    this.index(c);
  }

  private index(c: Complaint) {
    this.ctx.search.upsert(
      COMPLAINT,
      c.id,
      `${c.reference} ${c.complainantLabel}`,
      [c.summary, c.outcome, c.regulator, c.regulatorReference, c.complainantContact, c.extensionReason, c.archiveReason].filter(Boolean).join('\n'),
    );
  }
}

function toParams(c: Complaint) {
  return { ...c, rights: JSON.stringify(c.rights) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
