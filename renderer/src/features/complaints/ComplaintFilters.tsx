import { useEffect } from 'react';
import { CloseButton, Group, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCalendar, IconSearch } from '@tabler/icons-react';
import type { ComplaintChannel, ComplaintStatus, DataSubjectRight } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { useComplaintList } from '../../state/complaintList';
import { channelOptions, rightOptions, statusOptions } from './labels';

const SEARCH_DEBOUNCE_MS = 250;

export function ComplaintFilters() {
  const { t } = useTranslation();
  const filters = useComplaintList((s) => s.filters);
  const setFilters = useComplaintList((s) => s.setFilters);

  // The box updates at once; the query waits until typing pauses.
  const text = useComplaintList((s) => s.searchText);
  const setText = useComplaintList((s) => s.setSearchText);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  useEffect(() => {
    if (debounced !== useComplaintList.getState().filters.text) setFilters({ text: debounced });
  }, [debounced, setFilters]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search">
      <TextInput
        label={t('complaints.search')}
        placeholder={t('complaints.searchPlaceholder')}
        leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
        rightSection={text ? <CloseButton size="sm" aria-label={t('complaints.clearFilters')} onClick={() => setText('')} /> : null}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={250}
        type="search"
        data-testid="complaint-search"
      />
      <CompactMultiSelect
        label={t('complaints.filterStatus')}
        placeholder={filters.status.length ? undefined : t('complaints.filterAny')}
        data={statusOptions(t)}
        value={filters.status}
        onChange={(v) => setFilters({ status: v as ComplaintStatus[] })}
        w={190}
      />
      <CompactMultiSelect
        label={t('complaints.filterChannel')}
        placeholder={filters.channel.length ? undefined : t('complaints.filterAny')}
        data={channelOptions(t)}
        value={filters.channel}
        onChange={(v) => setFilters({ channel: v as ComplaintChannel[] })}
        w={170}
      />
      <CompactMultiSelect
        label={t('complaints.filterRight')}
        placeholder={filters.right.length ? undefined : t('complaints.filterAny')}
        data={rightOptions(t)}
        value={filters.right}
        onChange={(v) => setFilters({ right: v as DataSubjectRight[] })}
        w={190}
        comboboxProps={{ width: 340, position: 'bottom-start' }}
      />
      <DatePickerInput
        // Uncontrolled so a half-picked range survives until its end is picked; the key re-creates
        // it whenever the applied range changes (picked, or cleared with the other filters).
        key={`${filters.receivedFrom ?? ''}|${filters.receivedTo ?? ''}`}
        type="range"
        label={t('complaints.receivedBetween')}
        placeholder={t('complaints.anyDate')}
        valueFormat="DD/MM/YYYY"
        leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
        defaultValue={[filters.receivedFrom, filters.receivedTo]}
        onChange={([from, to]) => {
          if (from === null || to !== null) setFilters({ receivedFrom: from, receivedTo: to });
        }}
        clearable
        allowSingleDateInRange
        w={250}
        data-testid="received-range"
      />
    </Group>
  );
}
