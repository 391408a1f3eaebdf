import { useEffect } from 'react';
import { Anchor, Button, CloseButton, EmptyState, Group, Paper, Stack, Switch, TagsInput, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconChecklist, IconFilterOff, IconPlus, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import type { Action } from '@shared/schemas/action';
import type { SortDir } from '@shared/schemas/common';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LocalDateInput } from '../../components/LocalDateInput';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { NS, statusOptions, type Status } from './labels';
import { PAGE_SIZES } from '../../lib/listStore';
import { ActionStatusBadge, DueMarker, OriginText, PriorityLabel } from './parts';
import { hasActiveFilters, useActionEditor, useActionList, type ActionSortField } from './stores';

const FIRST_DIRECTION: Record<ActionSortField, SortDir> = { reference: 'asc', dueAt: 'asc', status: 'asc', owner: 'asc', priority: 'desc', title: 'asc' };
function isSortField(v: string): v is ActionSortField {
  return Object.prototype.hasOwnProperty.call(FIRST_DIRECTION, v);
}

/** Remediation actions: who does what by when, where it comes from, and whether it was verified. */
export function ActionList() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const list = useActionList();
  const go = useNavigation((s) => s.go);
  const openEditor = useActionEditor((s) => s.open);
  const changes = useRecordTypeVersion('action');
  const { filters, sort, page, pageSize, load, setFilters } = list;
  useEffect(() => {
    void load();
  }, [filters, sort, page, pageSize, changes, f.zone, load]);
  const [debounced] = useDebouncedValue(list.searchText, 250);
  useEffect(() => {
    if (debounced !== useActionList.getState().filters.text) setFilters({ text: debounced });
  }, [debounced, setFilters]);

  const open = (a: Action) => go({ name: 'action', id: a.id });
  const create = () => openEditor({ mode: 'create' });

  const columns: DataTableColumn<Action>[] = [
    {
      accessor: 'reference',
      title: t('fields.reference'),
      sortable: true,
      width: 130,
      render: (a) => (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            className="tabular"
            aria-label={t('list.open', { reference: a.reference })}
            onClick={(e: React.MouseEvent) => {
              e.stopPropagation();
              open(a);
            }}
          >
            {a.reference}
          </Anchor>
          {a.archivedAt && (
            <Tooltip label={t('list.archived')}>
              <IconArchive size={15} stroke={1.6} color="var(--mantine-color-gray-7)" aria-label={t('list.archived')} role="img" />
            </Tooltip>
          )}
        </Group>
      ),
    },
    {
      accessor: 'title',
      title: t('fields.title'),
      sortable: true,
      render: (a) => (
        <div>
          <Text size="sm" lineClamp={2} title={a.title}>
            {a.title}
          </Text>
          <Text size="xs" lineClamp={1} component="div">
            <OriginText action={a} size="xs" />
          </Text>
        </div>
      ),
    },
    {
      accessor: 'owner',
      title: t('fields.owner'),
      sortable: true,
      width: 160,
      render: (a) => (
        <Text size="sm" lineClamp={1} title={a.owner}>
          {a.owner}
        </Text>
      ),
    },
    { accessor: 'priority', title: t('fields.priority'), sortable: true, width: 120, render: (a) => <PriorityLabel priority={a.priority} /> },
    { accessor: 'status', title: t('fields.status'), sortable: true, width: 130, render: (a) => <ActionStatusBadge status={a.status} /> },
    { accessor: 'dueAt', title: t('fields.dueAt'), sortable: true, width: 200, render: (a) => <DueMarker action={a} /> },
  ];

  const sortStatus: DataTableSortStatus<Action> = { columnAccessor: sort.field, direction: sort.dir };
  const empty = list.loaded && list.total === 0 && !list.error;
  const filtered = hasActiveFilters(filters);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('list.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={create} style={{ flexShrink: 0 }}>
          {t('list.new')}
        </Button>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search">
        <TextInput
          label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
          rightSection={list.searchText ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => list.setSearchText('')} /> : null}
          value={list.searchText}
          onChange={(e) => list.setSearchText(e.currentTarget.value)}
          w={260}
          type="search"
          data-testid="action-search"
        />
        <CompactMultiSelect
          label={t('fields.status')}
          placeholder={filters.status.length ? undefined : t('list.any')}
          data={statusOptions(t)}
          value={filters.status}
          onChange={(v) => setFilters({ status: v as Status[] })}
          w={180}
        />
        <TagsInput
          label={t('fields.owner')}
          placeholder={filters.owner.length ? undefined : t('list.ownerPlaceholder')}
          value={filters.owner}
          onChange={(owner) => setFilters({ owner })}
          w={220}
          clearable
          acceptValueOnBlur
        />
        <LocalDateInput
          label={t('list.dueBy')}
          value={filters.dueBy}
          onChange={(dueBy) => setFilters({ dueBy })}
          clearable
          w={210}
          data-testid="action-due-by"
        />
      </Group>
      {!(empty && !filtered) && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status" data-testid="action-total">
            {list.loaded ? t('list.total', { count: list.total }) : t('common.loading')}
            {filters.dueBy ? ` · ${t('list.dueByNote')}` : ''}
          </Text>
          <Group gap="md">
            {filtered && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={list.clearFilters}>
                {t('list.clearFilters')}
              </Button>
            )}
            <Switch size="sm" label={t('list.showArchived')} checked={filters.includeArchived} onChange={(e) => setFilters({ includeArchived: e.currentTarget.checked })} />
          </Group>
        </Group>
      )}
      {list.error !== null && <ErrorNotice error={list.error} title={t('list.loadFailed')} />}
      {empty ? (
        <Paper withBorder py={48} px="md">
          {filtered ? (
            <EmptyState icon={<IconSearchOff size={28} stroke={1.5} />} withIndicatorBackground title={t('list.noMatchTitle')} description={t('list.noMatchBody')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={list.clearFilters}>
                  {t('list.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState icon={<IconChecklist size={28} stroke={1.5} />} withIndicatorBackground title={t('list.emptyTitle')} description={t('list.emptyBody')}>
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} />} onClick={create}>
                  {t('list.new')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )}
        </Paper>
      ) : (
        <DataTable<Action>
          withTableBorder
          borderRadius="sm"
          verticalSpacing={6}
          horizontalSpacing="sm"
          highlightOnHover
          minHeight={list.loaded ? undefined : 180}
          idAccessor="id"
          records={list.items}
          columns={columns}
          fetching={list.loading && !list.loaded}
          sortStatus={sortStatus}
          onSortStatusChange={(s) => {
            const field = String(s.columnAccessor);
            if (!isSortField(field)) return;
            list.setSort({ field, dir: field === sort.field ? s.direction : FIRST_DIRECTION[field] });
          }}
          page={page}
          onPageChange={list.setPage}
          totalRecords={list.total}
          recordsPerPage={pageSize}
          recordsPerPageOptions={[...PAGE_SIZES]}
          onRecordsPerPageChange={list.setPageSize}
          recordsPerPageLabel={t('list.perPage')}
          paginationText={({ from, to, totalRecords }) => t('list.pagination', { from: f.number(from), to: f.number(to), total: f.number(totalRecords) })}
          paginationSize="xs"
          onRowClick={({ record }) => open(record)}
          rowStyle={(a) => ({ cursor: 'pointer', opacity: a.archivedAt ? 0.62 : undefined })}
          data-testid="action-table"
        />
      )}
    </Stack>
  );
}
