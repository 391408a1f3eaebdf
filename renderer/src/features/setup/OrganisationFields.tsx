import { useMemo } from 'react';
import { Group, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { OrgRole } from '@shared/schemas/profile';
import { useTranslation } from 'react-i18next';
import { useUiLanguage } from '../../i18n';
import { countryOptions, regionOptions } from '../../lib/countries';
import { timeZoneOptions } from '../../lib/timeZones';
import type { SetupFormValues } from './setupForm';

/** Hundreds of time zones or countries: found by typing, fifty shown at a time so the list stays quick. */
const LONG_LIST = { required: true, searchable: true, limit: 50 } as const;

export function OrganisationFields({ form }: { form: UseFormReturnType<SetupFormValues> }) {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  const { timeZone, country } = form.getValues();
  const zones = useMemo(() => timeZoneOptions(timeZone), [timeZone]);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const regions = useMemo(() => regionOptions(country, lang), [country, lang]);

  return (
    <Stack gap="sm">
      <TextInput label={t('fields.name')} required autoComplete="organization" {...form.getInputProps('orgName')} />
      <Radio.Group label={t('fields.role')} description={t('setup.roleHelp')} required {...form.getInputProps('role')}>
        <Group gap="lg" mt={6}>
          {OrgRole.options.map((role) => (
            <Radio key={role} value={role} label={t(`setup.roles.${role}`)} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={2} spacing="sm">
        <Select label={t('fields.timeZone')} description={t('setup.timeZoneHelp')} data={zones} {...LONG_LIST} {...form.getInputProps('timeZone')} />
        <Select
          label={t('fields.country')}
          description={t('setup.countryHelp')}
          data={countries}
          {...LONG_LIST}
          {...form.getInputProps('country')}
          onChange={(value) => {
            form.setFieldValue('country', value ?? '');
            form.setFieldValue('region', null);
          }}
        />
      </SimpleGrid>
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label={t('fields.defaultRegulator')}
          description={t('setup.defaultRegulatorHelp')}
          required
          {...form.getInputProps('defaultRegulator')}
        />
        {regions.length > 0 && (
          <Select
            label={t('setup.region')}
            description={t('setup.regionHelp')}
            searchable
            clearable
            allowDeselect
            placeholder={t('setup.regionNone')}
            data={regions}
            {...form.getInputProps('region')}
          />
        )}
      </SimpleGrid>
    </Stack>
  );
}
