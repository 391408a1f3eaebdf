import { Alert, Divider, Loader, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { ProfileUpdate, type Profile } from '@shared/schemas/profile';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { OrganisationFields } from '../setup/OrganisationFields';
import { INITIAL_SETUP_VALUES, organisationOf, setupFieldOf, type SetupFormValues } from '../setup/setupForm';
import { NS } from './ns';
import { ProfileFormFooter, useProfileForm } from './profileForm';
import { FormSection } from '../../components/FormSection';

/** The setup form's values (the organisation fields are the same), from a stored profile. */
function valuesOf(p: Profile): SetupFormValues {
  const [country = '', region = null] = p.organisation.country.split('-', 2) as [string?, string?];
  return {
    ...INITIAL_SETUP_VALUES,
    orgName: p.organisation.name,
    role: p.organisation.role,
    timeZone: p.organisation.timeZone,
    country,
    region,
    defaultRegulator: p.organisation.defaultRegulator,
    userName: p.userName,
  };
}

function toUpdate(v: SetupFormValues): ProfileUpdate {
  return {
    organisation: organisationOf(v),
    userName: v.userName,
  };
}

/** The organisation and the local user, as entered at setup; every change is audited. */
export function OrganisationTab() {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const form = useForm<SetupFormValues>({ mode: 'controlled', initialValues: INITIAL_SETUP_VALUES });
  const { profile, loadError, saving, error, save } = useProfileForm(form, valuesOf, setupFieldOf);

  function submit(values: SetupFormValues) {
    const parsed = ProfileUpdate.safeParse(toUpdate(values));
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(issuesOf(parsed.error), setupFieldOf).fields);
      return;
    }
    void save(parsed.data);
  }

  if (!profile) return loadError ? <ErrorNotice error={loadError} title={t('organisation.loadFailed')} /> : <Loader size="sm" />;

  const v = form.getValues();
  const calendarChanged = profile && (v.timeZone !== valuesOf(profile).timeZone || organisationOf(v).country !== profile.organisation.country);

  return (
    <form onSubmit={form.onSubmit((values) => submit(values))} noValidate>
      <Stack gap="lg" maw={680}>
        <FormSection title={t('organisation.section')}>
          <OrganisationFields form={form} />
        </FormSection>
        {calendarChanged && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="calendar-change-note">
            {t('organisation.calendarNote')}
          </Alert>
        )}
        <Divider />
        <FormSection title={t('organisation.userSection')}>
          <TextInput label={tc('fields.userName')} description={tc('setup.userNameHelp')} required autoComplete="name" maw={320} {...form.getInputProps('userName')} />
        </FormSection>
        <ProfileFormFooter dirty={form.isDirty()} saving={saving} error={error} onDiscard={() => form.reset()} />
      </Stack>
    </form>
  );
}
