import { useState } from 'react';
import { Alert, Box, Button, Checkbox, Code, CopyButton, Group, PasswordInput, SimpleGrid, Stack, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconWand } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { notifyError } from '../../lib/notify';
import type { SetupFormValues } from './setupForm';

/** The recovery passphrase: typed or suggested, confirmed, and acknowledged as stored. */
export function PassphraseFields({ form }: { form: UseFormReturnType<SetupFormValues> }) {
  const { t, i18n } = useTranslation();
  const [suggested, setSuggested] = useState<string | null>(null);
  const [suggesting, setSuggesting] = useState(false);

  async function suggest() {
    setSuggesting(true);
    try {
      const { passphrase } = await api.call('app.suggestPassphrase', { lang: i18n.language.startsWith('fr') ? 'fr' : 'en' });
      setSuggested(passphrase);
      form.setValues({ passphrase, confirmPassphrase: passphrase, storedPassphrase: false });
    } catch (e) {
      notifyError(e);
    } finally {
      setSuggesting(false);
    }
  }

  return (
    <Stack gap="sm">
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('setup.warningTitle')}>
        {t('setup.warning')}
      </Alert>
      <Group>
        <Button variant="default" leftSection={<IconWand size={16} />} loading={suggesting} onClick={() => void suggest()}>
          {t('setup.suggest')}
        </Button>
      </Group>
      {suggested !== null && form.getValues().passphrase === suggested && (
        <Box>
          <Text size="sm" fw={500} mb={4}>
            {t('setup.suggestedLabel')}
          </Text>
          <Group gap="xs" wrap="nowrap" align="stretch">
            <Code block fz="md" style={{ flex: 1, wordSpacing: '0.3em' }} data-testid="suggested-passphrase">
              {suggested}
            </Code>
            <CopyButton value={suggested}>
              {({ copied, copy }) => (
                <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} h="auto">
                  {copied ? t('common.copied') : t('common.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed" mt={4}>
            {t('setup.suggestedHelp')}
          </Text>
        </Box>
      )}
      <SimpleGrid cols={2} spacing="sm">
        <PasswordInput label={t('setup.passphrase')} required autoComplete="new-password" {...form.getInputProps('passphrase')} />
        <PasswordInput label={t('setup.passphraseConfirm')} required autoComplete="new-password" {...form.getInputProps('confirmPassphrase')} />
      </SimpleGrid>
      <Checkbox label={t('setup.stored')} {...form.getInputProps('storedPassphrase', { type: 'checkbox' })} />
    </Stack>
  );
}
