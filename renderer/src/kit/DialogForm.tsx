import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack, Text, type MantineColor, type MantineSize } from '@mantine/core';
import { ErrorNotice } from '../components/ErrorNotice';
import { SubmitForm } from '../components/SubmitForm';
import { useAction } from '../lib/useAction';
import { guardEnter } from './enterGuard';
import { useKitT } from './labels';

/**
 * A dialog that asks for a few values and does one thing: its words, its fields, the error of the
 * call, Cancel and the submit button. `onSubmit` returns false to stay open without an error
 * (a field of its own said what is wrong); a thrown error is shown and the dialog stays open.
 */
export function DialogForm({
  title,
  intro,
  children,
  submitLabel,
  submitColor,
  onSubmit,
  onClose,
  size = 'md',
  testId,
  cancelLabel,
  submitDisabled,
  submitTestId,
  status,
}: {
  title: string;
  intro?: ReactNode;
  children?: ReactNode;
  submitLabel: string;
  submitColor?: MantineColor;
  onSubmit(): Promise<boolean | void> | boolean | void;
  onClose(): void;
  size?: MantineSize | number;
  testId?: string;
  cancelLabel?: string;
  /** The submit button waits for something to be chosen. */
  submitDisabled?: boolean;
  submitTestId?: string;
  /** A line on the buttons' left saying what the submit will do ("Chosen: …"). */
  status?: ReactNode;
}) {
  const t = useKitT();
  // A thrown error stays on the dialog, in words, until the next try.
  const action = useAction();
  const saving = action.busy;
  const error = action.error;
  const submit = () => action.run(async () => onSubmit());

  const buttons = (
    <FormButtons
      cancelLabel={cancelLabel ?? t('common.cancel')}
      onCancel={onClose}
      submitLabel={submitLabel}
      submitColor={submitColor}
      submitDisabled={submitDisabled}
      submitTestId={submitTestId}
      saving={saving}
    />
  );
  return (
    <Modal opened onClose={onClose} title={title} size={size} data-testid={testId}>
      <SubmitForm onSubmit={submit} onKeyDown={(e) => guardEnter(e, 'dates')}>
        <Stack gap="sm">
          {typeof intro === 'string' ? <Text size="sm">{intro}</Text> : intro}
          {children}
          {error !== null && <ErrorNotice error={error} />}
          {status === undefined ? (
            buttons
          ) : (
            <Group justify="space-between" gap="sm">
              {status}
              {buttons}
            </Group>
          )}
        </Stack>
      </SubmitForm>
    </Modal>
  );
}

/** Cancel and submit, right-aligned, as every form and dialog ends. */
export function FormButtons({
  cancelLabel,
  onCancel,
  submitLabel,
  submitColor,
  saving,
  before,
  submitDisabled,
  submitTestId,
}: {
  cancelLabel: string;
  onCancel(): void;
  submitLabel: string;
  submitColor?: MantineColor;
  submitDisabled?: boolean;
  submitTestId?: string;
  saving: boolean;
  before?: ReactNode;
}) {
  return (
    <Group justify="flex-end" gap="sm">
      {before}
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button type="submit" loading={saving} color={submitColor} disabled={submitDisabled} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}

