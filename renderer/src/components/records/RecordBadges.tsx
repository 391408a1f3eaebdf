import { Group, Text } from '@mantine/core';
import { IconArchive, IconChecklist, IconFileCertificate, IconFolders, IconMail, IconMessageReport, IconShieldExclamation } from '@tabler/icons-react';
import type { RecordType } from '@shared/schemas/record-types';
import { useFeatureT } from '../../lib/featureT';
import { StatusBadge } from '../../kit/StatusBadge';
import { RECORDS_NS, recordTypeLabel } from './labels';

export const RECORD_TYPE_ICON: Record<RecordType, React.ComponentType<{ size?: number; stroke?: number; 'aria-hidden'?: boolean }>> = {
  complaint: IconMessageReport,
  letter: IconMail,
  matter: IconFolders,
  incident: IconShieldExclamation,
  action: IconChecklist,
  contract: IconFileCertificate,
};

/** The register a record belongs to: icon and word. */
export function RecordTypeLabel({ type, size = 'sm' }: { type: RecordType; size?: 'xs' | 'sm' }) {
  useFeatureT(RECORDS_NS);
  const Icon = RECORD_TYPE_ICON[type];
  return (
    <Group gap={5} wrap="nowrap" c="dimmed">
      <Icon size={size === 'xs' ? 13 : 15} stroke={1.6} aria-hidden />
      <Text size={size} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {recordTypeLabel(type)}
      </Text>
    </Group>
  );
}

/** A record's status in any register (search, dashboard, links). */
export function RecordStatusBadge({ type, status }: { type: string; status: string | null }) {
  return <StatusBadge type={type} status={status} />;
}

/** "Archived", with its icon: archived records recede but stay readable. */
export function ArchivedMarker() {
  const t = useFeatureT(RECORDS_NS);
  return (
    <Group gap={4} wrap="nowrap" c="gray.7" data-testid="archived-marker">
      <IconArchive size={14} stroke={1.6} aria-hidden />
      <Text size="xs" c="gray.7" fw={500}>
        {t('archived')}
      </Text>
    </Group>
  );
}
