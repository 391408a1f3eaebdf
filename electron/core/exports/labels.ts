import { DateTime } from 'luxon';
import type { BilingualText } from '@shared/schemas/timeline';
import { fold } from '@shared/text';
import { deadlineParts, formatDate, formatDateTime, isDayEnd, lastDayOfDeadline } from '@shared/format/dates';

export type Lang = 'en' | 'fr';
export type Bi = BilingualText;

export function bi(en: string, fr: string): Bi {
  return { en, fr };
}

export const NBSP = '\u00a0';
/** Narrow no-break space: French puts it before ; ! ? and inside « ». */
export const NNBSP = '\u202f';

/**
 * French typography for text we write: « » instead of straight quotes, a no-break space before
 * the colon and a narrow one before ; ! ? (replacing an ordinary space if there was one), typographic
 * apostrophes. Leaves URLs and times (12:30) alone: only punctuation that follows a space or a
 * word boundary at the end of a word is touched.
 */
export function frTypo(s: string): string {
  return s
    .replace(/"([^"\n]*)"/g, '«$1»')
    .replace(/«\s*/g, `«${NNBSP}`)
    .replace(/\s*»/g, `${NNBSP}»`)
    .replace(/([\p{L}\p{N})\]»])[ \u00a0\u202f]?:(?=\s|$)/gu, `$1${NBSP}:`)
    .replace(/([\p{L}\p{N})\]»])[ \u00a0\u202f]?([;!?])(?=\s|$)/gu, `$1${NNBSP}$2`)
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

/**
 * What the user typed, inside a text the app composes: French typography is applied to the
 * app's words around it, never to it. finish() removes the marks.
 */
export function U(s: string): string {
  return s ? `\ue000${s}\ue001` : s;
}

function finishFr(s: string): string {
  return s
    .split(/(\ue000[^\ue001]*\ue001)/)
    .map((part) => (part.startsWith('\ue000') ? part.slice(1, -1) : frTypo(part)))
    .join('')
    .replace(/[\ue000\ue001]/g, '');
}

/** A composed text made final: French typography on the app's words, the user's words as typed. */
export function finish(t: Bi): Bi {
  return { en: t.en.replace(/[\ue000\ue001]/g, ''), fr: finishFr(t.fr) };
}

/** A finished text (from finish(), e.g. timeline events and clocks) in a language. */
export function pick(t: Bi, lang: Lang): string {
  return lang === 'fr' ? t.fr : t.en;
}

/** The text in a language, with French typography applied to French. */
export function tr(t: Bi, lang: Lang): string {
  return lang === 'fr' ? frTypo(t.fr) : t.en;
}

/* ------------------------------------------------------------------------------------------ */
/* Enum labels (also what imports accept, in either language, besides the codes)               */
/* ------------------------------------------------------------------------------------------ */

export type LabelTable = Record<string, Bi>;

export const LABELS = {
  incidentStatus: { open: bi('Open', 'Ouvert'), contained: bi('Contained', 'Maîtrisé'), closed: bi('Closed', 'Clos') },
  risk: { unlikely: bi('Unlikely to result in a risk', 'Risque peu probable'), risk: bi('Risk', 'Risque'), high: bi('High risk', 'Risque élevé') },
  decision: { pending: bi('Pending', 'En attente'), yes: bi('Yes', 'Oui'), no: bi('No', 'Non') },
  role: { controller: bi('Controller', 'Responsable du traitement'), processor: bi('Processor', 'Sous-traitant'), joint: bi('Joint controller', 'Responsable conjoint') },
  nature: { confidentiality: bi('Confidentiality', 'Confidentialité'), integrity: bi('Integrity', 'Intégrité'), availability: bi('Availability', 'Disponibilité') },
  dataCategory: {
    identification: bi('Identification data', 'Données d’identification'),
    contact: bi('Contact details', 'Coordonnées'),
    financial: bi('Financial data', 'Données financières'),
    location: bi('Location data', 'Données de localisation'),
    online_identifiers: bi('Online identifiers', 'Identifiants en ligne'),
    credentials: bi('Credentials', 'Identifiants de connexion'),
    communications: bi('Content of communications', 'Contenu de communications'),
    call_recordings: bi('Call recordings', 'Enregistrements d’appels'),
    official_documents: bi('Official documents', 'Pièces officielles'),
    health: bi('Health data', 'Données de santé'),
    biometric: bi('Biometric data', 'Données biométriques'),
    genetic: bi('Genetic data', 'Données génétiques'),
    racial_ethnic: bi('Racial or ethnic origin', 'Origine raciale ou ethnique'),
    political: bi('Political opinions', 'Opinions politiques'),
    religious: bi('Religious or philosophical beliefs', 'Convictions religieuses ou philosophiques'),
    trade_union: bi('Trade-union membership', 'Appartenance syndicale'),
    sex_life: bi('Sex life or sexual orientation', 'Vie ou orientation sexuelle'),
    criminal: bi('Criminal convictions and offences', 'Condamnations pénales et infractions'),
    other: bi('Other data', 'Autres données'),
  },
  recipient: {
    authority: bi('supervisory authority', 'autorité de contrôle'),
    data_subjects: bi('data subjects', 'personnes concernées'),
    nis2_csirt: bi('CSIRT (NIS2)', 'CSIRT (NIS 2)'),
    other: bi('other recipient', 'autre destinataire'),
  },
  phase: { initial: bi('Initial', 'Initiale'), complementary: bi('Complementary', 'Complémentaire'), final: bi('Final', 'Finale') },
  method: {
    online_form: bi('online form', 'téléservice'),
    email: bi('email', 'courriel'),
    letter: bi('letter', 'courrier'),
    phone: bi('phone', 'téléphone'),
    website: bi('website', 'site web'),
    other: bi('other means', 'autre moyen'),
  },
  channel: {
    email: bi('Email', 'Courriel'),
    post: bi('Post', 'Courrier postal'),
    web_form: bi('Web form', 'Formulaire web'),
    phone: bi('Phone', 'Téléphone'),
    regulator: bi('Forwarded by a regulator', 'Transmise par une autorité'),
  },
  right: {
    access: bi('Access', 'Accès'),
    rectification: bi('Rectification', 'Rectification'),
    erasure: bi('Erasure', 'Effacement'),
    restriction: bi('Restriction', 'Limitation'),
    portability: bi('Portability', 'Portabilité'),
    objection: bi('Objection', 'Opposition'),
    objection_direct_marketing: bi('Objection to direct marketing', 'Opposition à la prospection'),
    consent_withdrawal: bi('Consent withdrawal', 'Retrait du consentement'),
    automated_decision: bi('Automated decision', 'Décision automatisée'),
  },
  complaintStatus: {
    received: bi('Received', 'Reçue'),
    in_progress: bi('In progress', 'En cours'),
    awaiting_information: bi('Awaiting information', 'En attente d’informations'),
    answered: bi('Answered', 'Répondue'),
    closed: bi('Closed', 'Close'),
  },
  direction: { inbound: bi('Inbound', 'Reçu'), outbound: bi('Outbound', 'Envoyé') },
  letterKind: {
    request_for_information: bi('Request for information', 'Demande d’informations'),
    inspection_notice: bi('Inspection notice', 'Avis de contrôle'),
    complaint_forwarded: bi('Complaint forwarded', 'Plainte transmise'),
    findings: bi('Findings report', 'Rapport de constats'),
    reprimand: bi('Reprimand', 'Rappel à l’ordre'),
    formal_notice: bi('Formal notice', 'Mise en demeure'),
    sanction: bi('Sanction', 'Sanction'),
    extension_granted: bi('Extension granted', 'Prorogation accordée'),
    closure: bi('Closure', 'Clôture'),
    our_reply: bi('Our reply', 'Notre réponse'),
    our_observations: bi('Our observations', 'Nos observations'),
    appeal_lodged: bi('Appeal lodged', 'Recours formé'),
    appeal_decision: bi('Appeal decision', 'Décision sur recours'),
    other: bi('Other', 'Autre'),
  },
  actionStatus: {
    planned: bi('Planned', 'Prévue'),
    in_progress: bi('In progress', 'En cours'),
    done: bi('Done', 'Réalisée'),
    verified: bi('Verified', 'Vérifiée'),
    cancelled: bi('Cancelled', 'Annulée'),
  },
  priority: { low: bi('Low', 'Basse'), medium: bi('Medium', 'Moyenne'), high: bi('High', 'Haute'), critical: bi('Critical', 'Critique') },
  originType: {
    incident: bi('Incident', 'Incident'),
    complaint: bi('Complaint', 'Réclamation'),
    letter: bi('Letter', 'Courrier'),
    matter: bi('Matter', 'Procédure'),
    finding: bi('Finding', 'Constat'),
    other: bi('Other', 'Autre'),
  },
  entryKind: {
    call: bi('Call', 'Appel'),
    meeting: bi('Meeting', 'Réunion'),
    decision: bi('Decision', 'Décision'),
    message: bi('Message', 'Message'),
    note: bi('Note', 'Note'),
    other: bi('Other', 'Autre'),
  },
  boolean: { true: bi('Yes', 'Oui'), false: bi('No', 'Non') },
  contractStatus: { active: bi('Active', 'En cours'), ended: bi('Ended', 'Terminé') },
  noticeChannel: { email: bi('Email', 'Courriel'), phone: bi('Phone', 'Téléphone') },
  language: { fr: bi('French', 'Français'), en: bi('English', 'Anglais') },
} satisfies Record<string, LabelTable>;

export type LabelKind = keyof typeof LABELS;

export function label(kind: LabelKind, code: string | null | undefined, lang: Lang, fallback = ''): string {
  if (code == null) return fallback;
  const t = (LABELS[kind] as LabelTable)[code];
  return t ? tr(t, lang) : code;
}

export function labelBi(kind: LabelKind, code: string | null | undefined, fallback: Bi = bi('', '')): Bi {
  if (code == null) return fallback;
  return (LABELS[kind] as LabelTable)[code] ?? bi(code, code);
}

/** Code for a value given as a code or a label in either language (accents and case ignored). */
export function codeFor(kind: LabelKind, value: string): string | null {
  let names = codeNames.get(kind);
  if (!names) {
    names = new Map();
    for (const [code, t] of Object.entries(LABELS[kind] as LabelTable)) {
      for (const n of [code, code.replace(/_/g, ' '), t.en, t.fr]) names.set(foldName(n), code);
    }
    codeNames.set(kind, names);
  }
  return names.get(foldName(value)) ?? null;
}

const codeNames = new Map<LabelKind, Map<string, string>>();
const foldName = (s: string) => fold(s).replace(/[’']/g, "'").replace(/\s+/g, ' ');

/* ------------------------------------------------------------------------------------------ */
/* Dates, durations, numbers                                                                   */
/* ------------------------------------------------------------------------------------------ */

export function inZone(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
}

/** Documents keep a date on one line: no-break spaces inside it. */
const keep = (s: string) => s.replace(/ /g, NBSP).replace(`,${NBSP}`, ', ');

/** "Thu 1 Oct 2020, 09:40" / "jeu. 1er oct. 2020, 09:40" (shared/format). */
export function fmtDateTime(iso: string | null | undefined, lang: Lang, zone: string): string {
  if (!iso) return '';
  return keep(formatDateTime(iso, zone, lang, { weekday: 'short' }));
}

/** "1 Oct 2020" / "1er oct. 2020". */
export function fmtDate(iso: string | null | undefined, lang: Lang, zone: string): string {
  if (!iso) return '';
  return keep(formatDate(iso, zone, lang));
}

/**
 * A deadline as the screen shows it: a day-counted one as its last day, "end of Thu 2 Aug 2018" /
 * "fin du jeu. 2 août 2018"; an hour-counted one with its time. Never the midnight after.
 */
export function fmtDeadline(iso: string | null | undefined, lang: Lang, zone: string): string {
  if (!iso) return '';
  // The date stays on one line; a narrow column may break after "end of".
  const p = deadlineParts(iso, zone, lang);
  return p.endOf ? `${p.endOf} ${keep(p.when)}` : keep(p.when);
}

/**
 * A deadline in a CSV or XLSX cell: a day-counted one as its last day (2018-08-02, the period
 * running to the end of that day), an hour-counted one as the instant with its offset.
 */
export function deadlineCell(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  return isDayEnd(iso, zone) ? lastDayOfDeadline(iso, zone) : isoLocal(iso, zone);
}

/** Compact for tables: "2020-10-01 09:40". */
export function fmtStamp(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  return inZone(iso, zone).toFormat('yyyy-LL-dd HH:mm');
}

/** An instant in the organisation's zone, ISO with its offset, ms only when present (lossless). */
export function isoLocal(iso: string | null | undefined, zone: string): string {
  if (!iso) return '';
  const d = inZone(iso, zone);
  return d.toISO({ suppressMilliseconds: d.millisecond === 0, includeOffset: true })!;
}

/** "12 h", "1 h 30 min", "3 days 4 h" / "3 jours 4 h" (no-break spaces inside). */
export function fmtDuration(minutes: number, lang: Lang): string {
  const m = Math.round(Math.abs(minutes));
  const n = (v: number, unit: string) => `${v}${NBSP}${unit}`;
  if (m < 60) return n(m, 'min');
  const hours = Math.floor(m / 60);
  const rest = m % 60;
  if (hours < 72) return rest ? `${n(hours, 'h')} ${n(rest, 'min')}` : n(hours, 'h');
  const days = Math.floor(hours / 24);
  const h = hours % 24;
  const dayWord = lang === 'fr' ? (days > 1 ? 'jours' : 'jour') : days > 1 ? 'days' : 'day';
  return h ? `${n(days, dayWord)} ${n(h, 'h')}` : n(days, dayWord);
}

export function fmtNumber(n: number | null | undefined, lang: Lang): string {
  if (n == null) return '';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}

export function fmtMoney(n: number | null | undefined, lang: Lang): string {
  if (n == null) return '';
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }).format(n);
}

/** Minutes from a to b (positive when b is later). */
export function minutesBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 60_000);
}
