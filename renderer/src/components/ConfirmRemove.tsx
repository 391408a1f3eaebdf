import type { ReactNode } from 'react';
import { Text } from '@mantine/core';
import { DialogForm } from '../kit/DialogForm';
import { notifyError } from '../lib/notify';

/**
 * "Delete this?" for something a settings list holds (a custom rule, a redaction profile): the
 * sentence, Cancel and the red button, which waits for `onConfirm`; a failure is a notice (the
 * dialog stays open to try again or cancel).
 */
export function ConfirmRemove({ title, body, confirmLabel, cancelLabel, onConfirm, onClose, testId }: {
  /** null: closed. */
  title: string | null;
  body: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => Promise<void>;
  onClose: () => void;
  testId?: string;
}) {
  if (title === null) return null;
  return (
    <DialogForm
      title={title}
      intro={<Text size="sm">{body}</Text>}
      submitLabel={confirmLabel}
      submitColor="red"
      submitTestId={testId}
      cancelLabel={cancelLabel}
      onClose={onClose}
      onSubmit={() => onConfirm().catch(notifyError)}
    />
  );
}
