import { useEffect } from 'react';
import { Button, EmptyState, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFilterOff, IconPaperclip, IconSearchOff } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import type { SearchHit } from '@shared/schemas/search';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RecordStatusBadge, RecordTypeLabel } from '../../components/records/RecordBadges';
import { recordTypeLabel } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { SavedViews } from './SavedViews';
import { SearchFilters } from './SearchFilters';
import { hasCriteria, PAGE_SIZES, useSearch } from './searchState';
import { Snippet } from './Snippet';
import { PageHeader } from '../../components/PageHeader';
import { ReferenceLink } from '../../components/ReferenceLink';

/** Any change to any record may change what a search finds. */
function useAnyChange(): number {
  return useRecordChanges((s) => s.epoch + Object.values(s.byType).reduce((a, b) => a + b, 0));
}

/** One search across every register (full text, files included), with filters and saved views. */
export function SearchView() {
  const t = useFeatureT('search');
  const f = useFormatters();
  const openRecord = useNavigation((s) => s.openRecord);
  const s = useSearch();
  const changes = useAnyChange();
  const { form, page, pageSize, load } = s;

  useEffect(() => {
    void load();
  }, [form, page, pageSize, changes, f.zone, load]);

  const criteria = hasCriteria(form);
  const columns: DataTableColumn<SearchHit>[] = [
    { accessor: 'type', title: t('columns.type'), width: 125, render: (h) => <RecordTypeLabel type={h.type} /> },
    {
      accessor: 'reference',
      title: t('columns.reference'),
      width: 130,
      render: (h) => (
        <ReferenceLink reference={h.reference} label={t('open', { type: recordTypeLabel(h.type), reference: h.reference })} onOpen={() => openRecord(h.type, h.id)} />
      ),
    },
    {
      accessor: 'title',
      title: t('columns.found'),
      render: (h) => (
        <Stack gap={2}>
          <Text size="sm" lineClamp={1} title={h.title} fw={500}>
            {h.title}
          </Text>
          <Snippet snippet={h.snippet} />
          {h.matchedAttachment && (
            <Group gap={4} wrap="nowrap" c="navy.8" data-testid="found-in-attachment">
              <IconPaperclip size={13} stroke={1.7} aria-hidden />
              <Text size="xs" c="navy.8" fw={500} lineClamp={1}>
                {t('foundInAttachment', { name: h.matchedAttachment })}
              </Text>
            </Group>
          )}
        </Stack>
      ),
    },
    {
      accessor: 'status',
      title: t('columns.status'),
      width: 190,
      render: (h) => (
<RecordStatusBadge type={h.type} status={h.status} />
      ),
    },
    {
      accessor: 'date',
      title: t('columns.date'),
      width: 150,
      render: (h) => (
        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {h.date ? f.dateTime(h.date) : '—'}
        </Text>
      ),
    },
  ];

  const empty = s.loaded && s.total === 0 && !s.error;

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <SavedViews />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <SearchFilters />
            <Group justify="space-between" gap="sm">
              <Text size="sm" c="dimmed" role="status" data-testid="search-total">
                {s.loaded ? (criteria ? t('total', { count: s.total, formatted: f.number(s.total) }) : t('totalAll', { count: s.total, formatted: f.number(s.total) })) : t('loading')}
                {' · '}
                {criteria && form.text.trim() ? t('orderRelevance') : t('orderDate')}
              </Text>
              {criteria && (
                <Button variant="subtle" size="compact-sm" leftSection={<IconFilterOff size={14} />} onClick={s.clear}>
                  {t('clear')}
                </Button>
              )}
            </Group>
            {s.error !== null && <ErrorNotice error={s.error} title={t('failed')} />}
            {empty ? (
              <Paper withBorder py={48} px="md">
                <EmptyState
                  icon={<IconSearchOff size={28} stroke={1.5} />}
                  withIndicatorBackground
                  title={criteria ? t('noMatchTitle') : t('emptyTitle')}
                  description={criteria ? t('noMatchBody') : t('emptyBody')}
                >
                  {criteria && (
                    <EmptyState.Actions>
                      <Button variant="default" onClick={s.clear}>
                        {t('clear')}
                      </Button>
                    </EmptyState.Actions>
                  )}
                </EmptyState>
              </Paper>
            ) : (
              <DataTable<SearchHit>
                withTableBorder
                borderRadius="sm"
                verticalSpacing={6}
                horizontalSpacing="sm"
                highlightOnHover
                minHeight={s.loaded ? undefined : 180}
                idAccessor={(h) => `${h.type}:${h.id}`}
                records={s.hits}
                columns={columns}
                fetching={s.loading && !s.loaded}
                page={page}
                onPageChange={s.setPage}
                totalRecords={s.total}
                recordsPerPage={pageSize}
                recordsPerPageOptions={[...PAGE_SIZES]}
                onRecordsPerPageChange={s.setPageSize}
                recordsPerPageLabel={t('perPage')}
                paginationText={({ from, to, totalRecords }) => t('pagination', { from: f.number(from), to: f.number(to), total: f.number(totalRecords) })}
                paginationSize="xs"
                onRowClick={({ record }) => openRecord(record.type, record.id)}
                rowStyle={() => ({ cursor: 'pointer' })}
                data-testid="search-results"
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
