import type { ReactNode } from 'react';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconClockExclamation,
  IconHourglassHigh,
  IconPlayerStop,
  IconTarget,
} from '@tabler/icons-react';
import { evaluateClock, formatCountdown, timeLeft } from '@shared/clocks';
import type { Clock, ClockState, StopReason } from '@shared/schemas/clock';
import { DateTime } from 'luxon';
import type { FeatureT } from '../../lib/featureT';
import { intlLocale, type UiLanguage } from '../../lib/format';

export const NS = 'clocks';

/** Under this, a running clock takes the warning look: the reminders' first threshold. */
export const SOON_MS = 24 * 3_600_000;

/** How the board shows a clock's state: icon, word and colour together, never colour alone. */
export type Look = 'running' | 'soon' | 'open' | 'overdue' | 'met_on_time' | 'met_late' | 'stopped';

export interface ClockLook {
  state: ClockState;
  look: Look;
  stoppedReason: StopReason | null;
  needsDelayReasons: boolean;
  /** Milliseconds to the due instant (negative once overdue); null for open-target clocks. */
  left: number | null;
}

export function lookOf(c: Clock, now: number): ClockLook {
  const ev = evaluateClock(c, now);
  const left = timeLeft(c.due, now);
  let look: Look;
  switch (ev.state) {
    case 'running':
      look = left === null ? 'open' : left < SOON_MS ? 'soon' : 'running';
      break;
    default:
      look = ev.state;
  }
  return { state: ev.state, look, stoppedReason: ev.stoppedReason, needsDelayReasons: ev.needsDelayReasons, left };
}

export const LOOK_COLOR: Record<Look, string> = {
  running: 'navy.8',
  soon: 'orange.9',
  open: 'gray.7',
  overdue: 'red.8',
  met_on_time: 'teal.8',
  met_late: 'orange.9',
  stopped: 'gray.7',
};

export function lookIcon(look: Look, size = 15): ReactNode {
  const p = { size, stroke: 1.8, 'aria-hidden': true, style: { flexShrink: 0 } } as const;
  switch (look) {
    case 'running':
      return <IconHourglassHigh {...p} />;
    case 'soon':
      return <IconClockExclamation {...p} />;
    case 'open':
      return <IconTarget {...p} />;
    case 'overdue':
      return <IconAlertTriangle {...p} />;
    case 'met_on_time':
      return <IconCircleCheck {...p} />;
    case 'met_late':
      return <IconAlertTriangle {...p} />;
    case 'stopped':
      return <IconPlayerStop {...p} />;
  }
}

/** "Running", "Due within 24 h", "Overdue"… */
export function lookWord(t: FeatureT, look: Look): string {
  return t(`look.${look}`);
}

/** "23 h 54 min left" / "overdue by 1 h 05 min"; for clocks with no due instant, the target or the time elapsed. */
export function countdownText(t: FeatureT, c: Clock, l: ClockLook, now: number, lang: UiLanguage): string {
  if (l.left !== null) {
    if (l.state === 'overdue') return formatCountdown(l.left, lang);
    if (l.state === 'running') return t('left', { time: formatCountdown(l.left, lang) });
    return '';
  }
  if (c.target !== null) {
    const toTarget = Date.parse(c.target) - now;
    return toTarget >= 0 ? t('targetIn', { time: formatCountdown(toTarget, lang) }) : t('targetPassed', { time: formatCountdown(-toTarget, lang) });
  }
  return t('elapsed', { time: formatCountdown(Math.max(0, now - Date.parse(c.startedAt)), lang) });
}

/**
 * A due instant in the organisation's zone. Day-based deadlines end at the local midnight closing
 * their last day: "Sun 30 Mar 00:00" would read as a day late, so they are written "end of Sat 29 Mar".
 */
export function dueText(t: FeatureT, iso: string, zone: string, lang: UiLanguage): string {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(zone).setLocale(intlLocale(lang));
  const withWeekday = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' } as const;
  if (isDayEnd(iso, zone)) {
    return t('endOfDay', { date: frenchFirst(dt.minus({ milliseconds: 1 }).toLocaleString(withWeekday), lang) });
  }
  return frenchFirst(dt.toLocaleString({ ...withWeekday, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }), lang);
}

/** A deadline at the local midnight that ends its last day (day, week and month periods). */
export function isDayEnd(iso: string, zone: string): boolean {
  const dt = DateTime.fromISO(iso, { setZone: true }).setZone(zone);
  return dt.hour === 0 && dt.minute === 0 && dt.second === 0 && dt.millisecond === 0;
}

/** Intl writes "1 avr." where French writes "1er avr.". */
function frenchFirst(s: string, lang: UiLanguage): string {
  return lang === 'fr' ? s.replace(/(^|\s)1(\s)/, '$11er$2') : s;
}

/** The zone's abbreviation at that instant ("UTC+1", "UTC+2"): shown where a DST change lies between now and the deadline. */
export function offsetText(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat("'UTC'Z");
}
