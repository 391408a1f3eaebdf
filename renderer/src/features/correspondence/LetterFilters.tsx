import { useEffect, useState } from 'react';
import { CloseButton, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { LetterDirection, LetterKind } from '@shared/schemas/letter';
import { api } from '../../api';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { useFeatureT } from '../../lib/featureT';
import { directionOptions, kindOptions, NS, regulatorFilterOptions } from './labels';
import { useLetterList } from './stores';

const SEARCH_DEBOUNCE_MS = 250;

/** Search box and filters of the correspondence list: regulator, kind, direction, matter. */
export function LetterFilters() {
  const t = useFeatureT(NS);
  const filters = useLetterList((s) => s.filters);
  const setFilters = useLetterList((s) => s.setFilters);
  const text = useLetterList((s) => s.searchText);
  const setText = useLetterList((s) => s.setSearchText);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced !== useLetterList.getState().filters.text) setFilters({ text: debounced });
  }, [debounced, setFilters]);

  const matters = useMatterOptions();

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search">
      <TextInput
        label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
        rightSection={text ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => setText('')} /> : null}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={260}
        type="search"
        data-testid="letter-search"
      />
      <CompactMultiSelect
        label={t('fields.regulator')}
        placeholder={filters.regulator.length ? undefined : t('list.any')}
        data={regulatorFilterOptions()}
        value={filters.regulator}
        onChange={(v) => setFilters({ regulator: v })}
        searchable
        w={170}
      />
      <CompactMultiSelect
        label={t('fields.kind')}
        placeholder={filters.kind.length ? undefined : t('list.any')}
        data={kindOptions(t)}
        value={filters.kind}
        onChange={(v) => setFilters({ kind: v as LetterKind[] })}
        w={210}
        comboboxProps={{ width: 300, position: 'bottom-start' }}
      />
      <Select
        label={t('fields.direction')}
        placeholder={t('list.any')}
        data={directionOptions(t)}
        value={filters.direction}
        onChange={(v) => setFilters({ direction: (v as LetterDirection | null) ?? null })}
        clearable
        w={150}
      />
      <Select
        label={t('fields.matter')}
        placeholder={t('list.anyMatter')}
        data={matters}
        value={filters.matterId}
        onChange={(v) => setFilters({ matterId: v })}
        searchable
        clearable
        nothingFoundMessage={t('list.noMatterFound')}
        w={240}
        comboboxProps={{ width: 380, position: 'bottom-start' }}
      />
    </Group>
  );
}

/** Matters to pick from (the most recent 500; a filter, not a browser). */
export function useMatterOptions(): { value: string; label: string }[] {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    let current = true;
    api.call('matters.list', { limit: 500, sort: { field: 'openedAt', dir: 'desc' } }).then(
      (r) => current && setOptions(r.items.map((m) => ({ value: m.id, label: `${m.reference} · ${m.title}` }))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return options;
}
