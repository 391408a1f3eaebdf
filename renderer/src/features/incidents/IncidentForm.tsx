import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  Group,
  Input,
  MultiSelect,
  NumberInput,
  Pill,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Textarea,
  Title, TagsInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertOctagon, IconAlertTriangle } from '@tabler/icons-react';
import { computeDeadline } from '@shared/deadlines';
import { BreachNature, type DataCategory, type Incident, type RiskLevel } from '@shared/schemas/incident';
import type { Organisation } from '@shared/schemas/profile';
import { REGULATORS } from '@shared/reference/regulators';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { fieldErrorsFromIssues } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal } from '../../lib/orgTime';
import { appDate, useAppNow } from '../../lib/appClock';
import { useRecordChanges } from '../../state/recordChanges';
import { useUiLanguage } from '../../i18n';
import { FormDeadlines } from './FormDeadlines';
import { formFieldOf, newIncidentValues, patchOf, toIncidentFields, valuesOfIncident, type IncidentFormValues } from './incidentForm';
import { categoryGroups, decisionOptions, isSpecialCategory, riskOptions, roleOptions, type DecisionValue, type IncidentRoleValue } from './labels';
import { INCIDENT_RECORD_TYPE, NS } from './recordType';

interface Props {
  organisation: Organisation;
  /** The incident being edited; absent when recording a new one. */
  incident?: Incident;
  onDone(saved: Incident | null): void;
}

const NOT_ASSESSED = 'none';

/**
 * Records a new incident or edits one. Sections follow what GDPR Art. 33(3) and 33(5) require the
 * register to show: the facts, the nature of the breach, the data and people concerned, the likely
 * consequences and the risk, the decisions with their reasons, the measures, who leads.
 */
export function IncidentForm({ organisation, incident, onDone }: Props) {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const zone = organisation.timeZone;
  const calendar = { timeZone: zone, country: organisation.country };
  const now = useAppNow();
  const lang = useUiLanguage();
  const thousands = lang === 'fr' ? '\u202f' : ',';
  const form = useForm<IncidentFormValues>({
    mode: 'controlled',
    initialValues: incident
      ? valuesOfIncident(incident, zone, organisation.defaultRegulator)
      : newIncidentValues(zone, organisation.defaultRegulator, organisation.role === 'processor', appDate()),
  });
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const v = form.getValues();

  const regulatorOptions = useMemo(() => {
    const list = REGULATORS.map((r) => ({ value: r.id, label: `${r.short} – ${r.name}` }));
    // A custom regulator typed elsewhere stays selectable as it was entered.
    const current = v.authority.trim();
    return current && !list.some((r) => r.value === current) ? [{ value: current, label: current }, ...list] : list;
  }, [v.authority]);

  async function save(values: IncidentFormValues) {
    setError(null);
    const checked = toIncidentFields(values, zone);
    if (!checked.ok) {
      form.setErrors(checked.errors);
      return;
    }
    setSaving(true);
    try {
      let saved: Incident;
      if (incident) {
        const patch = patchOf(incident, checked.fields, zone, organisation.defaultRegulator);
        if (Object.keys(patch).length === 0) {
          notifySuccess(t('form.noChanges'));
          onDone(null);
          return;
        }
        saved = await api.call('incidents.update', { id: incident.id, patch });
        notifySuccess(t('form.saved', { reference: saved.reference }));
      } else {
        const { reference, ...rest } = checked.fields;
        saved = await api.call('incidents.create', { ...rest, ...(reference ? { reference } : {}) });
        notifySuccess(t('form.created', { reference: saved.reference }));
      }
      // The core also sends 'record.changed'; bumping here keeps views right if the event is late.
      useRecordChanges.getState().bump(INCIDENT_RECORD_TYPE, saved.id);
      onDone(saved);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'VALIDATION_FAILED' && e.issues?.length) {
        const { fields, other } = fieldErrorsFromIssues(e.issues, formFieldOf);
        form.setErrors(fields);
        if (other.length) setError(e);
      } else if (e instanceof ApiError && e.code === 'CONFLICT' && /reference/i.test(e.message)) {
        form.setFieldError('reference', t('fieldErrors.referenceTaken'));
      } else {
        setError(e);
      }
    } finally {
      setSaving(false);
    }
  }

  const awareAt = instantFromLocal(v.aware.date, v.aware.time, zone);
  const detectedAt = v.detected.date ? instantFromLocal(v.detected.date, v.detected.time, zone) : null;
  const processor = v.ourRole === 'processor';
  const authorityClock = !processor || v.notifyAuthority === 'yes';
  const authorityNotifiedAt = incident?.authorityNotifiedAt ?? null;
  // Art. 33(1): once 72 hours have passed without a notification (or it went out late), the reasons for the delay are owed.
  const authorityDue = awareAt ? computeDeadline(v.authority === 'GB-ICO' ? 'uk-gdpr-33-ico' : 'gdpr-33-authority', awareAt, calendar).deadline : null;
  const late =
    authorityClock &&
    v.notifyAuthority !== 'no' &&
    authorityDue !== null &&
    (authorityNotifiedAt ? Date.parse(authorityNotifiedAt) > Date.parse(authorityDue) : now > Date.parse(authorityDue));
  const showDelayReasons = late || v.delayReasons.trim() !== '';
  const showArt34Target = v.riskLevel === 'high' || v.notifyDataSubjects === 'yes' || v.dataSubjectsTarget.date !== null;
  const special = v.dataCategories.filter(isSpecialCategory);
  const hasErrors = Object.keys(form.errors).length > 0;

  const decisionControl = (field: 'notifyAuthority' | 'notifyDataSubjects', label: string) => (
    <Input.Wrapper label={label} required>
      <div>
        <SegmentedControl
          aria-label={label}
          data={decisionOptions(t)}
          value={v[field]}
          onChange={(value) => form.setFieldValue(field, value as DecisionValue)}
          size="sm"
        />
      </div>
    </Input.Wrapper>
  );

  return (
    <form onSubmit={form.onSubmit((values) => void save(values))} noValidate>
      <Box style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 280px', gap: 'var(--mantine-spacing-lg)', alignItems: 'start' }}>
        <Stack gap="xl">
          <Section title={t('form.factsSection')} hint={t('form.factsHint')}>
            <Stack gap="sm">
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <TextInput label={t('fields.title')} required maxLength={300} data-autofocus {...form.getInputProps('title')} />
                <TextInput
                  label={t('fields.reference')}
                  description={t('form.referenceHelp')}
                  maxLength={60}
                  className="tabular"
                  {...form.getInputProps('reference')}
                />
              </SimpleGrid>
              <Input.Wrapper label={t('fields.ourRole')} description={t('form.ourRoleHelp')} required>
                <div>
                  <SegmentedControl
                    aria-label={t('fields.ourRole')}
                    data={roleOptions(t)}
                    value={v.ourRole}
                    onChange={(value) => form.setFieldValue('ourRole', value as IncidentRoleValue)}
                  />
                </div>
              </Input.Wrapper>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <OrgDateTimeField
                  name="aware"
                  label={t('fields.awareAt')}
                  description={t('form.awareHelp', { zone })}
                  required
                  value={v.aware}
                  onChange={(aware) => form.setFieldValue('aware', aware)}
                  error={form.errors.aware}
                />
                <OrgDateTimeField
                  name="detected"
                  label={t('fields.detectedAt')}
                  description={t('form.detectedHelp')}
                  value={v.detected}
                  onChange={(detected) => form.setFieldValue('detected', detected)}
                  error={form.errors.detected}
                />
                {detectedAt && awareAt && Date.parse(awareAt) - Date.parse(detectedAt) >= 60_000 ? (
                  <Textarea
                    style={{ gridColumn: '1 / -1' }}
                    label={t('fields.awarenessDelayReason')}
                    description={t('form.awarenessDelayHelp')}
                    required
                    autosize
                    minRows={2}
                    maxRows={6}
                    maxLength={5_000}
                    {...form.getInputProps('awarenessDelayReason')}
                  />
                ) : null}
                <OrgDateTimeField
                  name="occurredFrom"
                  label={t('fields.occurredFrom')}
                  value={v.occurredUnknown ? { date: null, time: '' } : v.occurredFrom}
                  onChange={(occurredFrom) => form.setFieldValue('occurredFrom', occurredFrom)}
                  error={form.errors.occurredFrom}
                />
                <OrgDateTimeField
                  name="occurredTo"
                  label={t('fields.occurredTo')}
                  value={v.occurredUnknown ? { date: null, time: '' } : v.occurredTo}
                  onChange={(occurredTo) => form.setFieldValue('occurredTo', occurredTo)}
                  error={form.errors.occurredTo}
                />
              </SimpleGrid>
              <Checkbox
                label={t('form.occurredUnknown')}
                description={t('form.occurredUnknownHelp')}
                checked={v.occurredUnknown}
                onChange={(e) => form.setFieldValue('occurredUnknown', e.currentTarget.checked)}
              />
              <Textarea
                label={t('fields.howDiscovered')}
                description={t('form.howDiscoveredHelp')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={5_000}
                {...form.getInputProps('howDiscovered')}
              />
              <Textarea
                label={t('fields.facts')}
                description={t('form.factsHelp')}
                autosize
                minRows={3}
                maxRows={12}
                maxLength={50_000}
                {...form.getInputProps('facts')}
              />
            </Stack>
          </Section>

          <Section title={t('form.natureSection')} hint={t('form.natureHint')}>
            <Checkbox.Group
              aria-label={t('fields.nature')}
              value={v.nature}
              onChange={(value) => form.setFieldValue('nature', value as IncidentFormValues['nature'])}
            >
              <SimpleGrid cols={3} spacing="sm">
                {BreachNature.options.map((n) => (
                  <Checkbox key={n} value={n} label={t(`nature.${n}`)} description={t(`natureHelp.${n}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          </Section>

          <Section title={t('form.dataSection')} hint={t('form.dataHint')}>
            <Stack gap="sm">
              <MultiSelect
                label={t('fields.dataCategories')}
                placeholder={v.dataCategories.length ? undefined : t('form.categoriesPlaceholder')}
                data={categoryGroups(t)}
                value={v.dataCategories}
                onChange={(value) => form.setFieldValue('dataCategories', value as DataCategory[])}
                searchable
                hidePickedOptions
                maxDropdownHeight={320}
                renderOption={({ option }) => (
                  <Group gap={6} wrap="nowrap">
                    {isSpecialCategory(option.value as DataCategory) && <IconAlertOctagon size={14} color="var(--mantine-color-red-7)" aria-hidden />}
                    <span>{option.label}</span>
                  </Group>
                )}
                renderPill={({ option, value, onRemove }) => {
                  const flagged = value !== undefined && isSpecialCategory(value as DataCategory);
                  return (
                    <Pill
                      withRemoveButton
                      onRemove={onRemove}
                      removeButtonProps={{ 'aria-label': t('form.removeCategory', { category: option.label }) }}
                      bg={flagged ? 'red.1' : undefined}
                      c={flagged ? 'red.9' : undefined}
                      fw={flagged ? 600 : undefined}
                    >
                      {flagged && <IconAlertOctagon size={11} style={{ verticalAlign: '-1px', marginRight: 3 }} aria-hidden />}
                      {option.label}
                    </Pill>
                  );
                }}
                data-testid="categories-select"
              />
              {special.length > 0 && (
                <Alert color="red" variant="light" p="xs" icon={<IconAlertOctagon size={16} />} data-testid="special-categories">
                  <Text size="sm" fw={600}>
                    {t('form.specialSelected', { list: special.map((c) => t(`category.${c}`)).join(', ') })}
                  </Text>
                  <Text size="xs">{t('form.specialHelp')}</Text>
                </Alert>
              )}
              <Textarea
                label={t('fields.dataSubjectCategories')}
                description={t('form.dataSubjectCategoriesHelp')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2_000}
                {...form.getInputProps('dataSubjectCategories')}
              />
              <SimpleGrid cols={2} spacing="sm">
                <NumberInput
                  label={t('fields.approxSubjects')}
                  description={t('form.countHelp')}
                  placeholder={t('form.unknown')}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={thousands}
                  hideControls
                  className="tabular"
                  {...form.getInputProps('approxSubjects')}
                />
                <NumberInput
                  label={t('fields.approxRecords')}
                  description={t('form.countHelp')}
                  placeholder={t('form.unknown')}
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator={thousands}
                  hideControls
                  className="tabular"
                  {...form.getInputProps('approxRecords')}
                />
              </SimpleGrid>
            </Stack>
          </Section>

          <Section title={t('form.riskSection')} hint={t('form.riskHint')}>
            <Stack gap="sm">
              <Textarea
                label={t('fields.likelyConsequences')}
                description={t('form.consequencesHelp')}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={10_000}
                {...form.getInputProps('likelyConsequences')}
              />
              <Input.Wrapper label={t('fields.riskLevel')} description={t('form.riskHelp')}>
                <div>
                  <SegmentedControl
                    aria-label={t('fields.riskLevel')}
                    data={[{ value: NOT_ASSESSED, label: t('risk.none') }, ...riskOptions(t)]}
                    value={v.riskLevel === '' ? NOT_ASSESSED : v.riskLevel}
                    onChange={(value) => form.setFieldValue('riskLevel', value === NOT_ASSESSED ? '' : (value as RiskLevel))}
                  />
                </div>
              </Input.Wrapper>
            </Stack>
          </Section>

          <Section title={t('form.decisionsSection')} hint={t('form.decisionsHint')}>
            <Stack gap="md">
              {processor && (
                <Text size="xs" c="dimmed">
                  {t('form.processorDecisionHint')}
                </Text>
              )}
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                {decisionControl('notifyAuthority', t('fields.notifyAuthority'))}
                <Select
                  label={t('fields.authority')}
                  description={t('form.authorityHelp')}
                  data={regulatorOptions}
                  searchable
                  nothingFoundMessage={t('form.noRegulator')}
                  value={v.authority || null}
                  onChange={(value) => form.setFieldValue('authority', value ?? '')}
                  error={form.errors.authority}
                  comboboxProps={{ width: 420, position: 'bottom-start' }}
                />
              </SimpleGrid>
              <Textarea
                label={t('fields.notifyAuthorityReasons')}
                description={t('form.reasonsHelp')}
                required={v.notifyAuthority !== 'pending'}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={10_000}
                {...form.getInputProps('notifyAuthorityReasons')}
              />
              {showDelayReasons && (
                <Alert color={late && !v.delayReasons.trim() ? 'red' : 'orange'} variant="light" icon={<IconAlertTriangle size={18} />} p="sm">
                  <Text size="sm" fw={600} mb={4}>
                    {authorityNotifiedAt ? t('form.delayNotifiedLate') : t('form.delayPassed')}
                  </Text>
                  <Textarea
                    label={t('fields.delayReasons')}
                    description={t('form.delayReasonsHelp')}
                    autosize
                    minRows={2}
                    maxRows={8}
                    maxLength={10_000}
                    {...form.getInputProps('delayReasons')}
                  />
                </Alert>
              )}
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                {decisionControl('notifyDataSubjects', t('fields.notifyDataSubjects'))}
                {showArt34Target ? (
                  <OrgDateTimeField
                    name="art34Target"
                    label={t('fields.dataSubjectsTarget')}
                    description={t('form.art34TargetHelp')}
                    value={v.dataSubjectsTarget}
                    onChange={(dataSubjectsTarget) => form.setFieldValue('dataSubjectsTarget', dataSubjectsTarget)}
                    error={form.errors.dataSubjectsTarget}
                  />
                ) : (
                  <Text size="xs" c="dimmed" pt={24}>
                    {t('form.art34NotNeeded')}
                  </Text>
                )}
              </SimpleGrid>
              <Textarea
                label={t('fields.notifyDataSubjectsReasons')}
                description={t('form.reasonsHelp')}
                required={v.notifyDataSubjects !== 'pending'}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={10_000}
                {...form.getInputProps('notifyDataSubjectsReasons')}
              />
              <Switch
                label={t('fields.personalData')}
                description={t('form.personalDataHelp')}
                checked={v.personalData}
                onChange={(e) => form.setFieldValue('personalData', e.currentTarget.checked)}
              />
              <TagsInput
                label={t('fields.memberStates')}
                description={t('form.memberStatesHelp')}
                value={v.memberStates}
                onChange={(list) => form.setFieldValue('memberStates', [...new Set(list.map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))])}
                maxTags={60}
                error={form.errors.memberStates}
              />
              <Switch
                label={t('fields.nis2InScope')}
                description={t('form.nis2Help')}
                checked={v.nis2InScope}
                onChange={(e) => form.setFieldValue('nis2InScope', e.currentTarget.checked)}
              />
            </Stack>
          </Section>

          <Section title={t('form.measuresSection')} hint={t('form.measuresHint')}>
            <Stack gap="sm">
              <Textarea label={t('fields.measuresTaken')} autosize minRows={2} maxRows={10} maxLength={20_000} {...form.getInputProps('measuresTaken')} />
              <Textarea label={t('fields.measuresProposed')} autosize minRows={2} maxRows={10} maxLength={20_000} {...form.getInputProps('measuresProposed')} />
              <TextInput label={t('fields.lead')} description={t('form.leadHelp')} maxLength={200} {...form.getInputProps('lead')} />
            </Stack>
          </Section>
        </Stack>
        <Box style={{ position: 'sticky', top: 64 }}>
          <FormDeadlines
            awareAt={awareAt}
            detectedAt={detectedAt}
            authority={v.authority}
            authorityClock={authorityClock}
            processor={processor}
            authorityNotifiedAt={authorityNotifiedAt}
            nis2InScope={v.nis2InScope}
            calendar={calendar}
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
            {tc('common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {incident ? t('form.save') : t('form.create')}
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
