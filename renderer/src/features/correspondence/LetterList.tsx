import { useEffect } from 'react';
import { Anchor, Button, EmptyState, Group, Paper, Stack, Switch, Text, Title, Tooltip } from '@mantine/core';
import { IconArchive, IconFilterOff, IconMail, IconPlus, IconSearchOff } from '@tabler/icons-react';
import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import type { SortDir } from '@shared/schemas/common';
import type { Letter } from '@shared/schemas/letter';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { useLetterClocks } from './clocks';
import { useLetterFormatters } from './dates';
import { letterDate, NS } from './labels';
import { LetterFilters } from './LetterFilters';
import { PAGE_SIZES } from '../../lib/listStore';
import { DirectionLabel, LetterDueCell, RegulatorName } from './parts';
import { hasLetterFilters, useCorrespondenceEditors, useLetterList, type LetterSortField } from './stores';

const FIRST_DIRECTION: Record<LetterSortField, SortDir> = { reference: 'asc', date: 'desc', replyDue: 'asc', kind: 'asc', regulator: 'asc' };
function isSortField(v: string): v is LetterSortField {
  return Object.prototype.hasOwnProperty.call(FIRST_DIRECTION, v);
}

/** Regulator correspondence: every letter in and out, with the deadlines it set. */
export function LetterList() {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const list = useLetterList();
  const go = useNavigation((s) => s.go);
  const openLetter = useCorrespondenceEditors((s) => s.openLetter);
  const changes = useRecordTypeVersion('letter');
  const { filters, sort, page, pageSize, load } = list;
  useEffect(() => {
    void load();
  }, [filters, sort, page, pageSize, changes, f.zone, load]);

  const clocks = useLetterClocks(list.items);
  const open = (l: Letter) => go({ name: 'letter', id: l.id });
  const create = () => openLetter({ mode: 'create' });

  const columns: DataTableColumn<Letter>[] = [
    {
      accessor: 'reference',
      title: t('fields.reference'),
      sortable: true,
      width: 140,
      render: (l) => (
        <Group gap={6} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
          <Anchor
            component="button"
            type="button"
            fw={600}
            size="sm"
            className="tabular"
            aria-label={t('list.open', { reference: l.reference })}
            onClick={(e: React.MouseEvent) => {
              e.stopPropagation();
              open(l);
            }}
          >
            {l.reference}
          </Anchor>
          {l.archivedAt && (
            <Tooltip label={t('list.archived')}>
              <IconArchive size={15} stroke={1.6} color="var(--mantine-color-gray-7)" aria-label={t('list.archived')} role="img" />
            </Tooltip>
          )}
        </Group>
      ),
    },
    { accessor: 'direction', title: t('fields.direction'), width: 112, render: (l) => <DirectionLabel direction={l.direction} /> },
    { accessor: 'regulator', title: t('fields.regulator'), sortable: true, width: 115, render: (l) => <RegulatorName id={l.regulator} /> },
    {
      accessor: 'kind',
      title: t('fields.kind'),
      sortable: true,
      width: 170,
      render: (l) => (
        <Text size="sm" lineClamp={2}>
          {t(`kind.${l.kind}`)}
        </Text>
      ),
    },
    {
      accessor: 'subject',
      title: t('fields.subject'),
      render: (l) => (
        <div>
          <Text size="sm" lineClamp={2} title={l.subject}>
            {l.subject}
          </Text>
          {l.regulatorRefs.length > 0 && (
            <Text size="xs" c="dimmed" className="tabular" lineClamp={1}>
              {l.regulatorRefs.join(' · ')}
            </Text>
          )}
        </div>
      ),
    },
    {
      accessor: 'date',
      title: t('fields.date'),
      sortable: true,
      width: 112,
      render: (l) => {
        const d = letterDate(l);
        return (
          <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
            {d ? f.day(d) : t('common.empty')}
          </Text>
        );
      },
    },
    { accessor: 'replyDue', title: t('fields.deadlines'), sortable: true, width: 250, render: (l) => <LetterDueCell letter={l} clocks={clocks[l.id]} /> },
  ];

  const sortStatus: DataTableSortStatus<Letter> = { columnAccessor: sort.field, direction: sort.dir };
  const empty = list.loaded && list.total === 0 && !list.error;
  const filtered = hasLetterFilters(filters);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={1}>{t('list.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('list.subtitle')}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Button variant="default" onClick={() => go({ name: 'matters' })}>
            {t('list.toMatters')}
          </Button>
          <Button leftSection={<IconPlus size={16} />} onClick={create} style={{ flexShrink: 0 }}>
            {t('list.new')}
          </Button>
        </Group>
      </Group>
      <LetterFilters />
      {!(empty && !filtered) && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" role="status" data-testid="letter-total">
            {list.loaded ? t('list.total', { count: list.total }) : t('common.loading')} · {t('common.timeZone', { zone: f.zone })}
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
            <EmptyState icon={<IconMail size={28} stroke={1.5} />} withIndicatorBackground title={t('list.emptyTitle')} description={t('list.emptyBody')}>
              <EmptyState.Actions>
                <Button leftSection={<IconPlus size={16} />} onClick={create}>
                  {t('list.new')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )}
        </Paper>
      ) : (
        <DataTable<Letter>
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
          rowStyle={(l) => ({ cursor: 'pointer', opacity: l.archivedAt ? 0.62 : undefined })}
          data-testid="letter-table"
        />
      )}
    </Stack>
  );
}
