import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowForward, IconCircleCheck, IconClock, IconClockExclamation, IconPlayerStop } from '@tabler/icons-react';
import { STOP_REASON_TEXT } from '@shared/clocks';
import { useAppNow } from '../lib/appClock';
import { dayDueState, type DayDeadline, type DayDueState } from '../lib/dueState';
import { formatLocalDateLong } from '../lib/format';
import { lastDayOfDeadline } from '../lib/orgTime';
import { useFormatters } from '../lib/useFormatters';
import type { Labels } from './labels';

/** Under a week's notice a deadline takes the warning look. */
const SOON_DAYS = 7;

export interface DueWords {
  text: string;
  icon: React.ReactNode;
  color: string;
  strong?: boolean;
  struck?: boolean;
}

/**
 * The words, icon and colour for where a day deadline stands, read without colour ("overdue by
 * 3 days", "answered in time"). `l` gives the register's words (`inDays`, `today`, `overdue`,
 * `metInTime`, `metLate`, `stopped`), the kit's `due.*` when it has none.
 */
export function dueWords(state: DayDueState, l: Labels, lang: 'en' | 'fr', supersededText?: string): DueWords {
  const p = { size: 14, 'aria-hidden': true } as const;
  switch (state.kind) {
    case 'stopped':
      if (state.reason === 'superseded') return { icon: <IconArrowForward {...p} />, text: supersededText ?? l('stopped', { reason: STOP_REASON_TEXT.superseded[lang] }), color: 'dimmed', struck: true };
      return { icon: <IconPlayerStop {...p} />, text: l('stopped', { reason: STOP_REASON_TEXT[state.reason][lang] }), color: 'dimmed' };
    case 'met':
      return state.late === 0
        ? { icon: <IconCircleCheck {...p} />, text: l('metInTime'), color: 'teal.8' }
        : { icon: <IconAlertTriangle {...p} />, text: l('metLate', { count: state.late }), color: 'orange.9' };
    case 'overdue':
      return { icon: <IconAlertTriangle {...p} />, text: l('overdue', { count: state.days }), color: 'red.8', strong: true };
    case 'today':
      return { icon: <IconClockExclamation {...p} />, text: l('today'), color: 'orange.8' };
    case 'open': {
      const soon = state.days <= SOON_DAYS;
      return { icon: soon ? <IconClockExclamation {...p} /> : <IconClock {...p} />, text: l('inDays', { count: state.days }), color: soon ? 'orange.8' : 'dimmed' };
    }
  }
}

/**
 * A day deadline as every register shows it: its last day (a tooltip says "until the end of …,
 * in <zone>"), then where it stands in icon and words, on the app's clock.
 */
export function DueLine({
  deadline,
  labels,
  layout = 'stacked',
  supersededText,
  prefix,
  words,
  testId,
  stateTestId,
}: {
  deadline: DayDeadline;
  labels: Labels;
  layout?: 'stacked' | 'inline';
  supersededText?: string;
  /** Before the date ("Appeal until …"), as a function of the formatted day. */
  prefix?(day: string): string;
  /** The register's own words for some states (an appeal window "closed, no appeal lodged"), over the kit's. */
  words?(state: DayDueState, kit: DueWords): DueWords;
  testId?: string;
  stateTestId?: string;
}) {
  const f = useFormatters();
  const now = useAppNow();
  const state = dayDueState(deadline, now, f.zone);
  const kit = dueWords(state, labels, f.lang, supersededText);
  const w = words ? words(state, kit) : kit;
  const day = f.deadlineDay(deadline.due);
  const inline = layout === 'inline';
  return (
    <Group gap={inline ? 8 : 0} wrap={inline ? 'wrap' : 'nowrap'} align={inline ? 'center' : 'flex-start'} style={{ flexDirection: inline ? 'row' : 'column' }} data-testid={testId}>
      <Tooltip label={labels('endOfDay', { date: formatLocalDateLong(lastDayOfDeadline(deadline.due, f.zone), f.lang), zone: f.zone })}>
        <Text size={prefix ? 'xs' : 'sm'} className="tabular" td={w.struck ? 'line-through' : undefined} c={w.struck ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }} tabIndex={0}>
          {prefix ? prefix(day) : day}
        </Text>
      </Tooltip>
      <Group gap={4} wrap="nowrap" c={w.color} align="flex-start" data-testid={stateTestId}>
        <span style={{ display: 'inline-flex', marginTop: 2 }}>{w.icon}</span>
        <Text size="xs" c={w.color} fw={w.strong ? 600 : 400}>
          {w.text}
        </Text>
      </Group>
    </Group>
  );
}
