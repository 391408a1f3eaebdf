import { Autocomplete, Input, Select, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { type Action } from '@shared/schemas/action';
import { actionsRegister } from '@shared/registers';
import type { Organisation } from '@shared/schemas/profile';
import { LocalDateInput } from '../../components/LocalDateInput';
import { FormFrame, useRecordForm } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useAppStatus } from '../../state/appStatus';
import { ACTION_FIELD_OF, newActionValues, toActionFields, valuesOfAction, type ActionFieldValues, type ActionFormValues } from './actionValues';
import { isRecordOrigin, NS, originTypeOptions, priorityOptions, type OriginType, type Priority } from './labels';
import { OriginPicker } from './OriginPicker';
import { ChoiceField } from '../../components/ChoiceField';

/** Plans a remediation action or edits one. */
export function ActionForm({ organisation, action, onDone }: { organisation: Organisation; action?: Action; onDone(saved: Action | null): void }) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const userName = useAppStatus((s) => s.status?.profile?.userName ?? '');
  const rf = useRecordForm<Action, ActionFormValues, ActionFieldValues>({
    register: actionsRegister,
    record: action,
    initialValues: action ? valuesOfAction(action, zone) : newActionValues(),
    toFields: (v) => toActionFields(v, zone),
    fieldOf: ACTION_FIELD_OF,
    onDone,
  });
  const { form, field } = rf;
  const v = form.getValues();
  const recordOrigin = isRecordOrigin(v.originType);

  return (
    <FormFrame
      rf={rf}
      ns={NS}
      onCancel={() => onDone(null)}
      sections={[
        {
          key: 'what',
          layout: 'stack',
          content: (
            <>
              <TextInput {...field('title')} />
              <Textarea {...field('description')} description={t('form.descriptionHelp')} autosize minRows={2} maxRows={8} />
            </>
          ),
        },
        {
          key: 'who',
          layout: 'grid',
          content: (
            <>
              <Autocomplete {...field('owner')} description={t('form.ownerHelp')} data={userName ? [userName] : []} />
              <Input.Wrapper label={t('fields.dueAt')} description={t('form.dueHelp', { zone })} error={form.errors.dueDay}>
                <LocalDateInput data-testid="action-due-date" aria-label={t('fields.dueAt')} value={v.dueDay} onChange={(d) => form.setFieldValue('dueDay', d)} clearable />
              </Input.Wrapper>
              <ChoiceField<Priority> fullWidth label={t('fields.priority')} required data={priorityOptions(t)} value={v.priority} onChange={(p) => form.setFieldValue('priority', p)} />
              <TextInput {...field('reference')} description={t('form.referenceHelp')} className="tabular" />
            </>
          ),
        },
        {
          key: 'origin',
          content: (
            <>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <Select
                  {...rf.select('originType', originTypeOptions(t))}
                  placeholder={t('origin.none')}
                  onChange={(o) => {
                    form.setFieldValue('originType', o as OriginType | null);
                    if (o !== v.originType) form.setFieldValue('originId', null);
                  }}
                />
                {recordOrigin && (
                  <OriginPicker
                    key={v.originType}
                    type={v.originType as 'incident' | 'complaint' | 'letter' | 'matter'}
                    label={t('fields.originRecord')}
                    value={v.originId}
                    onChange={(id) => form.setFieldValue('originId', id)}
                    error={form.errors.originId}
                  />
                )}
              </SimpleGrid>
              <Textarea mt="sm" {...field('originNote')} description={recordOrigin ? t('form.originNoteRecordHelp') : t('form.originNoteHelp')} autosize minRows={1} maxRows={4} />
            </>
          ),
        },
        {
          key: 'evidence',
          content: <Textarea {...field('evidence')} autosize minRows={2} maxRows={8} />,
        },
      ]}
    />
  );
}
