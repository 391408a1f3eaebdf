import { useEffect, useState } from 'react';
import { Alert, Button, Divider, Group, Loader, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { ProfileUpdate, type Profile } from '@shared/schemas/profile';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAppStatus } from '../../state/appStatus';
import { OrganisationFields } from '../setup/OrganisationFields';
import { INITIAL_SETUP_VALUES, setupFieldOf, type SetupFormValues } from '../setup/setupForm';
import { NS } from './ns';

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
    organisation: {
      name: v.orgName,
      role: v.role,
      timeZone: v.timeZone,
      country: v.region ? `${v.country}-${v.region}` : v.country,
      defaultRegulator: v.defaultRegulator,
    },
    userName: v.userName,
  };
}

/** The organisation and the local user, as entered at setup; every change is audited. */
export function OrganisationTab() {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const [profile, setProfile] = useState<Profile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<SetupFormValues>({ mode: 'controlled', initialValues: INITIAL_SETUP_VALUES });

  useEffect(() => {
    let current = true;
    api.call('profile.get', {}).then(
      (p) => {
        if (!current) return;
        setProfile(p);
        form.setInitialValues(valuesOf(p));
        form.setValues(valuesOf(p));
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
    // The form object is stable for the component's life; load once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function save(values: SetupFormValues) {
    const update = toUpdate(values);
    const parsed = ProfileUpdate.safeParse(update);
    if (!parsed.success) {
      form.setErrors(fieldErrorsFromIssues(issuesOf(parsed.error), setupFieldOf).fields);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const next = await api.call('profile.update', parsed.data);
      setProfile(next);
      form.setInitialValues(valuesOf(next));
      form.setValues(valuesOf(next));
      // The header, the navigation and every date shown follow the stored profile.
      useAppStatus.setState((s) => ({ status: s.status ? { ...s.status, profile: next } : s.status }));
      notifySuccess(t('organisation.saved'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues) {
        const { fields, other } = fieldErrorsFromIssues(e.issues, setupFieldOf);
        form.setErrors(fields);
        if (other.length > 0) setError(e);
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  }

  if (!profile) return error ? <ErrorNotice error={error} title={t('organisation.loadFailed')} /> : <Loader size="sm" />;

  const v = form.getValues();
  const calendarChanged = profile && (v.timeZone !== valuesOf(profile).timeZone || (v.region ? `${v.country}-${v.region}` : v.country) !== profile.organisation.country);

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack gap="lg" maw={680}>
        <section>
          <Title order={2} size="h3" mb="sm">
            {t('organisation.section')}
          </Title>
          <OrganisationFields form={form} />
        </section>
        {calendarChanged && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="calendar-change-note">
            {t('organisation.calendarNote')}
          </Alert>
        )}
        <Divider />
        <section>
          <Title order={2} size="h3" mb="sm">
            {t('organisation.userSection')}
          </Title>
          <TextInput label={tc('fields.userName')} description={tc('setup.userNameHelp')} required autoComplete="name" maw={320} {...form.getInputProps('userName')} />
        </section>
        {error !== null && <ErrorNotice error={error} />}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('organisation.audited')}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={!form.isDirty() || saving} onClick={() => form.reset()}>
              {t('common.discard')}
            </Button>
            <Button type="submit" loading={saving} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
