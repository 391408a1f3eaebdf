import { useEffect } from 'react';
import { Anchor, Badge, Button, CloseButton, EmptyState, Group, Paper, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconCircleCheck, IconFilterOff, IconFolders, IconFolderOpen, IconPlus, IconSearch, IconSearchOff } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import type { SortDir } from '@shared/schemas/common';
import type { Matter } from '@shared/schemas/matter';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { useLetterFormatters } from './dates';
import { NS, regulatorFilterOptions } from './labels';
import { PAGE_SIZES } from '../../lib/listStore';
import { RegulatorName } from './parts';
import { hasMatterFilters, useCorrespondenceEditors, useMatterList, type MatterSortField } from './stores';

const FIRST_DIRECTION: Record<MatterSortField, SortDir> = { reference: 'asc', openedAt: 'desc', title: 'asc', regulator: 'asc' };
function isSortField(v: string): v is MatterSortField {
  return Object.prototype.hasOwnProperty.call(FIRST_DIRECTION, v);
}

export function MatterStatusBadge({ status }: { status: Matter['status'] }) {
  const t = useFeatureT(NS);
  return (
    <Badge
      color={status === 'open' ? 'blue' : 'gray'}
      variant="light"
      size="sm"
      tt="none"
      fw={600}
      leftSection={status === 'open' ? <IconFolderOpen size={12} aria-hidden /> : <IconCircleCheck size={12} aria-hidden />}
      style={{ whiteSpace: 'nowrap' }}
    >
      {t(`matterStatus.${status}`)}
    </Badge>
  );
}

/** Procedures with regulators: one matter per complaint forwarded, inspection or breach follow-up. */
export function MatterList() {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const list = useMatterList();
  const go = useNavigation((s) => s.go);
  const openMatter = useCorrespondenceEditors((s) => s.openMatter);
  const changes = useRecordTypeVersion('matter');
  const { filters, sort, page, pageSize, load } = list;
  useEffect(() => {
    void load();
  }, [filters, sort, page, pageSize, changes, f.zone, load]);

  const [debounced] = useDebouncedValue(list.searchText, 250);
  const setFilters = list.setFilters;
  useEffect(() => {
    if (debounced !== useMatterList.getState().filters.text) setFilters({ text: debounced });
  }, [debounced, setFilters]);

  const open = (m: Matter) => go({ name: 'matter', id: m.id });
  const create = () => openMatter({ mode: 'create' });

  const columns: DataTableColumn<Matter>[] = [
    {
      accessor: 'reference',
      title: t('fields.reference'),
      sortable: true,
      width: 140,
      render: (m) => (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            className="tabular"
            aria-label={t('matters.open', { reference: m.reference })}
            onClick={(e: React.MouseEvent) => {
              e.stopPropagation();
              open(m);
            }}
          >
            {m.reference}
          </Anchor>
          {m.archivedAt && (
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
      render: (m) => (
        <div>
          <Text size="sm" lineClamp={2} title={m.title}>
            {m.title}
          </Text>
          {m.regulatorRefs.length > 0 && (
            <Text size="xs" c="dimmed" className="tabular" lineClamp={1}>
              {m.regulatorRefs.join(' · ')}
            </Text>
          )}
        </div>
      ),
    },
    { accessor: 'regulator', title: t('fields.regulator'), sortable: true, width: 120, render: (m) => <RegulatorName id={m.regulator} /> },
    { accessor: 'kind', title: t('fields.matterKind'), width: 210, render: (m) => <Text size="sm">{t(`matterKind.${m.kind}`)}</Text> },
    {
      accessor: 'openedAt',
      title: t('fields.openedAt'),
      sortable: true,
      width: 130,
      render: (m) => (
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {f.day(m.openedAt)}
        </Text>
      ),
    },
    {
      accessor: 'status',
      title: t('fields.status'),
      width: 150,
      render: (m) => (
        <div>
          <MatterStatusBadge status={m.status} />
          {m.closedAt && (
            <Text size="xs" c="dimmed" className="tabular">
              {t('matters.closedOn', { date: f.day(m.closedAt) })}
            </Text>
          )}
        </div>
      ),
    },
  ];

  const sortStatus: DataTableSortStatus<Matter> = { columnAccessor: sort.field, direction: sort.dir };
  const empty = list.loaded && list.total === 0 && !list.error;
  const filtered = hasMatterFilters(filters);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1}>{t('matters.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('matters.subtitle')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="default" onClick={() => go({ name: 'letters' })}>
            {t('matters.toLetters')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={create} style={{ flexShrink: 0 }}>
            {t('matters.new')}
          </Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap" role="search">
        <TextInput
          label={t('list.search')}
          placeholder={t('matters.searchPlaceholder')}
          leftSection={<IconSearch size={16} stroke={1.6} aria-hidden />}
          rightSection={list.searchText ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => list.setSearchText('')} /> : null}
          value={list.searchText}
          onChange={(e) => list.setSearchText(e.currentTarget.value)}
          w={260}
          type="search"
          data-testid="matter-search"
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
          label={t('fields.status')}
          placeholder={filters.status.length ? undefined : t('list.any')}
          data={(['open', 'closed'] as const).map((s) => ({ value: s, label: t(`matterStatus.${s}`) }))}
          value={filters.status}
          onChange={(v) => setFilters({ status: v as Matter['status'][] })}
          w={160}
        />
      </Group>
      {!(empty && !filtered) && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status" data-testid="matter-total">
            {list.loaded ? t('matters.total', { count: list.total }) : t('common.loading')}
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
            <EmptyState icon={<IconSearchOff size={28} stroke={1.5} />} withIndicatorBackground title={t('matters.noMatchTitle')} description={t('list.noMatchBody')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={list.clearFilters}>
                  {t('list.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState icon={<IconFolders size={28} stroke={1.5} />} withIndicatorBackground title={t('matters.emptyTitle')} description={t('matters.emptyBody')}>
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} />} onClick={create}>
                  {t('matters.new')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )}
        </Paper>
      ) : (
        <DataTable<Matter>
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
          rowStyle={(m) => ({ cursor: 'pointer', opacity: m.archivedAt ? 0.62 : undefined })}
          data-testid="matter-table"
        />
      )}
    </Stack>
  );
}
