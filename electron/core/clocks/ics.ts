import type { Clock, Lang } from '@shared/schemas/clock';
import { addDays } from '@shared/deadlines';
import { formatDeadlineLong, isDayEnd, lastDayOfDeadline } from '@shared/format/dates';
import { drillMark } from '@shared/drills';

/**
 * iCalendar (RFC 5545) for the open deadlines, written by hand: it is small, and every rule it
 * needs is here (TEXT escaping, line folding at 75 octets on UTF-8 boundaries, CRLF, UTC
 * instants). The tests read it back with ical.js.
 *
 * A deadline counted in days (it ends at the local midnight closing its last day) is an all-day
 * event ON that last day, its alarms counted back from the event's end (RELATED=END), so no
 * calendar shows it a day late at 00:00. A deadline counted in hours is a 15-minute event starting
 * at the due instant (DTEND must come after DTSTART), alarms counted back from its start. Complaint
 * titles are complainants' labels: they stay in the encrypted register and do not go into a
 * calendar file.
 */

const CRLF = '\r\n';
const SLOT_MS = 15 * 60_000;

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and one space. Never splits a
 * UTF-8 sequence (the continuation's leading space counts towards its 75 octets).
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let octets = 0;
  let limit = 75;
  for (let i = 0; i < line.length; ) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    const n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (octets + n > limit) {
      parts.push(line.slice(start, i));
      start = i;
      octets = 0;
      limit = 74;
    }
    octets += n;
    i += units;
  }
  parts.push(line.slice(start));
  return parts.join(`${CRLF} `);
}

/** 20260329T213000Z */
export function icsUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function trigger(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (minutes === 0) return 'PT0S';
  return minutes % 60 === 0 ? `-PT${minutes / 60}H` : `-PT${minutes}M`;
}

/** 2018-08-02 -> 20180802 */
const icsDate = (localDate: string) => localDate.replace(/-/g, '');

export interface IcsOptions {
  lang: Lang;
  thresholdsHours: readonly number[];
  now: Date;
  timeZone: string;
}

export function recordLink(c: Pick<Clock, 'recordType' | 'recordId'>): string {
  return `privacyops://${c.recordType}/${c.recordId}`;
}

export function clocksToIcs(clocks: readonly Clock[], o: IcsOptions): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//PrivacyOps Workstation//Deadlines//${o.lang.toUpperCase()}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(o.lang === 'fr' ? 'PrivacyOps – échéances' : 'PrivacyOps – deadlines')}`,
  ];
  const stamp = icsUtc(o.now.getTime());
  for (const c of clocks) {
    if (c.due === null) continue;
    const due = Date.parse(c.due);
    const allDay = isDayEnd(due, o.timeZone);
    const dueWords = formatDeadlineLong(due, o.timeZone, o.lang);
    // A drill's entry says so first: a calendar shows only the start of a summary.
    const summary = `${c.drill ? `${drillMark(o.lang)} ` : ''}${[c.reference, c.label[o.lang], c.party].filter(Boolean).join(' – ')}`;
    const description = [
      c.recordType === 'complaint' ? null : c.title,
      o.lang === 'fr' ? `Échéance : ${dueWords} (${o.timeZone})` : `Due: ${dueWords} (${o.timeZone})`,
      c.internalTarget ? `${o.lang === 'fr' ? 'Objectif interne : ' : 'Internal target: '}${formatDeadlineLong(c.internalTarget, o.timeZone, o.lang)}` : null,
      c.outerBound ? `${o.lang === 'fr' ? 'Limite extrême (discutée) : ' : 'Outer bound (disputed): '}${formatDeadlineLong(c.outerBound.due, o.timeZone, o.lang)}. ${c.outerBound.reason[o.lang]}` : null,
      c.basis[o.lang],
      c.note?.[o.lang] ?? null,
      `Record: ${c.reference}`,
      recordLink(c),
    ]
      .filter((l): l is string => Boolean(l))
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${c.id}@privacyops`,
      `DTSTAMP:${stamp}`,
      ...(allDay
        ? [`DTSTART;VALUE=DATE:${icsDate(lastDayOfDeadline(due, o.timeZone))}`, `DTEND;VALUE=DATE:${icsDate(addDays(lastDayOfDeadline(due, o.timeZone), 1))}`, 'TRANSP:TRANSPARENT']
        : [`DTSTART:${icsUtc(due)}`, `DTEND:${icsUtc(due + SLOT_MS)}`]),
      `SUMMARY:${escapeText(summary)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `URL:${recordLink(c)}`,
      `CATEGORIES:${escapeText(c.kind)}`,
    );
    for (const h of o.thresholdsHours) {
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(summary)}`, `TRIGGER${allDay ? ';RELATED=END' : ''}:${trigger(h)}`, 'END:VALARM');
    }
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
