import { Stack } from '@mantine/core';
import { RecordAttachments, RecordClocks, RecordHistory, RecordLinks } from '../../components/records';
import { INCIDENT_RECORD_TYPE } from './recordType';

/** The panels every record page shows, for this incident: every clock, its links, attachments and history. */
export function RecordPanels({ id }: { id: string }) {
  const record = { type: INCIDENT_RECORD_TYPE, id };
  return (
    <Stack gap="md">
      <RecordClocks record={record} />
      <RecordLinks record={record} />
      <RecordAttachments record={record} />
      <RecordHistory record={record} testId="incident-history" />
    </Stack>
  );
}
