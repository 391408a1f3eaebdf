import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../lib/useAction';
import { SyncErrorNotice } from './SyncErrorNotice';

/**
 * "Leave the workspace?", "Remove this member?": what will happen, Cancel and the red button. The
 * call's error is read in sync's words and keeps the dialog open; a stale one is cleared on close.
 */
export function ConfirmDialog({
  opened,
  title,
  children,
  confirmLabel,
  confirmIcon,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  confirmIcon: ReactNode;
  /** Does the thing; closing (or not) is its business. */
  onConfirm(): Promise<void>;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const { busy, error, setError, run } = useAction();
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} size="lg">
      <Stack gap="sm">
        {children}
        {error !== null && <SyncErrorNotice error={error} context="action" />}
        <Group justify="flex-end" mt="xs">
          <Button variant="default" onClick={close} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => void run(onConfirm)} leftSection={confirmIcon}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
