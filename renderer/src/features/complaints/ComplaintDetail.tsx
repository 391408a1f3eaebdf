import { complaintsRegister } from '@shared/registers';
import type { Complaint } from '@shared/schemas/complaint';
import { DetailFrame, LongText, Panel, useRecord } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintFacts } from './ComplaintFacts';
import { NS } from './labels';

/** One complaint: its fields, what can be done to it, its deadline, links, attachments and history. */
export function ComplaintDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const remote = useRecord<Complaint>(complaintsRegister, id);
  return (
    <DetailFrame<Complaint>
      register={complaintsRegister}
      remote={remote}
      render={(complaint) => ({
        subtitle: complaint.complainantLabel,
        subtitleTestId: 'complaint-complainant',
        actions: <ComplaintActions complaint={complaint} onChanged={remote.setData} />,
        facts: <ComplaintFacts complaint={complaint} />,
        main: (
          <>
            <Panel title={t('fields.summary')}>
              <LongText text={complaint.summary} testId="complaint-summary" />
            </Panel>
            <Panel title={t('fields.outcome')}>
              <LongText text={complaint.outcome} none={t('detail.noOutcome')} testId="complaint-outcome" />
            </Panel>
          </>
        ),
      })}
    />
  );
}
