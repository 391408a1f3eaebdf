import { LetterCreate, type Letter, type LetterDirection, type LetterKind, type LetterUpdate } from '@shared/schemas/letter';
import type { LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { featureT } from '../../lib/featureT';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import { deadlineFromLastDay, lastDayOf } from './dates';
import { AMOUNT_KINDS, COMPLIANCE_KINDS, NS } from './labels';
import type { LetterPreset } from './stores';

/** The letter as the form edits it: instants as the organisation's local date and time, deadlines as their last day. */
export interface LetterFormValues {
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
  amountEur: number | string;
  matterId: string | null;
  inReplyTo: string | null;
}

export type LetterFieldValues = Required<Omit<LetterCreate, 'reference'>> & { reference: string };

const NONE: LocalDateTimeValue = { date: null, time: '' };

export function newLetterValues(zone: string, defaultRegulator: string, preset: LetterPreset = {}, now = new Date()): LetterFormValues {
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
    replyDue: lastDayOf(l.replyDue, zone),
    complianceDue: lastDayOf(l.complianceDue, zone),
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

const FORM_FIELD: Record<string, keyof LetterFormValues> = {
  sentAt: 'sent',
  receivedAt: 'received',
  notifiedAt: 'notified',
};
export function formFieldOf(path: string): string {
  const top = path.split('.')[0] ?? path;
  return FORM_FIELD[top] ?? top;
}

/** A date with no time reads as the start of that day: post seldom says when it came. */
function instantOf(v: LocalDateTimeValue, zone: string): { ok: boolean; value: string | null } {
  if (!v.date) return { ok: true, value: null };
  const value = instantFromLocal(v.date, v.time || '00:00', zone);
  return { ok: value !== null, value };
}

export type FieldsResult = { ok: true; fields: LetterFieldValues } | { ok: false; errors: Record<string, string> };

export function toLetterFields(v: LetterFormValues, zone: string, shown: { compliance: boolean; amount: boolean }): FieldsResult {
  const errors: Record<string, string> = {};
  const sent = instantOf(v.sent, zone);
  const received = instantOf(v.received, zone);
  const notified = instantOf(v.notified, zone);
  if (!sent.ok) errors.sent = featureT(NS, 'fieldErrors.instant');
  if (!received.ok) errors.received = featureT(NS, 'fieldErrors.instant');
  if (!notified.ok) errors.notified = featureT(NS, 'fieldErrors.instant');
  const amount = shown.amount && v.amountEur !== '' ? Number(v.amountEur) : null;
  if (amount !== null && (!Number.isFinite(amount) || amount < 0)) errors.amountEur = featureT(NS, 'fieldErrors.amountEur');
  const fields: LetterFieldValues = {
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
    replyDue: deadlineFromLastDay(v.replyDue, zone),
    complianceDue: shown.compliance ? deadlineFromLastDay(v.complianceDue, zone) : null,
    amountEur: amount !== null && Number.isFinite(amount) ? amount : null,
    matterId: v.matterId,
    inReplyTo: v.inReplyTo,
  };
  const parsed = LetterCreate.safeParse(fields);
  if (!parsed.success) {
    for (const issue of issuesOf(parsed.error)) {
      const key = `fieldErrors.${issue.path}`;
      const field = formFieldOf(issue.path);
      const translated = featureT(NS, key);
      errors[field] ??= translated !== key ? translated : fieldErrorsFromIssues([issue], formFieldOf).fields[field] ?? issue.message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields };
}

/** Only what changed, compared as the form shows it (an untouched instant with seconds is no edit). */
export function patchOf(original: Letter, edited: LetterFieldValues, zone: string): LetterUpdate['patch'] {
  const before = toLetterFields(valuesOfLetter(original, zone), zone, { compliance: true, amount: true });
  const patch: LetterUpdate['patch'] = {};
  for (const key of Object.keys(edited) as (keyof LetterFieldValues)[]) {
    const was = before.ok ? before.fields[key] : undefined;
    if (JSON.stringify(was) !== JSON.stringify(edited[key])) Object.assign(patch, { [key]: edited[key] });
  }
  return patch;
}
