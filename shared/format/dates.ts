/**
 * The one home of how the app writes dates, times and deadlines, in English and French, for the
 * screen (renderer) and for every document it produces (PDF, CSV, XLSX, calendar files, desktop
 * notifications). Pure: Intl only (no Node, no DOM), so both sides share it.
 *
 * Deadlines. A period counted in days, weeks or months ends at the local midnight that closes its
 * last day (shared/deadlines, Regulation 1182/71): that midnight is stored as the deadline instant.
 * Written as a date and a time it reads a day late ("3 Aug 00:00" for a deadline on 2 August), so
 * such a deadline is always written as its last day, "end of Thu 2 Aug 2018". An instant that
 * falls exactly on a local midnight means the same thing whatever produced it (the end of the
 * previous day and 00:00 on the next are one instant), so the reading never depends on the rule.
 */

export type Lang = 'en' | 'fr';

/**
 * The Intl locale behind each language. English uses British conventions (day before month,
 * 24-hour clock): the register is kept by European offices whose deadlines are European.
 */
export function intlLocale(lang: Lang): string {
  return lang === 'fr' ? 'fr-FR' : 'en-GB';
}

interface Parts {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 1 = Monday ... 7 = Sunday
  hour: number;
  minute: number;
  second: number;
}

// Building Intl formatters is costly and lists format hundreds of cells: one per zone.
const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    partFormatters.set(zone, f);
  }
  return f;
}

const WEEKDAY_INDEX: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function toMs(instant: string | number | Date): number {
  return typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
}

/** The wall-clock reading of an instant in a zone. */
export function zonedParts(instant: string | number | Date, zone: string): Parts {
  const ms = toMs(instant);
  if (!Number.isFinite(ms)) throw new Error(`'${String(instant)}' is not an instant`);
  const out: Record<string, string> = {};
  for (const p of partsFormatter(zone).formatToParts(ms)) out[p.type] = p.value;
  return {
    year: Number(out.year),
    month: Number(out.month),
    day: Number(out.day),
    weekday: WEEKDAY_INDEX[out.weekday!] ?? 1,
    hour: Number(out.hour),
    minute: Number(out.minute),
    second: Number(out.second),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const isoDate = (p: Pick<Parts, 'year' | 'month' | 'day'>) => `${String(p.year).padStart(4, '0')}-${pad2(p.month)}-${pad2(p.day)}`;

/** The local calendar date ('YYYY-MM-DD') of an instant in a zone: never the UTC date. */
export function localDateOf(instant: string | number | Date, zone: string): string {
  return isoDate(zonedParts(instant, zone));
}

/** 'HH:mm' of an instant in a zone. */
export function localTimeOf(instant: string | number | Date, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** True when the instant is a local midnight: a day-counted deadline, the end of the day before. */
export function isDayEnd(instant: string | number | Date, zone: string): boolean {
  const ms = toMs(instant);
  if (ms % 1000 !== 0) return false;
  const p = zonedParts(ms, zone);
  return p.hour === 0 && p.minute === 0 && p.second === 0;
}

/** The last day a deadline leaves: the local date one millisecond before it. */
export function lastDayOfDeadline(instant: string | number | Date, zone: string): string {
  return localDateOf(toMs(instant) - 1, zone);
}

/* ------------------------------------------------------------------------------------------ */
/* Words                                                                                      */
/* ------------------------------------------------------------------------------------------ */

interface Names {
  weekdaysLong: string[]; // index 1 = Monday
  weekdaysShort: string[];
  monthsLong: string[]; // index 1 = January
  monthsShort: string[];
}
const names = new Map<Lang, Names>();
function namesFor(lang: Lang): Names {
  let n = names.get(lang);
  if (!n) {
    const loc = intlLocale(lang);
    const f = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(loc, { ...o, timeZone: 'UTC' });
    const wl = f({ weekday: 'long' });
    const ws = f({ weekday: 'short' });
    const ml = f({ month: 'long' });
    const msh = f({ month: 'short' });
    n = { weekdaysLong: [''], weekdaysShort: [''], monthsLong: [''], monthsShort: [''] };
    // 2024-01-01 was a Monday.
    for (let i = 0; i < 7; i++) {
      n.weekdaysLong.push(wl.format(Date.UTC(2024, 0, 1 + i)));
      n.weekdaysShort.push(ws.format(Date.UTC(2024, 0, 1 + i)));
    }
    for (let i = 0; i < 12; i++) {
      n.monthsLong.push(ml.format(Date.UTC(2024, i, 15)));
      n.monthsShort.push(msh.format(Date.UTC(2024, i, 15)));
    }
    names.set(lang, n);
  }
  return n;
}

export interface DateStyle {
  /** 'short': "2 Aug 2018" / "2 août 2018"; 'long': "2 August 2018" / "2 août 2018". */
  month?: 'short' | 'long';
  /** Adds the weekday: "Thu 2 Aug 2018" / "jeu. 2 août 2018", or "Thursday …" / "jeudi …" with 'long'. */
  weekday?: 'short' | 'long';
}

function civil(localDate: string): { year: number; month: number; day: number; weekday: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(localDate);
  if (!m) throw new Error(`'${localDate}' is not a calendar date like 2026-04-06`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const js = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, weekday: js === 0 ? 7 : js };
}

/** A local date ('YYYY-MM-DD') in words. French writes the first of the month "1er". */
export function formatLocalDate(localDate: string, lang: Lang, style: DateStyle = {}): string {
  const d = civil(localDate);
  const n = namesFor(lang);
  const day = lang === 'fr' && d.day === 1 ? '1er' : String(d.day);
  const month = (style.month === 'long' ? n.monthsLong : n.monthsShort)[d.month];
  const date = `${day} ${month} ${d.year}`;
  if (!style.weekday) return date;
  return `${(style.weekday === 'long' ? n.weekdaysLong : n.weekdaysShort)[d.weekday]} ${date}`;
}

/** The date of an instant in the organisation's zone, in words. */
export function formatDate(instant: string | number | Date, zone: string, lang: Lang, style: DateStyle = {}): string {
  return formatLocalDate(localDateOf(instant, zone), lang, style);
}

/** "2 Aug 2018, 14:30" / "2 août 2018, 14:30" (with the weekday when asked) in the zone. */
export function formatDateTime(instant: string | number | Date, zone: string, lang: Lang, style: DateStyle = {}): string {
  return `${formatDate(instant, zone, lang, style)}, ${localTimeOf(instant, zone)}`;
}

/**
 * A deadline in two parts: for a day-counted one, the words "end of" / "fin du" and its last day;
 * for any other, no words and its date and time. Documents keep each part on one line.
 */
export function deadlineParts(instant: string | number | Date, zone: string, lang: Lang, style: DateStyle = { weekday: 'short' }): { endOf: string | null; when: string } {
  if (isDayEnd(instant, zone)) return { endOf: lang === 'fr' ? 'fin du' : 'end of', when: formatLocalDate(lastDayOfDeadline(instant, zone), lang, style) };
  return { endOf: null, when: formatDateTime(instant, zone, lang, style) };
}

/**
 * A deadline as people read it: a day-counted deadline as its last day ("end of Thu 2 Aug 2018" /
 * "fin du jeu. 2 août 2018"), any other as its date and time ("Thu 2 Aug 2018, 14:30").
 */
export function formatDeadline(instant: string | number | Date, zone: string, lang: Lang, style: DateStyle = { weekday: 'short' }): string {
  const p = deadlineParts(instant, zone, lang, style);
  return p.endOf ? `${p.endOf} ${p.when}` : p.when;
}

/**
 * A deadline written out in full: "end of Thursday 2 August 2018" / "fin du jeudi 2 août 2018",
 * or "Sunday 29 March 2026 at 23:30" / "dimanche 29 mars 2026 à 23:30". Callers add the zone.
 */
export function formatDeadlineLong(instant: string | number | Date, zone: string, lang: Lang): string {
  const style: DateStyle = { weekday: 'long', month: 'long' };
  if (isDayEnd(instant, zone)) return formatDeadline(instant, zone, lang, style);
  return `${formatDate(instant, zone, lang, style)} ${lang === 'fr' ? 'à' : 'at'} ${localTimeOf(instant, zone)}`;
}

/** A calendar month (YYYY-MM): "March 2026" / "mars 2026"; short, for a chart's axis: "Mar 26" / "mars 26". */
export function formatMonth(yearMonth: string, lang: Lang, short = false): string {
  const [y, m] = yearMonth.split('-').map(Number) as [number, number];
  const f = new Intl.DateTimeFormat(intlLocale(lang), { timeZone: 'UTC', month: short ? 'short' : 'long', year: short ? '2-digit' : 'numeric' });
  return f.format(new Date(Date.UTC(y, m - 1, 15)));
}
