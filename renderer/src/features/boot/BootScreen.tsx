import { Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../components/CenteredPanel';
import { useAppStatus, type BootPhase } from '../../state/appStatus';

/** Before a register screen can be shown: loading, or why the page cannot talk to the core. */
export function BootScreen({ phase }: { phase: BootPhase }) {
  const { t } = useTranslation();
  const load = useAppStatus((s) => s.load);

  if (phase === 'booting' || phase === 'ready') {
    return (
      <Center h="100%">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed">{t('boot.loading')}</Text>
        </Group>
      </Center>
    );
  }
  const [title, body] =
    phase === 'no-token'
      ? [t('boot.noTokenTitle'), t('boot.noTokenBody')]
      : phase === 'unauthorized'
        ? [t('boot.unauthorizedTitle'), t('boot.unauthorizedBody')]
        : [t('boot.unreachableTitle'), t('boot.unreachableBody')];
  return (
    <CenteredPanel title={title}>
      <Stack gap="md">
        <Text>{body}</Text>
        {phase === 'unreachable' && (
          <Group>
            <Button variant="default" onClick={() => void load()}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </CenteredPanel>
  );
}
