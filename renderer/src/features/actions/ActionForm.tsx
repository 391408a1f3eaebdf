import { useState } from 'react';
import { Autocomplete, Button, Group, Input, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Action } from '@shared/schemas/action';
import type { Organisation } from '@shared/schemas/profile';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LocalDateInput } from '../../components/LocalDateInput';
import { fieldErrorsFromIssues } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAppStatus } from '../../state/appStatus';
import { useRecordChanges } from '../../state/recordChanges';
import { formFieldOf, newActionValues, patchOf, toActionFields, valuesOfAction, type ActionFormValues } from './actionForm';
import { isRecordOrigin, NS, originTypeOptions, priorityOptions, type OriginType, type Priority } from './labels';
import { OriginPicker } from './OriginPicker';

/** Plans a remediation action or edits one. */
export function ActionForm({ organisation, action, onDone }: { organisation: Organisation; action?: Action; onDone(saved: Action | null): void }) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const userName = useAppStatus((s) => s.status?.profile?.userName ?? '');
  const form = useForm<ActionFormValues>({ mode: 'controlled', initialValues: action ? valuesOfAction(action, zone) : newActionValues() });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = form.getValues();

  async function save(values: ActionFormValues) {
    setError(null);
    const checked = toActionFields(values, zone);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      let saved: Action;
      if (action) {
        const patch = patchOf(action, checked.fields, zone);
        if (Object.keys(patch).length === 0) {
          notifySuccess(t('form.noChanges'));
          onDone(null);
          return;
        }
        saved = await api.call('actions.update', { id: action.id, patch });
        notifySuccess(t('form.saved', { reference: saved.reference }));
      } else {
        const { reference, ...rest } = checked.fields;
        saved = await api.call('actions.create', { ...rest, ...(reference ? { reference } : {}) });
        notifySuccess(t('form.created', { reference: saved.reference }));
      }
      useRecordChanges.getState().bump('action', saved.id);
      onDone(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length) {
        const { fields, other } = fieldErrorsFromIssues(e.issues, formFieldOf);
        form.setErrors(fields);
        if (other.length) setError(e);
      } else if (e instanceof ApiError && e.code === 'CONFLICT' && /reference/i.test(e.message)) {
        form.setFieldError('reference', e.message);
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  }

  const recordOrigin = isRecordOrigin(v.originType);
  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack gap="lg">
        <Section title={t('form.whatSection')}>
          <Stack gap="sm">
            <TextInput label={t('fields.title')} required maxLength={300} {...form.getInputProps('title')} />
            <Textarea label={t('fields.description')} description={t('form.descriptionHelp')} autosize minRows={2} maxRows={8} maxLength={20_000} {...form.getInputProps('description')} />
          </Stack>
        </Section>
        <Section title={t('form.whoSection')}>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
            <Autocomplete label={t('fields.owner')} description={t('form.ownerHelp')} required maxLength={200} data={userName ? [userName] : []} {...form.getInputProps('owner')} />
            <Input.Wrapper label={t('fields.dueAt')} description={t('form.dueHelp', { zone })} error={form.errors.dueDay}>
              <LocalDateInput data-testid="action-due-date" aria-label={t('fields.dueAt')} value={v.dueDay} onChange={(d) => form.setFieldValue('dueDay', d)} clearable />
            </Input.Wrapper>
            <Input.Wrapper label={t('fields.priority')} required>
              <SegmentedControl fullWidth data={priorityOptions(t)} value={v.priority} onChange={(p) => form.setFieldValue('priority', p as Priority)} aria-label={t('fields.priority')} />
            </Input.Wrapper>
            <TextInput label={t('fields.reference')} description={t('form.referenceHelp')} maxLength={60} className="tabular" {...form.getInputProps('reference')} />
          </SimpleGrid>
        </Section>
        <Section title={t('form.originSection')} hint={t('form.originHint')}>
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
          <Textarea
            mt="sm"
            label={t('fields.originNote')}
            description={recordOrigin ? t('form.originNoteRecordHelp') : t('form.originNoteHelp')}
            autosize
            minRows={1}
            maxRows={4}
            maxLength={1_000}
            {...form.getInputProps('originNote')}
          />
        </Section>
        <Section title={t('form.evidenceSection')} hint={t('form.evidenceHint')}>
          <Textarea label={t('fields.evidence')} autosize minRows={2} maxRows={8} maxLength={20_000} {...form.getInputProps('evidence')} />
        </Section>
      </Stack>
      <Stack gap="sm" py="sm" mt="md" style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}>
        {error !== null && <ErrorNotice error={error} />}
        <Group justify="flex-end" gap="sm">
          {Object.keys(form.errors).length > 0 && (
            <Text size="sm" c="red.8" mr="auto" role="alert">
              {t('form.fixErrors')}
            </Text>
          )}
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {action ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, hint, children }: { title: string; hint?: string; children: React.ReactNode }) {
  return (
    <section>
      <Title order={2} size="h4" tt="uppercase" c="dimmed" mb={hint ? 2 : 'xs'} style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed" mb="xs">
          {hint}
        </Text>
      )}
      {children}
    </section>
  );
}
