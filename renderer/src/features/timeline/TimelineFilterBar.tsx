import { Group, SegmentedControl, Input } from '@mantine/core';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { PeriodFilter } from '../../kit';
import { useFeatureT, type FeatureT } from '../../lib/featureT';
import type { TimelineFilters } from './filterStore';
import { CATEGORIES, kindOptions, NS, SOURCE_TYPES } from './labels';

type Many = 'categories' | 'kinds' | 'sourceTypes';
type Options = { value: string; label: string }[] | { group: string; items: { value: string; label: string }[] }[];

/** The many-valued filters: their words, their options, and how wide they and their lists open. */
const MANY: { key: Many; label: string; options(t: FeatureT): Options; w: number; list?: { width: number; height?: number }; testId: string }[] = [
  { key: 'categories', label: 'filters.categories', options: (t) => CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })), w: 180, testId: 'filter-categories' },
  { key: 'kinds', label: 'filters.kinds', options: kindOptions, w: 200, list: { width: 300, height: 360 }, testId: 'filter-kinds' },
  { key: 'sourceTypes', label: 'filters.sources', options: (t) => SOURCE_TYPES.map((s) => ({ value: s, label: t(`sourceType.${s}`) })), w: 180, list: { width: 240 }, testId: 'filter-sources' },
];

/** What the timeline shows: categories, kinds, source records, who added it, a period. */
export function TimelineFilterBar({ filters, onChange }: { filters: TimelineFilters; onChange(patch: Partial<TimelineFilters>): void }) {
  const t = useFeatureT(NS);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label={t('filters.label')}>
      {MANY.map((m) => (
        <CompactMultiSelect
          key={m.key}
          label={t(m.label)}
          any={t('filters.any')}
          data={m.options(t)}
          value={filters[m.key]}
          // The values are the options' own: the store's types hold.
          onChange={(v) => onChange({ [m.key]: v } as Partial<TimelineFilters>)}
          w={m.w}
          comboboxProps={m.list && { width: m.list.width, position: 'bottom-start' }}
          maxDropdownHeight={m.list?.height}
          data-testid={m.testId}
        />
      ))}
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
      <PeriodFilter label={t('filters.period')} placeholder={t('filters.anyDate')} from={filters.from} to={filters.to} onChange={(from, to) => onChange({ from, to })} w={230} testId="filter-period" />
    </Group>
  );
}
