import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFeatureT } from '../../lib/featureT';
import { ErrorNotice } from '../ErrorNotice';
import { RECORDS_NS } from './labels';

/** The API's minimum for a reason (links.remove, *.archive). */
const MIN_REASON = 3;

/**
 * Asks why before something leaves the register (a link removed, an attachment archived). The
 * reason is kept in the history; nothing is deleted.
 */
export function ReasonModal({
  title,
  body,
  submitLabel,
  reasonHelp,
  onSubmit,
  onClose,
}: {
  title: string;
  body: string;
  submitLabel: string;
  reasonHelp: string;
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
}) {
  const { t: tc } = useTranslation();
  const t = useFeatureT(RECORDS_NS);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    if (reason.trim().length < MIN_REASON) {
      setReasonError(tc('fieldErrors.reason'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
      onClose();
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{body}</Text>
          <Textarea
            label={t('reason.label')}
            description={reasonHelp}
            required
            autosize
            minRows={2}
            maxLength={2_000}
            data-autofocus
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setReasonError(null);
            }}
            error={reasonError}
          />
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {tc('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
