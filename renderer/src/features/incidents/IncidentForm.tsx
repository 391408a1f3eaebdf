import { useMemo } from 'react';
import { Alert, Checkbox, Group, MultiSelect, NumberInput, Pill, Select, SimpleGrid, Stack, Switch, TagsInput, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle } from '@tabler/icons-react';
import { computeDeadline } from '@shared/deadlines';
import { REGULATORS } from '@shared/reference/regulators';
import { incidentsRegister } from '@shared/registers';
import { BreachNature, type DataCategory, type Incident, type RiskLevel } from '@shared/schemas/incident';
import type { Organisation } from '@shared/schemas/profile';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { useUiLanguage } from '../../i18n';
import { FormFrame, useRecordForm } from '../../kit';
import { appDate, useAppNow } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { instantFromLocal } from '../../lib/orgTime';
import { FormDeadlines } from './FormDeadlines';
import { INCIDENT_FIELD_OF, newIncidentValues, toIncidentFields, valuesOfIncident, type IncidentFieldValues, type IncidentFormValues } from './incidentForm';
import { categoryGroups, decisionOptions, isSpecialCategory, riskOptions, roleOptions } from './labels';
import { NS } from './recordType';
import { ChoiceField } from '../../components/ChoiceField';

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
 * consequences and the risk, the decisions with their reasons, the measures, who leads. The clocks
 * it will run stay in view beside it.
 */
export function IncidentForm({ organisation, incident, onDone }: Props) {
  const t = useFeatureT(NS);
  const zone = organisation.timeZone;
  const calendar = { timeZone: zone, country: organisation.country };
  const now = useAppNow();
  const lang = useUiLanguage();
  const rf = useRecordForm<Incident, IncidentFormValues, IncidentFieldValues>({
    register: incidentsRegister,
    record: incident,
    initialValues: incident
      ? valuesOfIncident(incident, zone, organisation.defaultRegulator)
      : newIncidentValues(zone, organisation.defaultRegulator, organisation.role === 'processor', appDate()),
    toFields: (v) => toIncidentFields(v, zone),
    fieldOf: INCIDENT_FIELD_OF,
    onDone,
  });
  const { form, field } = rf;
  const v = form.getValues();
  const instantField = (name: 'aware' | 'detected' | 'occurredFrom' | 'occurredTo' | 'dataSubjectsTarget', label: string, extra: { description?: string; required?: boolean; testName?: string; value?: LocalDateTimeValue } = {}) => (
    <OrgDateTimeField
      name={extra.testName ?? name}
      label={label}
      description={extra.description}
      required={extra.required}
      value={extra.value ?? v[name]}
      onChange={(value) => form.setFieldValue(name, value)}
      error={form.errors[name]}
    />
  );

  const regulatorOptions = useMemo(() => {
    const list = REGULATORS.map((r) => ({ value: r.id, label: `${r.short} – ${r.name}` }));
    // A custom regulator typed elsewhere stays selectable as it was entered.
    const current = v.authority.trim();
    return current && !list.some((r) => r.value === current) ? [{ value: current, label: current }, ...list] : list;
  }, [v.authority]);

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
  const awarenessLater = detectedAt !== null && awareAt !== null && Date.parse(awareAt) - Date.parse(detectedAt) >= 60_000;
  const special = v.dataCategories.filter(isSpecialCategory);

  const segmented = <K extends 'ourRole' | 'notifyAuthority' | 'notifyDataSubjects'>(name: K, data: { value: string; label: string }[], description?: string) => (
    <ChoiceField label={t(`fields.${name}`)} description={description} required data={data} value={v[name]} onChange={(value) => form.setFieldValue(name, value as never)} />
  );
  const count = (name: 'approxSubjects' | 'approxRecords') => (
    <NumberInput
      {...form.getInputProps(name)}
      label={t(`fields.${name}`)}
      description={t('form.countHelp')}
      placeholder={t('form.unknown')}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      thousandSeparator={lang === 'fr' ? '\u202f' : ','}
      hideControls
      className="tabular"
    />
  );
  const reasons = (name: 'notifyAuthorityReasons' | 'notifyDataSubjectsReasons', decided: boolean) => (
    <Textarea {...field(name)} description={t('form.reasonsHelp')} required={decided} autosize minRows={2} maxRows={8} />
  );

  return (
    <FormFrame
      rf={rf}
      ns={NS}
      onCancel={() => onDone(null)}
      asideWidth={280}
      aside={
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
      }
      sections={[
        {
          key: 'facts',
          layout: 'stack',
          content: (
            <>
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                <TextInput {...field('title')} data-autofocus />
                <TextInput {...field('reference')} description={t('form.referenceHelp')} className="tabular" />
              </SimpleGrid>
              {segmented('ourRole', roleOptions(t), t('form.ourRoleHelp'))}
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                {instantField('aware', t('fields.awareAt'), { description: t('form.awareHelp', { zone }), required: true })}
                {instantField('detected', t('fields.detectedAt'), { description: t('form.detectedHelp') })}
                {awarenessLater && (
                  <Textarea {...field('awarenessDelayReason')} style={{ gridColumn: '1 / -1' }} description={t('form.awarenessDelayHelp')} required autosize minRows={2} maxRows={6} />
                )}
                {instantField('occurredFrom', t('fields.occurredFrom'), { value: v.occurredUnknown ? { date: null, time: '' } : v.occurredFrom })}
                {instantField('occurredTo', t('fields.occurredTo'), { value: v.occurredUnknown ? { date: null, time: '' } : v.occurredTo })}
              </SimpleGrid>
              <Checkbox
                label={t('form.occurredUnknown')}
                description={t('form.occurredUnknownHelp')}
                checked={v.occurredUnknown}
                onChange={(e) => form.setFieldValue('occurredUnknown', e.currentTarget.checked)}
              />
              <Textarea {...field('howDiscovered')} description={t('form.howDiscoveredHelp')} autosize minRows={2} maxRows={6} />
              <Textarea {...field('facts')} description={t('form.factsHelp')} autosize minRows={3} maxRows={12} />
            </>
          ),
        },
        {
          key: 'nature',
          content: (
            <Checkbox.Group role="group" aria-label={t('fields.nature')} value={v.nature} onChange={(value) => form.setFieldValue('nature', value as IncidentFormValues['nature'])}>
              <SimpleGrid cols={3} spacing="sm">
                {BreachNature.options.map((n) => (
                  <Checkbox key={n} value={n} label={t(`nature.${n}`)} description={t(`natureHelp.${n}`)} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          ),
        },
        {
          key: 'data',
          layout: 'stack',
          content: (
            <>
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
                <Alert color="red" variant="light" p="xs" icon={<IconAlertOctagon size={16} aria-hidden />} data-testid="special-categories">
                  <Text size="sm" fw={600}>
                    {t('form.specialSelected', { list: special.map((c) => t(`category.${c}`)).join(', ') })}
                  </Text>
                  <Text size="xs">{t('form.specialHelp')}</Text>
                </Alert>
              )}
              <Textarea {...field('dataSubjectCategories')} description={t('form.dataSubjectCategoriesHelp')} autosize minRows={2} maxRows={6} />
              <SimpleGrid cols={2} spacing="sm">
                {count('approxSubjects')}
                {count('approxRecords')}
              </SimpleGrid>
            </>
          ),
        },
        {
          key: 'risk',
          layout: 'stack',
          content: (
            <>
              <Textarea {...field('likelyConsequences')} description={t('form.consequencesHelp')} autosize minRows={2} maxRows={8} />
              <ChoiceField
                label={t('fields.riskLevel')}
                description={t('form.riskHelp')}
                data={[{ value: NOT_ASSESSED, label: t('risk.none') }, ...riskOptions(t)]}
                value={v.riskLevel === '' ? NOT_ASSESSED : v.riskLevel}
                onChange={(value) => form.setFieldValue('riskLevel', value === NOT_ASSESSED ? '' : (value as RiskLevel))}
              />
            </>
          ),
        },
        {
          key: 'decisions',
          content: (
            <Stack gap="md">
              {processor && (
                <Text size="xs" c="dimmed">
                  {t('form.processorDecisionHint')}
                </Text>
              )}
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                {segmented('notifyAuthority', decisionOptions(t))}
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
              {reasons('notifyAuthorityReasons', v.notifyAuthority !== 'pending')}
              {showDelayReasons && (
                <Alert color={late && !v.delayReasons.trim() ? 'red' : 'orange'} variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="sm">
                  <Text size="sm" fw={600} mb={4}>
                    {authorityNotifiedAt ? t('form.delayNotifiedLate') : t('form.delayPassed')}
                  </Text>
                  <Textarea {...field('delayReasons')} description={t('form.delayReasonsHelp')} autosize minRows={2} maxRows={8} />
                </Alert>
              )}
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
                {segmented('notifyDataSubjects', decisionOptions(t))}
                {showArt34Target ? (
                  instantField('dataSubjectsTarget', t('fields.dataSubjectsTarget'), { description: t('form.art34TargetHelp'), testName: 'art34Target' })
                ) : (
                  <Text size="xs" c="dimmed" pt={24}>
                    {t('form.art34NotNeeded')}
                  </Text>
                )}
              </SimpleGrid>
              {reasons('notifyDataSubjectsReasons', v.notifyDataSubjects !== 'pending')}
              <Switch label={t('fields.personalData')} description={t('form.personalDataHelp')} checked={v.personalData} onChange={(e) => form.setFieldValue('personalData', e.currentTarget.checked)} />
              <TagsInput
                label={t('fields.memberStates')}
                description={t('form.memberStatesHelp')}
                value={v.memberStates}
                onChange={(list) => form.setFieldValue('memberStates', [...new Set(list.map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c)))])}
                maxTags={60}
                error={form.errors.memberStates}
              />
              <Switch label={t('fields.nis2InScope')} description={t('form.nis2Help')} checked={v.nis2InScope} onChange={(e) => form.setFieldValue('nis2InScope', e.currentTarget.checked)} />
              {/* Said once, when the incident is recorded: the core refuses to change it after. */}
              <Switch
                label={t('fields.drill')}
                description={incident ? t('form.drillFixed') : t('form.drillHelp')}
                checked={v.drill}
                disabled={!!incident}
                onChange={(e) => form.setFieldValue('drill', e.currentTarget.checked)}
                data-testid="incident-drill"
              />
            </Stack>
          ),
        },
        {
          key: 'measures',
          layout: 'stack',
          content: (
            <>
              <Textarea {...field('measuresTaken')} autosize minRows={2} maxRows={10} />
              <Textarea {...field('measuresProposed')} autosize minRows={2} maxRows={10} />
              <TextInput {...field('lead')} description={t('form.leadHelp')} />
            </>
          ),
        },
      ]}
    />
  );
}
