import { useState } from 'react';
import { Textarea } from '@mantine/core';
import type { Complaint, ComplaintStatus } from '@shared/schemas/complaint';
import { api } from '../../api';
import { statusLabel } from '../../components/records/labels';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { DialogForm } from '../../kit';
import { appDate } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
import { useOrgTimeZone } from '../../state/appStatus';
import { NS, recordsAnswer } from './labels';

/**
 * Moves a complaint to another status. Reaching "answered" (or "closed" without an answer yet)
 * asks when the answer was sent: that instant, not the click, is what meets the deadline.
 */
export function StatusChangeModal({ complaint, target, onClose }: { complaint: Complaint; target: ComplaintStatus; onClose(updated: Complaint | null): void }) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  const asksAnswerInstant = recordsAnswer(target) && !complaint.answeredAt;
  const [answered, setAnswered] = useState<LocalDateTimeValue>(() => nowLocalParts(zone, appDate()));
  const [answeredError, setAnsweredError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const status = statusLabel('complaint', target);

  async function submit() {
    const at = asksAnswerInstant ? instantFromLocal(answered.date, answered.time, zone) : null;
    if (asksAnswerInstant && !at) {
      setAnsweredError(t('fieldErrors.answeredAt'));
      return false;
    }
    const updated = await api.call('complaints.setStatus', { id: complaint.id, status: target, ...(at ? { at } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
    notifySuccess(t('statusChange.done', { reference: updated.reference, status }));
    onClose(updated);
  }

  return (
    <DialogForm title={t('statusChange.title', { status })} submitLabel={t('statusChange.submit')} onClose={() => onClose(null)} onSubmit={submit}>
      {asksAnswerInstant && (
        <OrgDateTimeField
          name="answered"
          label={t('statusChange.answeredAt')}
          description={t('statusChange.answeredAtHelp', { zone })}
          required
          value={answered}
          onChange={(v) => {
            setAnswered(v);
            setAnsweredError(null);
          }}
          error={answeredError}
        />
      )}
      <Textarea
        label={t('statusChange.note')}
        description={t('statusChange.noteHelp')}
        autosize
        minRows={2}
        maxLength={2_000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
    </DialogForm>
  );
}
