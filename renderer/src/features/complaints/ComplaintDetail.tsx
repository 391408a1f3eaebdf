import { Text } from '@mantine/core';
import { complaintsRegister } from '@shared/registers';
import type { Complaint } from '@shared/schemas/complaint';
import { api } from '../../api';
import { DetailFrame, Panel, StatusBadge } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useRemote } from '../../lib/useRemote';
import { useRecordVersion } from '../../state/recordChanges';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintFacts } from './ComplaintFacts';
import { NS } from './labels';

/** One complaint: its fields, what can be done to it, its deadline, links, attachments and history. */
export function ComplaintDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const version = useRecordVersion('complaint', id);
  const remote = useRemote(() => api.call('complaints.get', { id }), [id, version]);
  return (
    <DetailFrame<Complaint>
      register={complaintsRegister}
      labels={{ ns: NS, section: 'detail' }}
      testId="complaint"
      backTo={{ name: 'complaints' }}
      record={remote.data}
      error={remote.error}
      render={(complaint) => ({
        badges: <StatusBadge type="complaint" status={complaint.status} testId="complaint-status" />,
        subtitle: complaint.complainantLabel,
        subtitleTestId: 'complaint-complainant',
        actions: <ComplaintActions complaint={complaint} onChanged={remote.setData} />,
        main: (
          <>
            <Panel>
              <ComplaintFacts complaint={complaint} />
            </Panel>
            <Panel title={t('fields.summary')}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-summary">
                {complaint.summary}
              </Text>
            </Panel>
            <Panel title={t('fields.outcome')}>
              <Text size="sm" c={complaint.outcome ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} data-testid="complaint-outcome">
                {complaint.outcome || t('detail.noOutcome')}
              </Text>
            </Panel>
          </>
        ),
      })}
    />
  );
}
