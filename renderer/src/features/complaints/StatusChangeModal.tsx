import { complaintsRegister } from '@shared/registers';
import { ComplaintSetStatus, type Complaint, type ComplaintStatus } from '@shared/schemas/complaint';
import { api } from '../../api';
import { statusLabel } from '../../components/records/labels';
import { ChangeDialog, fieldRules, recordChangedHandler } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useOrgTimeZone } from '../../state/appStatus';
import { NS, recordsAnswer } from './labels';

/** As long as the core takes it. */
const NOTE_MAX = fieldRules(ComplaintSetStatus.shape, 'note').maxLength;

/**
 * Moves a complaint to another status. Reaching "answered" (or "closed" without an answer yet)
 * asks when the answer was sent (now on the app's clock unless changed): that instant, not the
 * click, is what meets the deadline.
 */
export function StatusChangeModal({ complaint, target, onChanged, onClose }: { complaint: Complaint; target: ComplaintStatus; onChanged(updated: Complaint): void; onClose(): void }) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  const asksAnswerInstant = recordsAnswer(target) && !complaint.answeredAt;
  const status = statusLabel('complaint', target);
  return (
    <ChangeDialog
      title={t('statusChange.title', { status })}
      submitLabel={t('statusChange.submit')}
      when={asksAnswerInstant ? { name: 'answered', label: t('statusChange.answeredAt'), description: t('statusChange.answeredAtHelp', { zone }), message: t('fieldErrors.answeredAt') } : null}
      text={{ label: t('statusChange.note'), description: t('statusChange.noteHelp'), maxLength: NOTE_MAX, autofocus: false }}
      onClose={onClose}
      onSubmit={async ({ at, text: note }) => {
        const updated = await api.call('complaints.setStatus', { id: complaint.id, status: target, ...(at ? { at } : {}), ...(note ? { note } : {}) });
        notifySuccess(t('statusChange.done', { reference: updated.reference, status }));
        recordChangedHandler(complaintsRegister, onChanged)(updated);
        onClose();
      }}
    />
  );
}
