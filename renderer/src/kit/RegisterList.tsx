import { useEffect, type ReactNode } from 'react';
import { Button, EmptyState, Group, Paper, Stack, Switch, Text, Tooltip } from '@mantine/core';
import { IconArchive, IconFilterOff, IconPlus, IconSearchOff } from '@tabler/icons-react';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { ErrorNotice } from '../components/ErrorNotice';
import { RECORD_TYPE_ICON } from '../components/records/RecordBadges';
import { statusLabel } from '../components/records/labels';
import { useFeatureT } from '../lib/featureT';
import { useFormatters } from '../lib/useFormatters';
import { useCan } from '../lib/permissions';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../state/navigation';
import { useRecordTypeVersion } from '../state/recordChanges';
import { FilterBar, type FilterUi } from './FilterBar';
import { KitTable } from './KitTable';
import { useLabels } from './labels';
import { hasActiveFilters } from './listStore';
import type { RegisterScreens } from './screens';
import { SavedListViews } from './SavedListViews';
import { PageHeader } from '../components/PageHeader';
import { ReferenceLink } from '../components/ReferenceLink';

/** What every register's record has for the list to show and open it. */
export interface ListRecord {
  id: string;
  reference: string;
  archivedAt: string | null;
}

/**
 * How one register's list looks: the only part a register writes. Its words come from
 * `<ns>:<section>.*` (title, subtitle, new, searchPlaceholder, emptyTitle, emptyBody,
 * noMatchTitle, total_one/_other, open…), anything it does not define from the kit.
 */
export interface ListDescription<R extends ListRecord> {
  /** The register's declaration, list store and form drawer ("New …" opens it). */
  screens: Pick<RegisterScreens<R>, 'register' | 'useList'> & { useEditor: { getState(): { openCreate(): void } } };
  /** The register's strings: namespace and section (e.g. 'correspondence', 'matters'); `<register ns>:list` by default. */
  labels?: { ns: string; section: string };
  /** Prefix of the test ids: <testId>-search, -total, -table; the record type by default. */
  testId?: string;
  /** The empty list's picture; the register's icon by default. */
  emptyIcon?: ReactNode;
  /** The columns after the reference. */
  columns: DataTableColumn<R>[];
  referenceWidth?: number;
  /**
   * How the declared filters show: the label is `<ns>:fields.<key>` unless given; the status
   * filter (when declared) is shown with the status words without being described.
   */
  filters: Record<string, Partial<FilterUi>>;
  /** Opening a row; the record's own page by default. */
  onOpen?(record: R): void;
  /** Says after the total in which zone the times are shown (the register's dates carry a time). */
  zoneNote?: boolean;
  /** Buttons beside "New …" (e.g. to the register's other list). */
  headerActions?: ReactNode;
  /** Said after the total (e.g. the zone dates are in, what a filter means). */
  totalNote?: string;
  /** Other record types whose changes the rows show (an incident's notifications meet its clock). */
  alsoReloadOn?: string[];
  /** A version the caller bumps when the rows must be read again. */
  version?: number;
}

export function RegisterList<R extends ListRecord>(props: ListDescription<R>) {
  const { register, useList, useEditor } = props.screens;
  const d = { ...props, register, store: useList };
  const l = useLabels(d.labels?.ns ?? d.register.ns, d.labels?.section ?? 'list', 'list');
  const { t: shell } = useTranslation();
  const f = useFormatters();
  const testId = d.testId ?? d.register.type;
  const openRecord = useNavigation((s) => s.openRecord);
  // "New …" only for a member whose workspace role may write this register (README › Roles).
  const can = useCan();
  const onCreate = can('write', d.register.type) ? () => useEditor.getState().openCreate() : undefined;
  const totalNote = [d.totalNote, d.zoneNote ? shell('shell.timeZone', { zone: f.zone }) : undefined].filter(Boolean).join(' · ');
  const fieldT = useFeatureT(d.register.ns);
  const filterUi: Record<string, FilterUi> = {};
  for (const { key } of d.register.filters) {
    const own = d.filters[key];
    if (!own && key !== 'status') continue;
    filterUi[key] = { label: fieldT(`fields.${key}`), optionLabel: key === 'status' ? (s) => statusLabel(d.register.type, s) : undefined, ...own };
  }
  const list = d.store();
  const changes = useRecordTypeVersion(d.register.type) + useRecordTypeVersion(d.alsoReloadOn?.[0] ?? '') + useRecordTypeVersion(d.alsoReloadOn?.[1] ?? '');
  const { filters, sort, page, pageSize, load } = list;
  useEffect(() => {
    void load();
  }, [filters, sort, page, pageSize, changes, d.version, f.zone, load]);

  const EmptyIcon = RECORD_TYPE_ICON[d.register.type];
  const open = d.onOpen ?? ((r: R) => openRecord(d.register.type, r.id));
  const sortable = new Set<string>(d.register.sort.fields);
  const columns: DataTableColumn<R>[] = [
    {
      accessor: 'reference',
      title: l('reference'),
      sortable: sortable.has('reference'),
      width: d.referenceWidth ?? 140,
      render: (r) => (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <ReferenceLink reference={r.reference} label={l('open', { reference: r.reference })} onOpen={() => open(r)} />
          {r.archivedAt && (
            <Tooltip label={l('archived')}>
              <IconArchive size={15} stroke={1.6} color="var(--mantine-color-gray-7)" aria-label={l('archived')} role="img" />
            </Tooltip>
          )}
        </Group>
      ),
    },
    ...d.columns.map((c) => ({ ...c, sortable: c.sortable ?? sortable.has(String(c.accessor)) })),
  ];

  const sortStatus: DataTableSortStatus<R> = { columnAccessor: sort.field, direction: sort.dir };
  const empty = list.loaded && list.total === 0 && !list.error;
  const filtered = hasActiveFilters(filters);
  const total = list.totalCapped ? l('totalCapped', { total: f.number(list.total) }) : l('total', { count: list.total });

  return (
    <Stack gap="md">
      <PageHeader
        title={l('title')}
        subtitle={l('subtitle')}
        actions={
          (d.headerActions || onCreate) && (
            <>
              {d.headerActions}
              {onCreate && (
                <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                  {l('new')}
                </Button>
              )}
            </>
          )
        }
      />
      <FilterBar register={d.register} store={d.store} ui={filterUi} labels={l} testId={testId} />
      {!(empty && !filtered) && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status" data-testid={`${testId}-total`}>
            {list.loaded ? total : l('loading')}
            {totalNote ? ` · ${totalNote}` : ''}
          </Text>
          <Group gap="md">
            {filtered && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={list.clearFilters}>
                {l('clearFilters')}
              </Button>
            )}
            <SavedListViews register={d.register} store={d.store} filterLabel={(key) => filterUi[key]?.label ?? key} />
            <Switch size="sm" label={l('showArchived')} checked={filters.includeArchived} onChange={(e) => list.setFilters({ includeArchived: e.currentTarget.checked })} />
          </Group>
        </Group>
      )}
      {list.error !== null && <ErrorNotice error={list.error} title={l('loadFailed')} />}
      {empty ? (
        <Paper withBorder py={48} px="md">
          {filtered ? (
            <EmptyState icon={<IconSearchOff size={28} stroke={1.5} aria-hidden />} withIndicatorBackground title={l('noMatchTitle')} description={l('noMatchBody')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={list.clearFilters}>
                  {l('clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState icon={d.emptyIcon ?? <EmptyIcon size={28} stroke={1.5} aria-hidden />} withIndicatorBackground title={l('emptyTitle')} description={l('emptyBody')}>
              {onCreate && (
                <EmptyState.Actions>
                  <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
                    {l('new')}
                  </Button>
                </EmptyState.Actions>
              )}
            </EmptyState>
          )}
        </Paper>
      ) : (
        <KitTable<R>
          minHeight={list.loaded ? undefined : 180}
          idAccessor="id"
          records={list.items}
          columns={columns}
          fetching={list.loading && !list.loaded}
          sortStatus={sortStatus}
          onSortStatusChange={(s) => {
            const field = String(s.columnAccessor);
            if (!sortable.has(field)) return;
            const first = (d.register.sort.firstDirection as Record<string, 'asc' | 'desc'>)[field] ?? 'asc';
            list.setSort({ field, dir: field === sort.field ? s.direction : first });
          }}
          page={page}
          onPageChange={list.setPage}
          totalRecords={list.total}
          capped={list.totalCapped}
          recordsPerPage={pageSize}
          onRecordsPerPageChange={list.setPageSize}
          onRowClick={({ record }) => open(record)}
          // Archived rows (shown on request) recede on a grey ground (their text keeps its contrast); the archive icon says why.
          rowStyle={(r) => ({ cursor: 'pointer', backgroundColor: r.archivedAt ? 'var(--mantine-color-gray-1)' : undefined })}
          data-testid={`${testId}-table`}
        />
      )}
    </Stack>
  );
}
