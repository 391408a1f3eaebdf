import { useState } from 'react';
import { Button, Group, List, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconExternalLink, IconListDetails } from '@tabler/icons-react';
import { alertMessage } from '@shared/clocks';
import type { Alert } from '@shared/schemas/clock';
import { useUiLanguage } from '../../i18n';
import { useFeatureT } from '../../lib/featureT';
import { notifyError } from '../../lib/notify';
import { useOrgTimeZone } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { acknowledgeAlert, useAlerts } from './alertsStore';
import { NS } from './clockView';

/** The alert's text in the UI language, the due instant in the organisation's zone. */
export function useAlertText(a: Alert): { title: string; body: string } {
  const lang = useUiLanguage();
  const zone = useOrgTimeZone();
  return alertMessage(a, lang, zone);
}

export function AlertToastTitle({ alert }: { alert: Alert }) {
  return <>{useAlertText(alert).title}</>;
}

/** One reminder in a toast: what and when, and what to do about it. */
export function AlertToastBody({ alert }: { alert: Alert }) {
  const { body } = useAlertText(alert);
  return (
    <Stack gap={6} data-testid="clock-alert" data-alert-id={alert.id}>
      <Text size="sm">{body}</Text>
      <Group gap="xs">
        <OpenAlertRecord alert={alert} />
        <AcknowledgeAlert alert={alert} />
      </Group>
    </Stack>
  );
}

/** Opens the reminder's record (after `onOpen`, which closes what it was shown in). */
export function OpenAlertRecord({ alert, onOpen }: { alert: Alert; onOpen?(): void }) {
  const t = useFeatureT(NS);
  const openRecord = useNavigation((s) => s.openRecord);
  return (
    <Button
      size="compact-xs"
      variant="default"
      leftSection={<IconExternalLink size={13} />}
      onClick={() => {
        onOpen?.();
        openRecord(alert.recordType, alert.recordId);
      }}
    >
      {t('alerts.openRecord', { reference: alert.reference })}
    </Button>
  );
}

/** Acknowledges the reminder in the core; the button stays busy until its toast or row goes away, or the error is shown. */
export function AcknowledgeAlert({ alert }: { alert: Alert }) {
  const t = useFeatureT(NS);
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="compact-xs"
      variant="light"
      leftSection={<IconCheck size={13} />}
      loading={busy}
      onClick={() => {
        setBusy(true);
        acknowledgeAlert(alert.id).catch((e: unknown) => {
          notifyError(e);
          setBusy(false);
        });
      }}
    >
      {t('alerts.acknowledge')}
    </Button>
  );
}

const GROUP_PREVIEW = 3;

/** Many reminders at once (after a holiday, at start): one toast, the first few, and "See all". */
export function AlertGroupBody({ alerts, notificationId }: { alerts: Alert[]; notificationId: string }) {
  const t = useFeatureT(NS);
  const lang = useUiLanguage();
  const zone = useOrgTimeZone();
  const openDrawer = useAlerts((s) => s.openDrawer);
  const missed = alerts.filter((a) => a.missed).length;
  return (
    <Stack gap={6} data-testid="clock-alert-group">
      {missed > 0 && (
        <Text size="sm" c="dimmed">
          {t('alerts.groupMissed', { count: missed })}
        </Text>
      )}
      <List size="sm" spacing={2}>
        {alerts.slice(0, GROUP_PREVIEW).map((a) => (
          <List.Item key={a.id}>{alertMessage(a, lang, zone).title}</List.Item>
        ))}
      </List>
      {alerts.length > GROUP_PREVIEW && (
        <Text size="sm" c="dimmed">
          {t('alerts.andMore', { count: alerts.length - GROUP_PREVIEW })}
        </Text>
      )}
      <Group gap="xs">
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconListDetails size={13} />}
          onClick={() => {
            openDrawer();
            notifications.hide(notificationId);
          }}
        >
          {t('alerts.seeAll')}
        </Button>
      </Group>
    </Stack>
  );
}
