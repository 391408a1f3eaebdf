import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { describeError } from './errors';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

/** Errors stay until dismissed: in an audited register, a failed write must not go unnoticed. */
export function notifyError(error: unknown): void {
  const { message, detail } = describeError(i18next.t, error);
  notifications.show({ color: 'red', title: message, message: detail ?? '', autoClose: false });
}
