import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTimelineEvent } from '@tabler/icons-react';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { TimelineExport } from '../timeline/TimelineExport';
import { IncidentPicker } from './IncidentPicker';
import { NS } from './labels';
import { useExchangeState } from './store';

/** "Incident timeline": pick an incident, open its timeline or export it straight away. */
export function TimelineTab() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const incident = useExchangeState((s) => s.timelineIncident);
  const set = useExchangeState((s) => s.set);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={900}>
        {t('timelineTab.intro')}
      </Text>
      <IncidentPicker label={t('timelineTab.incident')} value={incident} onChange={(i) => set({ timelineIncident: i })} testId="timeline-incident-picker" />
      {incident && (
        <Paper withBorder p="md" data-testid="timeline-incident">
          <Stack gap="sm">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <div style={{ minWidth: 0 }}>
                <Title order={2} size="h3">
                  {incident.reference} — {incident.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('picker.meta', { aware: f.dateTime(incident.awareAt), status: t(`incidentStatus.${incident.status}`) })}
                </Text>
              </div>
              <Button variant="default" leftSection={<IconTimelineEvent size={16} aria-hidden />} onClick={() => go({ name: 'timeline', id: incident.id })} data-testid="open-timeline">
                {t('timelineTab.open')}
              </Button>
            </Group>
            <TimelineExport key={incident.id} incidentId={incident.id} reference={incident.reference} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
