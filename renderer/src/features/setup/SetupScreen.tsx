import { useState } from 'react';
import { Button, Divider, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { CenteredPanel } from '../../components/CenteredPanel';
import { ErrorNotice } from '../../components/ErrorNotice';
import { placeRefusal } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { useAppStatus } from '../../state/appStatus';
import { OrganisationFields } from './OrganisationFields';
import { PassphraseFields } from './PassphraseFields';
import { INITIAL_SETUP_VALUES, setupFieldOf, toSetupInput, validateSetup, type SetupFormValues } from './setupForm';
import { FormSection } from '../../components/FormSection';

/** First run: the organisation, the user, and the recovery passphrase that wraps the register's key. */
export function SetupScreen() {
  const { t } = useTranslation();
  const form = useForm<SetupFormValues>({ mode: 'controlled', initialValues: INITIAL_SETUP_VALUES });
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: SetupFormValues) {
    const errors = validateSetup(values);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setSubmitting(true);
    setError(null);
    try {
      const result = await api.call('app.setup', toSetupInput(values));
      const { apply, setPassphraseNeededAtStart } = useAppStatus.getState();
      if (result.keyStoredInKeychain) notifySuccess(`${t('setup.createdTitle')}. ${t('setup.createdBody')}`);
      else setPassphraseNeededAtStart(true);
      apply(result.status);
    } catch (e) {
      setError(placeRefusal(e, setupFieldOf, form.setErrors));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <CenteredPanel title={t('setup.title')} width={680}>
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack gap="lg">
          <Text c="dimmed" size="sm">
            {t('setup.intro')}
          </Text>
          <FormSection title={t('setup.organisationSection')}>
            <OrganisationFields form={form} />
          </FormSection>
          <Divider />
          <FormSection title={t('setup.userSection')}>
            <TextInput
              label={t('fields.userName')}
              description={t('setup.userNameHelp')}
              required
              autoComplete="name"
              maw={320}
              {...form.getInputProps('userName')}
            />
          </FormSection>
          <Divider />
          <FormSection title={t('setup.passphraseSection')}>
            <PassphraseFields form={form} />
          </FormSection>
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end">
            <Button type="submit" loading={submitting}>
              {t('setup.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </CenteredPanel>
  );
}
