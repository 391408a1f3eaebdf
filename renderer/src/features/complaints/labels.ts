import type { MantineColor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { ComplaintChannel, ComplaintStatus, DataSubjectRight } from '@shared/schemas/complaint';

/** Colours support the status text, never replace it. */
export const STATUS_COLOR: Record<ComplaintStatus, MantineColor> = {
  received: 'blue',
  in_progress: 'indigo',
  awaiting_information: 'yellow',
  answered: 'teal',
  closed: 'gray',
};

export function statusOptions(t: TFunction) {
  return ComplaintStatus.options.map((s) => ({ value: s, label: t(`status.${s}`) }));
}

export function channelOptions(t: TFunction) {
  return ComplaintChannel.options.map((c) => ({ value: c, label: t(`channel.${c}`) }));
}

export function rightOptions(t: TFunction) {
  return DataSubjectRight.options.map((r) => ({ value: r, label: t(`right.${r}`) }));
}

/** The statuses an answer comes with: moving there records when the answer was sent. */
export function recordsAnswer(status: ComplaintStatus): boolean {
  return status === 'answered' || status === 'closed';
}
