import { useEffect, useRef } from 'react';
import { CloseButton, Group, Select, TagsInput, TextInput, type ComboboxProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { FilterDeclaration, RegisterDeclaration } from '@shared/registers';
import { CompactMultiSelect } from '../components/CompactMultiSelect';
import { LocalDateInput } from '../components/LocalDateInput';
import { PeriodInput } from '../components/PeriodInput';
import type { Labels } from './labels';
import type { FilterValue, RegisterListStore } from './listStore';

const SEARCH_DEBOUNCE_MS = 250;

/** How the list shows one declared filter: its words and, where the values are not an enum of words, its options. */
export interface FilterUi {
  label: string;
  /** Defaults to the declaration's values, labelled by `optionLabel`. */
  options?: { value: string; label: string }[];
  optionLabel?(value: string): string;
  placeholder?: string;
  w?: number;
  searchable?: boolean;
  nothingFound?: string;
  comboboxProps?: ComboboxProps;
  testId?: string;
}

/** The search box and the register's declared filters, each drawn by its kind. */
export function FilterBar<R>({
  register,
  store,
  ui,
  labels,
  testId,
  searchWidth = 260,
}: {
  register: RegisterDeclaration;
  store: RegisterListStore<R>;
  ui: Record<string, FilterUi>;
  labels: Labels;
  testId: string;
  searchWidth?: number;
}) {
  const values = store((s) => s.filters.values);
  const setFilter = store((s) => s.setFilter);
  const setFilters = store((s) => s.setFilters);
  const text = store((s) => s.searchText);
  const setText = store((s) => s.setSearchText);
  useSettledText(text, () => store.getState().filters.text, (settled) => setFilters({ text: settled }));

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search">
      <TextInput
        label={labels('search')}
        placeholder={labels('searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
        rightSection={text ? <CloseButton size="sm" aria-label={labels('clearSearch')} onClick={() => setText('')} /> : null}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={searchWidth}
        type="search"
        data-testid={`${testId}-search`}
      />
      {register.filters.map((f) => {
        const u = ui[f.key];
        if (!u) return null;
        return <FilterField key={f.key} filter={f} ui={u} value={values[f.key] ?? null} onChange={(v) => setFilter(f.key, v)} labels={labels} />;
      })}
    </Group>
  );
}

/**
 * A search box's words applied once typing pauses: the box updates at once, the query waits.
 * `apply` is called only when the settled words differ from what is `applied` (a cleared filter
 * bar is not filled again with what was typed before).
 */
export function useSettledText(typed: string, applied: () => string, apply: (text: string) => void): void {
  const [settled] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS);
  // The latest callbacks, read when the words settle (not a reason to apply them again).
  const latest = useRef({ applied, apply });
  useEffect(() => {
    latest.current = { applied, apply };
  });
  useEffect(() => {
    if (settled !== latest.current.applied()) latest.current.apply(settled);
  }, [settled]);
}

function optionsOf(f: FilterDeclaration, u: FilterUi): { value: string; label: string }[] {
  if (u.options) return u.options;
  const values = 'values' in f && f.values ? f.values : [];
  return values.map((v) => ({ value: v, label: u.optionLabel ? u.optionLabel(v) : v }));
}

function FilterField({ filter: f, ui: u, value, onChange, labels }: { filter: FilterDeclaration; ui: FilterUi; value: FilterValue; onChange(v: FilterValue): void; labels: Labels }) {
  switch (f.kind) {
    case 'multi': {
      const picked = (value as string[] | null) ?? [];
      return (
        <CompactMultiSelect
          label={u.label}
          any={u.placeholder ?? labels('any')}
          data={optionsOf(f, u)}
          value={picked}
          onChange={onChange}
          searchable={u.searchable}
          w={u.w ?? 180}
          comboboxProps={u.comboboxProps}
          data-testid={u.testId}
        />
      );
    }
    case 'tags': {
      const picked = (value as string[] | null) ?? [];
      return (
        <TagsInput
          label={u.label}
          placeholder={picked.length ? undefined : (u.placeholder ?? labels('any'))}
          value={picked}
          onChange={onChange}
          w={u.w ?? 220}
          clearable
          acceptValueOnBlur
          data-testid={u.testId}
        />
      );
    }
    case 'single':
    case 'record':
      return (
        <Select
          label={u.label}
          placeholder={u.placeholder ?? labels('any')}
          data={optionsOf(f, u)}
          value={(value as string | null) ?? null}
          onChange={(v) => onChange(v ?? null)}
          searchable={u.searchable}
          clearable
          // A filter, not a form field: it can be emptied again.
          allowDeselect
          nothingFoundMessage={u.nothingFound}
          w={u.w ?? 160}
          comboboxProps={u.comboboxProps}
          data-testid={u.testId}
        />
      );
    case 'dayBefore':
      return <LocalDateInput label={u.label} value={(value as string | null) ?? null} onChange={(d) => onChange(d)} clearable w={u.w ?? 210} data-testid={u.testId} />;
    case 'dateRange': {
      const [from, to] = (value as [string | null, string | null] | null) ?? [null, null];
      return <PeriodFilter label={u.label} placeholder={u.placeholder ?? labels('anyDate')} from={from} to={to} onChange={(a, b) => onChange([a, b])} w={u.w ?? 250} testId={u.testId} />;
    }
  }
}

/**
 * A period to filter by (components/PeriodInput). Uncontrolled so a half-picked range survives
 * until its end is picked; the key re-creates it whenever the applied range changes (picked, or
 * cleared with the other filters). `onChange` hears only whole ranges and the clearing.
 */
export function PeriodFilter({
  label,
  placeholder,
  from,
  to,
  onChange,
  w,
  testId,
}: {
  label: string;
  placeholder: string;
  from: string | null;
  to: string | null;
  onChange(from: string | null, to: string | null): void;
  w: number;
  testId?: string;
}) {
  return (
    <PeriodInput
      key={`${from ?? ''}|${to ?? ''}`}
      label={label}
      placeholder={placeholder}
      defaultValue={[from, to]}
      onChange={([a, b]) => {
        if (a === null || b !== null) onChange(a, b);
      }}
      clearable
      w={w}
      data-testid={testId}
    />
  );
}
