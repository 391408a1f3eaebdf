import { NoticeChannel } from '@shared/schemas/contract';
import { Lang } from '@shared/schemas/common';
import type { FeatureT } from '../../lib/featureT';

export const NS = 'contracts';

export function languageOptions(t: FeatureT) {
  return Lang.options.map((l) => ({ value: l, label: t(`language.${l}`) }));
}

export function channelOptions(t: FeatureT) {
  return NoticeChannel.options.map((c) => ({ value: c, label: t(`channel.${c}`) }));
}
