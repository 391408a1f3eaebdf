/**
 * The pre-filing check: what a filing would lack if it were recorded now. For the authority it
 * follows GDPR Art. 33(3) (nature, categories and approximate numbers, the DPO's contact, likely
 * consequences, measures) and the sections of the CNIL online form (dates and circumstances, the
 * decision about informing the people); every filing needs the text as sent. Gaps do not forbid a
 * phased notification (Art. 33(4)): they are listed, recorded with the filing, and completed later.
 */
import type { BilingualText } from '@shared/schemas/common';
import type { Incident } from '@shared/schemas/incident';
import type { ObligationRecord } from '@shared/schemas/obligation';

export interface Gap {
  code: string;
  label: BilingualText;
}

const g = (code: string, en: string, fr: string): Gap => ({ code, label: { en, fr } });

export function filingGaps(i: Incident, o: Pick<ObligationRecord, 'regime' | 'recipientId' | 'recipientName'> | null, dpoContact: string, content: string): Gap[] {
  const gaps: Gap[] = [];
  if (!content.trim()) gaps.push(g('content', 'the text as sent (paste or write what the recipient received)', 'le texte tel qu’envoyé (collez ou rédigez ce que le destinataire a reçu)'));
  if (o && o.regime !== 'gdpr-34' && !o.recipientId && !o.recipientName) gaps.push(g('recipient', 'who it goes to (name the authority on the incident)', 'le destinataire (indiquez l’autorité sur l’incident)'));
  const toAuthority = o?.regime === 'gdpr-33' || o?.regime === 'uk-gdpr-33';
  if (!toAuthority) return gaps;
  if (i.nature.length === 0) gaps.push(g('nature', 'the nature of the breach (Art. 33(3)(a))', 'la nature de la violation (art. 33(3)(a))'));
  if (i.dataCategories.length === 0) gaps.push(g('data_categories', 'the categories of personal data (Art. 33(3)(a))', 'les catégories de données (art. 33(3)(a))'));
  if (!i.dataSubjectCategories.trim()) gaps.push(g('subject_categories', 'the categories of data subjects (Art. 33(3)(a))', 'les catégories de personnes concernées (art. 33(3)(a))'));
  if (i.approxSubjects == null) gaps.push(g('approx_subjects', 'the approximate number of data subjects (Art. 33(3)(a))', 'le nombre approximatif de personnes concernées (art. 33(3)(a))'));
  if (i.approxRecords == null) gaps.push(g('approx_records', 'the approximate number of records (Art. 33(3)(a))', 'le nombre approximatif d’enregistrements (art. 33(3)(a))'));
  if (!dpoContact.trim()) gaps.push(g('dpo_contact', 'the DPO’s name and contact details (Art. 33(3)(b); set them in Settings › Notifications)', 'le nom et les coordonnées du DPO (art. 33(3)(b) ; à renseigner dans Paramètres › Notifications)'));
  if (!i.likelyConsequences.trim()) gaps.push(g('consequences', 'the likely consequences (Art. 33(3)(c))', 'les conséquences probables (art. 33(3)(c))'));
  if (!i.measuresTaken.trim() && !i.measuresProposed.trim()) gaps.push(g('measures', 'the measures taken or proposed (Art. 33(3)(d))', 'les mesures prises ou envisagées (art. 33(3)(d))'));
  if (!i.occurredFrom) gaps.push(g('breach_start', 'when the breach began (CNIL form: dates and circumstances)', 'le début de la violation (formulaire CNIL : dates et circonstances)'));
  if (!i.howDiscovered.trim()) gaps.push(g('discovery', 'how it was discovered (CNIL form: dates and circumstances)', 'les circonstances de la découverte (formulaire CNIL : dates et circonstances)'));
  if (i.notifyDataSubjects === 'pending') gaps.push(g('data_subjects_decision', 'whether the people will be informed (CNIL form, Art. 34)', 'si les personnes seront informées (formulaire CNIL, art. 34)'));
  return gaps;
}
