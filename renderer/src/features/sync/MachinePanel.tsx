import { useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnectedX } from '@tabler/icons-react';
import type { SyncStatus } from '@shared/schemas/sync';
import { api } from '../../api';
import { FactTable, MachineValue } from '../../components/FactTable';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { ConfirmDialog } from './ConfirmDialog';
import { useSyncStatus } from './syncStore';

/** This machine's link to the workspace, and leaving it (the local register stays). */
export function MachinePanel({ status }: { status: SyncStatus }) {
  const st = useFeatureT('sync');
  const [confirming, setConfirming] = useState(false);
  const ids: [string, string | null][] = [
    [st('machine.backend'), status.backend],
    [st('machine.workspace'), status.workspaceId],
    [st('machine.member'), status.memberId],
  ];
  return (
    <Stack gap="lg">
      <section aria-labelledby="sync-machine-title">
        <Title order={2} size="h3" id="sync-machine-title" mb="xs">
          {st('machine.title')}
        </Title>
        <FactTable maw={760} rows={ids.map(([label, value]) => [label, <MachineValue key={label}>{value ?? '—'}</MachineValue>])} />
        <Text size="xs" c="dimmed" mt={6} maw={760}>
          {st('machine.secrets')}
        </Text>
      </section>
      <Paper withBorder p="md" maw={760} style={{ borderColor: 'var(--mantine-color-red-3)' }} component="section" aria-labelledby="sync-disconnect-title">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={2} size="h4" id="sync-disconnect-title">
              {st('machine.disconnectTitle')}
            </Title>
            <Text size="sm" c="dimmed" mt={2}>
              {st('machine.disconnectHelp')}
            </Text>
          </div>
          <Button color="red" variant="outline" leftSection={<IconPlugConnectedX size={16} />} onClick={() => setConfirming(true)} style={{ flexShrink: 0 }}>
            {st('machine.disconnect')}
          </Button>
        </Group>
      </Paper>
      <DisconnectModal opened={confirming} pending={status.pending} onClose={() => setConfirming(false)} />
    </Stack>
  );
}

function DisconnectModal({ opened, pending, onClose }: { opened: boolean; pending: number; onClose(): void }) {
  const st = useFeatureT('sync');
  const f = useFormatters();

  async function disconnect() {
    useSyncStatus.getState().apply(await api.call('sync.disconnect', {}));
    notifySuccess(st('machine.disconnected'));
    onClose();
  }

  return (
    <ConfirmDialog
      opened={opened}
      onClose={onClose}
      title={st('machine.confirmTitle')}
      confirmLabel={st('machine.confirm')}
      confirmIcon={<IconPlugConnectedX size={16} />}
      onConfirm={disconnect}
    >
      <Text size="sm">{st('machine.confirmBody1')}</Text>
      <Text size="sm">{st('machine.confirmBody2')}</Text>
      {pending > 0 && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={st('machine.pendingTitle', { count: pending, n: f.number(pending) })}>
          <Text size="sm">{st('machine.pendingBody')}</Text>
        </Alert>
      )}
    </ConfirmDialog>
  );
}
