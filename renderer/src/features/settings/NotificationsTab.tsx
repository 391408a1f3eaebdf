import { useEffect, useState } from 'react';
import { Button, Group, Loader, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Nis2Sector } from '@shared/schemas/obligation';
import { Organisation, type Profile } from '@shared/schemas/profile';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useRemote } from '../../lib/useRemote';
import { useAppStatus } from '../../state/appStatus';
import { NS } from './ns';

interface Values {
  dpoContact: string;
  /** '' for "not an NIS2 entity" (a Select cannot hold null). */
  nis2Sector: string;
  internalLeadDays: number | string;
}

const LEAD = Organisation.shape.internalLeadDays;
const LEAD_MAX = 30;

function valuesOf(p: Profile): Values {
  return { dpoContact: p.organisation.dpoContact, nis2Sector: p.organisation.nis2Sector ?? '', internalLeadDays: p.organisation.internalLeadDays };
}

/**
 * What notifications and deadlines need from the organisation: the DPO's contact as every
 * notification gives it (Art. 33(3)(b)), the NIS2 sector that decides whether CSIRT reports are
 * proposed, and the internal target the board shows before each day-counted deadline.
 */
export function NotificationsTab() {
  const t = useFeatureT(NS);
  const profile = useRemote(() => api.call('profile.get', {}), []);
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { dpoContact: '', nis2Sector: '', internalLeadDays: 2 },
    validate: {
      internalLeadDays: (v) => (LEAD.safeParse(typeof v === 'number' ? v : Number.NaN).success ? null : t('notifications.leadInvalid', { max: LEAD_MAX })),
      dpoContact: (v) => (v.length > 500 ? t('notifications.dpoTooLong') : null),
    },
  });

  useEffect(() => {
    if (!profile.data) return;
    form.setInitialValues(valuesOf(profile.data));
    form.setValues(valuesOf(profile.data));
    // The form object is stable for the component's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profile.data]);

  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function save(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const next = await api.call('profile.update', {
        organisation: { dpoContact: v.dpoContact.trim(), nis2Sector: v.nis2Sector === '' ? null : Nis2Sector.parse(v.nis2Sector), internalLeadDays: Number(v.internalLeadDays) },
      });
      profile.setData(next);
      form.setInitialValues(valuesOf(next));
      useAppStatus.setState((s) => ({ status: s.status ? { ...s.status, profile: next } : s.status }));
      notifySuccess(t('organisation.saved'));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (!profile.data) return profile.error ? <ErrorNotice error={profile.error} title={t('organisation.loadFailed')} /> : <Loader size="sm" />;

  return (
    <form onSubmit={form.onSubmit((v) => void save(v))} noValidate>
      <Stack gap="lg" maw={680}>
        <section>
          <Title order={2} size="h3" mb="sm">
            {t('notifications.section')}
          </Title>
          <Stack gap="md">
            <Textarea
              label={t('notifications.dpo')}
              description={t('notifications.dpoHelp')}
              placeholder={t('notifications.dpoPlaceholder')}
              autosize
              minRows={2}
              maxRows={5}
              data-testid="settings-dpo-contact"
              {...form.getInputProps('dpoContact')}
            />
            <Select
              label={t('notifications.nis2')}
              description={t('notifications.nis2Help')}
              data={[{ value: '', label: t('notifications.nis2None') }, ...Nis2Sector.options.map((s) => ({ value: s, label: t(`notifications.sectors.${s}`) }))]}
              allowDeselect={false}
              maw={420}
              data-testid="settings-nis2-sector"
              {...form.getInputProps('nis2Sector')}
            />
          </Stack>
        </section>
        <section>
          <Title order={2} size="h3" mb="sm">
            {t('notifications.targetsSection')}
          </Title>
          <NumberInput
            label={t('notifications.lead')}
            description={t('notifications.leadHelp')}
            min={0}
            max={LEAD_MAX}
            allowDecimal={false}
            allowNegative={false}
            maw={200}
            data-testid="settings-internal-lead-days"
            {...form.getInputProps('internalLeadDays')}
          />
        </section>
        {error !== null && <ErrorNotice error={error} />}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {t('organisation.audited')}
          </Text>
          <Group gap="xs">
            <Button variant="default" disabled={!form.isDirty() || busy} onClick={() => form.reset()}>
              {t('common.discard')}
            </Button>
            <Button type="submit" loading={busy} disabled={!form.isDirty()}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
