import { Group, Text } from '@mantine/core';
import type { Clock } from '@shared/schemas/clock';
import { evaluateClock, formatCountdown, timeLeft } from '@shared/clocks';
import { STOP_REASON_TEXT } from '@shared/clocks';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { localPartsOf } from '../../lib/orgTime';
import { CLOCK_LOOKS, clockLookIcon } from '../../kit/clockLooks';
import { RECORDS_NS } from './labels';

/** Under this much time left a running clock counts down in hours and minutes, and is urgent. */
export const URGENT_MS = 72 * 3_600_000;

/** A clock's state now (the renderer re-derives it live) with the words for why it stopped. */
export function liveClock(c: Clock, now: number | Date) {
  const ev = evaluateClock(c, now);
  const left = timeLeft(c.due, now);
  return { ...ev, left };
}

/** A clock's state as icon and word (never colour alone): running, met on time or late, overdue, stopped. */
export function ClockStateLabel({ clock, now, withReason = true }: { clock: Clock; now: number | Date; withReason?: boolean }) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const { state, stoppedReason } = evaluateClock(clock, now);
  const color = CLOCK_LOOKS[state].color;
  return (
    <Group gap={5} wrap="nowrap" align="flex-start" data-testid="clock-state" data-state={state}>
      <Text span c={color} lh={1} mt={2}>
        {clockLookIcon(state)}
      </Text>
      <Text size="sm" c={color} fw={state === 'overdue' ? 700 : 600}>
        {t(`clocks.state.${state}`)}
        {withReason && state === 'stopped' && stoppedReason && (
          <Text span size="sm" c="dimmed" fw={400}>
            {' – '}
            {STOP_REASON_TEXT[stoppedReason][f.lang]}
          </Text>
        )}
      </Text>
    </Group>
  );
}

/**
 * "in 41 h 05 min" / "overdue by 3 h 10 min" while a clock runs; nothing once it no longer does.
 * Hours and minutes under 72 hours, days and hours above (the board's own rule).
 */
export function ClockCountdown({ clock, now, size = 'sm' }: { clock: Clock; now: number | Date; size?: 'xs' | 'sm' }) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const { state, left } = liveClock(clock, now);
  if (left === null || (state !== 'running' && state !== 'overdue')) return null;
  const text = formatCountdown(left, f.lang);
  const urgent = left < URGENT_MS;
  return (
    <Text size={size} className="tabular" fw={urgent ? 700 : 500} c={state === 'overdue' ? 'red.8' : urgent ? 'orange.9' : undefined} data-testid="clock-countdown" style={{ whiteSpace: 'nowrap' }}>
      {state === 'overdue' ? text : t('clocks.left', { time: text })}
    </Text>
  );
}

/**
 * A deadline instant in the organisation's zone. Deadlines counted in days end at the midnight
 * closing their last day: "2 Aug 2018 (end of day)" reads right where "3 Aug 2018, 00:00" reads late.
 */
export function useDueText() {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  return (iso: string) => (localPartsOf(iso, f.zone).time === '00:00' ? t('clocks.endOfDay', { date: f.deadlineDay(iso) }) : f.dateTime(iso));
}
