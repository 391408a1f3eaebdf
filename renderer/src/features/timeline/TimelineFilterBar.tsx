import { Group, SegmentedControl, Input } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import type { TimelineCategory, TimelineEventKind, TimelineSourceType } from '@shared/schemas/timeline';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { useFeatureT } from '../../lib/featureT';
import type { TimelineFilters } from './filterStore';
import { CATEGORIES, kindOptions, NS, SOURCE_TYPES } from './labels';

/** What the timeline shows: categories, kinds, source records, who added it, a period. */
export function TimelineFilterBar({ filters, onChange }: { filters: TimelineFilters; onChange(patch: Partial<TimelineFilters>): void }) {
  const t = useFeatureT(NS);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
      <CompactMultiSelect
        label={t('filters.categories')}
        placeholder={filters.categories.length ? undefined : t('filters.any')}
        data={CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
        value={filters.categories}
        onChange={(v) => onChange({ categories: v as TimelineCategory[] })}
        w={180}
        data-testid="filter-categories"
      />
      <CompactMultiSelect
        label={t('filters.kinds')}
        placeholder={filters.kinds.length ? undefined : t('filters.any')}
        data={kindOptions(t) as never}
        value={filters.kinds}
        onChange={(v) => onChange({ kinds: v as TimelineEventKind[] })}
        w={200}
        comboboxProps={{ width: 300, position: 'bottom-start' }}
        maxDropdownHeight={360}
        data-testid="filter-kinds"
      />
      <CompactMultiSelect
        label={t('filters.sources')}
        placeholder={filters.sourceTypes.length ? undefined : t('filters.any')}
        data={SOURCE_TYPES.map((s) => ({ value: s, label: t(`sourceType.${s}`) }))}
        value={filters.sourceTypes}
        onChange={(v) => onChange({ sourceTypes: v as TimelineSourceType[] })}
        w={180}
        comboboxProps={{ width: 240, position: 'bottom-start' }}
        data-testid="filter-sources"
      />
      <Input.Wrapper label={t('filters.origin')} id="timeline-origin">
        <div>
          <SegmentedControl
            size="sm"
            aria-labelledby="timeline-origin-label"
            data={[
              { value: 'all', label: t('filters.originAll') },
              { value: 'app', label: t('filters.originApp') },
              { value: 'user', label: t('filters.originUser') },
            ]}
            value={filters.origin}
            onChange={(v) => onChange({ origin: v as TimelineFilters['origin'] })}
            data-testid="filter-origin"
          />
        </div>
      </Input.Wrapper>
      <DatePickerInput
        // Uncontrolled so a half-picked range survives until its end is picked.
        key={`${filters.from ?? ''}|${filters.to ?? ''}`}
        type="range"
        label={t('filters.period')}
        placeholder={t('filters.anyDate')}
        valueFormat="DD/MM/YYYY"
        leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
        defaultValue={[filters.from, filters.to]}
        onChange={([from, to]) => {
          if (from === null || to !== null) onChange({ from, to });
        }}
        clearable
        allowSingleDateInRange
        w={230}
        data-testid="filter-period"
      />
    </Group>
  );
}
