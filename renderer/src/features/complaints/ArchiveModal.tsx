import { useState } from 'react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { ArchiveInput } from '@shared/schemas/common';
import type { Complaint } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { notifySuccess } from '../../lib/notify';

/** Withdraws a complaint from the active register with a reason. Nothing is ever deleted. */
export function ArchiveModal({ complaint, onClose }: { complaint: Complaint; onClose(updated: Complaint | null): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit() {
    const input = { id: complaint.id, reason };
    if (!ArchiveInput.safeParse(input).success) {
      setReasonError(t('fieldErrors.reason'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const updated = await api.call('complaints.archive', input);
      notifySuccess(t('archive.done', { reference: updated.reference }));
      onClose(updated);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened onClose={() => onClose(null)} title={t('archive.title', { reference: complaint.reference })} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('archive.body')}</Text>
          <Textarea
            label={t('archive.reason')}
            description={t('archive.reasonHelp')}
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
            <Button variant="default" onClick={() => onClose(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={saving}>
              {t('archive.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
