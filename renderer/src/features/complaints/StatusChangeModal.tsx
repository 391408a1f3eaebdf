import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { complaintsRegister } from '@shared/registers';
import { ComplaintSetStatus, type Complaint, type ComplaintStatus } from '@shared/schemas/complaint';
import { api } from '../../api';
import { statusLabel } from '../../components/records/labels';
import { OrgDateTimeField } from '../../components/OrgDateTimeField';
import { DialogForm, fieldRules, recordChangedHandler, useInstantField } from '../../kit';
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
  const answered = useInstantField('answered', zone, t('fieldErrors.answeredAt'));
  const [note, setNote] = useState('');
  const status = statusLabel('complaint', target);

  async function submit() {
    const at = asksAnswerInstant ? answered.read() : null;
    if (asksAnswerInstant && !at) return false;
    const updated = await api.call('complaints.setStatus', { id: complaint.id, status: target, ...(at ? { at } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
    notifySuccess(t('statusChange.done', { reference: updated.reference, status }));
    recordChangedHandler(complaintsRegister, onChanged)(updated);
    onClose();
  }

  return (
    <DialogForm title={t('statusChange.title', { status })} submitLabel={t('statusChange.submit')} onClose={onClose} onSubmit={submit}>
      {asksAnswerInstant && <OrgDateTimeField {...answered.props} label={t('statusChange.answeredAt')} description={t('statusChange.answeredAtHelp', { zone })} />}
      <Textarea label={t('statusChange.note')} description={t('statusChange.noteHelp')} autosize minRows={2} maxLength={NOTE_MAX} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
    </DialogForm>
  );
}
