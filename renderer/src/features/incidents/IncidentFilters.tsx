import { useEffect } from 'react';
import { CloseButton, Group, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconSearch } from '@tabler/icons-react';
import type { IncidentStatus, RiskLevel } from '@shared/schemas/incident';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { useFeatureT } from '../../lib/featureT';
import { useIncidentList } from './incidentStores';
import { riskOptions, statusOptions } from './labels';
import { NS } from './recordType';

const SEARCH_DEBOUNCE_MS = 250;

export function IncidentFilters() {
  const t = useFeatureT(NS);
  const filters = useIncidentList((s) => s.filters);
  const setFilters = useIncidentList((s) => s.setFilters);

  // The box updates at once; the query waits until typing pauses.
  const text = useIncidentList((s) => s.searchText);
  const setText = useIncidentList((s) => s.setSearchText);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced !== useIncidentList.getState().filters.text) setFilters({ text: debounced });
  }, [debounced, setFilters]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search">
      <TextInput
        label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
        rightSection={text ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => setText('')} /> : null}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={270}
        type="search"
        data-testid="incident-search"
      />
      <CompactMultiSelect
        label={t('list.filterStatus')}
        placeholder={filters.status.length ? undefined : t('list.filterAny')}
        data={statusOptions(t)}
        value={filters.status}
        onChange={(v) => setFilters({ status: v as IncidentStatus[] })}
        w={180}
      />
      <CompactMultiSelect
        label={t('list.filterRisk')}
        placeholder={filters.risk.length ? undefined : t('list.filterAny')}
        data={riskOptions(t)}
        value={filters.risk}
        onChange={(v) => setFilters({ risk: v as RiskLevel[] })}
        w={180}
      />
      <DatePickerInput
        // Uncontrolled so a half-picked range survives until its end is picked; the key re-creates
        // it whenever the applied range changes (picked, or cleared with the other filters).
        key={`${filters.awareFrom ?? ''}|${filters.awareTo ?? ''}`}
        type="range"
        label={t('list.awareBetween')}
        placeholder={t('list.anyDate')}
        valueFormat="DD/MM/YYYY"
        leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
        defaultValue={[filters.awareFrom, filters.awareTo]}
        onChange={([from, to]) => {
          if (from === null || to !== null) setFilters({ awareFrom: from, awareTo: to });
        }}
        clearable
        allowSingleDateInRange
        w={250}
        data-testid="aware-range"
      />
    </Group>
  );
}
