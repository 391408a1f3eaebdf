import { Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconMinus } from '@tabler/icons-react';
import { evaluateClock, formatCountdown, timeLeft, type ClockFacts } from '@shared/clocks';
import type { ClockState } from '@shared/schemas/clock';
import { CLOCK_LOOKS, clockLookIcon } from '../../kit/clockLooks';
import { WarningLine } from '../../kit/WarningLine';
import { useAppNow } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './recordType';

/** Under this, a running clock turns to a warning look (and icon): the last day. */
const WARN_MS = 24 * 3_600_000;

interface View {
  state: ClockState | 'not_applicable';
  icon: React.ReactNode;
  color: string;
  word: string;
  detail: string | null;
  needsDelayReasons: boolean;
}

/** Each state's words; its icon and colour are every screen's (kit/clockLooks). */
const WORDS: Record<ClockState, string> = {
  running: 'clock.running',
  overdue: 'clock.overdue',
  met_on_time: 'clock.met',
  met_late: 'clock.metLate',
  stopped: 'clock.stopped',
};

/** Where a clock stands, in words and with an icon: readable without colour. */
export function useClockView(facts: ClockFacts | null): View {
  const t = useFeatureT(NS);
  const f = useFormatters();
  // The app's clock (the core's, moved in test mode), never the browser's.
  const now = useAppNow();
  if (!facts) {
    return { state: 'not_applicable', icon: <IconMinus size={15} aria-hidden />, color: 'dimmed', word: t('clock.notApplicable'), detail: null, needsDelayReasons: false };
  }
  const { state, stoppedReason, needsDelayReasons } = evaluateClock(facts, now);
  const span = (ms: number) => formatCountdown(Math.abs(ms), f.lang);
  const left = timeLeft(facts.due, now);
  // A margin or a lateness is said only when both instants are known.
  const between = (key: string, from: string | null, to: string | null) => (from && to ? t(key, { time: span(Date.parse(to) - Date.parse(from)) }) : null);
  const details: Record<ClockState, () => string | null> = {
    running: () => (left === null ? t('clock.noHourCount') : t('clock.left', { time: span(left) })),
    overdue: () => t('clock.overdueBy', { time: span(left ?? 0) }),
    met_on_time: () => between('clock.margin', facts.metAt, facts.due),
    met_late: () => between('clock.late', facts.due, facts.metAt),
    stopped: () => (stoppedReason ? t(`clock.stopReason.${stoppedReason}`) : null),
  };
  // A running clock on its last day takes the warning look.
  const look = state === 'running' && left !== null && left < WARN_MS ? 'soon' : state;
  return { state, icon: clockLookIcon(look), color: CLOCK_LOOKS[look].color, word: t(WORDS[state]), detail: details[state](), needsDelayReasons };
}

interface Props {
  facts: ClockFacts | null;
  /** Shown under the state: the due instant ("due 4 Oct 2020, 09:40"). */
  showDue?: boolean;
  /** Why the clock does not apply (only when facts is null). */
  notApplicableDetail?: string;
  testId?: string;
}

/** A clock's state on one line (icon, word, detail), the due instant under it. */
export function ClockStatus({ facts, showDue = true, notApplicableDetail, testId }: Props) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const v = useClockView(facts);
  const detail = v.state === 'not_applicable' ? null : v.detail;
  return (
    <Stack gap={0} data-testid={testId} data-state={v.state}>
      <Group gap={5} wrap="nowrap" c={v.color}>
        {v.icon}
        <Text size="sm" fw={600} c={v.color} style={{ whiteSpace: 'nowrap' }}>
          {v.word}
        </Text>
        {detail && (
          <Text size="sm" c={v.color} className="tabular" style={{ whiteSpace: 'nowrap' }}>
            · {detail}
          </Text>
        )}
      </Group>
      {v.state === 'not_applicable' && notApplicableDetail && (
        <Text size="xs" c="dimmed">
          {notApplicableDetail}
        </Text>
      )}
      {showDue && facts?.due && (
        <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {t('clock.due', { date: f.dateTime(facts.due) })}
        </Text>
      )}
      {v.needsDelayReasons && (
        <WarningLine Icon={IconAlertCircle} color="red.8">
          {t('clock.needsDelayReasons')}
        </WarningLine>
      )}
    </Stack>
  );
}
