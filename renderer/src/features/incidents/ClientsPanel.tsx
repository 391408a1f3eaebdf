import { useState } from 'react';
import { ActionIcon, Button, Group, Menu, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconBuildingSkyscraper, IconDots, IconPencil, IconPlus } from '@tabler/icons-react';
import type { AffectedClient, Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { ClientModal } from './ClientModal';
import { clientClockFacts } from './clockFacts';
import { ClockStatus } from './ClockStatus';
import { NS } from './recordType';
import { ReasonModal } from '../../components/records/ReasonModal';

type Dialog = { kind: 'add' } | { kind: 'edit'; c: AffectedClient } | { kind: 'withdraw'; c: AffectedClient } | null;

/**
 * When we are the processor: each affected client controller with its own contractual clock (from
 * detection, Art. 33(2)), when and how it was told, its acknowledgement, and its own notification.
 */
export function ClientsPanel({ incident, clients, onChanged }: { incident: Incident; clients: readonly AffectedClient[]; onChanged(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const editable = !incident.archivedAt;
  const start = incident.detectedAt ?? incident.awareAt;
  const none = <Text span size="sm" c="dimmed">{t('detail.notRecorded')}</Text>;

  return (
    <Paper withBorder p="md" data-testid="clients-panel">
      <Group justify="space-between" mb={4} wrap="nowrap">
        <Title order={2} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
          {t('clients.title')}
        </Title>
        {editable && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setDialog({ kind: 'add' })}>
            {t('clients.add')}
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {incident.detectedAt ? t('clients.hintDetection', { date: f.dateTime(start) }) : t('clients.hintAwareness', { date: f.dateTime(start) })}
      </Text>
      {clients.length === 0 ? (
        <Group gap={8} wrap="nowrap">
          <IconBuildingSkyscraper size={16} color="var(--mantine-color-dimmed)" aria-hidden />
          <Text size="sm" c="dimmed">
            {t('clients.empty')}
          </Text>
        </Group>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing={8} horizontalSpacing="xs" highlightOnHover data-testid="clients-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.clientName')}</Table.Th>
                <Table.Th>{t('fields.contractHours')}</Table.Th>
                <Table.Th>{t('clients.ourClock')}</Table.Th>
                <Table.Th>{t('fields.clientNotifiedAt')}</Table.Th>
                <Table.Th>{t('fields.acknowledgedAt')}</Table.Th>
                <Table.Th>{t('clients.theirAuthority')}</Table.Th>
                {editable && (
                  <Table.Th w={40}>
                    <VisuallyHidden>{t('clients.actions')}</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.map((c) => (
                <Table.Tr key={c.id} data-testid="client-row">
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {c.name}
                    </Text>
                    {c.contact && (
                      <Text size="xs" c="dimmed" lineClamp={1} title={c.contact}>
                        {c.contact}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                      {c.contractHours === null ? t('clients.noTerm') : t('clients.hours', { hours: c.contractHours })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <ClockStatus facts={clientClockFacts(c, incident)} testId="client-clock" />
                  </Table.Td>
                  <Table.Td>
                    {c.notifiedAt ? (
                      <Stack gap={0}>
                        <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                          {f.dateTime(c.notifiedAt)}
                        </Text>
                        {c.notifiedHow && (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {c.notifiedHow}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      none
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.acknowledgedAt ? (
                      <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                        {f.dateTime(c.acknowledgedAt)}
                      </Text>
                    ) : (
                      none
                    )}
                  </Table.Td>
                  <Table.Td>
                    {c.authorityNotifiedAt || c.authorityReference ? (
                      <Stack gap={0}>
                        {c.authorityNotifiedAt && (
                          <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                            {f.dateTime(c.authorityNotifiedAt)}
                          </Text>
                        )}
                        {c.authorityReference && (
                          <Text size="xs" c="dimmed" className="tabular">
                            {t('clients.reference', { reference: c.authorityReference })}
                          </Text>
                        )}
                      </Stack>
                    ) : (
                      <Text span size="sm" c="dimmed">
                        {t('clients.notReported')}
                      </Text>
                    )}
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label={t('clients.actionsFor', { name: c.name })}>
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => setDialog({ kind: 'edit', c })}>
                            {t('clients.edit')}
                          </Menu.Item>
                          <Menu.Item color="red" leftSection={<IconArchive size={14} />} onClick={() => setDialog({ kind: 'withdraw', c })}>
                            {t('clients.withdraw')}
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
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && (
        <ClientModal
          incident={incident}
          client={dialog.kind === 'edit' ? dialog.c : undefined}
          onClose={(saved) => {
            setDialog(null);
            if (saved) onChanged();
          }}
        />
      )}
      {dialog?.kind === 'withdraw' && (
        <ReasonModal
          title={t('clients.withdrawTitle', { name: dialog.c.name })}
          body={t('clients.withdrawBody')}
          reasonHelp={t('clients.withdrawHelp')}
          submitLabel={t('clients.withdraw')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            await api.call('incidents.archiveClient', { id: dialog.c.id, reason });
            notifySuccess(t('clients.withdrawn', { name: dialog.c.name }));
            setDialog(null);
            onChanged();
          }}
        />
      )}
    </Paper>
  );
}
