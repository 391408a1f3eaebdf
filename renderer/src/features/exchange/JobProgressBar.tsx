import { Button, Group, Loader, Paper, Progress, Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './labels';
import type { RunningJob } from './useJob';

/** A running export or import: what, which phase, how far, and a way to stop it. */
export function JobProgressBar({ job, onCancel }: { job: RunningJob; onCancel(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const known = job.total > 0;
  const pct = known ? Math.min(100, Math.round((job.done / job.total) * 100)) : 100;
  const phase = t(`job.phase.${job.phase ?? 'starting'}`);
  return (
    <Paper withBorder p="sm" data-testid="job-progress" bg="gray.0">
      <Group justify="space-between" wrap="nowrap" gap="sm" mb={8}>
        <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
          <Loader size={14} aria-hidden />
          <Text size="sm" fw={600} truncate>
            {job.what}
          </Text>
          <Text size="sm" c="dimmed" role="status" aria-live="polite" style={{ whiteSpace: 'nowrap' }}>
            {job.cancelling ? t('job.cancelling') : known ? t('job.phaseCount', { phase, done: f.number(job.done), total: f.number(job.total) }) : phase}
          </Text>
        </Group>
        <Button size="compact-sm" variant="default" leftSection={<IconX size={14} aria-hidden />} onClick={onCancel} disabled={job.cancelling} data-testid="job-cancel">
          {t('job.cancel')}
        </Button>
      </Group>
      <Progress value={pct} animated={!known} striped={!known} size="sm" aria-label={t('job.progressLabel', { what: job.what })} transitionDuration={150} />
    </Paper>
  );
}
