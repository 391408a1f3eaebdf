import { Text } from '@mantine/core';
import type { Complaint } from '@shared/schemas/complaint';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './labels';

/** The channel, and for a forwarded complaint the regulator and its own complaint number. */
export function ChannelCell({ complaint }: { complaint: Pick<Complaint, 'channel' | 'regulator' | 'regulatorReference'> }) {
  const t = useFeatureT(NS);
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {t(`channel.${complaint.channel}`)}
      </Text>
      {complaint.channel === 'regulator' && (complaint.regulator || complaint.regulatorReference) && (
        <Text size="xs" c="dimmed" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {[complaint.regulator, complaint.regulatorReference].filter(Boolean).join(' · ')}
        </Text>
      )}
    </div>
  );
}
