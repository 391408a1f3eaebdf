import { useState } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { ChangePassphraseInput } from '@shared/schemas/profile';
import i18next from 'i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAppStatus } from '../../state/appStatus';
import { PassphraseFields } from '../setup/PassphraseFields';
import { INITIAL_SETUP_VALUES, type SetupFormValues } from '../setup/setupForm';
import { LockSection } from './LockSection';
import { SigningKeySection } from './SigningKeySection';
import { NS } from './ns';
import { FactTable, MachineValue } from '../../components/FactTable';
import { FormSection } from '../../components/FormSection';
import { useAction } from '../../lib/useAction';

/** Same checks as at setup: the schema the core applies, typed twice, and stored somewhere safe. */
function validate(v: SetupFormValues): Record<string, string> {
  const parsed = ChangePassphraseInput.safeParse({ newPassphrase: v.passphrase });
  const errors = parsed.success ? {} : fieldErrorsFromIssues(issuesOf(parsed.error), (p) => (p === 'newPassphrase' ? 'passphrase' : null)).fields;
  if (errors.passphrase) errors.passphrase = i18next.t('fieldErrors.recoveryPassphrase');
  if (v.confirmPassphrase !== v.passphrase) errors.confirmPassphrase = i18next.t('fieldErrors.confirmPassphrase');
  if (!v.storedPassphrase) errors.storedPassphrase = i18next.t('fieldErrors.storedPassphrase');
  return errors;
}

/** The key and where it is kept, locking (auto-lock, closing the window), and the recovery passphrase. */
export function SecurityTab() {
  const t = useFeatureT(NS);
  const status = useAppStatus((s) => s.status);
  // The setup form's passphrase fields, reused as they are; only those three values matter here.
  const form = useForm<SetupFormValues>({ mode: 'controlled', initialValues: INITIAL_SETUP_VALUES });
  const [confirming, setConfirming] = useState(false);
  const { busy: saving, error, run } = useAction();

  function ask(values: SetupFormValues) {
    const errors = validate(values);
    form.setErrors(errors);
    if (Object.keys(errors).length === 0) setConfirming(true);
  }

  async function change() {
    const done = await run(async () => {
      await api.call('app.changePassphrase', { newPassphrase: form.getValues().passphrase });
      return true;
    });
    // Either way the dialog closes: the outcome is said on the tab (notice or error under the form).
    setConfirming(false);
    if (done) {
      form.reset();
      notifySuccess(t('security.changed'));
    }
  }

  return (
    <Stack gap="xl" maw={680}>
      {status && (
        <FormSection title={t('security.keySection')}>
          <FactTable
            rows={[
              [
                t('security.keychain'),
                <Group key="keychain" gap={6} wrap="nowrap" c={status.keychainAvailable ? 'teal.8' : 'orange.9'}>
                  {status.keychainAvailable ? <IconCircleCheck size={15} aria-hidden /> : <IconCircleX size={15} aria-hidden />}
                  <Text size="sm">{status.keychainAvailable ? t('security.keychainYes') : t('security.keychainNo')}</Text>
                </Group>,
              ],
              [t('security.dataDir'), <MachineValue key="dir">{status.dataDir}</MachineValue>],
            ]}
          />
        </FormSection>
      )}
      <LockSection />
      <SigningKeySection />
      <FormSection title={t('security.passphraseSection')} help={t('security.passphraseHelp')}>
        <form onSubmit={form.onSubmit(ask)} noValidate>
          <Stack gap="md">
            <PassphraseFields form={form} />
            {error !== null && <ErrorNotice error={error} />}
            <Group justify="flex-end">
              <Button type="submit">{t('security.submit')}</Button>
            </Group>
          </Stack>
        </form>
      </FormSection>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={<Text fw={600}>{t('security.confirmTitle')}</Text>}>
        <Stack gap="md">
          <Text size="sm">{t('security.confirmBody')}</Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={saving} onClick={() => void change()} data-autofocus>
              {t('security.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
