import { Group, Text } from '@mantine/core';
import { IconAlertOctagon, IconAlertTriangle, IconHelpCircle, IconShieldCheck } from '@tabler/icons-react';
import type { RiskLevel } from '@shared/schemas/incident';
import { useFeatureT } from '../../lib/featureT';
import { RISK_COLOR } from './labels';
import { NS } from './recordType';

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
