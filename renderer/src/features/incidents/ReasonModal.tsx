import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ArchiveInput } from '@shared/schemas/common';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './recordType';

interface Props {
  title: string;
  body: string;
  reasonHelp: string;
  submitLabel: string;
  /** Called with the reason; throws to show the error in the dialog. */
  onSubmit(reason: string): Promise<void>;
  onClose(): void;
}

/**
 * Asks why something is withdrawn (an incident archived, a notification or a client recorded in
 * error) and does it. Nothing is ever deleted: the reason stays in the history.
 */
export function ReasonModal({ title, body, reasonHelp, submitLabel, onSubmit, onClose }: Props) {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    // The core's own rule (at least 3 characters), checked here for an immediate message.
    if (!ArchiveInput.shape.reason.safeParse(reason).success) {
      setReasonError(t('fieldErrors.reason'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(reason.trim());
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
