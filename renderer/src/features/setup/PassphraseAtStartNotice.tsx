import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CenteredPanel } from '../../components/CenteredPanel';
import { useAppStatus } from '../../state/appStatus';

/**
 * After setup, when the key could not be stored in the keychain: the user must know, before
 * starting to work, that the passphrase will be asked for every time.
 */
export function PassphraseAtStartNotice() {
  const { t } = useTranslation();
  const dismiss = () => useAppStatus.getState().setPassphraseNeededAtStart(false);
  return (
    <CenteredPanel title={t('setup.createdTitle')}>
      <Stack gap="md">
        <Alert color="yellow" variant="light" icon={<IconKey size={18} />} title={t('setup.keychainMissingTitle')}>
          {t('setup.keychainMissingBody')}
        </Alert>
        <Group justify="flex-end">
          <Button onClick={dismiss} autoFocus>
            {t('setup.continue')}
          </Button>
        </Group>
      </Stack>
    </CenteredPanel>
  );
}
