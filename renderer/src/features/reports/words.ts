import { regulatorLabel } from '@shared/reference/regulators';
import type { Count } from '@shared/schemas/report';
import type { FeatureT } from '../../lib/featureT';

export const NS = 'reports';

/** Where a count's codes get their words: the feature's `codes.*`, or a regulator's short name. */
export type CodeKind =
  | 'channel'
  | 'right'
  | 'complaintStatus'
  | 'nature'
  | 'role'
  | 'risk'
  | 'outcome'
  | 'direction'
  | 'letterKind'
  | 'matterKind'
  | 'actionStatus'
  | 'priority'
  | 'bucket'
  | 'clock'
  | 'regulator';

export function codeWord(t: FeatureT, kind: CodeKind, code: string): string {
  if (kind === 'regulator') return regulatorLabel(code) || code;
  return t(`codes.${kind}.${code}`, { defaultValue: code });
}

export function worded(t: FeatureT, kind: CodeKind, counts: readonly Count[]): { name: string; value: number }[] {
  return counts.map((c) => ({ name: codeWord(t, kind, c.key), value: c.count }));
}

/** "42.9%" / "42,9 %"; "—" when nothing was judged. */
export function percent(rate: number | null, lang: 'en' | 'fr'): string {
  if (rate === null) return '—';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** Hours in the kind's unit, as the PDF writes them: "72 h", "35.5 days". */
export function duration(t: FeatureT, hours: number | null, unit: 'hours' | 'days', lang: 'en' | 'fr'): string {
  if (hours === null) return '—';
  const nf = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  return unit === 'hours' ? t('clocks.hours', { value: nf.format(hours) }) : t('clocks.days', { value: nf.format(hours / 24) });
}

/** Day-counted kinds read in days, hour-counted ones in hours (as in the PDF). */
export const GROUP_UNIT = { response: 'days', authority: 'hours', client: 'hours', nis2: 'hours', regulator: 'days', action: 'days' } as const;
