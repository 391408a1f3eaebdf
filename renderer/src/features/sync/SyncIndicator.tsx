import { useEffect, useLayoutEffect, useState } from 'react';
import { Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconAlertTriangle, IconArrowUp } from '@tabler/icons-react';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { STATE_COLOR, stateIcon } from './syncState';
import { subscribeSyncStatus, useSyncStatus } from './syncStore';

/**
 * Keeps the sync status live while the register is open: the core's 'sync.status' events, plus a
 * re-read after local changes (the count of changes waiting to go up moves without an event) and
 * after the page's link to the core came back (events may have been missed).
 */
function useLiveSyncStatus() {
  useEffect(() => subscribeSyncStatus(), []);
  const changes = useRecordChanges((s) => s.epoch + Object.values(s.byType).reduce((a, b) => a + b, 0));
  useEffect(() => {
    if (changes === 0) return;
    const timer = window.setTimeout(() => void useSyncStatus.getState().load(), 400);
    return () => window.clearTimeout(timer);
  }, [changes]);
}

type Anchor = { left: number; bottom: number; maxWidth: number } | { right: number; bottom: number; maxWidth: number };

/** Height of the chip and the gap kept around it. */
const CHIP_HEIGHT = 26;
const GAP = 6;

/**
 * Where the chip sits: in the navigation column, just above its footer (audit status, version),
 * where it covers nothing. When the window is too short for that (the navigation entries reach
 * the footer), it moves to the bottom-right corner of the window instead.
 */
function useAnchor(): Anchor | null {
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  useLayoutEffect(() => {
    const navbar = document.querySelector<HTMLElement>('.mantine-AppShell-navbar');
    const entries = navbar?.firstElementChild as HTMLElement | null | undefined;
    const footer = navbar?.lastElementChild as HTMLElement | null | undefined;
    if (!navbar || !footer || !entries || entries === footer) return;
    const place = () => {
      const n = navbar.getBoundingClientRect();
      const f = footer.getBoundingClientRect();
      const lastEntry = entries.lastElementChild?.getBoundingClientRect();
      const chipTop = f.top - GAP - CHIP_HEIGHT;
      const fits = !lastEntry || lastEntry.bottom + GAP <= chipTop;
      setAnchor(fits ? { left: n.left + 12, bottom: window.innerHeight - f.top + GAP, maxWidth: n.width - 24 } : { right: 16, bottom: 12, maxWidth: 320 });
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(navbar);
    observer.observe(footer);
    observer.observe(entries);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, []);
  return anchor;
}

/** A small chip always in sight while sync is set up: state, changes waiting, open conflicts. */
export function SyncIndicator() {
  useLiveSyncStatus();
  const st = useFeatureT('sync');
  const f = useFormatters();
  const status = useSyncStatus((s) => s.status);
  const go = useNavigation((s) => s.go);
  const anchor = useAnchor();
  if (!status || !status.configured || !anchor) return null;

  const color = STATE_COLOR[status.state];
  const parts = [st(`state.${status.state}`)];
  if (status.state === 'offline' && status.offlineSince) parts[0] = st('status.offlineSince', { when: f.dateTime(status.offlineSince) });
  if (status.pending > 0) parts.push(st('status.pending', { count: status.pending, n: f.number(status.pending) }));
  if (status.openConflicts > 0) parts.push(st('status.conflicts', { count: status.openConflicts, n: f.number(status.openConflicts) }));
  const label = `${st('indicator.prefix')} ${parts.join(' · ')}`;

  return (
    <Tooltip label={`${label}. ${st('indicator.open')}`} position="right" multiline w={260}>
      <UnstyledButton
        onClick={() => go({ name: 'sync', ...(status.openConflicts > 0 ? { params: { section: 'conflicts' } } : {}) })}
        aria-label={label}
        data-testid="sync-indicator"
        data-state={status.state}
        style={{
          position: 'fixed',
          ...anchor,
          height: CHIP_HEIGHT,
          zIndex: 150,
          padding: '0 10px 0 8px',
          borderRadius: 999,
          border: `1px solid var(--mantine-color-${color}-4)`,
          background: `var(--mantine-color-${color}-0)`,
          color: `var(--mantine-color-${color}-9)`,
          boxShadow: '0 1px 2px rgba(0,0,0,0.06)',
        }}
      >
        <Group gap={6} wrap="nowrap">
          {stateIcon(status.state, 14)}
          <Text size="xs" fw={600} lh={1.6} style={{ whiteSpace: 'nowrap' }}>
            {st(`short.${status.state}`)}
          </Text>
          {status.pending > 0 && (
            <Group gap={1} wrap="nowrap" data-testid="sync-indicator-pending">
              <IconArrowUp size={12} aria-hidden />
              <Text size="xs" fw={600} className="tabular">
                {f.number(status.pending)}
              </Text>
            </Group>
          )}
          {status.openConflicts > 0 && (
            <Group gap={2} wrap="nowrap" c="orange.9" data-testid="sync-indicator-conflicts">
              <IconAlertTriangle size={12} aria-hidden />
              <Text size="xs" fw={600} className="tabular">
                {f.number(status.openConflicts)}
              </Text>
            </Group>
          )}
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}
