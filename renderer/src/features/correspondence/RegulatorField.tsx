import { useMemo, useState } from 'react';
import { Select } from '@mantine/core';
import { findRegulator, REGULATORS } from '@shared/reference/regulators';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './labels';

interface Props {
  label: string;
  description?: string;
  required?: boolean;
  value: string;
  onChange(value: string): void;
  error?: React.ReactNode;
}

const CUSTOM_PREFIX = '__custom__:';

function labelOf(id: string): string {
  const r = findRegulator(id);
  return r ? `${r.short} (${r.country}) · ${r.name}` : id;
}

/**
 * A regulator from the maintained list (stored by its id, e.g. FR-CNIL), or any other authority
 * typed by name (stored as typed): the list offers "Use “…”" for what it does not know.
 */
export function RegulatorField({ label, description, required, value, onChange, error }: Props) {
  const t = useFeatureT(NS);
  const [search, setSearch] = useState(() => labelOf(value));
  const listed = useMemo(() => REGULATORS.map((r) => ({ value: r.id, label: labelOf(r.id) })), []);
  const typed = search.trim();
  const data = useMemo(() => {
    const out = [...listed];
    // The current custom value stays selectable.
    if (value && !findRegulator(value)) out.unshift({ value, label: value });
    const lower = typed.toLowerCase();
    const matchesExisting = out.some((o) => o.label.toLowerCase() === lower || o.value.toLowerCase() === lower);
    if (typed && !matchesExisting && typed !== value) out.push({ value: `${CUSTOM_PREFIX}${typed}`, label: t('regulator.useCustom', { name: typed }) });
    return out;
  }, [listed, value, typed, t]);

  return (
    <Select
      label={label}
      description={description}
      required={required}
      error={error}
      data={data}
      value={value || null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(v) => {
        if (v === null) return;
        const next = v.startsWith(CUSTOM_PREFIX) ? v.slice(CUSTOM_PREFIX.length) : v;
        onChange(next);
        setSearch(labelOf(next));
      }}
      onBlur={() => setSearch(labelOf(value))}
      nothingFoundMessage={t('regulator.nothingFound')}
      comboboxProps={{ width: 460, position: 'bottom-start' }}
      maxDropdownHeight={320}
      data-testid="regulator-field"
    />
  );
}
