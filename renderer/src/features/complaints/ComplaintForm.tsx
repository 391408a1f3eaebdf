import { useState } from 'react';
import { Box, Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { Complaint, ComplaintChannel, DataSubjectRight } from '@shared/schemas/complaint';
import type { Organisation } from '@shared/schemas/profile';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { fieldErrorsFromIssues } from '../../lib/errors';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal } from '../../lib/orgTime';
import { useRecordChanges } from '../../state/recordChanges';
import { DeadlinePreview } from './DeadlinePreview';
import {
  formFieldOf,
  newComplaintValues,
  patchOf,
  toComplaintFields,
  valuesOfComplaint,
  type ComplaintFormValues,
} from './complaintForm';
import { channelOptions, rightOptions } from './labels';
import { COMPLAINT_RECORD_TYPE } from './recordType';

interface Props {
  organisation: Organisation;
  /** The complaint being edited; absent when recording a new one. */
  complaint?: Complaint;
  onDone(saved: Complaint | null): void;
}

/** Records a new complaint or edits one: the same fields, checks and live deadline either way. */
export function ComplaintForm({ organisation, complaint, onDone }: Props) {
  const { t } = useTranslation();
  const zone = organisation.timeZone;
  const form = useForm<ComplaintFormValues>({
    mode: 'controlled',
    initialValues: complaint
      ? valuesOfComplaint(complaint, zone, organisation.defaultRegulator)
      : newComplaintValues(zone, organisation.defaultRegulator),
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = form.getValues();

  async function save(values: ComplaintFormValues) {
    setError(null);
    const checked = toComplaintFields(values, zone);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      let saved: Complaint;
      if (complaint) {
        const patch = patchOf(complaint, checked.fields, zone, organisation.defaultRegulator);
        if (Object.keys(patch).length === 0) {
          notifySuccess(t('form.noChanges'));
          onDone(null);
          return;
        }
        saved = await api.call('complaints.update', { id: complaint.id, patch });
        notifySuccess(t('form.saved', { reference: saved.reference }));
      } else {
        const { reference, ...rest } = checked.fields;
        saved = await api.call('complaints.create', { ...rest, ...(reference ? { reference } : {}) });
        notifySuccess(t('form.created', { reference: saved.reference }));
      }
      // The core also sends 'record.changed'; bumping here keeps views right if the event is late.
      useRecordChanges.getState().bump(COMPLAINT_RECORD_TYPE, saved.id);
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

  const receivedAt = instantFromLocal(v.received.date, v.received.time, zone);
  const extensionNoticeAt = v.extensionNotice.date ? instantFromLocal(v.extensionNotice.date, v.extensionNotice.time, zone) : null;
  const hasErrors = Object.keys(form.errors).length > 0;

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 290px', gap: 'var(--mantine-spacing-lg)', alignItems: 'start' }}>
        <Stack gap="lg">
          <Section title={t('form.channelSection')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
              <OrgDateTimeField
                name="received"
                label={t('form.receivedDate')}
                description={t('form.zoneHelp', { zone })}
                required
                value={v.received}
                onChange={(received) => form.setFieldValue('received', received)}
                error={form.errors.received}
              />
              <Select
                label={t('fields.channel')}
                required
                data={channelOptions(t)}
                {...form.getInputProps('channel')}
                onChange={(value) => value && form.setFieldValue('channel', value as ComplaintChannel)}
              />
              {v.channel === 'regulator' && (
                <>
                  <TextInput label={t('fields.regulator')} required maxLength={100} {...form.getInputProps('regulator')} />
                  <TextInput
                    label={t('fields.regulatorReference')}
                    description={t('form.regulatorReferenceHelp')}
                    maxLength={100}
                    className="tabular"
                    {...form.getInputProps('regulatorReference')}
                  />
                </>
              )}
              <TextInput
                label={t('fields.reference')}
                description={t('form.referenceHelp')}
                maxLength={60}
                className="tabular"
                {...form.getInputProps('reference')}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('form.complainantSection')} hint={t('form.minimiseHint')}>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('fields.complainantLabel')}
                description={t('form.complainantLabelHelp')}
                required
                maxLength={200}
                {...form.getInputProps('complainantLabel')}
              />
              <TextInput
                label={t('fields.complainantContact')}
                description={t('form.complainantContactHelp')}
                maxLength={300}
                {...form.getInputProps('complainantContact')}
              />
            </SimpleGrid>
          </Section>
          <Section title={t('form.contentSection')}>
            <Stack gap="sm">
              <MultiSelect
                label={t('fields.rights')}
                placeholder={v.rights.length ? undefined : t('form.rightsPlaceholder')}
                required
                data={rightOptions(t)}
                {...form.getInputProps('rights')}
                onChange={(value) => form.setFieldValue('rights', value as DataSubjectRight[])}
                data-testid="rights-select"
              />
              <Textarea label={t('fields.summary')} required autosize minRows={3} maxRows={10} maxLength={20_000} {...form.getInputProps('summary')} />
              <Textarea
                label={t('fields.outcome')}
                description={t('form.outcomeHelp')}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={20_000}
                {...form.getInputProps('outcome')}
              />
            </Stack>
          </Section>
          <Section title={t('form.extensionSection')} hint={t('form.extensionHelp')}>
            <SimpleGrid cols={2} spacing="sm">
              <OrgDateTimeField
                name="extension"
                label={t('form.extensionDate')}
                description={t('form.zoneHelp', { zone })}
                value={v.extensionNotice}
                onChange={(extensionNotice) => form.setFieldValue('extensionNotice', extensionNotice)}
                error={form.errors.extensionNotice}
              />
              <Textarea
                label={t('fields.extensionReason')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2_000}
                {...form.getInputProps('extensionReason')}
              />
            </SimpleGrid>
          </Section>
        </Stack>
        <Box style={{ position: 'sticky', top: 64 }}>
          <DeadlinePreview
            receivedAt={receivedAt}
            extensionNoticeAt={extensionNoticeAt}
            calendar={{ timeZone: zone, country: organisation.country }}
          />
        </Box>
      </Box>
      <Stack
        gap="sm"
        py="sm"
        mt="md"
        // Save stays in reach however long the form gets.
        style={{ position: 'sticky', bottom: 0, background: 'var(--mantine-color-body)', borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
      >
        {error !== null && <ErrorNotice error={error} />}
        <Group justify="flex-end" gap="sm">
          {hasErrors && (
            <Text size="sm" c="red.8" mr="auto" role="alert">
              {t('form.fixErrors')}
            </Text>
          )}
          <Button variant="default" onClick={() => onDone(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {complaint ? t('form.save') : t('form.create')}
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
