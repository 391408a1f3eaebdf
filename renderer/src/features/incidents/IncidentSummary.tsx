import { SimpleGrid, Stack, Text } from '@mantine/core';
import { controllersDecide, type IncidentDetail } from '@shared/schemas/incident';
import { Panel } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { authorityClockFacts } from './clockFacts';
import { ClockStatus } from './ClockStatus';
import { NS } from './recordType';

/** What the security lead reads first: when we became aware, where the 72 hours stand, the data subjects, the clients. */
export function IncidentSummary({ detail }: { detail: IncidentDetail }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const i = detail.incident;
  const notified = detail.clients.filter((c) => c.notifiedAt).length;
  const art34 = i.riskLevel === 'high' || i.notifyDataSubjects === 'yes';

  return (
    <Panel testId="incident-summary">
      <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="lg" verticalSpacing="md">
        <Cell label={t('fields.awareAt')}>
          <Text size="sm" fw={600} className="tabular">
            {f.dateTime(i.awareAt)}
          </Text>
          <Text size="xs" c="dimmed" className="tabular">
            {i.detectedAt ? t('summary.detected', { date: f.dateTime(i.detectedAt) }) : t('summary.detectedUnknown')}
          </Text>
        </Cell>
        <Cell label={t('summary.authorityClock')}>
          <ClockStatus facts={authorityClockFacts(i)} notApplicableDetail={t('clock.processorDetail')} testId="authority-clock" />
          {i.authorityNotifiedAt && (
            <Text size="xs" c="dimmed" className="tabular" data-testid="authority-notified-at">
              {t('summary.notifiedAt', { date: f.dateTime(i.authorityNotifiedAt) })}
            </Text>
          )}
        </Cell>
        <Cell label={t('summary.dataSubjects')}>
          <Text size="sm" fw={600} data-testid="summary-subjects">
            {i.dataSubjectsNotifiedAt
              ? t('summary.subjectsInformed', { date: f.dateTime(i.dataSubjectsNotifiedAt) })
              : art34
                ? t(`summary.subjectsDecision.${i.notifyDataSubjects}`)
                : controllersDecide(i, i.notifyDataSubjects)
                  ? t('decisionLong.controllers')
                  : i.riskLevel === null
                  ? t('summary.subjectsRiskNotAssessed')
                  : t('summary.subjectsNotRequired')}
          </Text>
          {!i.dataSubjectsNotifiedAt && art34 && (
            <Text size="xs" c="dimmed" className="tabular">
              {i.dataSubjectsTarget ? t('summary.target', { date: f.dateTime(i.dataSubjectsTarget) }) : t('summary.noTarget')}
            </Text>
          )}
        </Cell>
        {i.ourRole === 'processor' || detail.clients.length > 0 ? (
          <Cell label={t('summary.clients')}>
            <Text size="sm" fw={600} className="tabular">
              {t('summary.clientsNotified', { notified, total: detail.clients.length })}
            </Text>
          </Cell>
        ) : (
          <Cell label={t('summary.notifications')}>
            <Text size="sm" fw={600} className="tabular">
              {t('summary.notificationCount', { count: detail.notifications.length })}
            </Text>
          </Cell>
        )}
      </SimpleGrid>
    </Panel>
  );
}

function Cell({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}
