import type { AgeBucket, ClockGroup, Count } from '@shared/schemas/report';
import { regulatorLabel } from '@shared/reference/regulators';
import { MATTER_KIND } from '../exports/bundle-pdf';
import { bi, label, tr, type Bi, type Lang, type LabelKind } from '../exports/labels';

/** The report's own words, in both languages (the registers' enum words come from exports/labels.ts). */
export const GROUP_WORDS: Record<ClockGroup, { name: Bi; what: Bi; unit: 'hours' | 'days' }> = {
  response: { name: bi('Responses to data subjects (Art. 12(3))', 'Réponses aux personnes (art. 12.3)'), what: bi('one month, three when extended in time', 'un mois, trois si prorogé à temps'), unit: 'days' },
  authority: { name: bi('Notifications to the authority (Art. 33)', 'Notifications à l’autorité (art. 33)'), what: bi('72 hours from awareness', '72 heures après la prise de connaissance'), unit: 'hours' },
  client: { name: bi('Notices to client controllers (Art. 33(2))', 'Notifications aux clients responsables (art. 33.2)'), what: bi('the hours of each contract', 'les heures de chaque contrat'), unit: 'hours' },
  nis2: { name: bi('NIS2 reports', 'Signalements NIS 2'), what: bi('24 h, 72 h and one month', '24 h, 72 h et un mois'), unit: 'hours' },
  regulator: { name: bi('Regulator deadlines', 'Échéances des autorités'), what: bi('reply and compliance dates set by a regulator', 'dates de réponse et de mise en conformité fixées par une autorité'), unit: 'days' },
  action: { name: bi('Remediation actions', 'Actions correctives'), what: bi('their due date', 'leur échéance'), unit: 'days' },
};

/** Short names for charts and spreadsheet cells. */
export const GROUP_SHORT: Record<ClockGroup, Bi> = {
  response: bi('Art. 12(3) responses', 'Réponses art. 12.3'),
  authority: bi('Art. 33 notifications', 'Notifications art. 33'),
  client: bi('Client notices', 'Notifications clients'),
  nis2: bi('NIS2 reports', 'Signalements NIS 2'),
  regulator: bi('Regulator deadlines', 'Échéances des autorités'),
  action: bi('Actions', 'Actions'),
};

export const BUCKET_WORDS: Record<AgeBucket, Bi> = {
  d0_30: bi('30 days or less', '30 jours ou moins'),
  d31_90: bi('31 to 90 days', '31 à 90 jours'),
  d91_180: bi('91 to 180 days', '91 à 180 jours'),
  d181_365: bi('181 to 365 days', '181 à 365 jours'),
  d366_: bi('more than a year', 'plus d’un an'),
};

const EXTRA: Record<string, Bi> = {
  unassessed: bi('Not assessed', 'Non évalué'),
  notified: bi('Notified', 'Notifiée'),
  not_required: bi('Not notified (decision recorded)', 'Non notifiée (décision consignée)'),
  pending: bi('Decision pending', 'Décision en attente'),
  controllers_decide: bi('The controllers’ to decide', 'À décider par les responsables'),
  met_on_time: bi('on time', 'dans les délais'),
  met_late: bi('late', 'en retard'),
  overdue: bi('overdue', 'dépassé'),
  running: bi('running', 'en cours'),
  stopped: bi('stopped', 'arrêté'),
  extension_notice_late: bi('extension notice sent after the first month: it extended nothing', 'avis de prorogation envoyé après le premier mois : il n’a rien prorogé'),
};

/** What a code means in a language: a register's enum word, a regulator's short name, or a word of the report. */
export type CountKind = LabelKind | 'regulator' | 'matterKind' | 'extra';

export function codeWord(kind: CountKind, code: string, lang: Lang): string {
  if (kind === 'regulator') return regulatorLabel(code) || code;
  if (kind === 'matterKind') return MATTER_KIND[code as keyof typeof MATTER_KIND] ? tr(MATTER_KIND[code as keyof typeof MATTER_KIND], lang) : code;
  if (kind === 'extra' || (kind === 'risk' && EXTRA[code])) return extraWord(code, lang);
  return label(kind, code, lang, code);
}

export function extraWord(code: string, lang: Lang): string {
  return EXTRA[code] ? tr(EXTRA[code]!, lang) : code;
}

/** Counts with their words, for a chart or a sheet. */
export function worded(counts: readonly Count[], kind: CountKind, lang: Lang): { label: string; value: number }[] {
  return counts.map((c) => ({ label: codeWord(kind, c.key, lang), value: c.count }));
}

export const T = (lang: Lang) => (en: string, fr: string) => tr(bi(en, fr), lang);

/** "83 %" / "83 %" with the language's spacing; "—" when nothing was judged. */
export function pct(rate: number | null, lang: Lang): string {
  if (rate === null) return '—';
  const v = Math.round(rate * 1000) / 10;
  const s = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(v);
  return lang === 'fr' ? `${s}\u00a0%` : `${s}%`;
}

/** A duration in the group's unit: "41.5 h" / "41,5 h", "12.3 days" / "12,3 jours". */
export function duration(hours: number | null, unit: 'hours' | 'days', lang: Lang): string {
  if (hours === null) return '—';
  const nf = new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 });
  if (unit === 'hours') return `${nf.format(hours)}\u00a0h`;
  const d = hours / 24;
  return `${nf.format(d)}\u00a0${lang === 'fr' ? (d >= 2 ? 'jours' : 'jour') : d === 1 ? 'day' : 'days'}`;
}
