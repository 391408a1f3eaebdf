import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { FROZEN_MESSAGE, Notification, NotificationCreate, NotificationUpdate, type FilingTimeliness } from '@shared/schemas/incident';
import type { ObligationRecord } from '@shared/schemas/obligation';
import { canonicalJson } from '../audit/canonical-json';
import { nextCounter, toUtc, type RegisterContext } from '../registers/context';
import { RecordTable } from '../registers/record-table';
import { RegisterBase, stripUndefined } from '../registers/register-base';
import type { Gap } from './pre-filing';

export const NOTIFICATION = 'notification';

/**
 * How far ahead of the app's clock a filing may be dated: the machines of a workspace can disagree
 * by a few minutes. Beyond that a "sent" time is a plan, not a fact, and its on-time state, fixed
 * when it is recorded, would be a claim about the future.
 */
const SENT_AHEAD_TOLERANCE_MS = 5 * 60_000;

type FilingFileIn = { fileName: string; mimeType: string; contentBase64: string };
type FileRef = Notification['files'][number];

/** What the filings register asks of the incident it belongs to. */
export interface FilingDeps {
  /** The obligation a filing meets: the one given, else the incident's single live one for this recipient. */
  obligationFor(incidentId: string, obligationId: string | null, recipient: Notification['recipient'], phase: Notification['phase']): ObligationRecord | null;
  /** The deadline the obligation's inputs give now. */
  dueOf(o: ObligationRecord): string | null;
  gaps(incidentId: string, o: ObligationRecord | null, content: string): Gap[];
  /** Stores the files as the incident's attachments; returns their digests. */
  addFiles(incidentId: string, files: FilingFileIn[]): Promise<FileRef[]>;
  /** Withdraws files stored for a filing that could not be recorded after all. */
  withdrawFiles(files: FileRef[], reason: string): void;
  onChange(incidentId: string, remote: boolean): void;
}

/** The digest that seals what was sent: every fact of the filing that can never change. */
export function filingHash(f: Pick<Notification, 'incidentId' | 'obligationId' | 'recipient' | 'recipientName' | 'phase' | 'sentAt' | 'method' | 'content' | 'previousId' | 'files'>): string {
  const body = {
    incidentId: f.incidentId,
    obligationId: f.obligationId,
    recipient: f.recipient,
    recipientName: f.recipientName,
    phase: f.phase,
    sentAt: toUtc(f.sentAt),
    method: f.method,
    content: f.content,
    previousId: f.previousId,
    files: f.files.map((x) => ({ fileName: x.fileName, sha256: x.sha256, size: x.size })),
  };
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * Filings: what was sent to the authority, the data subjects, a client controller or a CSIRT,
 * frozen once recorded. Each gets a citable reference (NOT-2026-0003), its timeliness fixed at
 * the moment of filing, and the hash of what was sent; complementary filings chain to the first.
 * Afterwards only the recipient's reference, its acknowledgement and the outcome can be added.
 */
export class FilingRegister extends RegisterBase<typeof Notification> {
  constructor(
    ctx: RegisterContext,
    private readonly deps: FilingDeps,
  ) {
    super(ctx, new RecordTable(ctx.db, 'incident_notifications', Notification, 'filing'), NOTIFICATION);
  }

  protected searchDoc(): null {
    return null;
  }

  override get referenceField(): string {
    return 'filingRef';
  }

  protected override afterWrite(n: Notification, remote: boolean): void {
    this.deps.onChange(n.incidentId, remote);
  }

  byIncident(incidentId: string): Notification[] {
    return this.table.all('incident_id = ? AND archived_at IS NULL', [incidentId], 'sent_at, id');
  }

  byObligation(obligationId: string): Notification[] {
    return this.table.all('obligation_id = ? AND archived_at IS NULL', [obligationId], 'sent_at, id');
  }

  /** Records a filing with the files sent with it: checks it, stores the files, freezes it. */
  async record(input: NotificationCreate): Promise<Notification> {
    const data = NotificationCreate.parse(input);
    const plan = this.checkFiling(data);
    // The files go in first (their text is extracted outside any transaction); if the filing then
    // cannot be written they are withdrawn again, so nothing half-recorded stays behind.
    const files = data.files.length ? await this.deps.addFiles(data.incidentId, data.files) : [];
    try {
      return this.write(data, plan, files);
    } catch (e) {
      if (files.length) this.deps.withdrawFiles(files, 'The filing they were sent with could not be recorded.');
      throw e;
    }
  }

  /** Records a filing that has no files (in one step, for imports and scripts). */
  create(input: NotificationCreate): Notification {
    const data = NotificationCreate.parse(input);
    if (data.files.length) throw new ApiError('VALIDATION_FAILED', 'Files go with incidents.recordFiling, which stores them first.');
    return this.write(data, this.checkFiling(data), []);
  }

  /** What a filing would be judged against, and what it would lack: the pre-filing check. */
  check(input: { incidentId: string; obligationId: string | null; recipient: Notification['recipient']; phase: Notification['phase']; sentAt: string; content: string }) {
    const o = this.deps.obligationFor(input.incidentId, input.obligationId, input.recipient, input.phase);
    const first = o ? (this.byObligation(o.id)[0] ?? null) : null;
    const due = o && !first ? this.deps.dueOf(o) : null;
    const late = due !== null && Date.parse(input.sentAt) > Date.parse(due);
    return { obligation: o, first, due, late, lateReasonsRequired: late, gaps: this.deps.gaps(input.incidentId, o, input.content) };
  }

  /** Every check before anything is written: a refused filing leaves the register untouched. */
  private checkFiling(data: ReturnType<typeof NotificationCreate.parse>) {
    const sentAt = toUtc(data.sentAt);
    this.refuseFuture('sentAt', sentAt, 'A filing is recorded once it has been sent');
    if (data.obligationId && !this.deps.obligationFor(data.incidentId, data.obligationId, data.recipient, data.phase)) {
      throw new ApiError('NOT_FOUND', `No obligation ${data.obligationId} on this incident.`);
    }
    const c = this.check({ ...data, sentAt });
    const o = c.obligation;
    if (o?.supersededAt) throw new ApiError('CONFLICT', `The obligation to ${o.recipientName || 'this recipient'} was superseded (${o.supersededReason}); it takes no filing.`);
    if (c.first && data.phase === 'initial') {
      throw new ApiError('CONFLICT', `${c.first.filingRef || 'A first filing'} already met this obligation on ${c.first.sentAt}: record this one as complementary or final (Art. 33(4)).`);
    }
    if (c.first && Date.parse(sentAt) < Date.parse(c.first.sentAt)) {
      throw new ApiError('VALIDATION_FAILED', `A complementary filing cannot be dated before the first one (${c.first.filingRef}, ${c.first.sentAt}).`, [{ path: 'sentAt', message: 'before the first filing' }]);
    }
    const timeliness: FilingTimeliness = !o || c.first ? 'not_judged' : c.due === null ? 'no_deadline' : c.late ? 'late' : 'on_time';
    if (timeliness === 'late' && !data.lateReasons) {
      throw new ApiError(
        'VALIDATION_FAILED',
        `This filing is late (the deadline was ${c.due}): give the reasons for the delay (GDPR Art. 33(1)); nothing was recorded.`,
        [{ path: 'lateReasons', message: 'Reasons for the delay are required for a late filing' }],
      );
    }
    if (c.gaps.length && !data.acceptGaps) {
      throw new ApiError(
        'VALIDATION_FAILED',
        `Missing before filing: ${c.gaps.map((x) => x.label.en).join('; ')}. Complete them, or record it knowingly as a phased notification (Art. 33(4)); nothing was recorded.`,
        c.gaps.map((x) => ({ path: `gaps.${x.code}`, message: x.label.en })),
      );
    }
    return { sentAt, o, first: c.first, due: c.due, timeliness, gaps: c.gaps };
  }

  private write(data: ReturnType<typeof NotificationCreate.parse>, p: ReturnType<FilingRegister['checkFiling']>, files: FileRef[]): Notification {
    const now = this.now();
    return this.ctx.write(NOTIFICATION, () => {
      const filing: Notification = {
        incidentId: data.incidentId,
        recipient: data.recipient,
        recipientName: data.recipientName || p.o?.recipientName || '',
        phase: data.phase,
        sentAt: p.sentAt,
        method: data.method,
        reference: data.reference,
        content: data.content,
        id: uuidv7(),
        obligationId: p.o?.id ?? null,
        filingRef: this.nextFilingRef(p.sentAt),
        previousId: p.first?.id ?? null,
        contentHash: '',
        dueAtFiling: p.due,
        timeliness: p.timeliness,
        lateReasons: p.timeliness === 'late' ? data.lateReasons : '',
        gaps: p.gaps.map((x) => x.code),
        files,
        outcome: '',
        acknowledgedAt: null,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
        archiveReason: null,
      };
      filing.contentHash = filingHash(filing);
      return this.insertNew(filing);
    });
  }

  /** Adds what may still be added: the recipient's reference, acknowledgement, outcome. */
  update(input: { id: string; patch: Record<string, unknown> }): Notification {
    const parsed = NotificationUpdate.safeParse(input);
    if (!parsed.success) {
      const frozen = parsed.error.issues.some((i) => i.code === 'unrecognized_keys');
      throw new ApiError('VALIDATION_FAILED', frozen ? FROZEN_MESSAGE : parsed.error.issues.map((i) => i.message).join('; '), parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    }
    const { id, patch } = parsed.data;
    if (patch.acknowledgedAt) this.refuseFuture('acknowledgedAt', toUtc(patch.acknowledgedAt), 'An acknowledgement is recorded once it has been received');
    return this.change(id, 'update', (b) => ({ ...b, ...stripUndefined({ ...patch, acknowledgedAt: patch.acknowledgedAt === undefined ? undefined : toUtc(patch.acknowledgedAt) }) }));
  }

  /** Refuses a time after the app's clock (beyond the tolerance); nothing is written. */
  private refuseFuture(path: 'sentAt' | 'acknowledgedAt', at: string, what: string): void {
    const now = this.now();
    if (Date.parse(at) - Date.parse(now) <= SENT_AHEAD_TOLERANCE_MS) return;
    throw new ApiError('VALIDATION_FAILED', `${what}: ${at} is later than now (${now}); nothing was recorded.`, [{ path, message: 'later than now' }]);
  }

  override archive(): Notification {
    throw new ApiError('CONFLICT', `${FROZEN_MESSAGE} A filing is evidence: it cannot be withdrawn either.`);
  }

  override restore(): Notification {
    throw new ApiError('CONFLICT', 'Filings are never archived, so there is nothing to restore.');
  }

  /** Notifications recorded before obligations existed: link them to the obligation they meet. */
  link(id: string, obligationId: string, dueAtFiling: string | null, timeliness: FilingTimeliness, previousId: string | null): Notification {
    return this.change(id, 'update', (b) => {
      const linked = { ...b, obligationId, previousId, dueAtFiling, timeliness, filingRef: b.filingRef || this.nextFilingRef(b.sentAt) };
      return { ...linked, contentHash: filingHash(linked) };
    });
  }

  /** NOT-2026-0003: per year of sending, in the organisation's zone. */
  private nextFilingRef(sentAtUtc: string): string {
    const year = DateTime.fromISO(sentAtUtc, { zone: this.ctx.calendar().timeZone }).year;
    for (;;) {
      const ref = `NOT-${year}-${String(nextCounter(this.ctx.db, `filing-${year}`)).padStart(4, '0')}`;
      if (!this.ctx.db.prepare('SELECT 1 FROM incident_notifications WHERE filing_ref = ?').get(ref)) return ref;
    }
  }
}
