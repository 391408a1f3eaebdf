import type { TemplateTarget } from './fields';

/**
 * The built-in letter templates, in French and English: the letters a DPO office writes to data
 * subjects, regulators and client controllers. They are data: Settings › Letters edits them (each
 * save is a new version, migration 16) and these stay version 1. Merge fields are `{{name}}`
 * (shared/letters/fields.ts lists them per target). French is written with ordinary spaces and
 * straight apostrophes: French typography is applied when a letter is composed.
 */
export const TEMPLATE_KINDS = ['acknowledgement', 'extension', 'refusal', 'regulator_reply', 'client_notice'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export interface Bilingual {
  en: string;
  fr: string;
}

export interface TemplateData {
  /** Stable id; a built-in template's id is its kind. */
  id: TemplateKind;
  kind: TemplateKind;
  target: TemplateTarget;
  name: Bilingual;
  subject: Bilingual;
  body: Bilingual;
}

/** What each kind of letter is written from. */
export const TARGET_OF: Record<TemplateKind, TemplateTarget> = {
  acknowledgement: 'complaint',
  extension: 'complaint',
  refusal: 'complaint',
  regulator_reply: 'letter',
  client_notice: 'client',
};

const lines = (...l: string[]) => l.join('\n');

export const BUILT_IN_TEMPLATES: readonly TemplateData[] = [
  {
    id: 'acknowledgement',
    kind: 'acknowledgement',
    target: 'complaint',
    name: { en: 'Acknowledgement of a request', fr: 'Accusé de réception d’une demande' },
    subject: { en: 'Your request of {{complaint.receivedOn}} – our reference {{complaint.reference}}', fr: 'Votre demande du {{complaint.receivedOn}} – notre référence {{complaint.reference}}' },
    body: {
      en: lines(
        'Dear {{complaint.complainant}},',
        '',
        'We confirm that we received your request on {{complaint.receivedOn}}, by which you exercise the following rights under the General Data Protection Regulation (GDPR): {{complaint.rights}}.',
        '',
        'Your request: {{complaint.summary}}',
        '',
        'We will answer without undue delay and at the latest by {{complaint.responseDue}} (Article 12(3) GDPR). Where necessary, taking into account the complexity and number of requests, this period may be extended by two further months; we would then tell you so, with the reasons, before that date.',
        '',
        'Please quote our reference {{complaint.reference}} in any correspondence. If we need more information to identify you, we will ask you for it.',
        '',
        'Yours sincerely,',
        '',
        'The Data Protection Officer',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
      fr: lines(
        'Madame, Monsieur,',
        '',
        'Nous accusons réception de votre demande reçue le {{complaint.receivedOn}}, par laquelle vous exercez les droits suivants au titre du règlement général sur la protection des données (RGPD) : {{complaint.rights}}.',
        '',
        'Votre demande : {{complaint.summary}}',
        '',
        'Nous vous répondrons dans les meilleurs délais et au plus tard le {{complaint.responseDue}} (article 12, paragraphe 3, du RGPD). Si nécessaire, compte tenu de la complexité et du nombre de demandes, ce délai peut être prolongé de deux mois ; nous vous en informerions alors, avec les motifs, avant cette date.',
        '',
        'Merci de rappeler notre référence {{complaint.reference}} dans toute correspondance. S\'il nous faut des informations complémentaires pour vous identifier, nous vous les demanderons.',
        '',
        'Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées.',
        '',
        'Le délégué à la protection des données',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
    },
  },
  {
    id: 'extension',
    kind: 'extension',
    target: 'complaint',
    name: { en: 'Extension notice (Art. 12(3))', fr: 'Notification de prolongation (art. 12.3)' },
    subject: { en: 'Your request {{complaint.reference}}: extension of the time to answer', fr: 'Votre demande {{complaint.reference}} : prolongation du délai de réponse' },
    body: {
      en: lines(
        'Dear {{complaint.complainant}},',
        '',
        'We received your request on {{complaint.receivedOn}} (our reference {{complaint.reference}}). We must inform you that we need more time to answer it.',
        '',
        'Under Article 12(3) of the GDPR, the one-month period to answer may be extended by two further months where necessary, taking into account the complexity and number of requests. We are extending it for the following reasons: {{complaint.extensionReason}}',
        '',
        'We will therefore answer at the latest by {{complaint.extendedDue}}.',
        '',
        'You have the right to lodge a complaint with a supervisory authority ({{regulator.name}}, {{regulator.website}}) and to seek a judicial remedy.',
        '',
        'Yours sincerely,',
        '',
        'The Data Protection Officer',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
      fr: lines(
        'Madame, Monsieur,',
        '',
        'Nous avons reçu votre demande le {{complaint.receivedOn}} (notre référence {{complaint.reference}}). Nous devons vous informer qu\'il nous faut davantage de temps pour y répondre.',
        '',
        'En application de l\'article 12, paragraphe 3, du RGPD, le délai d\'un mois peut être prolongé de deux mois, compte tenu de la complexité et du nombre de demandes. Nous le prolongeons pour les motifs suivants : {{complaint.extensionReason}}',
        '',
        'Nous vous répondrons donc au plus tard le {{complaint.extendedDue}}.',
        '',
        'Vous avez le droit d\'introduire une réclamation auprès d\'une autorité de contrôle ({{regulator.name}}, {{regulator.website}}) et de former un recours juridictionnel.',
        '',
        'Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées.',
        '',
        'Le délégué à la protection des données',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
    },
  },
  {
    id: 'refusal',
    kind: 'refusal',
    target: 'complaint',
    name: { en: 'Refusal, with reasons and remedies', fr: 'Refus motivé, avec les voies de recours' },
    subject: { en: 'Your request {{complaint.reference}}: our answer', fr: 'Votre demande {{complaint.reference}} : notre réponse' },
    body: {
      en: lines(
        'Dear {{complaint.complainant}},',
        '',
        'We received your request on {{complaint.receivedOn}} (our reference {{complaint.reference}}), exercising the following rights: {{complaint.rights}}.',
        '',
        'After examining it, we are not able to take the action you requested, for the following reasons: {{complaint.outcome}}',
        '',
        'Under Article 12(4) of the GDPR, you have the right to lodge a complaint with a supervisory authority – in particular {{regulator.name}} ({{regulator.website}}) – and the right to seek a judicial remedy before the competent court.',
        '',
        'Yours sincerely,',
        '',
        'The Data Protection Officer',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
      fr: lines(
        'Madame, Monsieur,',
        '',
        'Nous avons reçu votre demande le {{complaint.receivedOn}} (notre référence {{complaint.reference}}), par laquelle vous exercez les droits suivants : {{complaint.rights}}.',
        '',
        'Après examen, nous ne sommes pas en mesure d\'y donner suite, pour les motifs suivants : {{complaint.outcome}}',
        '',
        'Conformément à l\'article 12, paragraphe 4, du RGPD, vous avez le droit d\'introduire une réclamation auprès d\'une autorité de contrôle – notamment la {{regulator.name}} ({{regulator.website}}) – et de former un recours juridictionnel devant la juridiction compétente.',
        '',
        'Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de nos salutations distinguées.',
        '',
        'Le délégué à la protection des données',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
    },
  },
  {
    id: 'regulator_reply',
    kind: 'regulator_reply',
    target: 'letter',
    name: { en: 'Reply to a regulator’s request', fr: 'Réponse à une demande de l’autorité' },
    subject: { en: 'Your letter of {{letter.dated}} – your references {{letter.theirReferences}}', fr: 'Votre courrier du {{letter.dated}} – vos références {{letter.theirReferences}}' },
    body: {
      en: lines(
        'To the {{regulator.name}},',
        '',
        'Your letter: {{letter.subject}}',
        'Your references: {{letter.theirReferences}}',
        '',
        'Dear Sir or Madam,',
        '',
        'We refer to your letter of {{letter.dated}}, received on {{letter.receivedOn}}, to which you asked us to reply by {{letter.replyDue}}. Please find our answers below.',
        '',
        '[Our answers, point by point]',
        '',
        'We remain at your disposal for any further information.',
        '',
        'Yours faithfully,',
        '',
        'The Data Protection Officer',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
      fr: lines(
        'À l\'attention de la {{regulator.name}},',
        '',
        'Votre courrier : {{letter.subject}}',
        'Vos références : {{letter.theirReferences}}',
        '',
        'Madame, Monsieur,',
        '',
        'Nous faisons suite à votre courrier du {{letter.dated}}, reçu le {{letter.receivedOn}}, auquel vous nous avez demandé de répondre au plus tard le {{letter.replyDue}}. Vous trouverez ci-dessous nos réponses.',
        '',
        '[Nos réponses, point par point]',
        '',
        'Nous restons à votre disposition pour toute information complémentaire.',
        '',
        'Nous vous prions d\'agréer, Madame, Monsieur, l\'expression de notre considération distinguée.',
        '',
        'Le délégué à la protection des données',
        '{{organisation.dpo}}',
        '{{organisation.name}}',
      ),
    },
  },
  {
    // The same words as the filing's starting text (electron/core/obligations/notice-text.ts renders this template).
    id: 'client_notice',
    kind: 'client_notice',
    target: 'client',
    name: { en: 'Processor’s notice to a client controller (Art. 33(2))', fr: 'Notification du sous-traitant au client responsable (art. 33.2)' },
    subject: { en: 'Personal data breach notice – {{incident.reference}} – {{client.name}}', fr: 'Notification de violation de données personnelles – {{incident.reference}} – {{client.name}}' },
    body: {
      en: lines(
        'Dear {{client.name}} data protection team,',
        '',
        'As your processor, {{organisation.name}} informs you under Article 33(2) of the GDPR and our contract that on {{incident.detectedAt}} we detected a personal data breach affecting data we process on your behalf (our reference {{incident.reference}}).',
        '',
        'What happened: {{incident.facts}}',
        'Nature of the breach: {{incident.nature}}.',
        'Data concerned: {{incident.dataCategories}}.',
        'People concerned (approx.): {{incident.persons}}; records (approx.): {{incident.records}}.',
        'Likely consequences: {{incident.consequences}}',
        'Measures taken: {{incident.measuresTaken}}',
        'Measures proposed: {{incident.measuresProposed}}',
        '',
        'As the controller, you decide whether to notify your supervisory authority within 72 hours of becoming aware (Art. 33(1)) and whether to inform the people concerned (Art. 34). We will send you any further information as we obtain it, and help you with your notification.',
        '',
        'Contact: {{organisation.dpo}}',
        '{{organisation.name}}',
      ),
      fr: lines(
        'Madame, Monsieur, à l\'attention de l\'équipe protection des données de {{client.name}},',
        '',
        'En qualité de sous-traitant, {{organisation.name}} vous informe, en application de l\'article 33(2) du RGPD et de notre contrat, que nous avons détecté le {{incident.detectedAt}} une violation de données personnelles concernant des données que nous traitons pour votre compte (notre référence {{incident.reference}}).',
        '',
        'Ce qui s\'est passé : {{incident.facts}}',
        'Nature de la violation : {{incident.nature}}.',
        'Données concernées : {{incident.dataCategories}}.',
        'Personnes concernées (approx.) : {{incident.persons}} ; enregistrements (approx.) : {{incident.records}}.',
        'Conséquences probables : {{incident.consequences}}',
        'Mesures prises : {{incident.measuresTaken}}',
        'Mesures envisagées : {{incident.measuresProposed}}',
        '',
        'En tant que responsable du traitement, il vous appartient de décider de notifier votre autorité de contrôle dans les 72 heures après en avoir pris connaissance (art. 33(1)) et d\'informer les personnes concernées (art. 34). Nous vous transmettrons toute information complémentaire dès que nous l\'obtiendrons et vous assisterons dans votre notification.',
        '',
        'Contact : {{organisation.dpo}}',
        '{{organisation.name}}',
      ),
    },
  },
];

export function builtInTemplate(id: string): TemplateData | undefined {
  return BUILT_IN_TEMPLATES.find((t) => t.id === id);
}

/** The gap an empty merge field leaves in a letter. */
export const GAP: Bilingual = { en: '[to be completed]', fr: '[à compléter]' };
