import { computeDeadline, getRule, type RuleOptions, isExtensionNoticeInTime } from '@shared/deadlines';
import { EXTENDED_NOTE, NON_RULE_KINDS, evaluateClock, isOpenState } from '@shared/clocks';
import type { BilingualText, Clock, ClockKind, StopReason } from '@shared/schemas/clock';
import type { RecordType } from '@shared/schemas/record-types';
import { toUtc, type RegisterContext } from '../registers/context';
import type { ObligationRecord } from '@shared/schemas/obligation';
import { obligationClock, type IncidentClockFacts } from '../obligations/clocks';
import { isAwaitingConfirmation, separatedSince } from '../obligations/confirmation';
import { separatesDuties } from '../sync/duties';
import { internalTargets } from './internal-targets';
import { appealDeadline, letterPeriodBasis } from '@shared/correspondence/deadlines';
import type { LetterPeriod } from '@shared/schemas/letter';

/**
 * Builds the clocks from the stored records, one SQL query per register (no record is parsed
 * through its schema: at S4 volume the board reads tens of thousands of rows).
 *
 * What meets each clock (the act recorded, never a tick box):
 * - complaint, gdpr-12-response: the answer (answeredAt); due = responseDue, one month or, when
 *   extensionNoticeAt is set, three (rule gdpr-12-extended, noted on the clock);
 * - complaint, gdpr-12-extension-notice (once a notice is recorded): the extension notice
 *   (extensionNoticeAt), due at the end of the first month;
 * - letter (inbound), letter-reply: our reply letter (answeredAt = first outbound letter in reply).
 *   An 'extension_granted' letter in reply supersedes the first date: the first clock is then
 *   stopped (unless it was met in time) and the extension letter's clock is met by a reply to
 *   either letter;
 * - letter-compliance: our first outbound letter in reply to the letter (or to an extension of it),
 *   i.e. the letter justifying compliance; superseded like the reply date;
 * - conseil-etat-appeal: an 'appeal_lodged' letter in the same matter (or in reply to the decision)
 *   dated on or after the decision's notification. The window is not an obligation: when it ends
 *   unused the clock is stopped ('window_closed'), never overdue;
 * - letters of a closed matter: unmet clocks stopped ('matter_closed');
 * - incident, gdpr-33-authority (when we are controller or joint controller, or decided to
 *   notify): the first notification to the authority (authorityNotifiedAt); stopped when the
 *   decision is not to notify; a late one needs delayReasons (needsDelayReasons);
 * - incident, gdpr-34-data-subjects (risk high or decision to communicate): the first
 *   communication to data subjects (dataSubjectsNotifiedAt); no due, the user's target;
 * - incident, processor-to-controller, one per affected client: notifiedAt of that client;
 * - incident, NIS2 (nis2InScope), from notifications with recipient 'nis2_csirt':
 *     early warning (24 h from awareness): the first CSIRT notification, whatever its phase;
 *     incident notification (72 h from awareness): the first CSIRT notification with phase
 *       'complementary' or 'final' (record a combined first message twice: 'initial' and
 *       'complementary');
 *     final report (one month after the incident notification was sent; exists once it was):
 *       the first CSIRT notification with phase 'final';
 * - closed incidents: unmet clocks stopped ('incident_closed');
 * - action-due: the action done (doneAt); stopped when cancelled.
 * Archived records (and letters of an archived matter, clients withdrawn) have no clocks.
 */

export interface CollectScope {
  /**
   * Only clocks that can still be running or overdue. Lets SQL skip answered, closed and
   * cancelled records; the state rule decides the rest.
   */
  openOnly: boolean;
  /** Only clocks with a due instant in [dueFrom, dueTo] (UTC ISO strings). */
  dueFrom?: string | null;
  dueTo?: string | null;
  /** One record's clocks; for a matter, the clocks of its letters. */
  record?: { type: RecordType; id: string } | null;
  /** One register; 'matter' means the letters of matters. */
  recordType?: RecordType | null;
}

const SAMPLE_FROM = '2024-01-15T12:00:00Z';
const SAMPLE_CAL = { timeZone: 'Europe/Paris', country: 'FR' };
const ruleWordsMemo = new Map<string, { label: BilingualText; basis: BilingualText }>();

/** A built-in rule's label and legal basis (the basis depends on the options, e.g. contract hours). */
function ruleWords(ruleId: string, opts?: RuleOptions): { label: BilingualText; basis: BilingualText } {
  const key = opts ? `${ruleId}|${JSON.stringify(opts)}` : ruleId;
  let w = ruleWordsMemo.get(key);
  if (!w) {
    const rule = getRule(ruleId);
    w = { label: { ...rule.label }, basis: { ...rule.compute(SAMPLE_FROM, SAMPLE_CAL, opts).basis } };
    if (ruleWordsMemo.size < 500) ruleWordsMemo.set(key, w);
  }
  return w;
}

function kindWords(kind: ClockKind) {
  const w = NON_RULE_KINDS[kind];
  if (!w) throw new Error(`No wording for clock kind ${kind}`);
  return w;
}

const NO_WORDS: BilingualText = { en: '', fr: '' };

/**
 * A clock with every field in one fixed order (one object shape for all: the board builds tens of
 * thousands). Builders fill in what differs; finish() derives the id and the state.
 */
function blank(recordType: RecordType, recordId: string, reference: string, title: string, kind: ClockKind, startedAt: string): Clock {
  return {
    id: '',
    recordType,
    recordId,
    context: null,
    reference,
    title,
    kind,
    rule: null,
    label: NO_WORDS,
    basis: NO_WORDS,
    note: null,
    startedAt,
    due: null,
    target: null,
    internalTarget: null,
    outerBound: null,
    metAt: null,
    state: 'running',
    stoppedReason: null,
    obligation: true,
    delayReasonsGiven: null,
    needsDelayReasons: false,
    party: null,
    partyId: null,
    drill: false,
  };
}

function withWords(c: Clock, w: { label: BilingualText; basis: BilingualText }): Clock {
  c.label = w.label;
  c.basis = w.basis;
  return c;
}

/** Sets the id and evaluates the state at `nowMs` (stoppedReason as the record gives it, before). */
function finish(c: Clock, nowMs: number): Clock {
  if (!c.id) c.id = c.partyId ? `${c.recordType}:${c.recordId}:${c.kind}:${c.partyId}` : `${c.recordType}:${c.recordId}:${c.kind}`;
  const ev = evaluateClock(c, nowMs);
  c.state = ev.state;
  c.stoppedReason = ev.stoppedReason;
  c.needsDelayReasons = ev.needsDelayReasons;
  return c;
}

/** Every clock in scope, evaluated at `now`, in no particular order. */
export function collectClocks(ctx: RegisterContext, scope: CollectScope, now: Date): Clock[] {
  const wants = (t: RecordType) => {
    if (scope.record) return scope.record.type === t || (scope.record.type === 'matter' && t === 'letter');
    if (scope.recordType) return scope.recordType === t || (scope.recordType === 'matter' && t === 'letter');
    return true;
  };
  const from = scope.dueFrom ?? null;
  const to = scope.dueTo ?? null;
  const nowMs = now.getTime();
  const out: Clock[] = [];
  const targets = internalTargets(ctx);
  const keep = (c: Clock) => {
    if (scope.recordType === 'matter' && !scope.record && c.context?.type !== 'matter') return;
    if ((from !== null || to !== null) && (c.due === null || (from !== null && c.due < from) || (to !== null && c.due > to))) return;
    finish(c, nowMs);
    if (scope.openOnly && !isOpenState(c.state)) return;
    c.internalTarget = targets(c);
    out.push(c);
  };
  if (wants('complaint')) complaintClocks(ctx, scope, keep);
  if (wants('letter')) letterClocks(ctx, scope, keep);
  if (wants('incident')) incidentClocks(ctx, scope, keep);
  if (wants('action')) actionClocks(ctx, scope, keep);
  return out;
}

/**
 * Open clocks past their due instant, for the badge. Complaints and actions (the registers that
 * grow by thousands) are counted in the database with the same conditions collectClocks applies;
 * letters and incidents are few and go through the state rule.
 */
export function countOverdue(ctx: RegisterContext, now: Date): number {
  const at = now.toISOString();
  const n = (sql: string) => (ctx.db.prepare(sql).get(at) as { n: number }).n;
  let count =
    n(`SELECT count(*) AS n FROM complaints WHERE ${OPEN_COMPLAINT_CLOCK} AND response_due < ?`) +
    n(`SELECT count(*) AS n FROM actions WHERE ${OPEN_ACTION_CLOCK} AND due_at < ?`);
  for (const rt of ['letter', 'incident'] as const) {
    for (const c of collectClocks(ctx, { openOnly: true, recordType: rt, dueTo: at }, now)) if (c.state === 'overdue') count++;
  }
  return count;
}

/** SQL fragments for a pruning due range on one column (only used where that column is the only due). */
function dueRange(column: string, scope: CollectScope, where: string[], params: unknown[]) {
  if (scope.dueFrom) {
    where.push(`${column} >= ?`);
    params.push(scope.dueFrom);
  }
  if (scope.dueTo) {
    where.push(`${column} <= ?`);
    params.push(scope.dueTo);
  }
}

interface ComplaintRow {
  id: string;
  reference: string;
  title: string;
  received_at: string;
  status: string;
  response_due: string;
  answered_at: string | null;
  extension_notice_at: string | null;
}

/** Open as collectClocks sees it (and the partial indexes of migration 3 are built for). */
const OPEN_COMPLAINT_CLOCK = `archived_at IS NULL AND answered_at IS NULL AND status NOT IN ('answered','closed')`;
const OPEN_ACTION_CLOCK = `archived_at IS NULL AND due_at IS NOT NULL AND status IN ('planned','in_progress')`;

type Keep = (c: Clock) => void;

function complaintClocks(ctx: RegisterContext, scope: CollectScope, keep: Keep): void {
  const where = ['archived_at IS NULL'];
  const params: unknown[] = [];
  if (scope.record) {
    where.push('id = ?');
    params.push(scope.record.id);
  }
  if (scope.openOnly) {
    // Only the response clock can be open (an extension-notice clock exists once the notice is sent).
    where.push(OPEN_COMPLAINT_CLOCK);
    dueRange('response_due', scope, where, params);
  }
  const rows = ctx.db
    .prepare(
      `SELECT id, reference, complainant_label AS title, received_at, status, response_due, answered_at, extension_notice_at
       FROM complaints WHERE ${where.join(' AND ')}`,
    )
    .all(...params) as ComplaintRow[];
  const cal = ctx.calendar();
  const oneMonth = ruleWords('gdpr-12-response');
  const extendedWords = ruleWords('gdpr-12-extended');
  const noticeWords = kindWords('gdpr-12-extension-notice');
  for (const r of rows) {
    // A notice sent after the first month extends nothing (the register stores the one-month due).
    const noticeSent = r.extension_notice_at !== null;
    const extended = noticeSent && isExtensionNoticeInTime(r.received_at, r.extension_notice_at!, cal);
    const c = withWords(blank('complaint', r.id, r.reference, r.title, 'gdpr-12-response', r.received_at), extended ? extendedWords : oneMonth);
    c.rule = extended ? 'gdpr-12-extended' : 'gdpr-12-response';
    c.note = extended ? EXTENDED_NOTE : null;
    c.due = r.response_due;
    c.metAt = r.answered_at;
    c.stoppedReason = r.status === 'closed' ? 'complaint_closed' : null;
    keep(c);
    if (noticeSent && !scope.openOnly) {
      const first = computeDeadline('gdpr-12-response', r.received_at, cal).deadline;
      const n = withWords(blank('complaint', r.id, r.reference, r.title, 'gdpr-12-extension-notice', r.received_at), noticeWords);
      n.rule = 'gdpr-12-response';
      n.due = first ? toUtc(first) : null;
      n.metAt = r.extension_notice_at;
      keep(n);
    }
  }
}

interface LetterRow {
  id: string;
  reference: string;
  title: string;
  kind: string;
  sent_at: string | null;
  received_at: string | null;
  notified_at: string | null;
  reply_due: string | null;
  compliance_due: string | null;
  reply_period: string | null;
  compliance_period: string | null;
  appeal_due: string | null;
  answered_at: string | null;
  parent_answered_at: string | null;
  thread_answered_at: string | null;
  appeal_lodged_at: string | null;
  reply_superseded: number;
  compliance_superseded: number;
  matter_id: string | null;
  matter_status: string | null;
}

function letterClocks(ctx: RegisterContext, scope: CollectScope, keep: Keep): void {
  const where = [
    'l.archived_at IS NULL',
    'm.archived_at IS NULL',
    `l.direction = 'inbound'`,
    '(l.reply_due IS NOT NULL OR l.compliance_due IS NOT NULL OR l.appeal_due IS NOT NULL)',
  ];
  const params: unknown[] = [];
  if (scope.record?.type === 'letter') {
    where.push('l.id = ?');
    params.push(scope.record.id);
  } else if (scope.record?.type === 'matter') {
    where.push('l.matter_id = ?');
    params.push(scope.record.id);
  }
  if (scope.openOnly) where.push(`(m.id IS NULL OR m.status = 'open')`);
  const ext = (col: string) =>
    `EXISTS (SELECT 1 FROM letters e WHERE e.in_reply_to = l.id AND e.kind = 'extension_granted' AND e.archived_at IS NULL AND e.${col} IS NOT NULL)`;
  const rows = ctx.db
    .prepare(
      `SELECT l.id, l.reference, l.subject AS title, l.kind, l.sent_at, l.received_at, l.notified_at, l.reply_due,
              l.compliance_due, l.reply_period, l.compliance_period, l.appeal_due, l.answered_at, p.answered_at AS parent_answered_at, l.matter_id, m.status AS matter_status,
              (SELECT min(r.sent_at) FROM letters r
                WHERE r.direction = 'outbound' AND r.archived_at IS NULL AND r.sent_at IS NOT NULL
                  AND (r.in_reply_to = l.id
                       OR r.in_reply_to IN (SELECT e.id FROM letters e WHERE e.in_reply_to = l.id AND e.kind = 'extension_granted' AND e.archived_at IS NULL)
                       OR (l.kind = 'extension_granted' AND r.in_reply_to = l.in_reply_to))) AS thread_answered_at,
              (SELECT min(COALESCE(a.sent_at, a.received_at)) FROM letters a
                WHERE a.kind = 'appeal_lodged' AND a.archived_at IS NULL
                  AND ((l.matter_id IS NOT NULL AND a.matter_id = l.matter_id) OR a.in_reply_to = l.id)
                  AND COALESCE(a.sent_at, a.received_at) >= COALESCE(l.notified_at, l.received_at, l.sent_at)) AS appeal_lodged_at,
              ${ext('reply_due')} AS reply_superseded,
              ${ext('compliance_due')} AS compliance_superseded
       FROM letters l
       LEFT JOIN matters m ON m.id = l.matter_id
       LEFT JOIN letters p ON p.id = l.in_reply_to AND l.kind = 'extension_granted'
       WHERE ${where.join(' AND ')}`,
    )
    .all(...params) as LetterRow[];
  for (const r of rows) {
    const matterStop: StopReason | null = r.matter_status === 'closed' ? 'matter_closed' : null;
    const make = (kind: ClockKind, startedAt: string, due: string) => {
      const c = blank('letter', r.id, r.reference, r.title, kind, startedAt);
      c.context = r.matter_id ? { type: 'matter', id: r.matter_id } : null;
      c.due = due;
      c.stoppedReason = matterStop;
      return c;
    };
    /** A superseded date stays met only if it was met in time; otherwise the extension took over. */
    const meet = (c: Clock, metAt: string | null, isSuperseded: boolean) => {
      if (isSuperseded && !(metAt !== null && metAt <= c.due!)) c.stoppedReason = 'superseded';
      else c.metAt = metAt;
      return c;
    };
    // A date counted from a period the letter states runs from that date and says so.
    const counted = (kind: ClockKind, json: string | null, startedAt: string, due: string) => {
      const period = json ? (JSON.parse(json) as LetterPeriod | null) : null;
      const from = period ? { sentAt: r.sent_at, receivedAt: r.received_at, notifiedAt: r.notified_at }[period.from] : null;
      const c = withWords(make(kind, from ?? startedAt, due), kindWords(kind));
      if (period) c.basis = letterPeriodBasis(period);
      return c;
    };
    if (r.reply_due) {
      const c = counted('letter-reply', r.reply_period, r.received_at ?? r.sent_at!, r.reply_due);
      keep(meet(c, r.kind === 'extension_granted' ? minIso(r.answered_at, r.parent_answered_at) : r.answered_at, r.reply_superseded === 1));
    }
    if (r.compliance_due) {
      const c = counted('letter-compliance', r.compliance_period, r.notified_at ?? r.received_at ?? r.sent_at!, r.compliance_due);
      keep(meet(c, r.thread_answered_at, r.compliance_superseded === 1));
    }
    if (r.appeal_due) {
      const c = withWords(make('conseil-etat-appeal', r.notified_at ?? r.received_at ?? r.sent_at!, r.appeal_due), ruleWords('conseil-etat-appeal'));
      c.rule = 'conseil-etat-appeal';
      c.obligation = false;
      c.outerBound = appealOuterBound(c.startedAt);
      c.metAt = r.appeal_lodged_at ? toUtc(r.appeal_lodged_at) : null;
      keep(c);
    }
  }
}

/** The later reading of a disputed appeal deadline, from the one appeal rule (letters are few). */
function appealOuterBound(notifiedAt: string): Clock['outerBound'] {
  const r = appealDeadline(notifiedAt);
  return r.outerBound ? { due: toUtc(r.outerBound.deadline), reason: r.outerBound.reason } : null;
}

function minIso(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

interface IncidentRow {
  id: string;
  reference: string;
  title: string;
  detected_at: string | null;
  aware_at: string;
  data_subjects_target: string | null;
  delay_reasons: string;
  status: string;
  drill: number;
}

interface ObligationRow {
  id: string;
  incident_id: string;
  key: string;
  regime: ObligationRecord['regime'];
  recipient_kind: ObligationRecord['recipientKind'];
  recipient_id: string | null;
  recipient_name: string;
  contract_hours: number | null;
  decision: ObligationRecord['decision'];
  rationale: string;
  proposed_by: ObligationRecord['proposedBy'];
  superseded_at: string | null;
  superseded_reason: string;
  confirmed_at: string | null;
  confirmed_by: string | null;
  created_at: string;
  updated_at: string;
  /** The first filing that met it (min sent_at) and what it was judged against. */
  first_sent_at: string | null;
  first_due: string | null;
  first_late_reasons: string | null;
  /** For client notices recorded before filings existed: the client's own notifiedAt. */
  client_notified_at: string | null;
}

/**
 * One clock per notification obligation (electron/core/obligations/clocks.ts is the one
 * derivation; this only reads the rows it needs in three queries).
 */
function incidentClocks(ctx: RegisterContext, scope: CollectScope, keep: Keep): void {
  const where = ['i.archived_at IS NULL'];
  const params: unknown[] = [];
  if (scope.record?.type === 'incident') {
    where.push('i.id = ?');
    params.push(scope.record.id);
  }
  if (scope.openOnly) where.push(`i.status != 'closed'`);
  const w = where.join(' AND ');
  const incidents = ctx.db
    .prepare(`SELECT i.id, i.reference, i.title, i.detected_at, i.aware_at, i.data_subjects_target, i.delay_reasons, i.status, i.drill FROM incidents i WHERE ${w}`)
    .all(...params) as IncidentRow[];
  if (incidents.length === 0) return;
  const rows = ctx.db
    .prepare(
      `SELECT o.*, f.sent_at AS first_sent_at, f.due_at_filing AS first_due, f.late_reasons AS first_late_reasons, c.notified_at AS client_notified_at
       FROM incident_obligations o JOIN incidents i ON i.id = o.incident_id
       LEFT JOIN incident_notifications f ON f.id = (
         SELECT n.id FROM incident_notifications n WHERE n.obligation_id = o.id AND n.archived_at IS NULL ORDER BY n.sent_at, n.id LIMIT 1)
       LEFT JOIN incident_clients c ON o.regime = 'gdpr-33-2' AND c.id = o.recipient_id
       WHERE o.archived_at IS NULL AND ${w}${scope.openOnly ? ' AND o.superseded_at IS NULL AND f.id IS NULL' : ''}`,
    )
    .all(...params) as ObligationRow[];
  const byIncident = groupBy(rows, (r) => r.incident_id);
  const cal = ctx.calendar();
  const nowMs = Date.now();
  const since = separatedSince(ctx.db, separatesDuties(ctx.db));
  for (const i of incidents) {
    const own = byIncident.get(i.id) ?? [];
    if (own.length === 0) continue;
    const facts: IncidentClockFacts = { id: i.id, reference: i.reference, title: i.title, status: i.status, awareAt: i.aware_at, detectedAt: i.detected_at, dataSubjectsTarget: i.data_subjects_target, delayReasons: i.delay_reasons, drill: i.drill === 1 };
    // The NIS2 final report runs from the incident notification's filing (openOnly skips filed rows: read it apart).
    const nis2Row = own.find((r) => r.regime === 'nis2-notification');
    const nis2NotifiedAt = nis2Row ? (nis2Row.first_sent_at ?? nis2NotificationFiledAt(ctx, nis2Row.id)) : null;
    for (const r of own) {
      const o: ObligationRecord = {
        id: r.id,
        incidentId: r.incident_id,
        key: r.key,
        regime: r.regime,
        recipientKind: r.recipient_kind,
        recipientId: r.recipient_id,
        recipientName: r.recipient_name,
        contractHours: r.contract_hours,
        decision: r.decision,
        rationale: r.rationale,
        proposedBy: r.proposed_by,
        supersededAt: r.superseded_at,
        supersededReason: r.superseded_reason,
        confirmedAt: r.confirmed_at,
        confirmedBy: r.confirmed_by,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
        archivedAt: null,
        archiveReason: null,
      };
      const first = r.first_sent_at ? { sentAt: r.first_sent_at, dueAtFiling: r.first_due, lateReasons: r.first_late_reasons ?? '' } : null;
      const legacy = !first && r.regime === 'gdpr-33-2' ? r.client_notified_at : null;
      // Evaluated again by the caller at its own "now"; the state here only needs the inputs.
      keep(obligationClock(o, facts, first, legacy, cal, nis2NotifiedAt, nowMs, isAwaitingConfirmation(ctx.db, o, since)));
    }
  }
}

function nis2NotificationFiledAt(ctx: RegisterContext, obligationId: string): string | null {
  const row = ctx.db.prepare('SELECT min(sent_at) AS at FROM incident_notifications WHERE obligation_id = ? AND archived_at IS NULL').get(obligationId) as { at: string | null };
  return row.at;
}

interface ActionRow {
  id: string;
  reference: string;
  title: string;
  due_at: string;
  status: string;
  done_at: string | null;
  created_at: string;
  /** 1 when the action arises from a drill incident. */
  drill: number | null;
}

function actionClocks(ctx: RegisterContext, scope: CollectScope, keep: Keep): void {
  const where = ['archived_at IS NULL', 'due_at IS NOT NULL'];
  const params: unknown[] = [];
  if (scope.record) {
    where.push('id = ?');
    params.push(scope.record.id);
  }
  if (scope.openOnly) {
    where.push(OPEN_ACTION_CLOCK);
    dueRange('due_at', scope, where, params);
  }
  const rows = ctx.db
    // An action arising from a drill incident is part of the exercise: its clock is a drill's (kept out of the annual report, marked in reminders).
    .prepare(
      `SELECT id, reference, title, due_at, status, done_at, created_at,
         (SELECT i.drill FROM incidents i WHERE actions.origin_type = 'incident' AND i.id = actions.origin_id) AS drill
       FROM actions WHERE ${where.join(' AND ')}`,
    )
    .all(...params) as ActionRow[];
  const words = kindWords('action-due');
  for (const r of rows) {
    const c = withWords(blank('action', r.id, r.reference, r.title, 'action-due', r.created_at), words);
    c.due = r.due_at;
    c.metAt = r.done_at;
    c.stoppedReason = r.status === 'cancelled' ? 'action_cancelled' : null;
    c.drill = r.drill === 1;
    keep(c);
  }
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
