import { useState, type ComponentProps } from 'react';
import { CloseButton, Group, Select, Stack, Switch, TextInput } from '@mantine/core';
import { IconSearch, IconUser } from '@tabler/icons-react';
import { RiskLevel } from '@shared/schemas/incident';
import type { RecordType } from '@shared/schemas/record-types';
import { REGULATORS } from '@shared/reference/regulators';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { PeriodFilter, useSettledText } from '../../kit';
import { RECORD_TYPES, recordTypePlural, statusOptionsOf } from '../../components/records/labels';
import { featureT, useFeatureT } from '../../lib/featureT';
import { useSearch } from './searchState';

/** Statuses grouped by register: each register has its own, and two may share a word. */
function statusGroups(types: readonly RecordType[]) {
  const shown = types.length > 0 ? types : RECORD_TYPES;
  return shown.map((type) => ({
    group: recordTypePlural(type),
    items: statusOptionsOf(type).map((o) => ({ value: `${type}:${o.value}`, label: o.label })),
  }));
}

export function SearchFilters() {
  const t = useFeatureT('search');
  const form = useSearch((s) => s.form);
  const setForm = useSearch((s) => s.setForm);
  const typed = useSearch((s) => s.typed);
  const setTyped = useSearch((s) => s.setTyped);
  useSettledText(typed, () => useSearch.getState().form.text, (text) => setForm({ text }));

  const groups = statusGroups(form.types);
  const regulatorOptions = REGULATORS.map((r) => ({ value: r.id, label: `${r.short} (${r.country === 'EU' ? 'EU' : r.country})` }));
  if (form.regulator && !regulatorOptions.some((o) => o.value === form.regulator)) regulatorOptions.push({ value: form.regulator, label: form.regulator });

  /** A filter matching any of the values picked (statuses, risk levels), its list wider than its box. */
  const anyOf = (key: 'statuses' | 'risk', label: string, data: ComponentProps<typeof CompactMultiSelect>['data'], w: number, listWidth: number) => (
    <CompactMultiSelect label={label} any={t('any')} data={data} value={form[key]} onChange={(v) => setForm({ [key]: v })} w={w} comboboxProps={{ width: listWidth, position: 'bottom-start' }} />
  );

  return (
    <Stack gap="sm" role="search">
      <TextInput
        aria-label={t('textLabel')}
        placeholder={t('textPlaceholder')}
        leftSection={<IconSearch size={18} stroke={1.6} aria-hidden />}
        rightSection={typed ? <CloseButton size="sm" aria-label={t('clearText')} onClick={() => setTyped('')} /> : null}
        value={typed}
        onChange={(e) => setTyped(e.currentTarget.value)}
        size="md"
        type="search"
        data-autofocus
        data-testid="search-text"
      />
      <Group gap="sm" align="flex-end" wrap="wrap">
        <CompactMultiSelect
          label={t('registers')}
          any={t('any')}
          data={RECORD_TYPES.map((r) => ({ value: r, label: recordTypePlural(r) }))}
          value={form.types}
          onChange={(v) => {
            const types = v as RecordType[];
            // Statuses of registers no longer searched would match nothing.
            setForm({ types, statuses: form.statuses.filter((s) => types.length === 0 || types.includes(s.split(':')[0] as RecordType)) });
          }}
          w={190}
          data-testid="search-types"
        />
        {anyOf('statuses', t('status'), groups, 200, 300)}
        <PeriodFilter label={t('dates')} placeholder={t('anyDate')} from={form.from} to={form.to} onChange={(from, to) => setForm({ from, to })} w={240} testId="search-dates" />
        <OwnerInput />
        <Select
          label={t('regulator')}
          placeholder={t('any')}
          data={regulatorOptions}
          value={form.regulator}
          onChange={(v) => setForm({ regulator: v })}
          searchable
          clearable
          allowDeselect
          w={170}
          comboboxProps={{ width: 240, position: 'bottom-start' }}
          nothingFoundMessage={t('nothingFound')}
        />
        {anyOf('risk', t('risk'), RiskLevel.options.map((r) => ({ value: r, label: featureT('records', `values.incident.riskLevel.${r}`) })), 180, 260)}
        <Switch
          size="sm"
          label={t('includeArchived')}
          checked={form.includeArchived}
          onChange={(e) => setForm({ includeArchived: e.currentTarget.checked })}
          mb={8}
        />
      </Group>
    </Stack>
  );
}

/** Owner or lead: applied on Enter or when leaving the field (the API matches the whole name, accents and case aside). */
function OwnerInput() {
  const t = useFeatureT('search');
  const owner = useSearch((s) => s.form.owner);
  const setForm = useSearch((s) => s.setForm);
  const [draft, setDraft] = useState(owner);
  const [applied, setApplied] = useState(owner);
  // A saved search or "clear" changes the owner from outside: show it.
  if (owner !== applied) {
    setApplied(owner);
    setDraft(owner);
  }
  const apply = () => {
    if (draft.trim() !== owner) setForm({ owner: draft.trim() });
  };
  return (
    <TextInput
      label={t('owner')}
      placeholder={t('ownerPlaceholder')}
      leftSection={<IconUser size={16} stroke={1.6} aria-hidden />}
      value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => {
        if (e.key === 'Enter') apply();
      }}
      w={170}
    />
  );
}
