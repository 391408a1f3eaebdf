/**
 * The one derivation of an incident's clocks: one clock per notification obligation. The board,
 * the reminders, the calendar file, the record's clocks panel and the timeline all read these.
 */
import { computeDeadline, getRule, type OrgCalendar } from '@shared/deadlines';
import { evaluateClock } from '@shared/clocks';
import { REGIME, regimeLabel } from '@shared/obligations/rules';
import type { Clock, ClockKind, StopReason } from '@shared/schemas/clock';
import type { ObligationRecord, ObligationRegime } from '@shared/schemas/obligation';
import { toUtc } from '../registers/context';

/** What a clock reads from its incident. */
export interface IncidentClockFacts {
  id: string;
  reference: string;
  title: string;
  status: string;
  awareAt: string;
  detectedAt: string | null;
  dataSubjectsTarget: string | null;
  /** Reasons for a late notification recorded on the incident before filings carried their own. */
  delayReasons: string;
  /** A breach exercise: its clocks run and remind like any other, marked as a drill. */
  drill: boolean;
}

/** What a clock reads from its obligation's first filing. */
export interface FirstFiling {
  sentAt: string;
  dueAtFiling: string | null;
  lateReasons: string;
}

export const CLOCK_KIND: Record<ObligationRegime, ClockKind> = {
  'gdpr-33': 'gdpr-33-authority',
  'uk-gdpr-33': 'uk-gdpr-33-ico',
  'gdpr-34': 'gdpr-34-data-subjects',
  'gdpr-33-2': 'processor-to-controller',
  'nis2-early-warning': 'nis2-early-warning',
  'nis2-notification': 'nis2-notification',
  'nis2-final-report': 'nis2-final-report',
};

/** The deadline the obligation's inputs give now (null: no hour count, or not started yet). */
export function liveDue(o: Pick<ObligationRecord, 'regime' | 'contractHours'>, i: IncidentClockFacts, cal: OrgCalendar, nis2NotifiedAt: string | null): string | null {
  const r = REGIME[o.regime];
  if (o.regime === 'gdpr-34') return null;
  if (o.regime === 'gdpr-33-2') {
    if (o.contractHours == null) return null;
    return toUtc(computeDeadline(r.rule, i.detectedAt ?? i.awareAt, cal, { hours: o.contractHours }).deadline);
  }
  if (o.regime === 'nis2-final-report') return nis2NotifiedAt ? toUtc(computeDeadline(r.rule, nis2NotifiedAt, cal).deadline) : null;
  return toUtc(computeDeadline(r.rule, i.awareAt, cal).deadline);
}

export function clockStart(o: Pick<ObligationRecord, 'regime'>, i: IncidentClockFacts, nis2NotifiedAt: string | null): string {
  const from = REGIME[o.regime].from;
  if (from === 'detection') return i.detectedAt ?? i.awareAt;
  if (from === 'notification') return nis2NotifiedAt ?? i.awareAt;
  return i.awareAt;
}

/**
 * An obligation's clock at `nowMs`. Once filed, the clock keeps the deadline the first filing was
 * judged against, so its met-on-time or met-late state is the one fixed at filing.
 * `awaitingConfirmation`: decided not required but not final yet (a workspace that separates
 * duties waits for a second member, obligations/confirmation.ts): the clock keeps running.
 */
export function obligationClock(
  o: ObligationRecord,
  i: IncidentClockFacts,
  first: FirstFiling | null,
  legacyMetAt: string | null,
  cal: OrgCalendar,
  nis2NotifiedAt: string | null,
  nowMs: number,
  awaitingConfirmation = false,
): Clock {
  const kind = CLOCK_KIND[o.regime];
  const rule = REGIME[o.regime].rule;
  const due = first ? first.dueAtFiling : liveDue(o, i, cal, nis2NotifiedAt);
  const metAt = first?.sentAt ?? legacyMetAt;
  let stoppedReason: StopReason | null = null;
  if (o.supersededAt) stoppedReason = 'superseded';
  else if (o.decision === 'not_required' && !awaitingConfirmation) stoppedReason = 'decided_not_to_notify';
  else if (i.status === 'closed') stoppedReason = 'incident_closed';
  const hourCount = due !== null && o.regime !== 'gdpr-34';
  const delayReasonsGiven = !hourCount ? null : (first?.lateReasons ?? '').trim() !== '' || (o.regime === 'gdpr-33' && i.delayReasons.trim() !== '');
  const partyId = o.regime === 'gdpr-33-2' ? o.recipientId : null;
  const baseId = partyId ? `incident:${i.id}:${kind}:${partyId}` : `incident:${i.id}:${kind}`;
  const c: Clock = {
    // A superseded obligation keeps its own id: a new one for the same kind may stand beside it.
    id: o.supersededAt ? `${baseId}:superseded:${o.id}` : baseId,
    recordType: 'incident',
    recordId: i.id,
    context: null,
    reference: i.reference,
    title: i.title,
    kind,
    rule,
    label: o.regime === 'gdpr-33-2' ? regimeLabel(o.regime, o.contractHours) : { ...getRule(rule).label },
    // The engine's own statement of the rule (it names the client's contract hours, the start).
    basis: { ...computeDeadline(rule, clockStart(o, i, nis2NotifiedAt), cal, o.regime === 'gdpr-33-2' ? { hours: o.contractHours } : o.regime === 'gdpr-34' ? { target: i.dataSubjectsTarget } : undefined).basis },
    note: o.regime === 'nis2-final-report' && !nis2NotifiedAt ? { en: 'Starts when the NIS2 incident notification is filed.', fr: 'Démarre au dépôt de la notification d’incident NIS 2.' } : null,
    startedAt: clockStart(o, i, nis2NotifiedAt),
    due,
    target: o.regime === 'gdpr-34' ? i.dataSubjectsTarget : null,
    internalTarget: null,
    outerBound: null,
    metAt,
    state: 'running',
    stoppedReason,
    obligation: true,
    delayReasonsGiven,
    needsDelayReasons: false,
    party: o.regime === 'gdpr-33-2' ? o.recipientName : null,
    partyId,
    drill: i.drill,
  };
  const ev = evaluateClock(c, nowMs);
  c.state = ev.state;
  c.stoppedReason = ev.stoppedReason;
  c.needsDelayReasons = ev.needsDelayReasons;
  return c;
}
