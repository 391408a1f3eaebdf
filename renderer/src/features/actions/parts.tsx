import { Anchor, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronsUp, IconChevronUp, IconEqual } from '@tabler/icons-react';
import type { Action } from '@shared/schemas/action';
import type { RecordHeader, RecordRef } from '@shared/schemas/record-types';
import { fetchRecordHeader } from '../../components/records/recordHeaders';
import { DueLine, labelsFor } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useRemote } from '../../lib/useRemote';
import { useNavigation } from '../../state/navigation';
import { isOpen, isRecordOrigin, NS, PRIORITY_COLOR, type Priority } from './labels';

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

/** The due date, and where the action stands against it in icon and words: overdue reads without colour. */
export function DueMarker({ action, layout = 'stacked' }: { action: Pick<Action, 'dueAt' | 'status' | 'doneAt'>; layout?: 'stacked' | 'inline' }) {
  const t = useFeatureT(NS);
  if (!action.dueAt) {
    return (
      <Text size="sm" c="dimmed">
        {t('due.none')}
      </Text>
    );
  }
  // Done (or verified) meets it; a cancelled action's due date no longer runs.
  const done = !isOpen(action.status) && action.status !== 'cancelled';
  return (
    <DueLine
      deadline={{ due: action.dueAt, metAt: done ? (action.doneAt ?? action.dueAt) : null, stopped: action.status === 'cancelled' ? 'action_cancelled' : null }}
      labels={labelsFor(NS, 'due')}
      layout={layout}
      testId="action-due"
    />
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
  const type = a.originType;
  const id = a.originId;
  const key = isRecordOrigin(type) && id ? `${type}:${id}` : null;
  const found = useRemote(key && isRecordOrigin(type) && id ? () => headerOf({ type, id }).then((header) => ({ key, header })) : null, [key]);
  if (!key) return null;
  return found.data?.key === key ? found.data.header : undefined;
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
