import { useCallback, useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowLeft } from '@tabler/icons-react';
import type { IncidentDetail } from '@shared/schemas/incident';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges, useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { IncidentStatusBadge, RiskIndicator } from './badges';
import { ClientsPanel } from './ClientsPanel';
import { IncidentActions } from './IncidentActions';
import { IncidentFacts } from './IncidentFacts';
import { IncidentSummary } from './IncidentSummary';
import { ObligationsPanel } from './ObligationsPanel';
import { CLIENT_CHANGE_TYPE, INCIDENT_RECORD_TYPE, NOTIFICATION_CHANGE_TYPE, NS, OBLIGATION_CHANGE_TYPE } from './recordType';
import { RecordPanels } from './RecordPanels';

/** One incident: where its clocks stand, its notifications and clients, its facts, links, attachments and history. */
export function IncidentDetailView({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  // Notifications and clients are records of their own; their writes come as their own events.
  const version =
    useRecordVersion(INCIDENT_RECORD_TYPE, id) +
    useRecordTypeVersion(NOTIFICATION_CHANGE_TYPE) +
    useRecordTypeVersion(CLIENT_CHANGE_TYPE) +
    useRecordTypeVersion(OBLIGATION_CHANGE_TYPE);
  const [detail, setDetail] = useState<IncidentDetail | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    let current = true;
    api.call('incidents.get', { id }).then(
      (d) => {
        if (!current) return;
        setDetail(d);
        setError(null);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [id, version, reloads]);

  const back = (
    <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'incidents' })}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('detail.back')}
      </Group>
    </Anchor>
  );

  if (error && !detail) {
    return (
      <Stack gap="md">
        {back}
        <ErrorNotice error={error} title={t('detail.loadFailed')} />
      </Stack>
    );
  }
  if (!detail) {
    return (
      <Stack gap="md">
        {back}
        <Loader size="sm" />
      </Stack>
    );
  }

  const i = detail.incident;
  const showClients = i.ourRole === 'processor' || detail.clients.length > 0;
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1} className="tabular" data-testid="incident-reference">
              {i.reference}
            </Title>
            <IncidentStatusBadge status={i.status} size="md" />
            <RiskIndicator risk={i.riskLevel} />
            {i.archivedAt && (
              <Badge color="gray" variant="filled" size="sm" tt="none">
                {t('list.archived')}
              </Badge>
            )}
          </Group>
          <Text size="md" fw={500} mt={2} data-testid="incident-title">
            {i.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`role.${i.ourRole}`)} · {t('detail.lead', { lead: i.lead || t('detail.noLead') })}
          </Text>
        </div>
        <IncidentActions
          incident={i}
          onChanged={(updated) => {
            setDetail((d) => (d ? { ...d, incident: updated } : d));
            useRecordChanges.getState().bump(INCIDENT_RECORD_TYPE, updated.id);
          }}
        />
      </Group>
      {i.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} title={t('detail.archivedTitle', { date: f.dateTime(i.archivedAt) })}>
          <Text size="sm">{t('detail.archivedBody', { reason: i.archiveReason ?? '' })}</Text>
          <Text size="sm" c="dimmed">
            {t('detail.archivedHint')}
          </Text>
        </Alert>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <IncidentSummary detail={detail} />
      {showClients && <ClientsPanel incident={i} clients={detail.clients} onChanged={reload} />}
      <ObligationsPanel incident={i} notifications={detail.notifications} version={version + reloads} onChanged={reload} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Paper withBorder p="md">
            <IncidentFacts incident={i} />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <RecordPanels id={i.id} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
