import type { ReactNode } from 'react';
import { Badge, type MantineSize } from '@mantine/core';
import { useFeatureT } from '../lib/featureT';
import { RECORDS_NS, statusLabel } from '../components/records/labels';
import { statusTone } from './statusTone';

/** A record's status as a badge: the words from the one status vocabulary, the colour from the one map. */
export function StatusBadge({
  type,
  status,
  size = 'sm',
  icon,
  testId,
}: {
  type: string;
  status: string | null;
  size?: MantineSize;
  icon?: ReactNode;
  testId?: string;
}) {
  // Subscribes to language changes (statusLabel reads i18next directly).
  useFeatureT(RECORDS_NS);
  if (!status) return null;
  return (
    <Badge color={statusTone(type, status)} variant="light" size={size} tt="none" fw={600} leftSection={icon} style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {statusLabel(type, status)}
    </Badge>
  );
}
