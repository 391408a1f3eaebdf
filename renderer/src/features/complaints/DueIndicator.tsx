import { Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconClockExclamation } from '@tabler/icons-react';
import type { Complaint } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { dueStateOf } from '../../lib/dueState';
import { formatLocalDateLong } from '../../lib/format';
import { lastDayOfDeadline } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useAppNow } from '../clocks/appClock';

/**
 * The response deadline as a date plus where the complaint stands: an icon and words, so the state
 * reads without colour ("overdue by 3 days", "in 12 days", "answered in time").
 */
export function DueIndicator({ complaint, layout = 'stacked' }: { complaint: Pick<Complaint, 'responseDue' | 'answeredAt'>; layout?: 'stacked' | 'inline' }) {
  const { t } = useTranslation();
  const f = useFormatters();
  // The core's time (its test clock in test mode), as the deadlines panel and the reminders use.
  const now = new Date(useAppNow());
  const state = dueStateOf(complaint, now, f.zone);

  let icon;
  let text: string;
  let color: string;
  switch (state.kind) {
    case 'overdue':
      icon = <IconAlertTriangle size={14} aria-hidden />;
      text = t('due.overdue', { count: state.days });
      color = 'red.8';
      break;
    case 'due-today':
      icon = <IconClockExclamation size={14} aria-hidden />;
      text = t('due.today');
      color = 'orange.8';
      break;
    case 'due-in':
      icon = state.soon ? <IconClockExclamation size={14} aria-hidden /> : <IconClock size={14} aria-hidden />;
      text = t('due.inDays', { count: state.days });
      color = state.soon ? 'orange.8' : 'dimmed';
      break;
    case 'answered-on-time':
      icon = <IconCircleCheck size={14} aria-hidden />;
      text = t('due.answeredOnTime');
      color = 'teal.8';
      break;
    case 'answered-late':
      icon = <IconAlertTriangle size={14} aria-hidden />;
      text = t('due.answeredLate', { count: state.days });
      color = 'orange.9';
      break;
  }

  const endOfDay = t('due.endOfDay', { date: formatLocalDateLong(lastDayOfDeadline(complaint.responseDue, f.zone), f.lang), zone: f.zone });
  return (
    <Tooltip label={endOfDay}>
      <Group gap={layout === 'inline' ? 8 : 0} wrap="nowrap" align={layout === 'inline' ? 'center' : 'flex-start'} style={{ flexDirection: layout === 'inline' ? 'row' : 'column' }}>
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {f.deadlineDay(complaint.responseDue)}
        </Text>
        <Group gap={4} wrap="nowrap" c={color} data-testid="due-state">
          {icon}
          <Text size="xs" c={color} fw={state.kind === 'overdue' ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
            {text}
          </Text>
        </Group>
      </Group>
    </Tooltip>
  );
}
