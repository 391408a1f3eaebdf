import { useEffect, useMemo, useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { RecordType } from '@shared/schemas/record-types';
import type { SearchHit } from '@shared/schemas/search';
import { api } from '../../api';
import { fetchRecordHeader } from '../../components/records/recordHeaders';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './labels';

interface Props {
  type: RecordType;
  value: string | null;
  onChange(id: string | null): void;
  error?: React.ReactNode;
  label: string;
  description?: string;
}

/**
 * Picks the record an action comes from, found with the register-wide search (reference, title,
 * words inside it) among records of the chosen register.
 */
export function OriginPicker({ type, value, onChange, error, label, description }: Props) {
  const t = useFeatureT(NS);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [result, setResult] = useState<{ key: string; hits: SearchHit[] } | null>(null);
  const [named, setNamed] = useState<{ value: string; label: string } | null>(null);
  const selected = value && named?.value === value ? named : value ? { value, label: '' } : null;

  // The chosen record's name, also when the form opens on an existing origin.
  useEffect(() => {
    if (!value || named?.value === value) return;
    let live = true;
    fetchRecordHeader({ type, id: value }).then(
      (h) => live && setNamed({ value, label: `${h.reference} · ${h.title}` }),
      () => live && setNamed({ value, label: value }),
    );
    return () => {
      live = false;
    };
  }, [type, value, named]);

  // Typing the chosen record's own label is not a search: show the latest records instead.
  const text = selected && debounced === selected.label ? '' : debounced;
  const queryKey = `${type}|${text}`;
  useEffect(() => {
    let live = true;
    api.call('search.query', { text, types: [type], limit: 20 }).then(
      (r) => live && setResult({ key: queryKey, hits: r.hits }),
      () => live && setResult({ key: queryKey, hits: [] }),
    );
    return () => {
      live = false;
    };
  }, [queryKey, text, type]);
  const loading = result?.key !== queryKey;
  const hits = useMemo(() => result?.hits ?? [], [result]);

  const data = useMemo(() => {
    const out = hits.map((h) => ({ value: h.id, label: `${h.reference} · ${h.title}` }));
    if (named && named.value === value && !out.some((o) => o.value === named.value)) out.unshift(named);
    return out;
  }, [hits, named, value]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={t('form.originSearch')}
      data={data}
      value={value}
      onChange={(id, option) => {
        if (id && option) setNamed({ value: id, label: option.label });
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The core searched already: show its hits as they are.
      filter={({ options }) => options}
      clearable
      nothingFoundMessage={loading ? t('form.searching') : t('form.originNothing')}
      rightSection={loading ? <Loader size={14} /> : undefined}
      error={error}
      comboboxProps={{ width: 440, position: 'bottom-start' }}
      data-testid="origin-picker"
    />
  );
}
