import { lastDayOfDeadline } from './orgTime';

export type UiLanguage = 'en' | 'fr';

/**
 * The Intl locale behind each UI language. English uses the British conventions (day before month,
 * 24-hour clock) because the register is kept by European offices whose deadlines are European.
 */
export function intlLocale(lang: UiLanguage): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

// Intl formatters are costly to build and the list formats hundreds of cells: keep one per setting.
const cache = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(lang: UiLanguage, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(intlLocale(lang), { ...options, timeZone });
    cache.set(key, f);
  }
  return f;
}

/** Intl does not know that French writes the first of the month "1er" (1er août 2018). */
function format(f: Intl.DateTimeFormat, date: Date, lang: UiLanguage): string {
  if (lang !== 'fr') return f.format(date);
  return f
    .formatToParts(date)
    .map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value))
    .join('');
}

/** "2 Jul 2018, 14:30" / "2 juil. 2018, 14:30" in the organisation's zone. */
export function formatDateTime(iso: string, timeZone: string, lang: UiLanguage): string {
  const f = dateTimeFormat(lang, timeZone, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return format(f, new Date(iso), lang);
}

/** "25 Feb 2020" / "25 févr. 2020": the day of an instant in the organisation's zone (a letter's date, seldom known to the minute). */
export function formatDay(iso: string, timeZone: string, lang: UiLanguage): string {
  return format(dateTimeFormat(lang, timeZone, { day: 'numeric', month: 'short', year: 'numeric' }), new Date(iso), lang);
}

/** A local 'YYYY-MM-DD' date written out in words, e.g. "Thursday 2 August 2018" / "jeudi 2 août 2018". */
export function formatLocalDateLong(localDate: string, lang: UiLanguage): string {
  // Noon UTC keeps the date the same in the formatter's UTC zone.
  const f = dateTimeFormat(lang, 'UTC', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return format(f, new Date(`${localDate}T12:00:00Z`), lang);
}

/**
 * A deadline is the local midnight closing its last day; "due 3 Aug 00:00" would read as a day
 * late, so deadlines are shown as their last day.
 */
export function formatDeadlineDay(iso: string, timeZone: string, lang: UiLanguage): string {
  const day = lastDayOfDeadline(iso, timeZone);
  return format(dateTimeFormat(lang, 'UTC', { day: 'numeric', month: 'short', year: 'numeric' }), new Date(`${day}T12:00:00Z`), lang);
}

export function formatNumber(n: number, lang: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(lang)).format(n);
}

