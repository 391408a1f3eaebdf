import { Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { Clock } from '@shared/schemas/clock';
import type { RecordRef, RecordType } from '@shared/schemas/record-types';
import { compareClocks, evaluateClock } from '@shared/clocks';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useAppNow } from '../../lib/appClock';
import { useRemote } from '../../lib/useRemote';
import { useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { ErrorNotice } from '../ErrorNotice';
import { ClockCountdown, ClockStateLabel, useDueText } from './ClockStateLabel';
import { RECORDS_NS } from './labels';
import { PanelList, PanelRow } from './PanelList';
import { Panel } from '../../kit/Panel';

type Ref = Pick<RecordRef, 'type' | 'id'>;

/**
 * Every deadline of a record, whatever its state: what it is, on what basis, when it falls due in
 * the organisation's zone, a live countdown, and its state in words and icon.
 */
export function RecordClocks({ record }: { record: Ref }) {
  const t = useFeatureT(RECORDS_NS);
  // The core's time (its test clock in test mode), so countdowns agree with its reminders.
  const now = useAppNow();
  // A clock moves with its record, and with what hangs off it (a client notified, a reply letter).
  const version =
    useRecordVersion(record.type, record.id) + useRecordTypeVersion('notification') + useRecordTypeVersion('client') + useRecordTypeVersion('letter');
  const { data: clocks, error } = useRemote(() => api.call('clocks.ofRecord', { recordType: record.type as RecordType, recordId: record.id }).then((r) => r.clocks), [record.type, record.id, version]);

  const sorted = clocks ? [...clocks].sort(compareClocks(now)) : null;

  return (
    <Panel title={t('clocks.title')} count={clocks?.length ?? null} testId="record-clocks">
      {error !== null && <ErrorNotice error={error} title={t('clocks.loadFailed')} />}
      <PanelList items={sorted} error={error} empty={t('clocks.empty')}>
        {(c) => <ClockRow key={c.id} clock={c} now={now} ownRecord={c.recordType === record.type && c.recordId === record.id} />}
      </PanelList>
    </Panel>
  );
}

function ClockRow({ clock: c, now, ownRecord }: { clock: Clock; now: number; ownRecord: boolean }) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const dueText = useDueText();
  const { needsDelayReasons } = evaluateClock(c, now);
  return (
    <PanelRow gap="md" py={8} testId="clock-row">
      <div style={{ flex: 1, minWidth: 0 }}>
        <Text size="sm" fw={600}>
          {c.label[f.lang]}
          {c.party && (
            <Text span size="sm" fw={400}>
              {' – '}
              {c.party}
            </Text>
          )}
          {!ownRecord && (
            <Text span size="xs" c="dimmed" fw={400} className="tabular">
              {' · '}
              {c.reference}
            </Text>
          )}
        </Text>
        <Text size="xs" c="dimmed" lh={1.45}>
          {c.basis[f.lang]}
        </Text>
        <Text size="xs" mt={4} className="tabular">
          {c.due ? (
            <Dated label={t('clocks.due')} value={dueText(c.due)} />
          ) : c.target ? (
            <Dated label={t('clocks.target')} value={f.dateTime(c.target)} />
          ) : (
            <Text span size="xs" c="dimmed">
              {t('clocks.noDue')}
            </Text>
          )}
          {c.metAt && (
            <>
              {' · '}
              <Dated label={t('clocks.metAt')} value={f.dateTime(c.metAt)} />
            </>
          )}
          <Text span size="xs" c="dimmed">
            {' · '}
            {t('clocks.startedAt', { date: f.dateTime(c.startedAt) })}
          </Text>
        </Text>
        {c.note && (
          <Remark Icon={IconInfoCircle} color="navy-7">
            <Text size="xs">{c.note[f.lang]}</Text>
          </Remark>
        )}
        {needsDelayReasons && (
          <Remark Icon={IconAlertTriangle} color="orange-9">
            <Text size="xs" c="orange.9" fw={600}>
              {t('clocks.needsDelayReasons')}
            </Text>
          </Remark>
        )}
      </div>
      <Stack gap={2} align="flex-end" style={{ flex: '0 0 auto', maxWidth: '45%' }}>
        <ClockStateLabel clock={c} now={now} />
        <ClockCountdown clock={c} now={now} />
      </Stack>
    </PanelRow>
  );
}

/** An instant on the clock's line after its dimmed name ("Due", "Met"). */
function Dated({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Text span size="xs" c="dimmed">
        {label}{' '}
      </Text>
      {value}
    </>
  );
}

/** A line under the clock with its icon (a note from the rule, a warning). */
function Remark({ Icon, color, children }: { Icon: typeof IconInfoCircle; color: string; children: React.ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" mt={4}>
      <Icon size={14} color={`var(--mantine-color-${color})`} aria-hidden style={{ flex: '0 0 auto', marginTop: 1 }} />
      {children}
    </Group>
  );
}
