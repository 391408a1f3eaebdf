import { useState } from 'react';
import { Button, Drawer, EmptyState, Group, Loader, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconAlarm, IconAlarmFilled, IconBellCheck, IconCheck, IconChecks, IconHourglassHigh } from '@tabler/icons-react';
import type { Alert } from '@shared/schemas/clock';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { notifyError } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { AcknowledgeAlert, OpenAlertRecord, useAlertText } from './AlertToast';
import { acknowledgeAlert, useAlerts } from './alertsStore';
import { NS } from './clockView';
import { useRemote } from '../../lib/useRemote';

type Show = 'pending' | 'recent';

/** The reminders: those still to acknowledge, or the recent ones whatever their state. */
export function AlertsDrawer() {
  const t = useFeatureT(NS);
  const opened = useAlerts((s) => s.drawerOpen);
  const close = useAlerts((s) => s.closeDrawer);
  const pending = useAlerts((s) => s.pending);
  const badge = useAlerts((s) => s.badge);
  const loadError = useAlerts((s) => s.loadError);
  const go = useNavigation((s) => s.go);
  const [show, setShow] = useState<Show>('pending');
  const [all, setAll] = useState(false);

  // The recent list is read when asked for, and again after each acknowledgement.
  const pendingKey = pending.map((a) => a.id).join(',');
  const { data: recent, error: recentError } = useRemote(opened && show === 'recent' ? () => api.call('alerts.list', { limit: 100 }).then((r) => r.alerts) : null, [opened, show, pendingKey]);

  async function acknowledgeAll() {
    setAll(true);
    try {
      for (const a of pending) await acknowledgeAlert(a.id);
    } catch (e) {
      notifyError(e);
    } finally {
      setAll(false);
    }
  }

  const list = show === 'pending' ? pending : recent;
  return (
    <Drawer opened={opened} onClose={close} position="right" size={520} title={<Text fw={600}>{t('alerts.title')}</Text>} data-testid="alerts-drawer">
      <Stack gap="md">
        {badge && (
          <Group gap="xs" justify="space-between">
            <Text size="sm" data-testid="alerts-badge-line">
              {t('alerts.badgeLine', { count: badge.dueWithin24h })}
              {badge.overdue > 0 && ` · ${t('alerts.overdueLine', { count: badge.overdue })}`}
            </Text>
            <Button
              size="compact-sm"
              variant="subtle"
              leftSection={<IconHourglassHigh size={14} />}
              onClick={() => {
                close();
                go({ name: 'clocks' });
              }}
            >
              {t('alerts.openBoard')}
            </Button>
          </Group>
        )}
        <Group justify="space-between" wrap="nowrap">
          <SegmentedControl
            size="xs"
            value={show}
            onChange={(v) => setShow(v as Show)}
            data={[
              { value: 'pending', label: t('alerts.showPending', { count: pending.length }) },
              { value: 'recent', label: t('alerts.showRecent') },
            ]}
          />
          {show === 'pending' && pending.length > 1 && (
            <Button size="compact-sm" variant="default" leftSection={<IconChecks size={14} />} loading={all} onClick={() => void acknowledgeAll()}>
              {t('alerts.acknowledgeAll')}
            </Button>
          )}
        </Group>
        {show === 'pending' && loadError !== null && <ErrorNotice error={loadError} title={t('alerts.loadFailed')} />}
        {show === 'recent' && recentError !== null && <ErrorNotice error={recentError} title={t('alerts.loadFailed')} />}
        {list === null ? (
          <Loader size="sm" />
        ) : list.length === 0 ? (
          <EmptyState
            icon={<IconBellCheck size={26} stroke={1.5} />}
            withIndicatorBackground
            title={show === 'pending' ? t('alerts.noneTitle') : t('alerts.noneRecentTitle')}
            description={t('alerts.noneBody')}
          />
        ) : (
          <Stack gap="xs">
            {list.map((a) => (
              <AlertItem key={a.id} alert={a} onOpen={close} />
            ))}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}

function AlertItem({ alert, onOpen }: { alert: Alert; onOpen(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const { title, body } = useAlertText(alert);
  const acknowledged = alert.acknowledgedAt !== null;
  const expiry = alert.threshold === 0;

  return (
    <Paper withBorder p="sm" data-testid="alert-item" data-alert-id={alert.id}>
      <Stack gap={6}>
        <Group gap={8} wrap="nowrap" align="flex-start">
          <Text c={acknowledged ? 'dimmed' : expiry ? 'red.8' : 'orange.9'} lh={1} mt={2}>
            {expiry ? <IconAlarmFilled size={16} aria-hidden /> : <IconAlarm size={16} aria-hidden />}
          </Text>
          <Text size="sm" fw={600} style={{ flex: 1 }}>
            {title}
          </Text>
        </Group>
        <Text size="sm">{body}</Text>
        <Text size="xs" c="dimmed" className="tabular">
          {t('alerts.firedAt', { date: f.dateTime(alert.firedAt) })}
        </Text>
        <Group gap="xs" justify="space-between">
          <OpenAlertRecord alert={alert} onOpen={onOpen} />
          {acknowledged ? (
            <Group gap={4} c="teal.8">
              <IconCheck size={13} aria-hidden />
              <Text size="xs" c="teal.8">
                {t('alerts.acknowledgedAt', { date: f.dateTime(alert.acknowledgedAt!) })}
              </Text>
            </Group>
          ) : (
            <AcknowledgeAlert alert={alert} />
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
