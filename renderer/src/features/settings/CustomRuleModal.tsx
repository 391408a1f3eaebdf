import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { CustomRuleDefinitionSchema, makeCustomRule, type CustomRuleDefinition, type OrgCalendar, type PeriodUnit } from '@shared/deadlines';
import type { RuleInfo } from '@shared/schemas/clock';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { issuesOf, type Issue } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { dueText, NS as CLOCKS_NS } from '../clocks/clockView';
import { NS } from './ns';

const UNITS: PeriodUnit[] = ['hours', 'days', 'weeks', 'months'];

interface Values {
  id: string;
  labelEn: string;
  labelFr: string;
  amount: number | string;
  unit: PeriodUnit;
  eventEn: string;
  eventFr: string;
}

const FIELD_OF_PATH: Record<string, keyof Values> = {
  id: 'id',
  'label.en': 'labelEn',
  'label.fr': 'labelFr',
  amount: 'amount',
  unit: 'unit',
  'event.en': 'eventEn',
  'event.fr': 'eventFr',
};

/** A stable id from the English label: "Client request (10 days)" → "client-request-10-days". */
export function slug(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

function toDefinition(v: Values): CustomRuleDefinition {
  return {
    id: v.id.trim(),
    label: { en: v.labelEn.trim(), fr: v.labelFr.trim() },
    amount: typeof v.amount === 'number' ? v.amount : Number.parseFloat(String(v.amount).replace(',', '.')),
    unit: v.unit,
    event: { en: v.eventEn.trim(), fr: v.eventFr.trim() },
  };
}

function valuesOf(rule: RuleInfo | null): Values {
  const d = rule?.definition;
  if (!d) return { id: '', labelEn: '', labelFr: '', amount: '', unit: 'days', eventEn: '', eventFr: '' };
  return { id: d.id, labelEn: d.label.en, labelFr: d.label.fr, amount: d.amount, unit: d.unit, eventEn: d.event.en, eventFr: d.event.fr };
}

interface Props {
  /** null: a new rule. */
  rule: RuleInfo | null;
  existingIds: string[];
  fromIso: string;
  cal: OrgCalendar;
  onClose(): void;
  onSaved(): void;
}

/** A rule of the organisation's own: a period in hours, days, weeks or months from an event, named in both languages. */
export function CustomRuleModal({ rule, existingIds, fromIso, cal, onClose, onSaved }: Props) {
  const t = useFeatureT(NS);
  const tc = useFeatureT(CLOCKS_NS);
  const f = useFormatters();
  const editing = rule !== null;
  const [idTouched, setIdTouched] = useState(editing);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const form = useForm<Values>({ mode: 'controlled', initialValues: valuesOf(rule) });

  const errorsOf = (issues: readonly Issue[]) => {
    const fields: Record<string, string> = {};
    for (const i of issues) {
      const field = FIELD_OF_PATH[i.path];
      if (field && !(field in fields)) fields[field] = t(`ruleForm.errors.${field}`);
    }
    return fields;
  };

  function validate(v: Values): { def: CustomRuleDefinition | null; errors: Record<string, string> } {
    const def = toDefinition(v);
    const parsed = CustomRuleDefinitionSchema.safeParse(def);
    const errors = parsed.success ? {} : errorsOf(issuesOf(parsed.error));
    if (!editing && !errors.id && existingIds.includes(def.id)) errors.id = t('ruleForm.errors.idTaken');
    return { def: parsed.success ? parsed.data : null, errors };
  }

  async function submit(v: Values) {
    const { def, errors } = validate(v);
    form.setErrors(errors);
    if (!def || Object.keys(errors).length > 0) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await api.call('rules.saveCustom', def);
      notifySuccess(t(editing ? 'ruleForm.saved' : 'ruleForm.created', { label: saved.label[f.lang] }));
      onSaved();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CONFLICT') form.setErrors({ id: t('ruleForm.errors.idBuiltIn') });
      else setError(e);
      setSaving(false);
    }
  }

  // The preview: what the rule would give if its event happened now.
  const v = form.getValues();
  const candidate = toDefinition(v);
  let preview: { basis: string; explanation: string; due: string | null } | null = null;
  if (CustomRuleDefinitionSchema.safeParse(candidate).success) {
    try {
      const r = makeCustomRule(candidate).compute(fromIso, cal);
      preview = { basis: r.basis[f.lang], explanation: r.explanation[f.lang], due: r.deadline ? dueText(tc, r.deadline, cal.timeZone, f.lang) : null };
    } catch {
      preview = null;
    }
  }

  return (
    <Modal opened onClose={onClose} size={720} title={<Text fw={600}>{editing ? t('ruleForm.editTitle', { label: rule.label[f.lang] }) : t('ruleForm.createTitle')}</Text>}>
      <form onSubmit={form.onSubmit((values) => void submit(values))} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('ruleForm.labelEn')}
              required
              lang="en"
              {...form.getInputProps('labelEn')}
              onChange={(e) => {
                const labelEn = e.currentTarget.value;
                form.setFieldValue('labelEn', labelEn);
                if (!idTouched) form.setFieldValue('id', slug(labelEn));
              }}
            />
            <TextInput label={t('ruleForm.labelFr')} required lang="fr" {...form.getInputProps('labelFr')} />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <NumberInput
                label={t('ruleForm.amount')}
                required
                min={1}
                allowNegative={false}
                decimalScale={v.unit === 'hours' ? 2 : 0}
                decimalSeparator={f.lang === 'fr' ? ',' : '.'}
                w={120}
                {...form.getInputProps('amount')}
              />
              <Select
                label={t('ruleForm.unit')}
                required
                style={{ flex: 1 }}
                data={UNITS.map((u) => ({ value: u, label: t(`ruleForm.units.${u}`) }))}
                {...form.getInputProps('unit')}
              />
            </Group>
            <TextInput
              label={t('ruleForm.id')}
              description={editing ? t('ruleForm.idLocked') : t('ruleForm.idHelp')}
              required
              disabled={editing}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              {...form.getInputProps('id')}
              onChange={(e) => {
                setIdTouched(true);
                form.setFieldValue('id', e.currentTarget.value);
              }}
            />
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput label={t('ruleForm.eventEn')} description={t('ruleForm.eventEnHelp')} required lang="en" {...form.getInputProps('eventEn')} />
            <TextInput label={t('ruleForm.eventFr')} description={t('ruleForm.eventFrHelp')} required lang="fr" {...form.getInputProps('eventFr')} />
          </SimpleGrid>
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {v.unit === 'hours' ? t('ruleForm.hoursNote') : t('ruleForm.calendarNote', { country: cal.country })}
          </Alert>
          {preview && (
            <Paper withBorder p="sm" data-testid="rule-preview">
              <Stack gap={4}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase" style={{ letterSpacing: '0.03em' }}>
                  {t('ruleForm.preview')}
                </Text>
                <Text size="sm" fw={500}>
                  {preview.basis}
                </Text>
                <Text size="sm">{preview.explanation}</Text>
                {preview.due && (
                  <Text size="sm" className="tabular">
                    {t('ruleForm.previewDue', { date: preview.due })}
                  </Text>
                )}
              </Stack>
            </Paper>
          )}
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {editing ? t('common.save') : t('ruleForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
