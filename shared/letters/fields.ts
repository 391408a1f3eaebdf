/**
 * The merge fields a letter template may use, by what the letter is written from: a complaint
 * (to the data subject), a regulator's letter (our reply) or an incident's affected client (the
 * processor's notice). Each field's value comes from the record or the organisation profile
 * (electron/core/templates/merge-values.ts); the list here is what Settings › Letters shows and
 * what a template is checked against when it is saved.
 */
export type TemplateTarget = 'complaint' | 'letter' | 'client';

export interface MergeField {
  key: string;
  label: { en: string; fr: string };
}

const f = (key: string, en: string, fr: string): MergeField => ({ key, label: { en, fr } });

/** Every letter can use these. */
export const COMMON_FIELDS: readonly MergeField[] = [
  f('organisation.name', 'Organisation name', 'Nom de l’organisme'),
  f('organisation.dpo', 'DPO name and contact details', 'Nom et coordonnées du DPO'),
  f('letter.date', 'Date of this letter', 'Date de ce courrier'),
];

export const TARGET_FIELDS: Record<TemplateTarget, readonly MergeField[]> = {
  complaint: [
    f('complaint.reference', 'Our reference for the request', 'Notre référence de la demande'),
    f('complaint.receivedOn', 'Date the request was received', 'Date de réception de la demande'),
    f('complaint.complainant', 'The person (label)', 'La personne (libellé)'),
    f('complaint.contact', 'The person’s contact', 'Coordonnées de la personne'),
    f('complaint.rights', 'Rights exercised', 'Droits exercés'),
    f('complaint.summary', 'What the request asks', 'Objet de la demande'),
    f('complaint.responseDue', 'Answer due (one month)', 'Réponse due (un mois)'),
    f('complaint.extendedDue', 'Answer due if extended (three months)', 'Réponse due en cas de prolongation (trois mois)'),
    f('complaint.extensionReason', 'Reasons for the extension', 'Motifs de la prolongation'),
    f('complaint.outcome', 'Outcome and its reasons', 'Suite donnée et ses motifs'),
    f('regulator.name', 'Supervisory authority (name)', 'Autorité de contrôle (nom)'),
    f('regulator.website', 'Supervisory authority (website)', 'Autorité de contrôle (site)'),
  ],
  letter: [
    f('regulator.name', 'The regulator (name)', 'L’autorité (nom)'),
    f('letter.theirReferences', 'The regulator’s references', 'Références de l’autorité'),
    f('letter.reference', 'Our reference for their letter', 'Notre référence de leur courrier'),
    f('letter.subject', 'Subject of their letter', 'Objet de leur courrier'),
    f('letter.dated', 'Date of their letter', 'Date de leur courrier'),
    f('letter.receivedOn', 'Date we received it', 'Date de réception'),
    f('letter.replyDue', 'Reply due', 'Réponse attendue'),
  ],
  client: [
    f('client.name', 'The client controller', 'Le client responsable du traitement'),
    f('client.contact', 'The client’s contact', 'Contact du client'),
    f('incident.reference', 'Our incident reference', 'Notre référence de l’incident'),
    f('incident.detectedAt', 'When we detected it', 'Date de détection'),
    f('incident.facts', 'What happened', 'Ce qui s’est passé'),
    f('incident.nature', 'Nature of the breach', 'Nature de la violation'),
    f('incident.dataCategories', 'Data concerned', 'Données concernées'),
    f('incident.persons', 'People concerned (approx.)', 'Personnes concernées (approx.)'),
    f('incident.records', 'Records concerned (approx.)', 'Enregistrements concernés (approx.)'),
    f('incident.consequences', 'Likely consequences', 'Conséquences probables'),
    f('incident.measuresTaken', 'Measures taken', 'Mesures prises'),
    f('incident.measuresProposed', 'Measures proposed', 'Mesures envisagées'),
  ],
};

/** The fields a template written from `target` may use. */
export function fieldsFor(target: TemplateTarget): MergeField[] {
  return [...COMMON_FIELDS, ...TARGET_FIELDS[target]];
}
