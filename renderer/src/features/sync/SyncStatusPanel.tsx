import { useState } from 'react';
import { Anchor, Box, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { SyncStatus } from '@shared/schemas/sync';
import { api, ApiError } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifyError } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useNow } from '../../lib/useNow';
import { progressLabel, relativeTime, STATE_COLOR, stateIcon } from './syncState';
import { SyncErrorNotice } from './SyncErrorNotice';
import { useSyncStatus } from './syncStore';

/** Where sync stands, always at the top of the sync page, live from the core's events. */
export function SyncStatusPanel({ status, onShowConflicts }: { status: SyncStatus; onShowConflicts(): void }) {
  const st = useFeatureT('sync');
  const f = useFormatters();
  const now = useNow();
  const [syncing, setSyncing] = useState(false);
  const color = STATE_COLOR[status.state];
  const when = (iso: string) => `${f.dateTime(iso)} (${relativeTime(iso, now, f.lang, st('status.justNow'))})`;

  async function syncNow() {
    setSyncing(true);
    try {
      useSyncStatus.getState().apply(await api.call('sync.now', {}));
    } catch (e) {
      // A backend problem lands in the status itself (state and error); anything else is said here.
      await useSyncStatus.getState().load();
      if (!(e instanceof ApiError && (e.code.startsWith('BACKEND_') || e.code === 'REVOKED' || e.code === 'WRONG_KEY'))) notifyError(e);
    } finally {
      setSyncing(false);
    }
  }

  const busy = syncing || status.state === 'syncing' || status.state === 'connecting';
  return (
    <Paper withBorder p="md" component="section" aria-label={st('status.region')} aria-live="polite" data-testid="sync-status-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <ThemeIcon size={36} radius="sm" variant="light" color={color}>
              {stateIcon(status.state, 20)}
            </ThemeIcon>
            <div>
              <Text fw={600} size="md" data-testid="sync-state" data-state={status.state}>
                {st(`state.${status.state}`)}
              </Text>
              <Text size="sm" c="dimmed" data-testid="sync-state-detail">
                {status.state === 'offline' && status.offlineSince
                  ? st('status.offlineSince', { when: when(status.offlineSince) })
                  : st(`stateHelp.${status.state}`)}
              </Text>
            </div>
          </Group>
          {status.state !== 'removed' && (
            <Button variant="default" leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void syncNow()} style={{ flexShrink: 0 }}>
              {st('status.syncNow')}
            </Button>
          )}
        </Group>
        {status.progress && (
          <Box>
            <Text size="xs" mb={4} data-testid="sync-progress">
              {progressLabel(st, status.progress, f.number)}
            </Text>
            <Progress
              value={status.progress.total > 0 ? Math.min(100, (100 * status.progress.done) / status.progress.total) : 0}
              size="sm"
              aria-label={progressLabel(st, status.progress, f.number)}
            />
          </Box>
        )}
        {status.error && status.state === 'error' && <SyncErrorNotice error={status.error} context="status" />}
        {status.error && status.state !== 'error' && (
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {st('status.offlineDetail', { message: status.error.message })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" verticalSpacing="xs">
          <Fact label={st('status.lastSynced')} testId="sync-last-synced">
            {status.lastSyncedAt ? when(status.lastSyncedAt) : st('status.never')}
          </Fact>
          <Fact label={st('status.pendingLabel')} testId="sync-pending">
            {status.pending === 0 ? st('status.pendingNone') : st('status.pending', { count: status.pending, n: f.number(status.pending) })}
          </Fact>
          <Fact label={st('status.conflictsLabel')} testId="sync-open-conflicts">
            {status.openConflicts === 0 ? (
              st('status.conflictsNone')
            ) : (
              <Anchor component="button" type="button" size="sm" c="orange.9" fw={600} onClick={onShowConflicts}>
                {st('status.conflicts', { count: status.openConflicts, n: f.number(status.openConflicts) })}
              </Anchor>
            )}
          </Fact>
          <Fact label={st('status.backend')} testId="sync-backend">
            <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
              {status.backend ?? '—'}
            </Text>
          </Fact>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

function Fact({ label, children, testId }: { label: string; children: React.ReactNode; testId: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" data-testid={testId}>
        {children}
      </Text>
    </div>
  );
}
