import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { formatCountdown } from '@shared/clocks';
import type { IncidentClock } from '@shared/schemas/timeline';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useAppNow } from '../../lib/appClock';
import { clockColor, clockIcon, inLang, NS } from './labels';

/**
 * Every clock of the incident, on top: met on time or late and by how much, running or overdue
 * (counted live), with icon and words.
 */
export function TimelineClocks({ clocks }: { clocks: IncidentClock[] }) {
  const t = useFeatureT(NS);
  if (clocks.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="timeline-clocks">
        {t('clocks.none')}
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="timeline-clocks">
      {clocks.map((c) => (
        <ClockCard key={c.id} clock={c} />
      ))}
    </SimpleGrid>
  );
}

function ClockCard({ clock: c }: { clock: IncidentClock }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  // The core's time (its test clock in test mode), so countdowns agree with its reminders.
  const now = useAppNow();
  const color = clockColor(c.state);
  // Open clocks count live; the others say what the core measured.
  let summary = inLang(c.summary, f.lang);
  if ((c.state === 'running' || c.state === 'overdue') && c.dueAt) {
    const left = Date.parse(c.dueAt) - now;
    summary = left >= 0 ? t('clocks.dueIn', { left: formatCountdown(left, f.lang) }) : formatCountdown(left, f.lang);
  }
  const detail = inLang(c.detail, f.lang);
  return (
    <Paper withBorder p="sm" data-testid="timeline-clock" data-state={c.state} style={{ borderLeft: `4px solid var(--mantine-color-${color.replace('.', '-')})` }}>
      <Stack gap={4}>
        <Group gap={6} wrap="nowrap" c={color}>
          {clockIcon(c.state)}
          <Text size="xs" fw={700} tt="uppercase" c={color} style={{ letterSpacing: '0.04em' }}>
            {t(`clockState.${c.state}`)}
          </Text>
        </Group>
        <Text size="sm" fw={600}>
          {inLang(c.label, f.lang)}
        </Text>
        <Text size="sm" fw={600} c={color} data-testid="clock-summary">
          {summary}
        </Text>
        <Text size="xs" c="dimmed" className="tabular">
          {t('clocks.started', { at: f.dateTime(c.startAt) })}
          {c.dueAt && <> · {t('clocks.due', { at: f.dateTime(c.dueAt) })}</>}
          {c.metAt && <> · {t('clocks.done', { at: f.dateTime(c.metAt) })}</>}
        </Text>
        {detail && (
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {detail}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
