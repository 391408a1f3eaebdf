import { useState } from 'react';
import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFeatureT } from '../../lib/featureT';
import { DialogForm } from '../../kit/DialogForm';
import { RECORDS_NS } from './labels';

/** The API's minimum for a reason (links.remove, *.archive). */
const MIN_REASON = 3;

/**
 * Asks why before something leaves the register (a record archived, a link removed, an attachment
 * archived). The reason is kept in the history; nothing is deleted.
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
  return (
    <DialogForm
      title={title}
      intro={body}
      submitLabel={submitLabel}
      submitColor="red"
      onClose={onClose}
      onSubmit={async () => {
        if (reason.trim().length < MIN_REASON) {
          setReasonError(tc('fieldErrors.reason'));
          return false;
        }
        await onSubmit(reason.trim());
        onClose();
      }}
    >
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
    </DialogForm>
  );
}
