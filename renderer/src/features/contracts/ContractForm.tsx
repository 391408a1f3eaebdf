import { Input, NumberInput, SegmentedControl, SimpleGrid, TagsInput, TextInput, Textarea } from '@mantine/core';
import { ContractStatus, type Contract, type NoticeChannel } from '@shared/schemas/contract';
import { contractsRegister } from '@shared/registers';
import type { Lang } from '@shared/schemas/common';
import { statusLabel } from '../../components/records/labels';
import { LocalDateInput } from '../../components/LocalDateInput';
import { FormFrame, useRecordForm } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { countryCodes, newContractValues, toContractFields, valuesOfContract, type ContractFieldValues, type ContractFormValues } from './contractValues';
import { channelOptions, languageOptions, NS } from './labels';
import { ChoiceField } from '../../components/ChoiceField';

/** Records a client contract or edits one. */
export function ContractForm({ contract, onDone }: { contract?: Contract; onDone(saved: Contract | null): void }) {
  const t = useFeatureT(NS);
  const rf = useRecordForm<Contract, ContractFormValues, ContractFieldValues>({
    register: contractsRegister,
    record: contract,
    initialValues: contract ? valuesOfContract(contract) : newContractValues(),
    toFields: toContractFields,
    onDone,
  });
  const { form, values: v, field } = rf;

  return (
    <FormFrame
      rf={rf}
      sections={[
        {
          key: 'client',
          layout: 'grid',
          content: (
            <>
              <TextInput {...field('name')} description={t('form.nameHelp')} data-autofocus />
              <TextInput {...field('contractRef')} description={t('form.contractRefHelp')} className="tabular" />
              <TagsInput
                label={t('fields.countries')}
                description={t('form.countriesHelp')}
                value={v.countries}
                onChange={(list) => form.setFieldValue('countries', countryCodes(list))}
                maxTags={60}
                error={form.errors.countries}
              />
              <TextInput {...field('reference')} description={t('form.referenceHelp')} className="tabular" />
            </>
          ),
        },
        {
          key: 'notice',
          layout: 'grid',
          content: (
            <>
              <NumberInput label={t('fields.noticeHours')} description={t('form.noticeHoursHelp')} required min={1} max={720} allowDecimal={false} allowNegative={false} suffix=" h" {...form.getInputProps('noticeHours')} />
              <ChoiceField<Lang> fullWidth label={t('fields.language')} description={t('form.languageHelp')} required data={languageOptions(t)} value={v.language} onChange={(l) => form.setFieldValue('language', l)} />
              <ChoiceField<NoticeChannel> fullWidth label={t('fields.channel')} required data={channelOptions(t)} value={v.channel} onChange={(c) => form.setFieldValue('channel', c)} />
              <TextInput {...field('contacts')} description={v.channel === 'email' ? t('form.contactsEmailHelp') : t('form.contactsPhoneHelp')} />
            </>
          ),
        },
        {
          key: 'agreement',
          layout: 'stack',
          content: (
            <>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <Input.Wrapper label={t('fields.dpaSignedOn')} description={t('form.dpaHelp')} error={form.errors.dpaSignedOn}>
                  <LocalDateInput data-testid="contract-dpa-date" aria-label={t('fields.dpaSignedOn')} value={v.dpaSignedOn} onChange={(d) => form.setFieldValue('dpaSignedOn', d)} clearable />
                </Input.Wrapper>
                <Input.Wrapper label={t('fields.status')} description={t('form.statusHelp')}>
                  <SegmentedControl
                    fullWidth
                    data={ContractStatus.options.map((s) => ({ value: s, label: statusLabel('contract', s) }))}
                    value={v.status}
                    onChange={(s) => form.setFieldValue('status', s as ContractFormValues['status'])}
                    aria-label={t('fields.status')}
                  />
                </Input.Wrapper>
              </SimpleGrid>
              <Textarea {...field('notes')} autosize minRows={2} maxRows={8} />
            </>
          ),
        },
      ]}
    />
  );
}
