import i18next from 'i18next';
import {
  ComplaintCreate,
  type Complaint,
  type ComplaintChannel,
  type ComplaintUpdate,
  type DataSubjectRight,
} from '@shared/schemas/complaint';
import type { LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';

/**
 * The complaint as the form edits it: instants split into the organisation's local date and time,
 * regulator fields kept while the channel changes (they are dropped on save unless the channel is
 * "regulator"). Everything else has the API's own types.
 */
export interface ComplaintFormValues {
  reference: string;
  received: LocalDateTimeValue;
  channel: ComplaintChannel;
  regulator: string;
  regulatorReference: string;
  complainantLabel: string;
  complainantContact: string;
  rights: DataSubjectRight[];
  summary: string;
  outcome: string;
  extensionNotice: LocalDateTimeValue;
  extensionReason: string;
}

/** The editable fields of a complaint, as the API takes them. */
export type ComplaintFieldValues = Required<Omit<ComplaintCreate, 'reference'>> & { reference: string };

const NO_INSTANT: LocalDateTimeValue = { date: null, time: '' };

/** A new complaint defaults to "received now": most are logged as they arrive. */
export function newComplaintValues(zone: string, defaultRegulator: string, now = new Date()): ComplaintFormValues {
  return {
    reference: '',
    received: nowLocalParts(zone, now),
    channel: 'email',
    regulator: defaultRegulator,
    regulatorReference: '',
    complainantLabel: '',
    complainantContact: '',
    rights: [],
    summary: '',
    outcome: '',
    extensionNotice: NO_INSTANT,
    extensionReason: '',
  };
}

export function valuesOfComplaint(c: Complaint, zone: string, defaultRegulator: string): ComplaintFormValues {
  return {
    reference: c.reference,
    received: localPartsOf(c.receivedAt, zone),
    channel: c.channel,
    regulator: c.regulator ?? defaultRegulator,
    regulatorReference: c.regulatorReference ?? '',
    complainantLabel: c.complainantLabel,
    complainantContact: c.complainantContact,
    rights: [...c.rights],
    summary: c.summary,
    outcome: c.outcome,
    extensionNotice: c.extensionNoticeAt ? localPartsOf(c.extensionNoticeAt, zone) : NO_INSTANT,
    extensionReason: c.extensionReason,
  };
}

export type FieldsResult = { ok: true; fields: ComplaintFieldValues } | { ok: false; errors: Record<string, string> };

const FORM_FIELD_OF_PATH: Record<string, keyof ComplaintFormValues> = {
  receivedAt: 'received',
  extensionNoticeAt: 'extensionNotice',
};

export function formFieldOf(path: string): string {
  const top = path.split('.')[0] ?? path;
  return FORM_FIELD_OF_PATH[top] ?? top;
}

/** Form values → API fields, checked with the schema the core applies (ComplaintCreate). */
export function toComplaintFields(v: ComplaintFormValues, zone: string): FieldsResult {
  const errors: Record<string, string> = {};
  const receivedAt = instantFromLocal(v.received.date, v.received.time, zone);
  if (!receivedAt) errors.received = i18next.t('fieldErrors.receivedAt');
  const hasNotice = v.extensionNotice.date !== null;
  const extensionNoticeAt = hasNotice ? instantFromLocal(v.extensionNotice.date, v.extensionNotice.time, zone) : null;
  if (hasNotice && !extensionNoticeAt) errors.extensionNotice = i18next.t('fieldErrors.extensionNoticeAt');
  const forwarded = v.channel === 'regulator';
  const fields: ComplaintFieldValues = {
    reference: v.reference.trim(),
    receivedAt: receivedAt ?? '',
    channel: v.channel,
    regulator: forwarded ? v.regulator.trim() || null : null,
    regulatorReference: forwarded ? v.regulatorReference.trim() || null : null,
    complainantLabel: v.complainantLabel,
    complainantContact: v.complainantContact,
    rights: v.rights,
    summary: v.summary,
    outcome: v.outcome,
    extensionNoticeAt,
    extensionReason: v.extensionReason,
  };
  const parsed = ComplaintCreate.safeParse(fields);
  if (!parsed.success) {
    for (const [field, message] of Object.entries(fieldErrorsFromIssues(issuesOf(parsed.error), formFieldOf).fields)) {
      errors[field] ??= message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, fields };
}

/**
 * Only the fields the user changed, compared as the form shows them: an untouched received time
 * with seconds must not come back rounded to the minute and appear in the history as an edit.
 */
export function patchOf(original: Complaint, edited: ComplaintFieldValues, zone: string, defaultRegulator: string): ComplaintUpdate['patch'] {
  const before = toComplaintFields(valuesOfComplaint(original, zone, defaultRegulator), zone);
  const patch: ComplaintUpdate['patch'] = {};
  const keys = Object.keys(edited) as (keyof ComplaintFieldValues)[];
  for (const key of keys) {
    const was = before.ok ? before.fields[key] : undefined;
    if (JSON.stringify(was) !== JSON.stringify(edited[key])) Object.assign(patch, { [key]: edited[key] });
  }
  return patch;
}
