import i18next, { type TFunction } from 'i18next';
import { ComplaintChannel, ComplaintStatus, DataSubjectRight } from '@shared/schemas/complaint';

/** Audit entries carry raw values; these fields hold instants to show in the organisation's zone. */
const INSTANT_FIELDS = new Set(['receivedAt', 'extensionNoticeAt', 'answeredAt', 'archivedAt', 'createdAt', 'updatedAt']);

interface Formatters {
  dateTime(iso: string): string;
  deadlineDay(iso: string): string;
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** One old or new value of a history line, in the reader's language and the organisation's zone. */
export function formatHistoryValue(field: string, value: unknown, t: TFunction, f: Formatters): string {
  if (isEmpty(value)) return t('history.emptyValue');
  if (typeof value === 'string') {
    if (field === 'responseDue') return f.deadlineDay(value);
    if (INSTANT_FIELDS.has(field)) return f.dateTime(value);
    if (field === 'status' && ComplaintStatus.safeParse(value).success) return t(`status.${value as ComplaintStatus}`);
    if (field === 'channel' && ComplaintChannel.safeParse(value).success) return t(`channel.${value as ComplaintChannel}`);
    return value;
  }
  if (Array.isArray(value)) {
    if (field === 'rights') {
      return value.map((r) => (DataSubjectRight.safeParse(r).success ? t(`rightShort.${r as DataSubjectRight}`) : String(r))).join(', ');
    }
    return value.map(String).join(', ');
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The field's label where the app has one; the raw name otherwise (a field added by a newer core). */
export function historyFieldLabel(field: string): string {
  const key = `fields.${field}`;
  return i18next.exists(key) ? i18next.t(key as never) : field;
}

export function isEmptyHistoryValue(value: unknown): boolean {
  return isEmpty(value);
}
