/**
 * The text a filing starts from, in the recipient's language, written from the incident's facts:
 * the processor's notice to a client controller (GDPR Art. 33(2) and the contract: what happened,
 * what data, what we did, who to call), and short notices for data subjects and a CSIRT. The user
 * edits it before recording the filing; what was finally sent is what the filing freezes. The
 * notification to the authority uses the CNIL draft (exports/notification-draft.ts).
 */
import type { Incident } from '@shared/schemas/incident';
import type { ObligationRecord } from '@shared/schemas/obligation';
import { fmtDateTime, fmtNumber, frTypo, label, type Lang } from '../exports/labels';

export interface NoticeText {
  lang: Lang;
  subject: string;
  body: string;
}

const list = (codes: string[], kind: 'nature' | 'dataCategory', lang: Lang) => codes.map((c) => label(kind, c, lang)).join(', ');

export function noticeText(i: Incident, o: ObligationRecord, lang: Lang, org: { name: string; dpoContact: string; timeZone: string }): NoticeText {
  const zone = org.timeZone;
  const fr = lang === 'fr';
  const T = (en: string, frText: string) => (fr ? frTypo(frText) : en);
  const unknown = T('not known yet (we will tell you as soon as it is)', 'pas encore connu (nous vous le préciserons dès que possible)');
  const detected = fmtDateTime(i.detectedAt ?? i.awareAt, lang, zone);
  const persons = i.approxSubjects != null ? fmtNumber(i.approxSubjects, lang) : unknown;
  const records = i.approxRecords != null ? fmtNumber(i.approxRecords, lang) : unknown;
  const contact = org.dpoContact || T('[DPO name and contact details]', '[nom et coordonnées du DPO]');
  const facts = i.facts || i.howDiscovered || i.title;
  if (o.regime === 'gdpr-33-2') {
    return {
      lang,
      subject: T(`Personal data breach notice – ${i.reference} – ${o.recipientName}`, `Notification de violation de données personnelles – ${i.reference} – ${o.recipientName}`),
      body: [
        T(`Dear ${o.recipientName} data protection team,`, `Madame, Monsieur, à l’attention de l’équipe protection des données de ${o.recipientName},`),
        '',
        T(
          `As your processor, ${org.name} informs you under Article 33(2) of the GDPR and our contract that on ${detected} we detected a personal data breach affecting data we process on your behalf (our reference ${i.reference}).`,
          `En qualité de sous-traitant, ${org.name} vous informe, en application de l’article 33(2) du RGPD et de notre contrat, que nous avons détecté le ${detected} une violation de données personnelles concernant des données que nous traitons pour votre compte (notre référence ${i.reference}).`,
        ),
        '',
        T(`What happened: ${facts}`, `Ce qui s’est passé : ${facts}`),
        T(`Nature of the breach: ${list(i.nature, 'nature', lang) || unknown}.`, `Nature de la violation : ${list(i.nature, 'nature', lang) || unknown}.`),
        T(`Data concerned: ${list(i.dataCategories, 'dataCategory', lang) || unknown}.`, `Données concernées : ${list(i.dataCategories, 'dataCategory', lang) || unknown}.`),
        T(`People concerned (approx.): ${persons}; records (approx.): ${records}.`, `Personnes concernées (approx.) : ${persons} ; enregistrements (approx.) : ${records}.`),
        T(`Likely consequences: ${i.likelyConsequences || unknown}`, `Conséquences probables : ${i.likelyConsequences || unknown}`),
        T(`Measures taken: ${i.measuresTaken || unknown}`, `Mesures prises : ${i.measuresTaken || unknown}`),
        T(`Measures proposed: ${i.measuresProposed || unknown}`, `Mesures envisagées : ${i.measuresProposed || unknown}`),
        '',
        T(
          'As the controller, you decide whether to notify your supervisory authority within 72 hours of becoming aware (Art. 33(1)) and whether to inform the people concerned (Art. 34). We will send you any further information as we obtain it, and help you with your notification.',
          'En tant que responsable du traitement, il vous appartient de décider de notifier votre autorité de contrôle dans les 72 heures après en avoir pris connaissance (art. 33(1)) et d’informer les personnes concernées (art. 34). Nous vous transmettrons toute information complémentaire dès que nous l’obtiendrons et vous assisterons dans votre notification.',
        ),
        '',
        T(`Contact: ${contact}`, `Contact : ${contact}`),
        org.name,
      ].join('\n'),
    };
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
