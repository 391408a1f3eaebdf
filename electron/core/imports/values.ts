import { DateTime } from 'luxon';
import { endOfLocalDay } from '@shared/deadlines';
import type { ImportIssue } from '@shared/schemas/import';
import { bi, label, LABELS, type Bi, type LabelKind, type LabelTable } from '../exports/labels';
import { unguardCell } from '../exports/csv';
import type { CellIn } from './table';

export type Parsed<T> = { ok: true; value: T } | { ok: false; code: ImportIssue['code']; message: Bi };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (code: ImportIssue['code'], en: string, fr: string): Parsed<never> => ({ ok: false, code, message: bi(en, fr) });

export function cellText(c: CellIn | undefined): string {
  if (c == null) return '';
  if (c instanceof Date) return c.toISOString();
  return unguardCell(c.trim());
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?$/;
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?$/i;

/**
 * An instant from a cell: ISO 8601 with an offset (as exports write it), ISO without one or
 * dd/mm/yyyy [hh:mm[:ss]] read in the organisation's zone, or a spreadsheet date (its wall clock,
 * in the organisation's zone). Returns UTC ISO.
 */
export function parseInstantCell(c: CellIn, zone: string): Parsed<string> {
  if (c instanceof Date) {
    // Spreadsheet dates carry no zone: their wall-clock reading, in the organisation's zone.
    const dt = DateTime.fromObject(
      { year: c.getUTCFullYear(), month: c.getUTCMonth() + 1, day: c.getUTCDate(), hour: c.getUTCHours(), minute: c.getUTCMinutes(), second: c.getUTCSeconds(), millisecond: c.getUTCMilliseconds() },
      { zone },
    );
    return dt.isValid ? ok(dt.toUTC().toISO()!) : bad('bad_date', 'Not a valid date.', 'Date invalide.');
  }
  const s = cellText(c);
  let dt: DateTime | null = null;
  if (ISO_WITH_OFFSET.test(s)) dt = DateTime.fromISO(s.replace(' ', 'T'), { setZone: true });
  else {
    const m = ISO_LOCAL.exec(s) ?? null;
    const d = m ? null : DMY.exec(s);
    const parts = m
      ? { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), millisecond: +(m[7] ?? '0').padEnd(3, '0') }
      : d
        ? { year: +d[3]!, month: +d[2]!, day: +d[1]!, hour: +(d[4] ?? 0), minute: +(d[5] ?? 0), second: +(d[6] ?? 0) }
        : null;
    if (parts) {
      dt = DateTime.fromObject(parts, { zone });
      // A date that does not exist (31/02) is refused rather than rolled over.
      if (dt.isValid && (dt.day !== parts.day || dt.month !== parts.month)) dt = null;
    }
  }
  if (!dt || !dt.isValid) {
    return bad(
      'bad_date',
      `"${s}" is not a date: write 2020-10-01T09:40:00+02:00, 2020-10-01 09:40 or 01/10/2020 09:40 (day/month/year, organisation’s time zone).`,
      `"${s}" n’est pas une date : écrivez 2020-10-01T09:40:00+02:00, 2020-10-01 09:40 ou 01/10/2020 09:40 (jour/mois/année, fuseau de l’organisme).`,
    );
  }
  if (dt.year < 1900 || dt.year > 2200) return bad('bad_date', `"${s}": the year ${dt.year} is out of range.`, `"${s}" : l’année ${dt.year} est hors limites.`);
  return ok(dt.toUTC().toISO()!);
}

/**
 * A due date from a cell: a plain date (2018-08-02, 02/08/2018, or a spreadsheet date at 00:00) is
 * the deadline's last day, so the deadline is the end of that day in the organisation's zone, as
 * the app stores day-counted deadlines and exports write them; anything with a time is an instant.
 */
export function parseDeadlineCell(c: CellIn, zone: string): Parsed<string> {
  let day: string | null = null;
  if (c instanceof Date) {
    if (c.getUTCHours() === 0 && c.getUTCMinutes() === 0 && c.getUTCSeconds() === 0 && c.getUTCMilliseconds() === 0) day = c.toISOString().slice(0, 10);
  } else day = plainDay(cellText(c));
  if (day === null) return parseInstantCell(c, zone);
  const checked = parseInstantCell(day, zone);
  if (!checked.ok) return checked;
  return ok(endOfLocalDay(day, zone).toUTC().toISO()!);
}

/** A day written without a time, 2025-03-01 or 01/03/2025 (day/month/year), as YYYY-MM-DD; null otherwise. */
function plainDay(s: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  return dmy ? `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}` : null;
}

/** A calendar day: 2025-03-01, 01/03/2025, or a spreadsheet date cell (its day). Returns YYYY-MM-DD. */
export function parseDateCell(c: CellIn): Parsed<string> {
  const s = c instanceof Date ? '' : cellText(c);
  const text = c instanceof Date ? c.toISOString().slice(0, 10) : plainDay(s);
  // Luxon refuses a day that does not exist (2025-02-31) rather than rolling it over.
  const day = text ? DateTime.fromISO(text, { zone: 'UTC' }) : null;
  if (!day || !day.isValid) {
    return bad('bad_date', `"${s}" is not a day: write 2025-03-01 or 01/03/2025 (day/month/year).`, `« ${s} » n’est pas une date : écrivez 2025-03-01 ou 01/03/2025 (jour/mois/année).`);
  }
  if (day.year < 1900 || day.year > 2200) return bad('bad_date', `"${s}": the year ${day.year} is out of range.`, `« ${s} » : l’année ${day.year} est hors limites.`);
  return ok(day.toISODate()!);
}

function accepted(kind: LabelKind, lang: 'en' | 'fr'): string {
  return Object.keys(LABELS[kind] as LabelTable)
    .map((code) => label(kind, code, lang))
    .join(', ');
}

export function parseEnumCell(kind: LabelKind, s: string, codeFor: (kind: LabelKind, v: string) => string | null): Parsed<string> {
  const code = codeFor(kind, s);
  if (code) return ok(code);
  return bad('bad_enum', `"${s}" is not one of: ${accepted(kind, 'en')}.`, `"${s}" ne fait pas partie des valeurs : ${accepted(kind, 'fr')}.`);
}

export function splitList(s: string, allowComma: boolean): string[] {
  return s
    .split(allowComma ? /[;,\n]/ : /[;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** Counts and amounts: "1 200 000", "1,200,000", "150000,50", "150 000 €". */
export function parseNumberCell(s: string, integer: boolean): Parsed<number> {
  let t = s.replace(/[\s\u00a0\u202f]/g, '').replace(/(€|EUR|eur)$/, '');
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(t)) t = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(t)) t = t.replace(',', '.');
  const n = Number(t);
  if (t === '' || !Number.isFinite(n)) return bad('bad_number', `"${s}" is not a number.`, `"${s}" n’est pas un nombre.`);
  if (n < 0) return bad('bad_number', `"${s}" is negative.`, `"${s}" est négatif.`);
  if (integer && !Number.isInteger(n)) return bad('bad_number', `"${s}" is not a whole number.`, `"${s}" n’est pas un nombre entier.`);
  return ok(n);
}

export function parseBooleanCell(s: string): Parsed<boolean> {
  const v = s.trim().toLowerCase();
  if (['yes', 'oui', 'true', 'vrai', '1', 'x', 'y', 'o'].includes(v)) return ok(true);
  if (['no', 'non', 'false', 'faux', '0', 'n', ''].includes(v)) return ok(false);
  return bad('bad_boolean', `"${s}" is neither yes nor no.`, `"${s}" n’est ni oui ni non.`);
}
