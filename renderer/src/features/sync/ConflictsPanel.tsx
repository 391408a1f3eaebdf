import { useCallback, useEffect, useState } from 'react';
import { Badge, Box, Button, Collapse, EmptyState, Group, Loader, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconCircleCheck, IconGitMerge } from '@tabler/icons-react';
import type { Conflict } from '@shared/schemas/sync';
import { RecordType } from '@shared/schemas/record-types';
import { api } from '../../api';
import { useCan } from '../../lib/permissions';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/useAction';
import { useFormatters } from '../../lib/useFormatters';
import { useAppStatus } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { formatHistoryValue, historyFieldLabel } from '../../components/records/historyValues';
import { recordTypeLabel } from '../../components/records/labels';
import { SyncErrorNotice } from './SyncErrorNotice';
import { SectionIntro } from './SectionIntro';
import { useSyncStatus } from './syncStore';
import { ReferenceLink } from '../../components/ReferenceLink';

type Choice = Conflict['resolution'] & string;

/**
 * Values that lost to a concurrent change of the same field: each kept here until someone keeps
 * the current value or takes the other one (which then syncs like any change).
 */
export function ConflictsPanel({ openCount }: { openCount: number }) {
  const st = useFeatureT('sync');
  const [conflicts, setConflicts] = useState<Conflict[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const changes = useRecordChanges((s) => s.epoch + Object.values(s.byType).reduce((a, b) => a + b, 0));

  const load = useCallback(async () => {
    try {
      setConflicts((await api.call('conflicts.list', { includeResolved: true })).conflicts);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);

  // New conflicts come with a sync round (the open count moves); current values with record changes.
  useEffect(() => {
    const timer = window.setTimeout(() => void load(), 200);
    return () => window.clearTimeout(timer);
  }, [load, openCount, changes]);

  if (error !== null && !conflicts) return <SyncErrorNotice error={error} context="action" title={st('conflicts.loadFailed')} />;
  if (!conflicts) return <Loader size="sm" />;
  const open = conflicts.filter((c) => !c.resolvedAt);
  const resolved = conflicts.filter((c) => c.resolvedAt).sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''));

  return (
    <Stack gap="md">
      <SectionIntro title={st('conflicts.title')} help={st('conflicts.help')} />
      {error !== null && <SyncErrorNotice error={error} context="action" />}
      {open.length === 0 ? (
        <EmptyState icon={<IconCircleCheck size={26} stroke={1.5} aria-hidden />} withIndicatorBackground title={st('conflicts.noneTitle')} description={st('conflicts.noneBody')} />
      ) : (
        <Stack gap="sm" data-testid="open-conflicts">
          {open.map((c) => (
            <OpenConflict key={c.id} conflict={c} onResolved={() => void load()} />
          ))}
        </Stack>
      )}
      {resolved.length > 0 && (
        <Box>
          <UnstyledButton onClick={() => setHistoryOpen((o) => !o)} aria-expanded={historyOpen} aria-controls="sync-resolved-conflicts">
            <Group gap={6}>
              {historyOpen ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
              <Text size="sm" fw={600}>
                {st('conflicts.resolvedTitle', { count: resolved.length })}
              </Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={historyOpen} id="sync-resolved-conflicts">
            <Stack gap={6} mt="xs" data-testid="resolved-conflicts">
              {resolved.map((c) => (
                <ResolvedConflict key={c.id} conflict={c} />
              ))}
            </Stack>
          </Collapse>
        </Box>
      )}
    </Stack>
  );
}

function RecordRefLink({ conflict }: { conflict: Conflict }) {
  const st = useFeatureT('sync');
  const openRecord = useNavigation((s) => s.openRecord);
  const type = RecordType.safeParse(conflict.recordType);
  const reference = conflict.reference ?? st('conflicts.noReference', { id: conflict.recordId.slice(0, 8) });
  return (
    <Group gap={6} wrap="nowrap">
      <Badge size="sm" variant="light" color="gray" tt="none">
        {recordTypeLabel(conflict.recordType)}
      </Badge>
      {type.success ? (
        <ReferenceLink reference={reference} label={st('conflicts.openRecord', { reference })} onOpen={() => openRecord(type.data, conflict.recordId)} />
      ) : (
        <Text size="sm" fw={600} className="tabular">
          {reference}
        </Text>
      )}
    </Group>
  );
}

function useMachine() {
  const st = useFeatureT('sync');
  const myDevice = useAppStatus((s) => s.status?.profile?.deviceId ?? null);
  return (device: string) => (device === myDevice ? st('conflicts.thisMachine') : st('conflicts.otherMachine', { id: device.slice(0, 8) }));
}

function OpenConflict({ conflict: c, onResolved }: { conflict: Conflict; onResolved(): void }) {
  const st = useFeatureT('sync');
  const f = useFormatters();
  const machine = useMachine();
  const { running: busy, error, run } = useAction<Choice>();
  const field = historyFieldLabel(c.recordType, c.field);
  const can = useCan();

  const resolve = (choice: Choice) =>
    run(async () => {
      await api.call('conflicts.resolve', { id: c.id, choice });
      notifySuccess(st(choice === 'took_losing' ? 'conflicts.tookDone' : 'conflicts.keptDone', { field, reference: c.reference ?? '' }));
      useRecordChanges.getState().bump(c.recordType, c.recordId);
      void useSyncStatus.getState().load();
      onResolved();
    }, choice);

  return (
    <Paper withBorder p="md" data-testid="conflict" aria-label={st('conflicts.itemLabel', { field, reference: c.reference ?? '' })}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Group gap="sm" wrap="wrap">
            <RecordRefLink conflict={c} />
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {st('conflicts.field')}{' '}
              </Text>
              <Text span fw={600} size="sm" data-testid="conflict-field">
                {field}
              </Text>
            </Text>
          </Group>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {st('conflicts.detected', { date: f.dateTime(c.detectedAt) })}
          </Text>
        </Group>
        <SimpleGrid cols={2} spacing="sm">
          <ValueBox title={st('conflicts.current')} help={st('conflicts.currentHelp')} value={formatHistoryValue(c.recordType, c.field, c.currentValue, f)} testId="conflict-current" />
          <ValueBox
            title={st('conflicts.losing')}
            help={st('conflicts.losingBy', { actor: c.losingActor, machine: machine(c.losingDevice), date: f.dateTime(c.losingAt) })}
            value={formatHistoryValue(c.recordType, c.field, c.losingValue, f)}
            testId="conflict-losing"
            accent
          />
        </SimpleGrid>
        {error !== null && <SyncErrorNotice error={error} context="action" />}
        {/* Settling a conflict is a change of the record: for a role that may change it. */}
        {can('write', c.recordType) && (
          <Group justify="flex-end" gap="xs">
            <Button variant="default" size="xs" loading={busy === 'kept_current'} disabled={busy !== null} onClick={() => void resolve('kept_current')}>
              {st('conflicts.keep')}
            </Button>
            <Button size="xs" leftSection={<IconGitMerge size={14} />} loading={busy === 'took_losing'} disabled={busy !== null} onClick={() => void resolve('took_losing')}>
              {st('conflicts.take')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function ValueBox({ title, help, value, testId, accent }: { title: string; help: string; value: string; testId: string; accent?: boolean }) {
  return (
    <Box
      p="sm"
      style={{
        border: `1px solid var(--mantine-color-${accent ? 'orange-3' : 'gray-3'})`,
        borderLeft: `3px solid var(--mantine-color-${accent ? 'orange-6' : 'teal-6'})`,
        borderRadius: 'var(--mantine-radius-sm)',
        background: accent ? 'var(--mantine-color-orange-0)' : 'var(--mantine-color-gray-0)',
      }}
    >
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Text>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        {help}
      </Text>
    </Box>
  );
}

function ResolvedConflict({ conflict: c }: { conflict: Conflict }) {
  const st = useFeatureT('sync');
  const f = useFormatters();
  const machine = useMachine();
  const took = c.resolution === 'took_losing';
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="resolved-conflict">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Group gap="sm" wrap="wrap">
            <RecordRefLink conflict={c} />
            <Text size="sm" fw={600}>
              {historyFieldLabel(c.recordType, c.field)}
            </Text>
          </Group>
          <Text size="xs">
            {st(took ? 'conflicts.resolvedTook' : 'conflicts.resolvedKept', { value: formatHistoryValue(c.recordType, c.field, took ? c.losingValue : c.currentValue, f) })}
          </Text>
          <Text size="xs" c="dimmed">
            {took
              ? st('conflicts.resolvedTookBy', { actor: c.losingActor, machine: machine(c.losingDevice), date: f.dateTime(c.losingAt) })
              : st('conflicts.resolvedKeptOther', {
                  value: formatHistoryValue(c.recordType, c.field, c.losingValue, f),
                  actor: c.losingActor,
                  machine: machine(c.losingDevice),
                  date: f.dateTime(c.losingAt),
                })}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {c.resolvedAt ? st('conflicts.resolvedOn', { date: f.dateTime(c.resolvedAt) }) : ''}
        </Text>
      </Group>
    </Paper>
  );
}
