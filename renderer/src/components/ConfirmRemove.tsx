import { useState, type ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifyError } from '../lib/notify';

/**
 * "Delete this?" for something a settings list holds (a custom rule, a redaction profile): the
 * sentence, Cancel and the red button, which waits for `onConfirm` and shows its error if it fails.
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
  const [busy, setBusy] = useState(false);
  async function confirm() {
    setBusy(true);
    try {
      await onConfirm();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Modal opened={title !== null} onClose={onClose} title={title ?? ''}>
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {cancelLabel}
          </Button>
          <Button color="red" loading={busy} onClick={() => void confirm()} data-testid={testId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
