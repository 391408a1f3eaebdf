import { Autocomplete, Input, SegmentedControl, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { ActionCreate, type Action } from '@shared/schemas/action';
import { actionsRegister } from '@shared/registers';
import type { Organisation } from '@shared/schemas/profile';
import { LocalDateInput } from '../../components/LocalDateInput';
import { FormFrame, schemaField, useRecordForm } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useAppStatus } from '../../state/appStatus';
import { ACTION_FIELD_OF, newActionValues, toActionFields, valuesOfAction, type ActionFieldValues, type ActionFormValues } from './actionValues';
import { isRecordOrigin, NS, originTypeOptions, priorityOptions, type OriginType, type Priority } from './labels';
import { OriginPicker } from './OriginPicker';

const shape = ActionCreate.shape;

/** Plans a remediation action or edits one. */
export function ActionForm({ organisation, action, onDone }: { organisation: Organisation; action?: Action; onDone(saved: Action | null): void }) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const userName = useAppStatus((s) => s.status?.profile?.userName ?? '');
  const rf = useRecordForm<Action, ActionFormValues, ActionFieldValues>({
    register: actionsRegister,
    ns: NS,
    record: action,
    initialValues: action ? valuesOfAction(action, zone) : newActionValues(),
    toFields: (v) => toActionFields(v, zone),
    fieldOf: ACTION_FIELD_OF,
    onDone,
  });
  const { form } = rf;
  const v = form.getValues();
  const field = (name: keyof ActionFormValues & string) => schemaField(form, shape, NS, name);
  const recordOrigin = isRecordOrigin(v.originType);

  return (
    <FormFrame
      rf={rf}
      ns={NS}
      onCancel={() => onDone(null)}
      sections={[
        {
          key: 'what',
          title: t('form.whatSection'),
          content: (
            <Stack gap="sm">
              <TextInput {...field('title')} />
              <Textarea {...field('description')} description={t('form.descriptionHelp')} autosize minRows={2} maxRows={8} />
            </Stack>
          ),
        },
        {
          key: 'who',
          title: t('form.whoSection'),
          content: (
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <Autocomplete {...field('owner')} description={t('form.ownerHelp')} data={userName ? [userName] : []} />
              <Input.Wrapper label={t('fields.dueAt')} description={t('form.dueHelp', { zone })} error={form.errors.dueDay}>
                <LocalDateInput data-testid="action-due-date" aria-label={t('fields.dueAt')} value={v.dueDay} onChange={(d) => form.setFieldValue('dueDay', d)} clearable />
              </Input.Wrapper>
              <Input.Wrapper label={t('fields.priority')} required>
                <SegmentedControl fullWidth data={priorityOptions(t)} value={v.priority} onChange={(p) => form.setFieldValue('priority', p as Priority)} aria-label={t('fields.priority')} />
              </Input.Wrapper>
              <TextInput {...field('reference')} description={t('form.referenceHelp')} className="tabular" />
            </SimpleGrid>
          ),
        },
        {
          key: 'origin',
          title: t('form.originSection'),
          hint: t('form.originHint'),
          content: (
            <>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <Select
                  label={t('fields.originType')}
                  placeholder={t('origin.none')}
                  data={originTypeOptions(t)}
                  value={v.originType}
                  onChange={(o) => {
                    form.setFieldValue('originType', o as OriginType | null);
                    if (o !== v.originType) form.setFieldValue('originId', null);
                  }}
                  clearable
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
          title: t('form.evidenceSection'),
          hint: t('form.evidenceHint'),
          content: <Textarea {...field('evidence')} autosize minRows={2} maxRows={8} />,
        },
      ]}
    />
  );
}
