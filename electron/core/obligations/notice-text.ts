/**
 * The text a filing starts from, in the recipient's language, written from the incident's facts:
 * the processor's notice to a client controller (GDPR Art. 33(2) and the contract: what happened,
 * what data, what we did, who to call), and short notices for data subjects and a CSIRT. The user
 * edits it before recording the filing; what was finally sent is what the filing freezes. The
 * notification to the authority uses the CNIL draft (exports/notification-draft.ts).
 */
import type { Incident } from '@shared/schemas/incident';
import type { ObligationRecord } from '@shared/schemas/obligation';
import { builtInTemplate, type Bilingual } from '@shared/letters/templates';
import { fmtDateTime, frTypo, label, type Lang } from '../exports/labels';
import { mergeTemplate } from '../templates/merge';
import { clientValues, commonValues } from '../templates/merge-values';

export interface NoticeText {
  lang: Lang;
  subject: string;
  body: string;
}

const list = (codes: string[], kind: 'nature' | 'dataCategory', lang: Lang) => codes.map((c) => label(kind, c, lang)).join(', ');

export function noticeText(
  i: Incident,
  o: ObligationRecord,
  lang: Lang,
  org: { name: string; dpoContact: string; timeZone: string; defaultRegulator: string },
  template?: { subject: Bilingual; body: Bilingual },
  /** The letter's date (the app's clock), for a template that names {{letter.date}}. */
  at: string = i.awareAt,
): NoticeText {
  const zone = org.timeZone;
  const fr = lang === 'fr';
  const T = (en: string, frText: string) => (fr ? frTypo(frText) : en);
  const unknown = T('not known yet (we will tell you as soon as it is)', 'pas encore connu (nous vous le préciserons dès que possible)');
  const contact = org.dpoContact || T('[DPO name and contact details]', '[nom et coordonnées du DPO]');
  const facts = i.facts || i.howDiscovered || i.title;
  if (o.regime === 'gdpr-33-2') {
    // One text for the processor's notice: the letter template (Settings › Letters), merged here
    // as in the "Write a letter" dialog.
    const t = template ?? builtInTemplate('client_notice')!;
    const values = { ...commonValues(org, at, lang), ...clientValues(i, { name: o.recipientName, contact: '' }, org, lang) };
    const merged = mergeTemplate(t, values, lang);
    return { lang, subject: merged.subject, body: merged.body };
  }
  if (o.regime === 'gdpr-34') {
    return {
      lang,
      subject: T(`Important information about your personal data (${org.name})`, `Information importante concernant vos données personnelles (${org.name})`),
      body: [
        T('Hello,', 'Bonjour,'),
        '',
        T(`We are informing you of an incident that concerns your personal data: ${facts}`, `Nous vous informons d’un incident qui concerne vos données personnelles : ${facts}`),
        T(`The data concerned: ${list(i.dataCategories, 'dataCategory', lang) || unknown}.`, `Les données concernées : ${list(i.dataCategories, 'dataCategory', lang) || unknown}.`),
        T(`What it may mean for you: ${i.likelyConsequences || unknown}`, `Ce que cela peut signifier pour vous : ${i.likelyConsequences || unknown}`),
        T(`What we have done: ${i.measuresTaken || unknown}`, `Ce que nous avons fait : ${i.measuresTaken || unknown}`),
        '',
        T(`For any question, contact our data protection officer: ${contact}`, `Pour toute question, contactez notre délégué à la protection des données : ${contact}`),
      ].join('\n'),
    };
  }
  return {
    lang,
    subject: T(`Incident report – ${i.reference}`, `Déclaration d’incident – ${i.reference}`),
    body: [
      T(`Organisation: ${org.name}. Internal reference: ${i.reference}.`, `Entité : ${org.name}. Référence interne : ${i.reference}.`),
      T(`Became aware: ${fmtDateTime(i.awareAt, lang, zone)}.`, `Prise de connaissance : ${fmtDateTime(i.awareAt, lang, zone)}.`),
      T(`What happened: ${facts}`, `Ce qui s’est passé : ${facts}`),
      T(`Measures taken: ${i.measuresTaken || unknown}`, `Mesures prises : ${i.measuresTaken || unknown}`),
      T(`Contact: ${contact}`, `Contact : ${contact}`),
    ].join('\n'),
  };
}
