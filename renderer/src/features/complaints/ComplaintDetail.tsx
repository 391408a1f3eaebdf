import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowLeft } from '@tabler/icons-react';
import type { Complaint } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RecordAttachments, RecordClocks, RecordHistory, RecordLinks } from '../../components/records';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges, useRecordVersion } from '../../state/recordChanges';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintFacts } from './ComplaintFacts';
import { COMPLAINT_RECORD_TYPE } from './recordType';
import { StatusBadge } from './StatusBadge';

/** One complaint: its fields, what can be done to it, its deadlines, links, attachments and history. */
export function ComplaintDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const showList = useNavigation((s) => s.showList);
  const version = useRecordVersion(COMPLAINT_RECORD_TYPE, id);
  const [complaint, setComplaint] = useState<Complaint | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.call('complaints.get', { id }).then(
      (c) => {
        if (!current) return;
        setComplaint(c);
        setError(null);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [id, version]);

  const back = (
    <Anchor component="button" type="button" size="sm" onClick={showList}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('detail.back')}
      </Group>
    </Anchor>
  );

  if (error && !complaint) {
    return (
      <Stack gap="md">
        {back}
        <ErrorNotice error={error} title={t('detail.loadFailed')} />
      </Stack>
    );
  }
  if (!complaint) {
    return (
      <Stack gap="md">
        {back}
        <Loader size="sm" />
      </Stack>
    );
  }

  const record = { type: COMPLAINT_RECORD_TYPE, id: complaint.id };
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="sm" align="center">
            <Title order={1} className="tabular" data-testid="complaint-reference">
              {complaint.reference}
            </Title>
            <StatusBadge status={complaint.status} />
            {complaint.archivedAt && (
              <Badge color="gray" variant="filled" size="sm" tt="none">
                {t('complaints.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {complaint.complainantLabel}
          </Text>
        </div>
        <ComplaintActions complaint={complaint} onChanged={(c) => {
          setComplaint(c);
          useRecordChanges.getState().bump(COMPLAINT_RECORD_TYPE, c.id);
        }} />
      </Group>
      {complaint.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} title={t('detail.archivedTitle', { date: f.dateTime(complaint.archivedAt) })}>
          <Text size="sm">{t('detail.archivedBody', { reason: complaint.archiveReason ?? t('common.empty') })}</Text>
          <Text size="sm" c="dimmed">
            {t('detail.archivedHint')}
          </Text>
        </Alert>
      )}
      {error !== null && <ErrorNotice error={error} />}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <ComplaintFacts complaint={complaint} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: '0.04em' }}>
                {t('fields.summary')}
              </Title>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-summary">
                {complaint.summary}
              </Text>
              <Title order={2} size="h4" tt="uppercase" c="dimmed" mt="md" mb={6} style={{ letterSpacing: '0.04em' }}>
                {t('fields.outcome')}
              </Title>
              <Text size="sm" c={complaint.outcome ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {complaint.outcome || t('detail.noOutcome')}
              </Text>
            </Paper>
            <RecordLinks record={record} />
            <RecordAttachments record={record} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <RecordClocks record={record} />
            <RecordHistory record={record} testId="complaint-history" />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
