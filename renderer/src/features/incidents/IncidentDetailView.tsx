import { Text } from '@mantine/core';
import { incidentsRegister } from '@shared/registers';
import type { Incident } from '@shared/schemas/incident';
import { api } from '../../api';
import { DetailFrame } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useRemote } from '../../lib/useRemote';
import { useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { RiskIndicator } from './badges';
import { DrillBadge, DrillNotice } from '../../components/Drill';
import { ClientsPanel } from './ClientsPanel';
import { IncidentActions } from './IncidentActions';
import { IncidentFacts } from './IncidentFacts';
import { GeneratedLetters } from '../letters/GeneratedLetters';
import { IncidentSummary } from './IncidentSummary';
import { ObligationsPanel } from './ObligationsPanel';
import { CLIENT_CHANGE_TYPE, INCIDENT_RECORD_TYPE, NOTIFICATION_CHANGE_TYPE, NS, OBLIGATION_CHANGE_TYPE } from './recordType';

/** One incident: where its clocks stand, its obligations and clients, its facts, links, attachments and history. */
export function IncidentDetailView({ id }: { id: string }) {
  const t = useFeatureT(NS);
  // Notifications, clients and obligations are records of their own; their writes come as their own events.
  const version =
    useRecordVersion(INCIDENT_RECORD_TYPE, id) +
    useRecordTypeVersion(NOTIFICATION_CHANGE_TYPE) +
    useRecordTypeVersion(CLIENT_CHANGE_TYPE) +
    useRecordTypeVersion(OBLIGATION_CHANGE_TYPE);
  const remote = useRemote(() => api.call('incidents.get', { id }), [id, version]);
  const detail = remote.data;
  const onChanged = (updated: Incident) => remote.setData((d) => (d ? { ...d, incident: updated } : d));

  return (
    <DetailFrame
      register={incidentsRegister}
      remote={remote}
      select={(d) => d.incident}
      render={(i) => ({
        status: { size: 'md' },
        badges: (
          <>
            {i.drill && <DrillBadge size="md" />}
            <RiskIndicator risk={i.riskLevel} />
          </>
        ),
        subtitle: (
          <Text size="md" fw={500} mt={2} data-testid="incident-title">
            {i.title}
          </Text>
        ),
        meta: (
          <Text size="xs" c="dimmed">
            {t(`role.${i.ourRole}`)} · {t('detail.lead', { lead: i.lead || t('detail.noLead') })}
          </Text>
        ),
        actions: <IncidentActions incident={i} onChanged={onChanged} />,
        top: detail && (
          <>
            {i.drill && <DrillNotice />}
            <IncidentSummary detail={detail} />
            {(i.ourRole === 'processor' || detail.clients.length > 0) && <ClientsPanel incident={i} clients={detail.clients} onChanged={remote.reload} />}
            <ObligationsPanel incident={i} notifications={detail.notifications} version={version} onChanged={remote.reload} />
          </>
        ),
        facts: <IncidentFacts incident={i} />,
        main: <GeneratedLetters record={{ type: INCIDENT_RECORD_TYPE, id: i.id }} />,
      })}
    />
  );
}
