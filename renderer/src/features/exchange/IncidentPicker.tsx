import { useEffect, useMemo, useState } from 'react';
import { Group, Select, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { NS } from './labels';

const SEARCH_DEBOUNCE_MS = 250;
const LIMIT = 25;

const labelOf = (i: Incident) => `${i.reference} — ${i.title}`;

/**
 * Picks an incident by reference or title ('incidents.list' text search); with nothing typed it
 * offers the most recent ones (by awareness).
 */
export function IncidentPicker({ value, onChange, label, testId }: { value: Incident | null; onChange(i: Incident | null): void; label: string; testId: string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [search, setSearch] = useState(value ? labelOf(value) : '');
  // An incident picked elsewhere (another screen opened this one with it) shows in the box too.
  const [shownFor, setShownFor] = useState(value?.id ?? null);
  if ((value?.id ?? null) !== shownFor) {
    setShownFor(value?.id ?? null);
    setSearch(value ? labelOf(value) : '');
  }
  const [debounced] = useDebouncedValue(search, SEARCH_DEBOUNCE_MS);
  const [items, setItems] = useState<Incident[]>(value ? [value] : []);
  const [total, setTotal] = useState<number | null>(null);
  const [loadedKey, setLoadedKey] = useState<string | null>(null);
  const changes = useRecordTypeVersion('incident');

  // Once an incident is picked, the box shows its label: that is not a new search.
  const text = value && debounced === labelOf(value) ? '' : debounced.trim();
  const requestKey = `${changes}|${text}`;
  const loading = loadedKey !== requestKey;
  useEffect(() => {
    let current = true;
    api
      .call('incidents.list', { ...(text ? { text } : {}), limit: LIMIT, sort: { field: 'awareAt', dir: 'desc' } })
      .then(
        (r) => {
          if (!current) return;
          setItems(r.items);
          setTotal(r.total);
        },
        () => current && setItems([]),
      )
      .finally(() => current && setLoadedKey(requestKey));
    return () => {
      current = false;
    };
  }, [text, changes, requestKey]);

  const byId = useMemo(() => {
    const m = new Map(items.map((i) => [i.id, i]));
    if (value) m.set(value.id, value);
    return m;
  }, [items, value]);
  const data = [...byId.values()].map((i) => ({ value: i.id, label: labelOf(i) }));

  return (
    <Select
      label={label}
      description={total !== null && total > LIMIT && !text ? t('picker.recent', { count: LIMIT }) : t('picker.help')}
      placeholder={t('picker.placeholder')}
      leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
      searchable
      clearable
      allowDeselect
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already; every option it returned matches.
      filter={({ options }) => options}
      data={data}
      value={value?.id ?? null}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      nothingFoundMessage={loading ? t('picker.searching') : t('picker.none')}
      maxDropdownHeight={340}
      w={560}
      maw="100%"
      comboboxProps={{ position: 'bottom-start' }}
      renderOption={({ option }) => {
        const i = byId.get(option.value);
        if (!i) return option.label;
        return (
          <div style={{ minWidth: 0 }}>
            <Group gap={8} wrap="nowrap">
              <Text size="sm" fw={600} className="tabular" style={{ whiteSpace: 'nowrap' }}>
                {i.reference}
              </Text>
              <Text size="sm" truncate>
                {i.title}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('picker.meta', { aware: f.dateTime(i.awareAt), status: t(`incidentStatus.${i.status}`) })}
            </Text>
          </div>
        );
      }}
      data-testid={testId}
    />
  );
}
