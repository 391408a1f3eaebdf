import { useState } from 'react';
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import { api } from '../../api';
import { CenteredPanel } from '../../components/CenteredPanel';
import { useFeatureT } from '../../lib/featureT';
import { useCoreState } from './coreState';
import { NS } from './ns';

/** The core (the register, in its own worker or process) stopped: say what happened, offer a restart. */
export function CoreStopped() {
  const t = useFeatureT(NS);
  const core = useCoreState((s) => s.core);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function restart() {
    setBusy(true);
    setFailure(null);
    try {
      const next = await api.call('core.restart', {});
      useCoreState.setState({ core: next });
      if (next.state !== 'running') setFailure(next.message ?? '');
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <CenteredPanel title={t('stopped.title')}>
      <Stack gap="md" role="alert">
        <Text>{core?.reason === 'start-failed' ? t('stopped.startFailed') : t('stopped.crashed')}</Text>
        {core?.message && (
          <Text size="sm" c="dimmed">
            {t('stopped.cause', { message: core.message })}
          </Text>
        )}
        {failure !== null && (
          <Alert color="red" variant="light">
            {t('stopped.notRestarted', { message: failure })}
          </Alert>
        )}
        <Group>
          <Button leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void restart()}>
            {t('stopped.restart')}
          </Button>
        </Group>
      </Stack>
    </CenteredPanel>
  );
}
