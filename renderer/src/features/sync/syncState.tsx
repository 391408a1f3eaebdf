import type { ReactNode } from 'react';
import type { MantineColor } from '@mantine/core';
import { IconAlertTriangle, IconCloudCheck, IconCloudOff, IconPlugConnected, IconRefresh, IconUserOff, type Icon } from '@tabler/icons-react';
import type { SyncState, SyncStatus } from '@shared/schemas/sync';
import type { FeatureT } from '../../lib/featureT';
import { intlLocale, type UiLanguage } from '../../lib/format';

/** Colour supports the words and the icon, never replaces them. */
export const STATE_COLOR: Record<SyncState, MantineColor> = {
  off: 'gray',
  connecting: 'blue',
  online: 'teal',
  syncing: 'blue',
  offline: 'orange',
  error: 'red',
  removed: 'red',
};

const STATE_ICON: Record<SyncState, Icon> = {
  off: IconCloudOff,
  connecting: IconPlugConnected,
  online: IconCloudCheck,
  syncing: IconRefresh,
  offline: IconCloudOff,
  error: IconAlertTriangle,
  removed: IconUserOff,
};

export function stateIcon(state: SyncState, size = 16): ReactNode {
  const StateIcon = STATE_ICON[state];
  return <StateIcon size={size} stroke={1.7} aria-hidden />;
}

/** "Sending changes: 120 of 500" — what a round is doing now. */
export function progressLabel(t: FeatureT, progress: NonNullable<SyncStatus['progress']>, number: (n: number) => string): string {
  return t(`progress.${progress.phase}`, { done: number(progress.done), total: number(progress.total) });
}

/** "3 minutes ago", "yesterday": how long since an instant, in the UI language. */
export function relativeTime(iso: string, now: Date, lang: UiLanguage, justNow: string): string {
  const rtf = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
  const seconds = Math.round((Date.parse(iso) - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60) return justNow;
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), 'hour');
  return rtf.format(Math.round(seconds / 86_400), 'day');
}
