/**
 * Bilingual wording helpers for explanations. Dates are written out in words ("Monday 6 April 2026",
 * "lundi 6 avril 2026") because the explanation is read by people deciding whether they are late;
 * the ISO instants are in the result's own fields.
 */
import type { DateTime } from 'luxon';
import { formatLocalDate } from '../format/dates';
import type { Bilingual, PeriodUnit } from './types';

export type Lang = keyof Bilingual;

export function bi(en: string, fr: string): Bilingual {
  return { en, fr };
}

/** "Monday 6 April 2026" / "lundi 6 avril 2026" (the French "1er" rule lives in shared/format). */
export function dateWords(localDate: string, lang: Lang): string {
  return formatLocalDate(localDate, lang, { weekday: 'long', month: 'long' });
}

export function dates(localDate: string): Bilingual {
  return bi(dateWords(localDate, 'en'), dateWords(localDate, 'fr'));
}

/** "UTC+01:00", "UTC-04:00", "UTC+05:30" from an offset in minutes. */
export function offsetWords(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * "Friday 27 March 2026 at 22:30 (Europe/Paris, UTC+01:00)" /
 * "vendredi 27 mars 2026 à 22:30 (Europe/Paris, UTC+01:00)", in the DateTime's own zone.
 */
export function instantWords(dt: DateTime, lang: Lang): string {
  const day = dateWords(dt.toISODate()!, lang);
  const time = `${String(dt.hour).padStart(2, '0')}:${String(dt.minute).padStart(2, '0')}`;
  const zone = `${dt.zoneName ?? 'UTC'}, ${offsetWords(dt.offset)}`;
  return `${day} ${lang === 'fr' ? 'à' : 'at'} ${time} (${zone})`;
}

export function instants(dt: DateTime): Bilingual {
  return bi(instantWords(dt, 'en'), instantWords(dt, 'fr'));
}

const UNIT_WORDS: Record<PeriodUnit, { en: [string, string]; fr: [string, string] }> = {
  hours: { en: ['hour', 'hours'], fr: ['heure', 'heures'] },
  days: { en: ['day', 'days'], fr: ['jour', 'jours'] },
  weeks: { en: ['week', 'weeks'], fr: ['semaine', 'semaines'] },
  months: { en: ['month', 'months'], fr: ['mois', 'mois'] },
};

/** "1 month", "72 hours" / "1 mois", "72 heures". */
export function amountWords(amount: number, unit: PeriodUnit): Bilingual {
  const w = UNIT_WORDS[unit];
  // French uses the singular below 2 (1,5 heure), English only for exactly 1.
  return bi(`${amount} ${w.en[amount === 1 ? 0 : 1]}`, `${String(amount).replace('.', ',')} ${w.fr[amount < 2 ? 0 : 1]}`);
}

/** Join bilingual fragments with a space, skipping empty ones. */
export function join(...parts: (Bilingual | null | undefined)[]): Bilingual {
  const present = parts.filter((p): p is Bilingual => !!p && (p.en !== '' || p.fr !== ''));
  return bi(present.map((p) => p.en).join(' '), present.map((p) => p.fr).join(' '));
}

/** French "de" + noun phrase, with the contractions du/des ("du contrat", "de la demande"). */
export function frDe(phrase: string): string {
  if (/^le /i.test(phrase)) return `du ${phrase.slice(3)}`;
  if (/^les /i.test(phrase)) return `des ${phrase.slice(4)}`;
  return `de ${phrase}`;
}
