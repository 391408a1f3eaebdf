import { useEffect, useState } from 'react';
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconChevronsUp,
  IconChevronUp,
  IconCircleCheck,
  IconClock,
  IconClockExclamation,
  IconEqual,
} from '@tabler/icons-react';
import type { Action } from '@shared/schemas/action';
import type { RecordHeader, RecordRef } from '@shared/schemas/record-types';
import { fetchRecordHeader } from '../../components/records/recordHeaders';
import { formatLocalDateLong } from '../../lib/format';
import { useFeatureT } from '../../lib/featureT';
import { calendarDaysBetween, lastDayOfDeadline, localDateOf } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useAppNow } from '../clocks/appClock';
import { useNavigation } from '../../state/navigation';
import { isOpen, isRecordOrigin, NS, PRIORITY_COLOR, STATUS_COLOR, type Priority, type Status } from './labels';

export function ActionStatusBadge({ status }: { status: Status }) {
  const t = useFeatureT(NS);
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="sm" tt="none" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="action-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

const PRIORITY_ICON: Record<Priority, React.ComponentType<{ size?: number; 'aria-hidden'?: boolean }>> = {
  low: IconChevronDown,
  medium: IconEqual,
  high: IconChevronUp,
  critical: IconChevronsUp,
};

/** Priority as an icon and its word (the colour only supports them). */
export function PriorityLabel({ priority }: { priority: Priority }) {
  const t = useFeatureT(NS);
  const Icon = PRIORITY_ICON[priority];
  return (
    <Group gap={4} wrap="nowrap" c={`${PRIORITY_COLOR[priority]}.8`}>
      <Icon size={15} aria-hidden />
      <Text size="sm" c="var(--mantine-color-text)" fw={priority === 'critical' ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
        {t(`priority.${priority}`)}
      </Text>
    </Group>
  );
}

type DueState = { kind: 'open'; days: number } | { kind: 'today' } | { kind: 'overdue'; days: number } | { kind: 'done'; late: number } | { kind: 'cancelled' };

export function dueStateOf(a: Pick<Action, 'dueAt' | 'status' | 'doneAt'>, now: Date, zone: string): DueState | null {
  if (!a.dueAt) return null;
  if (a.status === 'cancelled') return { kind: 'cancelled' };
  const lastDay = lastDayOfDeadline(a.dueAt, zone);
  if (!isOpen(a.status)) {
    if (!a.doneAt || Date.parse(a.doneAt) < Date.parse(a.dueAt)) return { kind: 'done', late: 0 };
    return { kind: 'done', late: Math.max(1, calendarDaysBetween(lastDay, localDateOf(a.doneAt, zone))) };
  }
  if (now.getTime() >= Date.parse(a.dueAt)) return { kind: 'overdue', days: Math.max(1, calendarDaysBetween(lastDay, localDateOf(now.toISOString(), zone))) };
  const days = calendarDaysBetween(localDateOf(now.toISOString(), zone), lastDay);
  return days <= 0 ? { kind: 'today' } : { kind: 'open', days };
}

/** The due date, and where the action stands against it in icon and words: overdue reads without colour. */
export function DueMarker({ action, layout = 'stacked' }: { action: Pick<Action, 'dueAt' | 'status' | 'doneAt'>; layout?: 'stacked' | 'inline' }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  // The core's time (its test clock in test mode), as the clocks and reminders use.
  const now = new Date(useAppNow());
  if (!action.dueAt) {
    return (
      <Text size="sm" c="dimmed">
        {t('due.none')}
      </Text>
    );
  }
  const state = dueStateOf(action, now, f.zone)!;
  let icon: React.ReactNode = null;
  let text = '';
  let color = 'dimmed';
  let strong = false;
  switch (state.kind) {
    case 'overdue':
      icon = <IconAlertTriangle size={14} aria-hidden />;
      text = t('due.overdue', { count: state.days });
      color = 'red.8';
      strong = true;
      break;
    case 'today':
      icon = <IconClockExclamation size={14} aria-hidden />;
      text = t('due.today');
      color = 'orange.8';
      break;
    case 'open':
      icon = state.days <= 7 ? <IconClockExclamation size={14} aria-hidden /> : <IconClock size={14} aria-hidden />;
      text = t('due.inDays', { count: state.days });
      color = state.days <= 7 ? 'orange.8' : 'dimmed';
      break;
    case 'done':
      icon = state.late ? <IconAlertTriangle size={14} aria-hidden /> : <IconCircleCheck size={14} aria-hidden />;
      text = state.late ? t('due.doneLate', { count: state.late }) : t('due.doneInTime');
      color = state.late ? 'orange.9' : 'teal.8';
      break;
    case 'cancelled':
      text = t('due.cancelled');
      break;
  }
  return (
    <Tooltip label={t('due.endOfDay', { date: formatLocalDateLong(lastDayOfDeadline(action.dueAt, f.zone), f.lang), zone: f.zone })}>
      <Group
        gap={layout === 'inline' ? 8 : 0}
        wrap="nowrap"
        align={layout === 'inline' ? 'center' : 'flex-start'}
        style={{ flexDirection: layout === 'inline' ? 'row' : 'column' }}
        data-testid="action-due"
      >
        <Text size="sm" className="tabular" td={state.kind === 'cancelled' ? 'line-through' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {f.deadlineDay(action.dueAt)}
        </Text>
        <Group gap={4} wrap="nowrap" c={color}>
          {icon}
          <Text size="xs" c={color} fw={strong ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
            {text}
          </Text>
        </Group>
      </Group>
    </Tooltip>
  );
}

// Record names for origins, kept while the page lives: a list page asks for the same ones again.
const headerCache = new Map<string, Promise<RecordHeader | null>>();
function headerOf(ref: RecordRef): Promise<RecordHeader | null> {
  const key = `${ref.type}:${ref.id}`;
  let p = headerCache.get(key);
  if (!p) {
    p = fetchRecordHeader(ref).catch(() => null);
    headerCache.set(key, p);
    // A renamed or archived record shows fresh on the next page.
    void p.finally(() => setTimeout(() => headerCache.delete(key), 30_000));
  }
  return p;
}

export function useOriginHeader(a: Pick<Action, 'originType' | 'originId'>): RecordHeader | null | undefined {
  const [found, setFound] = useState<{ key: string; header: RecordHeader | null } | null>(null);
  const type = a.originType;
  const id = a.originId;
  const key = isRecordOrigin(type) && id ? `${type}:${id}` : null;
  useEffect(() => {
    if (!key || !isRecordOrigin(type) || !id) return;
    let live = true;
    void headerOf({ type, id }).then((header) => live && setFound({ key, header }));
    return () => {
      live = false;
    };
  }, [key, type, id]);
  if (!key) return null;
  return found?.key === key ? found.header : undefined;
}

/** Where the action comes from: the record (a link to it) or the words describing the source. */
export function OriginText({ action, size = 'sm' }: { action: Pick<Action, 'originType' | 'originId' | 'originNote'>; size?: 'xs' | 'sm' }) {
  const t = useFeatureT(NS);
  const header = useOriginHeader(action);
  const openRecord = useNavigation((s) => s.openRecord);
  if (!action.originType) {
    return (
      <Text size={size} c="dimmed">
        {action.originNote || t('origin.none')}
      </Text>
    );
  }
  const type = action.originType;
  return (
    <Text size={size} span style={{ wordBreak: 'break-word' }}>
      <Text span size={size} c="dimmed">
        {t(`origin.${type}`)}
      </Text>
      {isRecordOrigin(type) && action.originId && header && (
        <>
          {' '}
          <Anchor
            component="button"
            type="button"
            size={size}
            className="tabular"
            onClick={(e: React.MouseEvent) => {
              e.stopPropagation();
              openRecord(type, action.originId!);
            }}
          >
            {header.reference}
          </Anchor>{' '}
          <Text span size={size}>
            {header.title}
          </Text>
        </>
      )}
      {isRecordOrigin(type) && action.originId && header === null && (
        <Text span size={size} c="dimmed">
          {' '}
          {t('origin.unavailable')}
        </Text>
      )}
      {action.originNote && (
        <Text span size={size}>
          {' · '}
          {action.originNote}
        </Text>
      )}
    </Text>
  );
}
