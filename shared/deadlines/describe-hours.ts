/**
 * Wording for elapsed-hour periods, shared by the built-in hour rules and custom hour rules.
 */
import type { DateTime } from 'luxon';
import type { Bilingual } from './types';
import { amountWords, bi, instants, offsetWords } from './wording';

function shiftWords(minutes: number): string {
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  return abs % 60 === 0 ? `${sign}${abs / 60} h` : `${sign}${abs} min`;
}

export function describeElapsedHours(hours: number, start: DateTime, end: DateTime, event: Bilingual): Bilingual {
  const a = amountWords(hours, 'hours');
  const s = instants(start);
  const e = instants(end);
  const elapsedFr = hours < 2 ? 'écoulée' : 'écoulées';
  let en =
    `${a.en} of elapsed time from ${event.en} on ${s.en} end on ${e.en}. ` +
    'Hours are real elapsed time: weekends, public holidays and clock changes do not extend them.';
  let fr =
    `${a.fr} ${elapsedFr} depuis ${event.fr}, le ${s.fr} : échéance le ${e.fr}. ` +
    "Les heures sont du temps réellement écoulé : week-ends, jours fériés et changements d'heure ne les prolongent pas.";
  const shift = end.offset - start.offset;
  if (shift !== 0) {
    const from = offsetWords(start.offset);
    const to = offsetWords(end.offset);
    en += ` The clocks change in between (${from} → ${to}), so the deadline's clock time is shifted by ${shiftWords(shift)}.`;
    fr += ` Le changement d'heure intervient entre-temps (${from} → ${to}) : l'heure affichée à l'échéance est décalée de ${shiftWords(shift)}.`;
  }
  return bi(en, fr);
}
