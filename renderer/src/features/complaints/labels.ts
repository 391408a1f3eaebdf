import { ComplaintChannel, DataSubjectRight, type ComplaintStatus } from '@shared/schemas/complaint';
import type { FeatureT } from '../../lib/featureT';

/** The complaints register's namespace (features/complaints/locales). */
export const NS = 'complaints';

export function channelOptions(t: FeatureT) {
  return ComplaintChannel.options.map((c) => ({ value: c, label: t(`channel.${c}`) }));
}

export function rightOptions(t: FeatureT) {
  return DataSubjectRight.options.map((r) => ({ value: r, label: t(`right.${r}`) }));
}

/** The statuses an answer comes with: moving there records when the answer was sent. */
export function recordsAnswer(status: ComplaintStatus): boolean {
  return status === 'answered' || status === 'closed';
}
