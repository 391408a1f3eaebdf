import { useEffect, useState } from 'react';
import { Anchor, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconAlertOctagon, IconClockExclamation, IconFolderOpen } from '@tabler/icons-react';
import type { Clock } from '@shared/schemas/clock';
import type { Dashboard } from '@shared/schemas/search';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ClockCountdown, ClockStateLabel, useDueText } from '../../components/records/ClockStateLabel';
import { RECORD_TYPE_ICON, RecordTypeLabel } from '../../components/records/RecordBadges';
import { recordTypeLabel, recordTypePlural } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useAppClock, useAppNow } from '../../lib/appClock';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { viewComponent } from '../registry';
import classes from './DashboardView.module.css';
import { PageHeader } from '../../components/PageHeader';
import { ReferenceLink } from '../../components/ReferenceLink';
import { DrillBadge } from '../../components/Drill';

/** The registers in the order a DPO office reads them, each with its list view. */
/** Client contracts have no deadlines of their own: their clocks are their incidents'. */
const REGISTERS: { type: keyof Dashboard['registers']; view: string }[] = [
  { type: 'incident', view: 'incidents' },
  { type: 'complaint', view: 'complaints' },
  { type: 'letter', view: 'letters' },
  { type: 'matter', view: 'matters' },
  { type: 'action', view: 'actions' },
];

const URGENT_SHOWN = 8;

/** Any change to any record may change a count or a clock. */
function useAnyChange(): number {
  return useRecordChanges((s) => s.epoch + Object.values(s.byType).reduce((a, b) => a + b, 0));
}

/** Home: what is open, due within a week and overdue in each register, and the deadlines closest to expiry. */
export function DashboardView() {
  const t = useFeatureT('dashboard');
  const f = useFormatters();
  // The core's time (its test clock in test mode): countdowns agree with its reminders and counts.
  const now = useAppNow();
  const changes = useAnyChange();
  const [data, setData] = useState<{ dashboard: Dashboard; clocks: Clock[]; clocksTotal: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Counts move with time too ("due within 7 days", "overdue"): read again every minute.
  const minute = Math.floor(now / 60_000);

  useEffect(() => {
    let current = true;
    Promise.all([api.call('dashboard.get', {}), api.call('clocks.list', { limit: URGENT_SHOWN })]).then(
      ([dashboard, clocks]) => {
        if (!current) return;
        useAppClock.getState().observe(clocks.at);
        setData({ dashboard, clocks: clocks.items, clocksTotal: clocks.total });
        setError(null);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [changes, minute]);

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} subtitle={data ? t('subtitle', { date: f.dateTime(data.dashboard.at), zone: f.zone }) : t('subtitleLoading')} />
      {error !== null && <ErrorNotice error={error} title={t('loadFailed')} />}
      {data === null ? (
        error === null && <Loader size="sm" aria-label={t('loading')} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 3, lg: 5 }} spacing="md" data-testid="dashboard-registers">
            {REGISTERS.map((r) => (
              <RegisterCard key={r.type} type={r.type} view={r.view} counts={data.dashboard.registers[r.type]} />
            ))}
          </SimpleGrid>
          <UrgentClocks clocks={data.clocks} total={data.clocksTotal} now={now} />
        </>
      )}
    </Stack>
  );
}

function RegisterCard({ type, view, counts }: { type: keyof Dashboard['registers']; view: string; counts: Dashboard['registers'][keyof Dashboard['registers']] }) {
  const t = useFeatureT('dashboard');
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  // A register whose screens are not in this build yet is counted, not linked.
  const available = viewComponent(view) !== null;
  const open = () => go({ name: view });
  const Icon = RECORD_TYPE_ICON[type];
  const name = recordTypePlural(type);
  const rows: { key: 'open' | 'dueSoon' | 'overdue'; value: number; icon: React.ReactNode; color?: string }[] = [
    { key: 'open', value: counts.open, icon: <IconFolderOpen size={15} stroke={1.6} aria-hidden /> },
    {
      key: 'dueSoon',
      value: counts.dueSoon,
      icon: <IconClockExclamation size={15} stroke={1.6} aria-hidden />,
      color: counts.dueSoon > 0 ? 'orange.9' : undefined,
    },
    {
      key: 'overdue',
      value: counts.overdue,
      icon: <IconAlertOctagon size={15} stroke={1.6} aria-hidden />,
      color: counts.overdue > 0 ? 'red.8' : undefined,
    },
  ];
  return (
    <Paper withBorder p="sm" component="section" aria-label={name} data-testid={`dashboard-${type}`}>
      <Group gap={8} mb={8} wrap="nowrap">
        <Icon size={18} stroke={1.6} aria-hidden />
        {available ? (
          <Anchor component="button" type="button" fw={600} size="md" c="dark.7" onClick={open}>
            {name}
          </Anchor>
        ) : (
          <Text fw={600} size="md">
            {name}
          </Text>
        )}
      </Group>
      <Stack gap={2}>
        {rows.map((row) => {
          const label = t(`counts.${row.key}`);
          const content = (
            <Group justify="space-between" wrap="nowrap" gap="xs" px={6} py={4}>
              <Group gap={6} wrap="nowrap" c={row.value > 0 ? row.color : 'dimmed'}>
                {row.icon}
                <Text size="sm" c={row.value > 0 ? row.color : 'dimmed'}>
                  {label}
                </Text>
              </Group>
              {/* The label and the number are read as two words ("Overdue 1"): the button's name starts with them. */}{' '}
              <Text
                size="xl"
                fw={row.value > 0 && row.key !== 'open' ? 700 : 600}
                className="tabular"
                c={row.value > 0 ? (row.color ?? 'dark.7') : 'dimmed'}
                data-testid={`count-${row.key}`}
              >
                {f.number(row.value)}
              </Text>
            </Group>
          );
          return available ? (
            <UnstyledButton
              key={row.key}
              onClick={open}
              aria-label={t('countLabel', { register: name, label, count: row.value, formatted: f.number(row.value) })}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              className={classes.count}
              data-testid={`dashboard-${type}-${row.key}`}
            >
              {content}
            </UnstyledButton>
          ) : (
            <div key={row.key} data-testid={`dashboard-${type}-${row.key}`}>
              {content}
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}

function UrgentClocks({ clocks, total, now }: { clocks: Clock[]; total: number; now: number }) {
  const t = useFeatureT('dashboard');
  const f = useFormatters();
  const dueText = useDueText();
  const go = useNavigation((s) => s.go);
  const openRecord = useNavigation((s) => s.openRecord);
  const board = viewComponent('clocks') !== null;
  return (
    <Paper withBorder p="md" component="section" aria-label={t('urgent.title')}>
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Group gap={6} align="baseline">
          <Title order={2} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
            {t('urgent.title')}
          </Title>
          {total > 0 && (
            <Text size="xs" c="dimmed" className="tabular">
              {t('urgent.count', { shown: f.number(clocks.length), total: f.number(total), count: total })}
            </Text>
          )}
        </Group>
        {board && (
          <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'clocks' })}>
            {t('urgent.all')}
          </Anchor>
        )}
      </Group>
      {clocks.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('urgent.empty')}
        </Text>
      ) : (
        <Table verticalSpacing={6} horizontalSpacing="sm" highlightOnHover data-testid="urgent-clocks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={120}>{t('urgent.state')}</Table.Th>
              <Table.Th w={160}>{t('urgent.left')}</Table.Th>
              <Table.Th w={200}>{t('urgent.due')}</Table.Th>
              <Table.Th>{t('urgent.deadline')}</Table.Th>
              <Table.Th w={300}>{t('urgent.record')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clocks.map((c) => (
              <Table.Tr key={c.id} onClick={() => openRecord(c.recordType, c.recordId)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <ClockStateLabel clock={c} now={now} withReason={false} />
                </Table.Td>
                <Table.Td>
                  <ClockCountdown clock={c} now={now} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                    {c.due ? dueText(c.due) : c.target ? t('urgent.target', { date: f.dateTime(c.target) }) : t('urgent.noDue')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={1} title={c.label[f.lang]}>
                    {c.label[f.lang]}
                  </Text>
                  {c.party && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {t('urgent.party', { party: c.party })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={8} wrap="nowrap">
                    <RecordTypeLabel type={c.recordType} size="xs" />
                    <ReferenceLink reference={c.reference} label={t('open', { type: recordTypeLabel(c.recordType), reference: c.reference })} onOpen={() => openRecord(c.recordType, c.recordId)} />
                    {c.drill && <DrillBadge size="xs" />}
                    <Text size="sm" c="dimmed" lineClamp={1} title={c.title}>
                      {c.title}
                    </Text>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
