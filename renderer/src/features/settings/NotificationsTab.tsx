import { Loader, NumberInput, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Nis2Sector } from '@shared/schemas/obligation';
import { Organisation, type Profile } from '@shared/schemas/profile';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { DpoContactField } from './DpoContactField';
import { NS } from './ns';
import { ProfileFormFooter, useProfileForm } from './profileForm';
import { FormSection } from '../../components/FormSection';

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
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { dpoContact: '', nis2Sector: '', internalLeadDays: 2 },
    validate: {
      internalLeadDays: (v) => (LEAD.safeParse(typeof v === 'number' ? v : Number.NaN).success ? null : t('notifications.leadInvalid', { max: LEAD_MAX })),
      dpoContact: (v) => (v.length > 500 ? t('notifications.dpoTooLong') : null),
    },
  });

  const { profile, loadError, saving, error, save } = useProfileForm(form, valuesOf);
  const submit = (v: Values) =>
    save({ organisation: { dpoContact: v.dpoContact.trim(), nis2Sector: v.nis2Sector === '' ? null : Nis2Sector.parse(v.nis2Sector), internalLeadDays: Number(v.internalLeadDays) } });

  if (!profile) return loadError ? <ErrorNotice error={loadError} title={t('organisation.loadFailed')} /> : <Loader size="sm" />;

  return (
    <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
      <Stack gap="lg" maw={680}>
        <FormSection title={t('notifications.section')}>
          <Stack gap="md">
            <DpoContactField data-testid="settings-dpo-contact" {...form.getInputProps('dpoContact')} />
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
        </FormSection>
        <FormSection title={t('notifications.targetsSection')}>
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
        </FormSection>
        <ProfileFormFooter dirty={form.isDirty()} saving={saving} error={error} onDiscard={() => form.reset()} />
      </Stack>
    </form>
  );
}
