import i18next from 'i18next';
import { RecordType } from '@shared/schemas/record-types';
import { featureT } from '../../lib/featureT';

/** The namespace of the record panels' strings (features/records/locales). */
export const RECORDS_NS = 'records';

export const RECORD_TYPES: readonly RecordType[] = RecordType.options;

export function isRecordType(v: string): v is RecordType {
  return (RECORD_TYPES as readonly string[]).includes(v);
}

function exists(key: string, ns = RECORDS_NS): boolean {
  return i18next.exists(`${ns}:${key}`);
}

/** Whether the record panels have a string for `key` (optional strings: per register, per field). */
export function hasRecordsKey(key: string): boolean {
  return exists(key);
}

/** "Complaint", "Letter", … and the things that hang off records ("Link", "Attachment", "Notification"…). */
export function recordTypeLabel(type: string): string {
  return exists(`recordType.${type}`) ? featureT(RECORDS_NS, `recordType.${type}`) : humanize(type);
}

/** "Complaints", "Letters", … for filters and the dashboard. */
export function recordTypePlural(type: RecordType): string {
  return featureT(RECORDS_NS, `recordTypePlural.${type}`);
}

/**
 * A record's status in words. Each register has its own statuses (a letter's "status" in search is
 * "awaiting reply" or its kind).
 */
export function statusLabel(type: string, status: string | null): string {
  if (status === null || status === '') return '';
  const own = `status.${type}.${status}`;
  if (exists(own)) return featureT(RECORDS_NS, own);
  return humanize(status);
}

/** The statuses a register's records can have, for filters. */
export function statusOptionsOf(type: RecordType): { value: string; label: string }[] {
  const bundle = i18next.getResourceBundle(i18next.resolvedLanguage ?? 'en', RECORDS_NS) as { status?: Record<string, Record<string, string>> } | undefined;
  const own = bundle?.status?.[type];
  if (own) return Object.keys(own).map((s) => ({ value: s, label: statusLabel(type, s) }));
  return [];
}

/** "regulatorReference" → "Regulator reference": a readable label for a field no table names. */
export function humanize(name: string): string {
  const words = name
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A device id is a UUID; its first block is enough to tell machines apart on screen. */
export function shortDevice(device: string): string {
  return device.split('-')[0] || device.slice(0, 8);
}

/** A file size in the reader's language: "9.2 KB", "1,3 Mo". */
export function formatBytes(bytes: number, lang: 'en' | 'fr'): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  const units = lang === 'fr' ? ['o', 'Ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  // A narrow no-break space keeps the number with its unit.
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value)}\u00a0${units[unit]}`;
}
