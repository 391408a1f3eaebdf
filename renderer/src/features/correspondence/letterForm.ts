import type { LetterCreate, Letter, LetterDateField, LetterDirection, LetterKind, LetterPeriod } from '@shared/schemas/letter';
import type { LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { appDate } from '../../lib/appClock';
import { featureT } from '../../lib/featureT';
import { instantFromLocal, lastDayOfDeadline, localPartsOf, nowLocalParts, startOfNextLocalDay } from '../../lib/orgTime';
import { AMOUNT_KINDS, COMPLIANCE_KINDS, NS } from './labels';
import type { LetterPreset } from './stores';

/** A period as the form edits it: the amount may be empty while typing. */
export interface PeriodValue {
  amount: number | string;
  unit: LetterPeriod['unit'];
  from: LetterDateField;
}

/** The period a new one starts with: a regulator's "one month", from notification when the letter was notified. */
export function newPeriod(v: Pick<LetterFormValues, 'notified'>): PeriodValue {
  return { amount: 1, unit: 'months', from: v.notified.date ? 'notifiedAt' : 'receivedAt' };
}

/** The period for the API, or null while its amount is not a whole number (the form says so). */
export function periodOf(p: PeriodValue | null): LetterPeriod | null {
  if (!p) return null;
  const amount = Number(p.amount);
  return p.amount !== '' && Number.isInteger(amount) && amount >= 1 ? { amount, unit: p.unit, from: p.from } : null;
}

/** The letter as the form edits it: instants as the organisation's local date and time, deadlines as their last day. */
export interface LetterFormValues extends Record<string, unknown> {
  reference: string;
  regulator: string;
  direction: LetterDirection;
  kind: LetterKind;
  sent: LocalDateTimeValue;
  received: LocalDateTimeValue;
  notified: LocalDateTimeValue;
  regulatorRefs: string[];
  subject: string;
  summary: string;
  /** Last day, 'YYYY-MM-DD'. */
  replyDue: string | null;
  complianceDue: string | null;
  /** Set: the date is counted from the letter by this period instead of typed. */
  replyPeriod: PeriodValue | null;
  compliancePeriod: PeriodValue | null;
  amountEur: number | string;
  matterId: string | null;
  inReplyTo: string | null;
}

export type LetterFieldValues = Required<Omit<LetterCreate, 'reference'>> & { reference: string };

const NONE: LocalDateTimeValue = { date: null, time: '' };

/** A new letter: today (on the app's clock) on the date that matters for its direction. */
export function newLetterValues(zone: string, defaultRegulator: string, preset: LetterPreset = {}, now = appDate()): LetterFormValues {
  const direction = preset.direction ?? 'inbound';
  const today = nowLocalParts(zone, now);
  return {
    reference: '',
    regulator: preset.regulator ?? defaultRegulator,
    direction,
    kind: preset.kind ?? (direction === 'inbound' ? 'request_for_information' : 'our_reply'),
    sent: direction === 'outbound' ? today : NONE,
    received: direction === 'inbound' ? today : NONE,
    notified: NONE,
    regulatorRefs: preset.regulatorRefs ?? [],
    subject: preset.subject ?? '',
    summary: '',
    replyDue: null,
    complianceDue: null,
    replyPeriod: null,
    compliancePeriod: null,
    amountEur: '',
    matterId: preset.matterId ?? null,
    inReplyTo: preset.inReplyTo ?? null,
  };
}

const partsOf = (iso: string | null, zone: string): LocalDateTimeValue => (iso ? localPartsOf(iso, zone) : NONE);

export function valuesOfLetter(l: Letter, zone: string): LetterFormValues {
  return {
    reference: l.reference,
    regulator: l.regulator,
    direction: l.direction,
    kind: l.kind,
    sent: partsOf(l.sentAt, zone),
    received: partsOf(l.receivedAt, zone),
    notified: partsOf(l.notifiedAt, zone),
    regulatorRefs: [...l.regulatorRefs],
    subject: l.subject,
    summary: l.summary,
    replyDue: l.replyDue ? lastDayOfDeadline(l.replyDue, zone) : null,
    complianceDue: l.complianceDue ? lastDayOfDeadline(l.complianceDue, zone) : null,
    replyPeriod: l.replyPeriod ? { ...l.replyPeriod } : null,
    compliancePeriod: l.compliancePeriod ? { ...l.compliancePeriod } : null,
    amountEur: l.amountEur ?? '',
    matterId: l.matterId,
    inReplyTo: l.inReplyTo,
  };
}

/** Which optional fields the form shows: those of the kind, and any already filled. */
export function visibleFields(v: Pick<LetterFormValues, 'kind' | 'complianceDue' | 'amountEur'>, initial?: Pick<LetterFormValues, 'complianceDue' | 'amountEur'>) {
  return {
    compliance: COMPLIANCE_KINDS.includes(v.kind) || Boolean(initial?.complianceDue),
    amount: AMOUNT_KINDS.includes(v.kind) || (initial !== undefined && initial.amountEur !== ''),
  };
}

/** API paths the form shows under another name. */
export const LETTER_FIELD_OF: Record<string, string> = { sentAt: 'sent', receivedAt: 'received', notifiedAt: 'notified' };

/** A date with no time reads as the start of that day: post seldom says when it came. */
function instantOf(v: LocalDateTimeValue, zone: string): { ok: boolean; value: string | null } {
  if (!v.date) return { ok: true, value: null };
  const value = instantFromLocal(v.date, v.time || '00:00', zone);
  return { ok: value !== null, value };
}

/** Form values → API fields (the kit checks them with LetterCreate); a deadline's last day ends at the midnight closing it. */
export function toLetterFields(v: LetterFormValues, zone: string, shown: { compliance: boolean; amount: boolean }): { fields: LetterFieldValues; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const sent = instantOf(v.sent, zone);
  const received = instantOf(v.received, zone);
  const notified = instantOf(v.notified, zone);
  if (!sent.ok) errors.sent = featureT(NS, 'fieldErrors.instant');
  if (!received.ok) errors.received = featureT(NS, 'fieldErrors.instant');
  if (!notified.ok) errors.notified = featureT(NS, 'fieldErrors.instant');
  const amount = shown.amount && v.amountEur !== '' ? Number(v.amountEur) : null;
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) errors.amountEur = featureT(NS, 'fieldErrors.amountEur');
  const lastDay = (d: string | null) => (d ? startOfNextLocalDay(d, zone) : null);
  const replyPeriod = periodOf(v.replyPeriod);
  const compliancePeriod = shown.compliance ? periodOf(v.compliancePeriod) : null;
  if (v.replyPeriod && !replyPeriod) errors.replyPeriod = featureT(NS, 'fieldErrors.period');
  if (shown.compliance && v.compliancePeriod && !compliancePeriod) errors.compliancePeriod = featureT(NS, 'fieldErrors.period');
  return {
    errors,
    fields: {
      reference: v.reference.trim(),
      regulator: v.regulator.trim(),
      direction: v.direction,
      kind: v.kind,
      sentAt: sent.value,
      receivedAt: received.value,
      notifiedAt: notified.value,
      regulatorRefs: v.regulatorRefs.map((r) => r.trim()).filter(Boolean),
      subject: v.subject,
      summary: v.summary,
      // A period decides the date (the core counts it again); the typed date is kept only without one.
      replyDue: replyPeriod ? null : lastDay(v.replyDue),
      complianceDue: shown.compliance && !compliancePeriod ? lastDay(v.complianceDue) : null,
      replyPeriod,
      compliancePeriod,
      amountEur: amount !== null && Number.isFinite(amount) ? amount : null,
      matterId: v.matterId,
      inReplyTo: v.inReplyTo,
    },
  };
}
