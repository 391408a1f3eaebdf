import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { MatterCreate, type Matter, type MatterKind, type MatterUpdate } from '@shared/schemas/matter';
import type { Organisation } from '@shared/schemas/profile';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { fieldErrorsFromIssues, issuesOf } from '../../lib/errors';
import { featureT, useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, localPartsOf, nowLocalParts } from '../../lib/orgTime';
import { useRecordChanges } from '../../state/recordChanges';
import { matterKindOptions, NS } from './labels';
import { RegulatorField } from './RegulatorField';

interface Values {
  reference: string;
  regulator: string;
  kind: MatterKind;
  title: string;
  opened: LocalDateTimeValue;
  regulatorRefs: string[];
  summary: string;
  appeal: string;
}
type Fields = Required<Omit<MatterCreate, 'reference'>> & { reference: string };

function valuesOf(m: Matter | undefined, zone: string, regulator: string): Values {
  if (!m) return { reference: '', regulator, kind: 'complaint', title: '', opened: nowLocalParts(zone), regulatorRefs: [], summary: '', appeal: '' };
  return { reference: m.reference, regulator: m.regulator, kind: m.kind, title: m.title, opened: localPartsOf(m.openedAt, zone), regulatorRefs: [...m.regulatorRefs], summary: m.summary, appeal: m.appeal };
}

const fieldOf = (path: string) => {
  const top = path.split('.')[0] ?? path;
  return top === 'openedAt' ? 'opened' : top;
};

function toFields(v: Values, zone: string): { ok: true; fields: Fields } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const openedAt = v.opened.date ? instantFromLocal(v.opened.date, v.opened.time || '00:00', zone) : null;
  if (!openedAt) errors.opened = featureT(NS, 'fieldErrors.openedAt');
  const fields: Fields = {
    reference: v.reference.trim(),
    regulator: v.regulator.trim(),
    kind: v.kind,
    title: v.title,
    openedAt: openedAt ?? '',
    regulatorRefs: v.regulatorRefs.map((r) => r.trim()).filter(Boolean),
    summary: v.summary,
    appeal: v.appeal,
  };
  const parsed = MatterCreate.safeParse(fields);
  if (!parsed.success) {
    for (const issue of issuesOf(parsed.error)) {
      const field = fieldOf(issue.path);
      const key = `fieldErrors.${issue.path}`;
      const translated = featureT(NS, key);
      errors[field] ??= translated !== key ? translated : issue.message;
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, fields };
}

/** Opens a matter (one procedure with a regulator) or edits one. */
export function MatterForm({ organisation, matter, onDone }: { organisation: Organisation; matter?: Matter; onDone(saved: Matter | null): void }) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(matter, zone, organisation.defaultRegulator) });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = form.getValues();

  async function save(values: Values) {
    setError(null);
    const checked = toFields(values, zone);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      let saved: Matter;
      if (matter) {
        const before = toFields(valuesOf(matter, zone, organisation.defaultRegulator), zone);
        const patch: MatterUpdate['patch'] = {};
        for (const key of Object.keys(checked.fields) as (keyof Fields)[]) {
          const was = before.ok ? before.fields[key] : undefined;
          if (JSON.stringify(was) !== JSON.stringify(checked.fields[key])) Object.assign(patch, { [key]: checked.fields[key] });
        }
        if (Object.keys(patch).length === 0) {
          notifySuccess(t('form.noChanges'));
          onDone(null);
          return;
        }
        saved = await api.call('matters.update', { id: matter.id, patch });
        notifySuccess(t('form.saved', { reference: saved.reference }));
      } else {
        const { reference, ...rest } = checked.fields;
        saved = await api.call('matters.create', { ...rest, ...(reference ? { reference } : {}) });
        notifySuccess(t('matterForm.created', { reference: saved.reference }));
      }
      useRecordChanges.getState().bump('matter', saved.id);
      onDone(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length) {
        const { fields, other } = fieldErrorsFromIssues(e.issues, fieldOf);
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

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Stack gap="sm">
        <TextInput label={t('fields.title')} description={t('matterForm.titleHelp')} required maxLength={300} {...form.getInputProps('title')} />
        <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
          <RegulatorField label={t('fields.regulator')} required value={v.regulator} onChange={(r) => form.setFieldValue('regulator', r)} error={form.errors.regulator} />
          <Select
            label={t('fields.matterKind')}
            required
            data={matterKindOptions(t)}
            value={v.kind}
            onChange={(k) => k && form.setFieldValue('kind', k as MatterKind)}
            allowDeselect={false}
          />
          <OrgDateTimeField
            name="opened"
            label={t('fields.openedAt')}
            description={t('matterForm.openedHelp', { zone })}
            required
            value={v.opened}
            onChange={(opened) => form.setFieldValue('opened', opened)}
            error={form.errors.opened}
          />
          <TextInput label={t('fields.reference')} description={t('matterForm.referenceHelp')} maxLength={60} className="tabular" {...form.getInputProps('reference')} />
        </SimpleGrid>
        <TagsInput
          label={t('fields.regulatorRefs')}
          description={t('matterForm.regulatorRefsHelp')}
          value={v.regulatorRefs}
          onChange={(refs) => form.setFieldValue('regulatorRefs', refs)}
          maxTags={20}
          clearable
          splitChars={[',', ';']}
          acceptValueOnBlur
        />
        <Textarea label={t('fields.summary')} autosize minRows={3} maxRows={10} maxLength={50_000} {...form.getInputProps('summary')} />
        <Textarea label={t('fields.appeal')} description={t('matterForm.appealHelp')} autosize minRows={2} maxRows={8} maxLength={5_000} {...form.getInputProps('appeal')} />
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
            {matter ? t('form.save') : t('matterForm.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
