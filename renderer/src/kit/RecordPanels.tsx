import { Stack } from '@mantine/core';
import type { RecordRef } from '@shared/schemas/record-types';
import { RecordAttachments, RecordClocks, RecordHistory, RecordLinks } from '../components/records';

/** The panels every record page ends with: its clocks, attachments, links and history. */
export function RecordPanels({ record, testId }: { record: RecordRef; testId: string }) {
  return (
    <Stack gap="md">
      <RecordClocks record={record} />
      <RecordAttachments record={record} />
      <RecordLinks record={record} />
      <RecordHistory record={record} testId={`${testId}-history`} />
    </Stack>
  );
}
