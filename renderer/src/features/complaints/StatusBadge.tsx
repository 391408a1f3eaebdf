import { Badge } from '@mantine/core';
import type { ComplaintStatus } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { STATUS_COLOR } from './labels';

export function StatusBadge({ status }: { status: ComplaintStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="sm" tt="none" fw={600} style={{ whiteSpace: 'nowrap' }}>
      {t(`status.${status}`)}
    </Badge>
  );
}
