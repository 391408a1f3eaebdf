import type { ReactNode } from 'react';
import { evaluateClock, formatCountdown, timeLeft } from '@shared/clocks';
import type { Clock, ClockState, StopReason } from '@shared/schemas/clock';
import { DateTime } from 'luxon';
import type { FeatureT } from '../../lib/featureT';
import { type UiLanguage } from '../../lib/format';
import { formatDeadline, isDayEnd } from '@shared/format/dates';
import { CLOCK_LOOKS, clockLookIcon } from '../../kit/clockLooks';

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

/** The look's colour (kit/clockLooks: the same on every screen). */
export const lookColor = (look: Look): string => CLOCK_LOOKS[look].color;

export function lookIcon(look: Look, size = 15): ReactNode {
  return clockLookIcon(look, size, { flexShrink: 0 });
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
 * A due instant in the organisation's zone, as every document writes it (shared/format): a day-based
 * deadline ends at the local midnight closing its last day, so "end of Sat 29 Mar 2026", never the
 * midnight after; any other with its time. `t` is kept for the callers' symmetry with the other texts.
 */
export function dueText(_t: FeatureT, iso: string, zone: string, lang: UiLanguage): string {
  return formatDeadline(iso, zone, lang);
}

export { isDayEnd };

/** The zone's abbreviation at that instant ("UTC+1", "UTC+2"): shown where a DST change lies between now and the deadline. */
export function offsetText(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone).toFormat("'UTC'Z");
}
