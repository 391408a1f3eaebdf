import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Paper, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconDots, IconPencil, IconPlus, IconSend } from '@tabler/icons-react';
import { formatCountdown } from '@shared/clocks';
import type { Incident, Notification } from '@shared/schemas/incident';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { NotificationModal } from './NotificationModal';
import { NS } from './recordType';
import { ReasonModal } from '../../components/records/ReasonModal';

type Dialog = { kind: 'add' } | { kind: 'correct'; n: Notification } | { kind: 'withdraw'; n: Notification } | null;

/** Every notification sent about the incident, in the order sent (Art. 33(4): phased information). */
export function NotificationsPanel({ incident, notifications, onChanged }: { incident: Incident; notifications: readonly Notification[]; onChanged(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const editable = !incident.archivedAt;
  const ordered = [...notifications].sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt) || a.id.localeCompare(b.id));

  return (
    <Paper withBorder p="md">
      <Group justify="space-between" mb="sm" wrap="nowrap">
        <Title order={2} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
          {t('notifications.title')}
        </Title>
        {editable && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'add' })}>
            {t('notifications.add')}
          </Button>
        )}
      </Group>
      {ordered.length === 0 ? (
        <Group gap={8} c="dimmed" wrap="nowrap">
          <IconSend size={16} aria-hidden />
          <Text size="sm" c="dimmed">
            {t('notifications.empty')}
          </Text>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} horizontalSpacing="xs" striped={false} highlightOnHover data-testid="notifications-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.recipient')}</Table.Th>
                <Table.Th>{t('fields.phase')}</Table.Th>
                <Table.Th>{t('fields.sentAt')}</Table.Th>
                <Table.Th>{t('fields.method')}</Table.Th>
                <Table.Th>{t('fields.notificationReference')}</Table.Th>
                {editable && (
                  <Table.Th w={40}>
                    <VisuallyHidden>{t('notifications.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {ordered.map((n) => (
                <Table.Tr key={n.id} data-testid="notification-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {t(`recipient.${n.recipient}`)}
                      {n.recipientName && (
                        <Text span size="sm" fw={400}>
                          {' '}
                          · {n.recipientName}
                        </Text>
                      )}
                    </Text>
                    {n.content && (
                      <Text size="xs" c="dimmed" lineClamp={1} title={n.content} maw={260}>
                        {n.content}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant={n.phase === 'initial' ? 'filled' : 'light'} color="navy" size="sm" tt="none">
                      {t(`phase.${n.phase}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {f.dateTime(n.sentAt)}
                    </Text>
                    <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {t('notifications.afterAwareness', { time: formatCountdown(Date.parse(n.sentAt) - Date.parse(incident.awareAt), f.lang) })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`method.${n.method}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="tabular" c={n.reference ? undefined : 'dimmed'} style={{ wordBreak: 'break-word' }}>
                      {n.reference || t('detail.notRecorded')}
                    </Text>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('notifications.actionsFor', { phase: t(`phase.${n.phase}`), date: f.dateTime(n.sentAt) })}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog({ kind: 'correct', n })}>
                            {t('notifications.correct')}
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconArchive size={14} />} onClick={() => setDialog({ kind: 'withdraw', n })}>
                            {t('notifications.withdraw')}
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'correct') && (
        <NotificationModal
          incident={incident}
          notifications={notifications}
          notification={dialog.kind === 'correct' ? dialog.n : undefined}
          onClose={(saved) => {
            setDialog(null);
            if (saved) onChanged();
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ReasonModal
          title={t('notifications.withdrawTitle')}
          body={t('notifications.withdrawBody', { phase: t(`phase.${dialog.n.phase}`), recipient: t(`recipient.${dialog.n.recipient}`), date: f.dateTime(dialog.n.sentAt) })}
          reasonHelp={t('notifications.withdrawHelp')}
          submitLabel={t('notifications.withdraw')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await api.call('incidents.archiveNotification', { id: dialog.n.id, reason });
            notifySuccess(t('notifications.withdrawn'));
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
