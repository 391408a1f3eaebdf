import { Badge, Group, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconHelpCircle, IconShieldCheck } from '@tabler/icons-react';
import type { IncidentStatus, RiskLevel } from '@shared/schemas/incident';
import { useFeatureT } from '../../lib/featureT';
import { RISK_COLOR, STATUS_COLOR } from './labels';
import { NS } from './recordType';

export function IncidentStatusBadge({ status, size = 'sm' }: { status: IncidentStatus; size?: 'sm' | 'md' | 'lg' }) {
  const t = useFeatureT(NS);
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size={size} tt="none" fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="incident-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

const RISK_ICON: Record<RiskLevel, React.ReactNode> = {
  unlikely: <IconShieldCheck size={15} aria-hidden />,
  risk: <IconAlertTriangle size={15} aria-hidden />,
  high: <IconAlertOctagon size={15} aria-hidden />,
};

/** The risk level as an icon and a word (its colour only supports them). */
export function RiskIndicator({ risk, size = 'sm' }: { risk: RiskLevel | null; size?: 'sm' | 'md' }) {
  const t = useFeatureT(NS);
  const color = risk ? `${RISK_COLOR[risk]}.${risk === 'risk' ? 9 : 8}` : 'dimmed';
  return (
    <Group gap={5} wrap="nowrap" c={color} data-testid="incident-risk">
      {risk ? RISK_ICON[risk] : <IconHelpCircle size={15} aria-hidden />}
      <Text size={size} c={color} fw={risk === 'high' ? 700 : 500} style={{ whiteSpace: 'nowrap' }}>
        {risk ? t(`risk.${risk}`) : t('risk.none')}
      </Text>
    </Group>
  );
}
