import { useEffect, useMemo, useState } from 'react';
import { Badge, Button, EmptyState, Group, Paper, Select, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconAlarm, IconCalendarDown, IconFilterOff, IconHourglassOff, IconInfoCircle, IconSearchOff } from '@tabler/icons-react';
import { DataTable, type DataTableColumn } from 'mantine-datatable';
import { compareClocks } from '@shared/clocks';
import type { Clock, ClockListResult, ClockState } from '@shared/schemas/clock';
import type { RecordType } from '@shared/schemas/record-types';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { useAlerts } from './alertsStore';
import { useAppClock, useAppNow } from '../../lib/appClock';
import { countdownText, dueText, isDayEnd, lookIcon, lookOf, lookWord, lookColor, NS, offsetText, type ClockLook } from './clockView';
import { saveText } from '../../lib/files';
import { LabelledSegments } from '../../components/LabelledSegments';
import { WarningLine } from '../../kit/WarningLine';
import { PageHeader } from '../../components/PageHeader';
import { ReferenceLink } from '../../components/ReferenceLink';
import { DrillBadge } from '../../components/Drill';

/** The registers that have clocks (a matter's clocks are its letters'). */
const REGISTERS: readonly RecordType[] = ['incident', 'complaint', 'letter', 'action'];
type StateFilter = 'open' | 'overdue' | 'running';
const STATES: Record<StateFilter, ClockState[]> = { open: ['running', 'overdue'], overdue: ['overdue'], running: ['running'] };
/** The board is for what needs attention: the most urgent few hundred, then narrow by register. */
const LIMIT = 500;
const PAGE_SIZES = [25, 50, 100];

function isRegister(v: string | undefined): v is RecordType {
  return v !== undefined && (REGISTERS as readonly string[]).includes(v);
}
function isStateFilter(v: string | undefined): v is StateFilter {
  return v === 'open' || v === 'overdue' || v === 'running';
}

/** Filters live in the view's params, so "Back" to the board finds them as they were. */
function setParams(p: Record<string, string | undefined>) {
  useNavigation.setState((s) => {
    const params = { ...s.view.params };
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) delete params[k];
      else params[k] = v;
    }
    return { view: { ...s.view, params } };
  });
}

interface Row {
  clock: Clock;
  look: ClockLook;
}

/**
 * The clocks board: every running and overdue deadline across the registers, most urgent first,
 * counting down live on the core's clock, each leading to its record.
 */
export function ClockBoard({ params }: { params?: Record<string, string> }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const openRecord = useNavigation((s) => s.openRecord);
  const openDrawer = useAlerts((s) => s.openDrawer);
  const pendingAlerts = useAlerts((s) => s.pending.length);
  const register = isRegister(params?.register) ? params.register : null;
  const stateFilter: StateFilter = isStateFilter(params?.state) ? params.state : 'open';
  const now = useAppNow();
  const [data, setData] = useState<ClockListResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [exporting, setExporting] = useState(false);

  // Any record written may start, meet, move or stop a clock; a badge change means the core's
  // clock moved on (or, in test mode, was moved): read the board again.
  const changes = useRecordChanges((s) => s.epoch + Object.values(s.byType).reduce((a, b) => a + b, 0));
  const badgeAt = useAlerts((s) => s.badge?.at);
  useEffect(() => {
    let current = true;
    api.call('clocks.list', { states: STATES[stateFilter], ...(register ? { recordType: register } : {}), limit: LIMIT }).then(
      (r) => {
        if (!current) return;
        useAppClock.getState().observe(r.at);
        setData(r);
        setError(null);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [register, stateFilter, changes, badgeAt]);

  // Re-ordered live: a running clock that passes its due instant moves up among the overdue ones.
  const rows: Row[] = useMemo(() => {
    if (!data) return [];
    const wanted = new Set(STATES[stateFilter]);
    return [...data.items]
      .sort(compareClocks(now))
      .map((clock) => ({ clock, look: lookOf(clock, now) }))
      .filter((r) => wanted.has(r.look.state));
  }, [data, now, stateFilter]);

  const overdue = rows.filter((r) => r.look.state === 'overdue').length;
  const soon = rows.filter((r) => r.look.look === 'soon').length;
  const nowOffset = offsetText(new Date(now).toISOString(), f.zone);
  const filtered = register !== null || stateFilter !== 'open';
  const lastPage = Math.max(1, Math.ceil(rows.length / pageSize));
  const shownPage = Math.min(page, lastPage);
  const pageRows = rows.slice((shownPage - 1) * pageSize, shownPage * pageSize);

  async function exportIcs() {
    setExporting(true);
    try {
      const { fileName, content } = await api.call('clocks.ics', { lang: f.lang });
      saveText(fileName, content, 'text/calendar;charset=utf-8');
      notifySuccess(t('ics.done', { fileName }));
    } catch (e) {
      notifyError(e);
    } finally {
      setExporting(false);
    }
  }

  const columns: DataTableColumn<Row>[] = [
    {
      accessor: 'state',
      title: t('col.state'),
      width: 160,
      render: ({ look }) => (
        <Group gap={6} wrap="nowrap" c={lookColor(look.look)} data-testid="clock-state" data-state={look.state}>
          {lookIcon(look.look)}
          <Text size="sm" fw={600} c={lookColor(look.look)} style={{ whiteSpace: 'nowrap' }}>
            {lookWord(t, look.look)}
          </Text>
        </Group>
      ),
    },
    {
      accessor: 'left',
      title: t('col.left'),
      width: 195,
      render: ({ clock, look }) => (
        <Text
          size="sm"
          className="tabular"
          fw={look.state === 'overdue' || look.look === 'soon' ? 600 : 400}
          c={look.left === null ? 'dimmed' : lookColor(look.look)}
          style={{ whiteSpace: 'nowrap' }}
          data-testid="clock-countdown"
        >
          {countdownText(t, clock, look, now, f.lang)}
        </Text>
      ),
    },
    {
      accessor: 'due',
      title: t('col.due'),
      width: 235,
      render: ({ clock }) => {
        if (clock.due === null) {
          return (
            <Stack gap={0}>
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                {t('noLegalDeadline')}
              </Text>
              <Text size="xs" c="dimmed" className="tabular">
                {clock.target ? t('target', { date: dueText(t, clock.target, f.zone, f.lang) }) : t('noTarget')}
              </Text>
            </Stack>
          );
        }
        const dueOffset = offsetText(clock.due, f.zone);
        const day = dueText(t, clock.due, f.zone, f.lang);
        // A DST change between now and an instant deadline moves its clock time (S3: 48 hours from
        // Friday 22:30 end on Sunday at 23:30). Day-end deadlines are not concerned.
        const shift = dueOffset !== nowOffset && !isDayEnd(clock.due, f.zone);
        return (
          <Stack gap={0}>
            <Group gap={6} wrap="nowrap">
              <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }} data-testid="clock-due">
                {day}
              </Text>
              {shift && (
                <Tooltip label={t('offsetChangeHint', { zone: f.zone, now: nowOffset, then: dueOffset })} multiline w={300}>
                  <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap', textDecoration: 'underline dotted' }} tabIndex={0}>
                    {dueOffset}
                  </Text>
                </Tooltip>
              )}
            </Group>
            {clock.internalTarget && (
              <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }} data-testid="clock-internal-target">
                {t('internalTarget', { date: dueText(t, clock.internalTarget, f.zone, f.lang) })}
              </Text>
            )}
            {clock.outerBound && (
              <Tooltip label={clock.outerBound.reason[f.lang]} multiline w={360}>
                <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap', textDecoration: 'underline dotted' }} tabIndex={0} data-testid="clock-outer-bound">
                  {t('outerBound', { date: dueText(t, clock.outerBound.due, f.zone, f.lang) })}
                </Text>
              </Tooltip>
            )}
          </Stack>
        );
      },
    },
    {
      accessor: 'record',
      title: t('col.record'),
      width: 200,
      render: ({ clock }) => (
        <Stack gap={0} miw={0}>
          <Group gap={6} wrap="nowrap">
            <ReferenceLink reference={clock.reference} label={t('openRecord', { reference: clock.reference })} onOpen={() => openRecord(clock.recordType, clock.recordId)} />
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t(`register.${clock.recordType}`)}
            </Text>
            {clock.drill && <DrillBadge size="xs" />}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1} title={clock.title}>
            {clock.title}
          </Text>
        </Stack>
      ),
    },
    {
      accessor: 'deadline',
      title: t('col.deadline'),
      render: ({ clock, look }) => (
        <Stack gap={0}>
          {clock.party && (
            <Text size="sm" fw={600} data-testid="clock-party">
              {t('party', { name: clock.party })}
            </Text>
          )}
          <Text size="sm" lineClamp={1} title={clock.label[f.lang]}>
            {clock.label[f.lang]}
          </Text>
          <Tooltip label={clock.basis[f.lang]} multiline w={420} openDelay={500}>
            <Text size="xs" c="dimmed" lineClamp={1} data-testid="clock-basis">
              {clock.basis[f.lang]}
            </Text>
          </Tooltip>
          {clock.note && (
            <Group gap={4} wrap="nowrap" align="flex-start" c="dimmed">
              <IconInfoCircle size={13} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Text size="xs" c="dimmed" lineClamp={1} title={clock.note[f.lang]}>
                {clock.note[f.lang]}
              </Text>
            </Group>
          )}
          {!clock.obligation && (
            <Text size="xs" c="dimmed">
              {t('notObligation')}
            </Text>
          )}
          {look.needsDelayReasons && (
            <WarningLine Icon={IconAlertTriangle} color="red.8" bold>
              {t('needsDelayReasons')}
            </WarningLine>
          )}
        </Stack>
      ),
    },
  ];

  const empty = data !== null && rows.length === 0 && !error;
  return (
    <Stack gap="md">
      <PageHeader
        title={t('title')}
        subtitle={t('subtitle')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconAlarm size={16} />}
              rightSection={
                pendingAlerts > 0 ? (
                  <Badge size="sm" color="orange" variant="filled" circle={pendingAlerts < 10}>
                    {pendingAlerts}
                  </Badge>
                ) : undefined
              }
              onClick={openDrawer}
            >
              {t('reminders')}
            </Button>
            <Button leftSection={<IconCalendarDown size={16} />} loading={exporting} onClick={() => void exportIcs()}>
              {t('ics.export')}
            </Button>
          </>
        }
      />

      <Group gap="md" align="flex-end">
        <Select
          label={t('filter.register')}
          w={240}
          value={register ?? 'all'}
          data={[{ value: 'all', label: t('filter.allRegisters') }, ...REGISTERS.map((r) => ({ value: r, label: t(`registers.${r}`) }))]}
          onChange={(v) => {
            setPage(1);
            setParams({ register: v && v !== 'all' ? v : undefined });
          }}
        />
        <LabelledSegments
          id="clock-state-filter"
          label={t('filter.state')}
          value={stateFilter}
          onChange={(v) => {
            setPage(1);
            setParams({ state: v === 'open' ? undefined : v });
          }}
          data={(['open', 'overdue', 'running'] as const).map((s) => ({ value: s, label: t(`filter.states.${s}`) }))}
        />
        {filtered && (
          <Button
            variant="subtle"
            size="compact-sm"
            mb={6}
            leftSection={<IconFilterOff size={14} />}
            onClick={() => {
              setPage(1);
              setParams({ register: undefined, state: undefined });
            }}
          >
            {t('filter.clear')}
          </Button>
        )}
      </Group>

      {data !== null && !empty && (
        <Text size="sm" c="dimmed" role="status" data-testid="clock-summary">
          {t('summary.total', { count: rows.length })}
          {overdue > 0 && ` · ${t('summary.overdue', { count: overdue })}`}
          {soon > 0 && ` · ${t('summary.soon', { count: soon })}`}
          {` · ${t('summary.zone', { zone: f.zone, offset: nowOffset })}`}
        </Text>
      )}
      {data !== null && data.total > data.items.length && (
        <Text size="sm" c="orange.9">
          {t('summary.truncated', { shown: f.number(data.items.length), total: f.number(data.total) })}
        </Text>
      )}
      {error !== null && <ErrorNotice error={error} title={t('loadFailed')} />}

      {empty ? (
        <Paper withBorder py={48} px="md">
          {filtered ? (
            <EmptyState icon={<IconSearchOff size={28} stroke={1.5} />} withIndicatorBackground title={t('noMatchTitle')} description={t('noMatchBody')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={() => setParams({ register: undefined, state: undefined })}>
                  {t('filter.clear')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState icon={<IconHourglassOff size={28} stroke={1.5} />} withIndicatorBackground title={t('emptyTitle')} description={t('emptyBody')} />
          )}
        </Paper>
      ) : (
        <DataTable<Row>
          withTableBorder
          borderRadius="sm"
          verticalSpacing={6}
          horizontalSpacing="sm"
          highlightOnHover
          minHeight={data ? undefined : 180}
          fetching={data === null && error === null}
          idAccessor={(r) => r.clock.id}
          records={pageRows}
          columns={columns}
          page={shownPage}
          onPageChange={setPage}
          totalRecords={rows.length}
          recordsPerPage={pageSize}
          recordsPerPageOptions={PAGE_SIZES}
          onRecordsPerPageChange={(n) => {
            setPage(1);
            setPageSize(n);
          }}
          recordsPerPageLabel={t('perPage')}
          paginationText={({ from, to, totalRecords }) => t('pagination', { from: f.number(from), to: f.number(to), total: f.number(totalRecords) })}
          paginationSize="xs"
          onRowClick={({ record }) => openRecord(record.clock.recordType, record.clock.recordId)}
          rowStyle={() => ({ cursor: 'pointer' })}
          customRowAttributes={({ clock, look }) => ({ 'data-clock-id': clock.id, 'data-state': look.state, 'data-look': look.look })}
          data-testid="clock-table"
        />
      )}
    </Stack>
  );
}
