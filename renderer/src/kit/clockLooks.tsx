import type { CSSProperties, ReactNode } from 'react';
import { IconAlertTriangle, IconCircleCheck, IconClockExclamation, IconHourglassHigh, IconMinus, IconPlayerStop, IconTarget, type Icon } from '@tabler/icons-react';

/**
 * Where a clock stands, as every screen shows it (the board, a record's clocks, an incident's
 * summary, the timeline): one icon and one colour per look, always beside its words, never colour
 * alone. `soon` is a running clock on its last day; `open` one with a target but no legal due instant.
 */
export type ClockLookName = 'running' | 'soon' | 'open' | 'overdue' | 'met_on_time' | 'met_late' | 'stopped' | 'not_required';

export const CLOCK_LOOKS: Record<ClockLookName, { Icon: Icon; color: string }> = {
  running: { Icon: IconHourglassHigh, color: 'navy.8' },
  soon: { Icon: IconClockExclamation, color: 'orange.9' },
  open: { Icon: IconTarget, color: 'gray.7' },
  overdue: { Icon: IconAlertTriangle, color: 'red.8' },
  met_on_time: { Icon: IconCircleCheck, color: 'teal.8' },
  met_late: { Icon: IconAlertTriangle, color: 'orange.9' },
  stopped: { Icon: IconPlayerStop, color: 'gray.7' },
  not_required: { Icon: IconMinus, color: 'gray.7' },
};

/** The look's icon, hidden from screen readers (the words beside it say it). */
export function clockLookIcon(look: ClockLookName, size = 15, style?: CSSProperties): ReactNode {
  const { Icon } = CLOCK_LOOKS[look];
  return <Icon size={size} stroke={1.8} aria-hidden style={style} />;
}
