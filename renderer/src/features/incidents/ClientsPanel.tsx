import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { IconArchive, IconBuildingSkyscraper, IconPencil, IconPlus } from '@tabler/icons-react';
import type { AffectedClient, Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { ReasonModal } from '../../components/records/ReasonModal';
import { Panel } from '../../kit';
import { useCan } from '../../lib/permissions';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { ClientModal } from './ClientModal';
import { clientClockFacts } from './clockFacts';
import { ClockStatus } from './ClockStatus';
import { NS } from './recordType';
import { Instant, RowTable } from './RowTable';
import { WriteLetterButton } from '../letters-templates/WriteLetterButton';

type Dialog = { kind: 'add' } | { kind: 'edit'; c: AffectedClient } | { kind: 'withdraw'; c: AffectedClient } | null;

/**
 * When we are the processor: each affected client controller with its own contractual clock (from
 * detection, Art. 33(2)), when and how it was told, its acknowledgement, and its own notification.
 */
export function ClientsPanel({ incident, clients, onChanged }: { incident: Incident; clients: readonly AffectedClient[]; onChanged(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const can = useCan();
  const editable = !incident.archivedAt && can('write', 'client');
  const start = incident.detectedAt ?? incident.awareAt;
  const none = t('detail.notRecorded');
  const openRecord = useNavigation((s) => s.openRecord);

  return (
    <Panel
      title={t('clients.title')}
      testId="clients-panel"
      action={
        editable && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
            {t('clients.add')}
          </Button>
        )
      }
    >
      <Text size="xs" c="dimmed" mt={-8} mb="sm">
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
        <RowTable<AffectedClient>
          rows={clients}
          testId="clients-table"
          rowTestId="client-row"
          minWidth={900}
          columns={[
            {
              key: 'name',
              title: t('fields.clientName'),
              render: (c) => (
                <>
                  <Text size="sm" fw={600}>
                    {c.name}
                  </Text>
                  {c.contact && (
                    <Text size="xs" c="dimmed" lineClamp={1} title={c.contact}>
                      {c.contact}
                    </Text>
                  )}
                  {c.contractId && (
                    <Anchor component="button" type="button" size="xs" data-testid="client-contract-link" onClick={() => openRecord('contract', c.contractId!)}>
                      {t('clients.openContract')}
                    </Anchor>
                  )}
                  {editable && <WriteLetterButton link target={{ type: 'client', id: c.id }} onDone={onChanged} />}
                </>
              ),
            },
            {
              key: 'hours',
              title: t('fields.contractHours'),
              render: (c) => (
                <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
                  {c.contractHours === null ? t('clients.noTerm') : t('clients.hours', { hours: c.contractHours })}
                </Text>
              ),
            },
            { key: 'clock', title: t('clients.ourClock'), render: (c) => <ClockStatus facts={clientClockFacts(c, incident)} testId="client-clock" /> },
            {
              key: 'notified',
              title: t('fields.clientNotifiedAt'),
              render: (c) => (
                <Stack gap={0}>
                  <Instant at={c.notifiedAt} none={none} />
                  {c.notifiedAt && c.notifiedHow && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {c.notifiedHow}
                    </Text>
                  )}
                </Stack>
              ),
            },
            { key: 'acknowledged', title: t('fields.acknowledgedAt'), render: (c) => <Instant at={c.acknowledgedAt} none={none} /> },
            {
              key: 'authority',
              title: t('clients.theirAuthority'),
              render: (c) => (
                <Stack gap={0}>
                  <Instant at={c.authorityNotifiedAt} none={c.authorityReference ? undefined : t('clients.notReported')} />
                  {c.authorityReference && (
                    <Text size="xs" c="dimmed" className="tabular">
                      {t('clients.reference', { reference: c.authorityReference })}
                    </Text>
                  )}
                </Stack>
              ),
            },
          ]}
          menu={
            editable
              ? {
                  title: t('clients.actions'),
                  label: (c) => t('clients.actionsFor', { name: c.name }),
                  items: (c) => [
                    { label: t('clients.edit'), icon: <IconPencil size={14} aria-hidden />, onClick: () => setDialog({ kind: 'edit', c }) },
                    { label: t('clients.withdraw'), icon: <IconArchive size={14} aria-hidden />, color: 'red', onClick: () => setDialog({ kind: 'withdraw', c }) },
                  ],
                }
              : undefined
          }
        />
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
    </Panel>
  );
}
