import type { Complaint, ComplaintCreate } from '@shared/schemas/complaint';
import type { Organisation } from '@shared/schemas/profile';
import type { LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { featureT } from '../../lib/featureT';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import { NS } from './labels';

/** The editable fields of a complaint, as the API takes them. */
export type ComplaintFieldValues = Required<Omit<ComplaintCreate, 'reference'>> & { reference: string };

/**
 * The complaint as the form edits it: the API's own fields, but its two instants split into the
 * organisation's local date and time, and the regulator fields as text kept while the channel
 * changes (they are dropped on save unless the channel is "regulator").
 */
export type ComplaintFormValues = Omit<ComplaintFieldValues, 'receivedAt' | 'extensionNoticeAt' | 'regulator' | 'regulatorReference'> & {
  received: LocalDateTimeValue;
  extensionNotice: LocalDateTimeValue;
  regulator: string;
  regulatorReference: string;
};

const NO_INSTANT: LocalDateTimeValue = { date: null, time: '' };

/** A new complaint defaults to "received now" on the app's clock: most are logged as they arrive. */
export function newComplaintValues(zone: string, defaultRegulator: string, now: Date): ComplaintFormValues {
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

/** What the form starts from: the complaint being edited, or a new one received now. */
export function startValues(organisation: Pick<Organisation, 'timeZone' | 'defaultRegulator'>, complaint: Complaint | undefined, now: Date): ComplaintFormValues {
  return complaint ? valuesOfComplaint(complaint, organisation.timeZone, organisation.defaultRegulator) : newComplaintValues(organisation.timeZone, organisation.defaultRegulator, now);
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

/** API paths the form shows under another name. */
export const COMPLAINT_FIELD_OF: Record<string, string> = { receivedAt: 'received', extensionNoticeAt: 'extensionNotice' };

/** The two instants the form enters as local date and time (null where not entered or not a date). */
export function instantsOf(v: Pick<ComplaintFormValues, 'received' | 'extensionNotice'>, zone: string): { receivedAt: string | null; extensionNoticeAt: string | null } {
  return {
    receivedAt: instantFromLocal(v.received.date, v.received.time, zone),
    extensionNoticeAt: v.extensionNotice.date ? instantFromLocal(v.extensionNotice.date, v.extensionNotice.time, zone) : null,
  };
}

/** Form values → API fields (the kit checks them with ComplaintCreate), with the dates that are not dates. */
export function toComplaintFields(v: ComplaintFormValues, zone: string): { fields: ComplaintFieldValues; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const { receivedAt, extensionNoticeAt } = instantsOf(v, zone);
  if (!receivedAt) errors.received = featureT(NS, 'fieldErrors.receivedAt');
  if (v.extensionNotice.date !== null && !extensionNoticeAt) errors.extensionNotice = featureT(NS, 'fieldErrors.extensionNoticeAt');
  const forwarded = v.channel === 'regulator';
  return {
    errors,
    fields: {
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
    },
  };
}
