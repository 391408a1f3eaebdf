import { APPEALABLE_KINDS, LetterKind, type LetterDirection } from '@shared/schemas/letter';
import { MatterKind } from '@shared/schemas/matter';
import { findRegulator, REGULATORS } from '@shared/reference/regulators';
import type { FeatureT } from '../../lib/featureT';
import { intlLocale, type UiLanguage } from '../../lib/format';

export const NS = 'correspondence';

export function kindOptions(t: FeatureT) {
  return LetterKind.options.map((k) => ({ value: k, label: t(`kind.${k}`) }));
}

export function matterKindOptions(t: FeatureT) {
  return MatterKind.options.map((k) => ({ value: k, label: t(`matterKind.${k}`) }));
}

export function directionOptions(t: FeatureT) {
  return (['inbound', 'outbound'] as LetterDirection[]).map((d) => ({ value: d, label: t(`direction.${d}`) }));
}

/** The maintained list, by short name, for filters (custom regulators are matched as typed). */
export function regulatorFilterOptions() {
  return REGULATORS.map((r) => ({ value: r.id, label: `${r.short} (${r.country})` }));
}

/** The regulator filter of the letters' and matters' lists: the maintained list, searchable. */
export function regulatorFilter() {
  return { options: regulatorFilterOptions(), searchable: true, w: 170 };
}

/** Short name and, for a listed regulator, its full name (for a tooltip or a fact line). */
export function regulatorNames(id: string): { short: string; full: string | null } {
  const r = findRegulator(id);
  return r ? { short: r.short, full: r.name } : { short: id, full: null };
}

export { letterDate } from '@shared/correspondence/letter-date';

/** An amount in euros as the reader writes it (a sanction's fine). */
export function euros(amount: number, lang: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(amount);
}

export function isAppealable(kind: LetterKind): boolean {
  return APPEALABLE_KINDS.includes(kind);
}

/** Kinds that carry a compliance deadline or an amount: their fields are shown for these. */
export const COMPLIANCE_KINDS: readonly LetterKind[] = ['formal_notice', 'sanction', 'extension_granted'];
export const AMOUNT_KINDS: readonly LetterKind[] = ['sanction'];
