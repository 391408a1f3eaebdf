import { useEffect } from 'react';
import { Anchor, Button, EmptyState, Group, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconFilterOff, IconPlus, IconSearchOff, IconShieldCheck } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import type { SortDir } from '@shared/schemas/common';
import type { Incident } from '@shared/schemas/incident';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { IncidentStatusBadge, RiskIndicator } from './badges';
import { authorityClockFacts } from './clockFacts';
import { ClockStatus } from './ClockStatus';
import { IncidentFilters } from './IncidentFilters';
import { hasActiveFilters, PAGE_SIZES, useIncidentEditor, useIncidentList, type IncidentSortField } from './incidentStores';
import { INCIDENT_RECORD_TYPE, NOTIFICATION_CHANGE_TYPE, NS } from './recordType';

/** The direction a column sorts in when first chosen: latest awareness first, most urgent deadline first, highest risk first. */
const FIRST_DIRECTION: Record<IncidentSortField, SortDir> = {
  reference: 'asc',
  awareAt: 'desc',
  authorityDue: 'asc',
  riskLevel: 'desc',
  status: 'asc',
  title: 'asc',
};
function isSortField(v: string): v is IncidentSortField {
  return Object.prototype.hasOwnProperty.call(FIRST_DIRECTION, v);
}

/** The breach register (Art. 33(5)): server-side search, filters, sorting and paging, each incident's 72-hour clock live. */
export function IncidentList() {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const list = useIncidentList();
  const go = useNavigation((s) => s.go);
  const openCreate = useIncidentEditor((s) => s.openCreate);
  // A notification recorded elsewhere meets a clock shown here.
  const changes = useRecordTypeVersion(INCIDENT_RECORD_TYPE) + useRecordTypeVersion(NOTIFICATION_CHANGE_TYPE);

  const { filters, sort, page, pageSize, load } = list;
  useEffect(() => {
    void load();
  }, [filters, sort, page, pageSize, changes, f.zone, load]);

  const open = (id: string) => go({ name: 'incident', id });

  const columns: DataTableColumn<Incident>[] = [
    {
      accessor: 'reference',
      title: t('fields.reference'),
      sortable: true,
      width: 130,
      render: (i) => (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            className="tabular"
            aria-label={t('list.open', { reference: i.reference })}
            onClick={(e: React.MouseEvent) => {
              e.stopPropagation();
              open(i.id);
            }}
          >
            {i.reference}
          </Anchor>
          {i.archivedAt && (
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
      render: (i) => (
        <Text size="sm" lineClamp={2} title={i.title}>
          {i.title}
        </Text>
      ),
    },
    {
      accessor: 'awareAt',
      title: t('list.awareColumn'),
      sortable: true,
      width: 150,
      render: (i) => (
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {f.dateTime(i.awareAt)}
        </Text>
      ),
    },
    {
      accessor: 'ourRole',
      title: t('fields.ourRole'),
      width: 130,
      render: (i) => <Text size="sm">{t(`role.${i.ourRole}`)}</Text>,
    },
    { accessor: 'riskLevel', title: t('fields.riskLevel'), sortable: true, width: 125, render: (i) => <RiskIndicator risk={i.riskLevel} /> },
    {
      accessor: 'authorityDue',
      title: t('list.authorityClock'),
      sortable: true,
      width: 260,
      render: (i) => <ClockStatus facts={authorityClockFacts(i)} notApplicableDetail={t('clock.processorDetail')} testId="authority-clock" />,
    },
    { accessor: 'status', title: t('fields.status'), sortable: true, width: 110, render: (i) => <IncidentStatusBadge status={i.status} /> },
  ];

  const sortStatus: DataTableSortStatus<Incident> = { columnAccessor: sort.field, direction: sort.dir };
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
        <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
          {t('list.new')}
        </Button>
      </Group>
      <IncidentFilters />
      {!(empty && !filtered) && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status" data-testid="incident-total">
            {list.loaded ? t('list.total', { count: list.total }) : tc('common.loading')} · {tc('shell.timeZone', { zone: f.zone })}
          </Text>
          <Group gap="md">
            {filtered && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={list.clearFilters}>
                {t('list.clearFilters')}
              </Button>
            )}
            <Switch size="sm" label={t('list.showArchived')} checked={filters.includeArchived} onChange={(e) => list.setFilters({ includeArchived: e.currentTarget.checked })} />
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
            <EmptyState icon={<IconShieldCheck size={28} stroke={1.5} />} withIndicatorBackground title={t('list.emptyTitle')} description={t('list.emptyBody')}>
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
                  {t('list.new')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )}
        </Paper>
      ) : (
        <DataTable<Incident>
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
          onRowClick={({ record }) => open(record.id)}
          // Archived rows (shown on request) recede; the archive icon says why.
          rowStyle={(i) => ({ cursor: 'pointer', opacity: i.archivedAt ? 0.62 : undefined })}
          data-testid="incident-table"
        />
      )}
    </Stack>
  );
}
