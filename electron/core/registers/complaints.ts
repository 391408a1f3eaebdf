import { v7 as uuidv7 } from 'uuid';
import { computeDeadline, isExtensionNoticeInTime } from '@shared/deadlines';
import {
  Complaint,
  ComplaintCreate,
  ComplaintListQuery,
  ComplaintSetStatus,
  ComplaintUpdate,
  type ComplaintListResult,
  type ComplaintSortField,
} from '@shared/schemas/complaint';
import { localDay, toUtc, type RegisterContext } from './context';
import { RecordTable } from './record-table';
import { sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError, type PlannedRecord, type Reserved } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const COMPLAINT = 'complaint';

/** Each sort's ORDER BY term and its index (migration 8). */
const SORTS: Record<ComplaintSortField, SortSpec> = {
  reference: sortOn('reference', 'complaints_by_reference'),
  receivedAt: sortOn('received_at', 'complaints_by_received'),
  responseDue: sortOn('response_due', 'complaints_by_due'),
  status: sortOn('status', 'complaints_by_status'),
  complainantLabel: { terms: [{ expr: 'complainant_label', collate: 'NOCASE' }], index: { asc: 'complaints_by_label', desc: 'complaints_by_label' } },
  channel: sortOn('channel', 'complaints_by_channel'),
};

export const OPEN_COMPLAINT_SQL = `status NOT IN ('answered','closed')`;

/**
 * GDPR Art. 12(3): one month from receipt; three when the extension was notified within the
 * first month. A notice sent later does not extend anything: the deadline stays one month.
 */
export function responseDueFor(ctx: RegisterContext, receivedAt: string, extensionNoticeAt: string | null): string {
  const cal = ctx.calendar();
  const extended = extensionNoticeAt !== null && isExtensionNoticeInTime(receivedAt, extensionNoticeAt, cal);
  const rule = extended ? 'gdpr-12-extended' : 'gdpr-12-response';
  // A period in months runs from the day of receipt, whatever the hour (Regulation 1182/71):
  // every complaint received on one day of the organisation's calendar has the same deadline.
  // Computing it is the costliest part of saving a complaint (time zones, holidays), so it is
  // computed once per day and rule.
  const key = `${rule}|${cal.timeZone}|${cal.country}|${localDay(receivedAt, cal.timeZone)}`;
  let due = DUE_BY_DAY.get(key);
  if (due === undefined) {
    const d = computeDeadline(rule, receivedAt, cal).deadline;
    if (!d) throw new Error(`Rule ${rule} gave no deadline`);
    due = toUtc(d);
    if (DUE_BY_DAY.size > 20_000) DUE_BY_DAY.clear();
    DUE_BY_DAY.set(key, due);
  }
  return due;
}

const DUE_BY_DAY = new Map<string, string>();

export class ComplaintRegister extends RegisterBase<typeof Complaint> {
  constructor(ctx: RegisterContext) {
    super(ctx, new RecordTable(ctx.db, 'complaints', Complaint, 'complaint'), COMPLAINT);
  }

  protected searchDoc(c: Complaint): SearchDoc {
    return {
      reference: c.reference,
      title: c.complainantLabel,
      body: [c.summary, c.outcome, c.regulator, c.regulatorReference, c.complainantContact, c.extensionReason, c.archiveReason].filter(Boolean).join('\n'),
      status: c.status,
      date: c.receivedAt,
      regulator: c.regulator,
      archived: c.archivedAt !== null,
    };
  }

  list(query: ComplaintListQuery): ComplaintListResult {
    return this.table.list(this.listRequest(query));
  }

  /** The list's filters, order and page as the list runs them (what list-plans.test.ts explains). */
  listRequest(query: ComplaintListQuery): Omit<ListRequest, 'table'> {
    const q = ComplaintListQuery.parse(query);
    const w = new Where();
    w.in('status', q.status, { index: 'complaints_status_received', sorts: ['receivedAt'] });
    w.in('channel', q.channel, { index: 'complaints_channel_received', sorts: ['receivedAt'] });
    if (q.right?.length) {
      // One partial index per right (migration 8): the rights are a JSON list in the row.
      const rights = [...new Set(q.right)];
      const has = (r: string) => `instr(rights, '"${r}"') > 0`;
      w.driven({
        sql: `(${rights.map(has).join(' OR ')})`,
        params: [],
        // Arm k leaves out what arms before it found, so the arms never overlap and merge as they come.
        drive: {
          sorts: ['receivedAt'],
          arms: rights.map((r, k) => ({ sql: [has(r), ...rights.slice(0, k).map((e) => `NOT ${has(e)}`)].join(' AND '), params: [], index: `complaints_right_${r}` })),
        },
      });
    }
    if (q.receivedFrom) w.add('received_at >= ?', toUtc(q.receivedFrom));
    if (q.receivedTo) w.add('received_at < ?', toUtc(q.receivedTo));
    if (q.overdueAt) {
      w.driven({
        sql: `${OPEN_COMPLAINT_SQL} AND response_due < ?`,
        params: [toUtc(q.overdueAt)],
        drive: { sorts: ['responseDue'], arms: [{ sql: `${OPEN_COMPLAINT_SQL} AND response_due < ?`, params: [toUtc(q.overdueAt)], index: 'complaints_overdue_by_due' }] },
      });
    }
    if (q.text) w.text(this.ctx.search.matchClause(COMPLAINT, q.text));
    return { where: w, includeArchived: q.includeArchived, sortField: q.sort.field, dir: q.sort.dir, sort: SORTS[q.sort.field], limit: q.limit, offset: q.offset };
  }

  create(input: ComplaintCreate): Complaint {
    return this.ctx.write(COMPLAINT, () => this.insertNew(this.draft(input)));
  }

  /** The complaint create() would store, not stored (its reference is taken in the counters). */
  private draft(input: ComplaintCreate, reserved?: Reserved): Complaint {
    const data = ComplaintCreate.parse(input);
    const receivedAt = toUtc(data.receivedAt);
    const now = this.now();
    const reference = data.reference?.trim() || this.nextReference('C', receivedAt, reserved);
    this.assertReferenceFree(reference, null, reserved);
    reserved?.add(reference);
    return {
      ...data,
      ...forwardedOnly(data),
      id: uuidv7(),
      reference,
      receivedAt,
      extensionNoticeAt: toUtc(data.extensionNoticeAt),
      status: 'received',
      responseDue: responseDueFor(this.ctx, receivedAt, data.extensionNoticeAt),
      answeredAt: null,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      archiveReason: null,
    };
  }

  /**
   * For bulkLoad: a complaint created and then given these statuses, with the audit entries
   * create() and setStatus() would write, nothing written yet. `reserved` holds the references
   * of the batch not yet written. `when` dates a step of a history loaded after the fact.
   */
  planned(input: ComplaintCreate, statuses: (Omit<ComplaintSetStatus, 'id'> & { when?: string })[], reserved: Reserved): PlannedRecord<Complaint> {
    const created = this.draft(input, reserved);
    return this.plan(
      created,
      statuses.map((st) => {
        const { status, at, note } = ComplaintSetStatus.parse({ ...st, id: created.id });
        return { action: 'status' as const, mutate: (b: Complaint) => this.withStatus(b, status, at), extra: note ? [{ field: 'note', old: null, new: note }] : [], ...(st.when ? { at: toUtc(st.when) } : {}) };
      }),
    );
  }

  update(input: ComplaintUpdate): Complaint {
    const { id, patch } = ComplaintUpdate.parse(input);
    return this.change(id, 'update', (before) => {
      this.assertNotArchived(before);
      const merged = { ...before, ...stripUndefined(patch) };
      // Validate the whole record as it will be, not just the patch.
      const checked = ComplaintCreate.safeParse(merged);
      if (!checked.success) throw validationError(checked.error);
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      return {
        ...merged,
        ...forwardedOnly(merged),
        reference,
        receivedAt: toUtc(merged.receivedAt),
        extensionNoticeAt: toUtc(merged.extensionNoticeAt),
        responseDue:
          toUtc(merged.receivedAt) === before.receivedAt && toUtc(merged.extensionNoticeAt) === before.extensionNoticeAt
            ? before.responseDue
            : responseDueFor(this.ctx, merged.receivedAt, merged.extensionNoticeAt),
      };
    });
  }

  setStatus(input: ComplaintSetStatus): Complaint {
    const { id, status, at, note } = ComplaintSetStatus.parse(input);
    return this.change(id, 'status', (before) => this.withStatus(before, status, at), note ? [{ field: 'note', old: null, new: note }] : []);
  }

  private withStatus(before: Complaint, status: Complaint['status'], at: string | undefined): Complaint {
    this.assertNotArchived(before);
    const answered = status === 'answered' || status === 'closed';
    return {
      ...before,
      status,
      // The answer is what meets the Art. 12(3) clock: keep the first answer's instant.
      answeredAt: answered ? (before.answeredAt ?? toUtc(at ?? this.now())) : null,
    };
  }

  /** Used by imports and links: a complaint by its reference. */
  findByReference(reference: string): Complaint | null {
    const row = this.ctx.db.prepare('SELECT id FROM complaints WHERE reference = ?').get(reference) as { id: string } | undefined;
    return row ? this.get(row.id) : null;
  }

  protected override describe(c: Complaint): string {
    return `Complaint ${c.reference}`;
  }
}

/** Regulator fields only mean something for a complaint a regulator forwarded. */
function forwardedOnly(c: { channel: string; regulator: string | null; regulatorReference: string | null }) {
  if (c.channel === 'regulator') return { regulator: c.regulator, regulatorReference: c.regulatorReference };
  return { regulator: null, regulatorReference: null };
}

