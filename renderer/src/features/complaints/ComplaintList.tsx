import { useEffect } from 'react';
import { Anchor, Button, EmptyState, Group, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconFilterOff, IconInbox, IconPlus, IconSearchOff } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import type { SortDir } from '@shared/schemas/common';
import type { Complaint, ComplaintSortField } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFormatters } from '../../lib/useFormatters';
import { hasActiveFilters, PAGE_SIZES, useComplaintList } from '../../state/complaintList';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { ChannelCell } from './ChannelCell';
import { ComplaintFilters } from './ComplaintFilters';
import { DueIndicator } from './DueIndicator';
import { RightBadges } from './RightBadges';
import { StatusBadge } from './StatusBadge';
import { COMPLAINT_RECORD_TYPE } from './recordType';

/** The direction a column sorts in when first chosen: newest receipts first, everything else ascending (most urgent deadline first). */
const FIRST_DIRECTION: Record<ComplaintSortField, SortDir> = {
  reference: 'asc',
  receivedAt: 'desc',
  responseDue: 'asc',
  status: 'asc',
  complainantLabel: 'asc',
  channel: 'asc',
};
function isSortField(v: string): v is ComplaintSortField {
  return Object.prototype.hasOwnProperty.call(FIRST_DIRECTION, v);
}

/** The complaints register: server-side search, filters, sorting and paging. */
export function ComplaintList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const list = useComplaintList();
  const { showComplaint, openCreate } = useNavigation.getState();
  const changes = useRecordTypeVersion(COMPLAINT_RECORD_TYPE);

  const { filters, sort, page, pageSize, load } = list;
  useEffect(() => {
    void load();
  }, [filters, sort, page, pageSize, changes, f.zone, load]);

  const columns: DataTableColumn<Complaint>[] = [
    {
      accessor: 'reference',
      title: t('fields.reference'),
      sortable: true,
      width: 150,
      render: (c) => (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            className="tabular"
            aria-label={t('complaints.open', { reference: c.reference })}
            onClick={(e: React.MouseEvent) => {
              e.stopPropagation();
              showComplaint(c.id);
            }}
          >
            {c.reference}
          </Anchor>
          {c.archivedAt && (
            <Tooltip label={t('complaints.archived')}>
              <IconArchive size={15} stroke={1.6} color="var(--mantine-color-gray-7)" aria-label={t('complaints.archived')} role="img" />
            </Tooltip>
          )}
        </Group>
      ),
    },
    {
      accessor: 'receivedAt',
      title: t('fields.receivedAt'),
      sortable: true,
      width: 150,
      render: (c) => (
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {f.dateTime(c.receivedAt)}
        </Text>
      ),
    },
    { accessor: 'channel', title: t('fields.channel'), sortable: true, width: 170, render: (c) => <ChannelCell complaint={c} /> },
    {
      accessor: 'complainantLabel',
      title: t('fields.complainantLabel'),
      sortable: true,
      render: (c) => (
        <Text size="sm" lineClamp={1} title={c.complainantLabel}>
          {c.complainantLabel}
        </Text>
      ),
    },
    { accessor: 'rights', title: t('fields.rights'), render: (c) => <RightBadges rights={c.rights} /> },
    { accessor: 'status', title: t('fields.status'), sortable: true, width: 215, render: (c) => <StatusBadge status={c.status} /> },
    { accessor: 'responseDue', title: t('fields.responseDue'), sortable: true, width: 200, render: (c) => <DueIndicator complaint={c} /> },
  ];

  const sortStatus: DataTableSortStatus<Complaint> = { columnAccessor: sort.field, direction: sort.dir };
  const empty = list.loaded && list.total === 0 && !list.error;
  const filtered = hasActiveFilters(filters);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1}>{t('complaints.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('complaints.subtitle')}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
          {t('complaints.new')}
        </Button>
      </Group>
      <ComplaintFilters />
      {!(empty && !filtered) && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status" data-testid="complaint-total">
            {list.loaded ? t('complaints.total', { count: list.total }) : t('common.loading')} · {t('shell.timeZone', { zone: f.zone })}
          </Text>
          <Group gap="md">
            {filtered && (
              <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={list.clearFilters}>
                {t('complaints.clearFilters')}
              </Button>
            )}
            <Switch
              size="sm"
              label={t('complaints.showArchived')}
              checked={filters.includeArchived}
              onChange={(e) => list.setFilters({ includeArchived: e.currentTarget.checked })}
            />
          </Group>
        </Group>
      )}
      {list.error !== null && <ErrorNotice error={list.error} title={t('complaints.loadFailed')} />}
      {empty ? (
        <Paper withBorder py={48} px="md">
          {filtered ? (
            <EmptyState
              icon={<IconSearchOff size={28} stroke={1.5} />}
              withIndicatorBackground
              title={t('complaints.noMatchTitle')}
              description={t('complaints.noMatchBody')}
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={list.clearFilters}>
                  {t('complaints.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              icon={<IconInbox size={28} stroke={1.5} />}
              withIndicatorBackground
              title={t('complaints.emptyTitle')}
              description={t('complaints.emptyBody')}
            >
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
                  {t('complaints.new')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )}
        </Paper>
      ) : (
        <>
          <DataTable<Complaint>
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
            recordsPerPageLabel={t('complaints.perPage')}
            paginationText={({ from, to, totalRecords }) =>
              t('complaints.pagination', { from: f.number(from), to: f.number(to), total: f.number(totalRecords) })
            }
            paginationSize="xs"
            onRowClick={({ record }) => showComplaint(record.id)}
            // Archived rows (shown on request) recede; the archive icon says why.
            rowStyle={(c) => ({ cursor: 'pointer', opacity: c.archivedAt ? 0.62 : undefined })}
            data-testid="complaint-table"
          />
        </>
      )}
    </Stack>
  );
}
