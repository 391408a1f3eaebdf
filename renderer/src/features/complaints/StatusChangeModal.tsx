import { useState } from 'react';
import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import type { Complaint, ComplaintStatus } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
import { useOrgTimeZone } from '../../state/appStatus';
import { recordsAnswer } from './labels';

interface Props {
  complaint: Complaint;
  target: ComplaintStatus;
  onClose(updated: Complaint | null): void;
}

/**
 * Moves a complaint to another status. Reaching "answered" (or "closed" without an answer yet)
 * asks when the answer was sent: that instant, not the click, is what meets the deadline.
 */
export function StatusChangeModal({ complaint, target, onClose }: Props) {
  const { t } = useTranslation();
  const zone = useOrgTimeZone();
  const asksAnswerInstant = recordsAnswer(target) && !complaint.answeredAt;
  const [answered, setAnswered] = useState<LocalDateTimeValue>(() => nowLocalParts(zone));
  const [answeredError, setAnsweredError] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const at = asksAnswerInstant ? instantFromLocal(answered.date, answered.time, zone) : null;
    if (asksAnswerInstant && !at) {
      setAnsweredError(t('fieldErrors.answeredAt'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await api.call('complaints.setStatus', {
        id: complaint.id,
        status: target,
        ...(at ? { at } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      notifySuccess(t('statusChange.done', { reference: updated.reference, status: t(`status.${target}`) }));
      onClose(updated);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={() => onClose(null)} title={t('statusChange.title', { status: t(`status.${target}`) })} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
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
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('statusChange.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
