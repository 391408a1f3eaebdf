import i18next from 'i18next';
import { DataSubjectRight, ComplaintChannel } from '@shared/schemas/complaint';
import { RecordRef, type RecordHeader } from '@shared/schemas/record-types';
import { regulatorLabel } from '@shared/reference/regulators';
import { complaintsRegister, registerOf } from '@shared/registers';
import { featureT } from '../../lib/featureT';
import { formatBytes, humanize, isRecordType, RECORDS_NS, recordTypeLabel, statusLabel } from './labels';

/** What the value formatter needs from useFormatters(). */
export interface HistoryFormatters {
  lang: 'en' | 'fr';
  dateTime(iso: string): string;
  deadlineDay(iso: string): string;
  number(n: number): string;
}

/** Deadlines that end at the midnight closing their last day: shown as that day, not "00:00". */
const DEADLINE_DAY_FIELDS = new Set(['responseDue', 'replyDue', 'complianceDue', 'appealDue']);
/** Values that are regulator ids (FR-CNIL) shown by their short name. */
const REGULATOR_FIELDS = new Set(['regulator', 'authority', 'defaultRegulator']);
/** The complaint screens' namespace (features/complaints/locales): their channel and right words. */
const COMPLAINTS_NS = complaintsRegister.ns;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function rt(key: string, options?: Record<string, unknown>): string {
  return featureT(RECORDS_NS, key, options);
}

function has(key: string): boolean {
  return i18next.exists(`${RECORDS_NS}:${key}`);
}

export function isEmptyHistoryValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The label of a field in the history of a record of `recordType`: the register's own label,
 * then the label every register shares, then the label of the register's own screens
 * (`<ns>:fields.<field>`), and last a readable form of the raw name, for a field added by a newer core.
 */
export function historyFieldLabel(recordType: string, field: string): string {
  if (has(`fields.${recordType}.${field}`)) return rt(`fields.${recordType}.${field}`);
  if (has(`fields.common.${field}`)) return rt(`fields.common.${field}`);
  const own = isRecordType(recordType) ? registerOf(recordType).ns : null;
  if (own && i18next.exists(`${own}:fields.${field}`)) return featureT(own, `fields.${field}`);
  return humanize(field);
}

/** An enumerated value in words: per register, then shared by all registers, then the complaint screens'. */
function enumLabel(recordType: string, field: string, value: string): string | null {
  if (field === 'status') {
    const s = statusLabel(recordType, value);
    return s === '' ? null : s;
  }
  if (has(`values.${recordType}.${field}.${value}`)) return rt(`values.${recordType}.${field}.${value}`);
  if (has(`values.common.${field}.${value}`)) return rt(`values.common.${field}.${value}`);
  if (recordType === 'complaint') {
    if (field === 'channel' && ComplaintChannel.safeParse(value).success) return featureT(COMPLAINTS_NS, `channel.${value}`);
    if (field === 'rights' && DataSubjectRight.safeParse(value).success) return featureT(COMPLAINTS_NS, `rightShort.${value}`);
  }
  return null;
}

/** "Complaint C-2018-0002", or the type and a short id when the record cannot be named. */
export function recordRefLabel(ref: RecordRef, headers: ReadonlyMap<string, RecordHeader>): string {
  const header = headers.get(`${ref.type}:${ref.id}`);
  const type = recordTypeLabel(ref.type);
  return header ? `${type} ${header.reference}` : `${type} ${ref.id.slice(0, 8)}…`;
}

/**
 * One old or new value of a history line, in the reader's language, instants in the
 * organisation's zone. `headers` names the records a value points to (links, attachments).
 */
export function formatHistoryValue(
  recordType: string,
  field: string,
  value: unknown,
  f: HistoryFormatters,
  headers: ReadonlyMap<string, RecordHeader> = new Map(),
): string {
  if (isEmptyHistoryValue(value)) return rt('history.emptyValue');
  if (typeof value === 'string') {
    if (ISO_INSTANT.test(value)) return DEADLINE_DAY_FIELDS.has(field) ? f.deadlineDay(value) : f.dateTime(value);
    if (REGULATOR_FIELDS.has(field)) return regulatorLabel(value);
    if (field === 'sha256') return `${value.slice(0, 12)}…`;
    return enumLabel(recordType, field, value) ?? value;
  }
  if (typeof value === 'number') {
    if (field === 'size') return formatBytes(value, f.lang);
    if (field === 'amountEur') return new Intl.NumberFormat(f.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2 }).format(value);
    return f.number(value);
  }
  if (typeof value === 'boolean') return rt(value ? 'values.yes' : 'values.no');
  if (Array.isArray(value)) {
    return value.map((v) => (typeof v === 'string' ? (enumLabel(recordType, field, v) ?? v) : formatHistoryValue(recordType, field, v, f, headers))).join(', ');
  }
  const ref = RecordRef.safeParse(value);
  if (ref.success) return recordRefLabel(ref.data, headers);
  return JSON.stringify(value);
}
