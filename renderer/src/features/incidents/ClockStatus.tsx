import { Group, Stack, Text } from '@mantine/core';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconCircleCheck,
  IconClockExclamation,
  IconHourglassHigh,
  IconMinus,
  IconPlayerStop,
} from '@tabler/icons-react';
import { evaluateClock, formatCountdown, timeLeft, type ClockFacts } from '@shared/clocks';
import type { ClockState } from '@shared/schemas/clock';
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
  switch (state) {
    case 'running': {
      const left = timeLeft(facts.due, now);
      if (left === null) {
        return { state, icon: <IconHourglassHigh size={15} aria-hidden />, color: 'navy.8', word: t('clock.running'), detail: t('clock.noHourCount'), needsDelayReasons };
      }
      const soon = left < WARN_MS;
      return {
        state,
        icon: soon ? <IconClockExclamation size={15} aria-hidden /> : <IconHourglassHigh size={15} aria-hidden />,
        color: soon ? 'orange.9' : 'navy.8',
        word: t('clock.running'),
        detail: t('clock.left', { time: span(left) }),
        needsDelayReasons,
      };
    }
    case 'overdue':
      return {
        state,
        icon: <IconAlertTriangle size={15} aria-hidden />,
        color: 'red.8',
        word: t('clock.overdue'),
        detail: t('clock.overdueBy', { time: span(timeLeft(facts.due, now) ?? 0) }),
        needsDelayReasons,
      };
    case 'met_on_time':
      return {
        state,
        icon: <IconCircleCheck size={15} aria-hidden />,
        color: 'teal.8',
        word: t('clock.met'),
        detail: facts.due && facts.metAt ? t('clock.margin', { time: span(Date.parse(facts.due) - Date.parse(facts.metAt)) }) : null,
        needsDelayReasons,
      };
    case 'met_late':
      return {
        state,
        icon: <IconAlertTriangle size={15} aria-hidden />,
        color: 'orange.9',
        word: t('clock.metLate'),
        detail: facts.due && facts.metAt ? t('clock.late', { time: span(Date.parse(facts.metAt) - Date.parse(facts.due)) }) : null,
        needsDelayReasons,
      };
    case 'stopped':
      return {
        state,
        icon: <IconPlayerStop size={15} aria-hidden />,
        color: 'gray.7',
        word: t('clock.stopped'),
        detail: stoppedReason ? t(`clock.stopReason.${stoppedReason}`) : null,
        needsDelayReasons,
      };
  }
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
        <Group gap={4} wrap="nowrap" c="red.8">
          <IconAlertCircle size={13} aria-hidden />
          <Text size="xs" c="red.8">
            {t('clock.needsDelayReasons')}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
