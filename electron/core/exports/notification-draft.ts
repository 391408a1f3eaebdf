import type { z } from 'zod';
import { ApiError } from '@shared/api/contract';
import { SPECIAL_DATA_CATEGORIES, type Incident } from '@shared/schemas/incident';
import type { NotificationDraft, NotificationDraftInput, Provenance } from '@shared/schemas/export';
import { findRegulator } from '@shared/reference/regulators';
import { safeName, type ExchangeContext } from './context';
import { bi, fmtDateTime, fmtDuration, fmtNumber, frTypo, label, minutesBetween, type Bi, type Lang } from './labels';
import { drillMark } from '@shared/drills';

type Input = z.infer<typeof NotificationDraftInput>;

interface Section {
  id: string;
  title: Bi;
  body: Bi;
}

const TODO = bi('[to be completed]', '[à compléter]');

function orTodo(s: string): Bi {
  return s.trim() ? bi(s, s) : TODO;
}

/**
 * A draft laid out in the sections of the CNIL's online breach notification, in French and
 * English, from what the register knows. Gaps are marked "[to be completed]" so nothing is sent
 * half-filled by accident.
 */
export function notificationDraft(x: ExchangeContext, input: Input): NotificationDraft {
  let q = input;
  const r = x.d.registers;
  const { incident: i, notifications } = r.incidents.detail(q.incidentId);
  if (i.notifyAuthority === 'no') {
    throw new ApiError('CONFLICT', `${i.reference} was decided not to be notified to the authority (${i.notifyAuthorityReasons || 'no reasons recorded'}). Change the decision first if it must be notified.`);
  }
  const p = x.provenance();
  const zone = p.timeZone;
  const authorityNotes = notifications.filter((n) => n.recipient === 'authority');
  const phase = q.phase ?? (authorityNotes.length ? 'complementary' : 'initial');
  const warnings: Bi[] = [];
  // An exercise's draft is played through like a real one, and must never be taken for one.
  if (i.drill) warnings.push(bi('This incident is a drill: the draft is for the exercise and must not be sent to the authority.', 'Cet incident est un exercice : ce projet sert à l’exercice et ne doit pas être envoyé à l’autorité.'));
  if (i.notifyAuthority === 'pending') warnings.push(bi('The decision to notify is still pending in the register.', 'La décision de notifier est encore en attente dans le registre.'));
  if (i.approxSubjects == null) warnings.push(bi('The approximate number of persons is not known yet: say so, and complete it in a later notification.', 'Le nombre approximatif de personnes n’est pas encore connu : indiquez-le et complétez-le dans une notification ultérieure.'));
  const now = x.d.ctx.clock.now().toISOString();
  const lateBy = i.authorityDue ? minutesBetween(i.authorityDue, authorityNotes[0]?.sentAt ?? now) : 0;
  if (!i.authorityDue) warnings.push(bi('We are the processor: the authority notification is our clients’ to make (Art. 33(2)); this draft is for a notification we decided to make ourselves.', 'Nous sommes sous-traitant : la notification à l’autorité incombe à nos clients (art. 33(2)) ; ce projet vaut pour une notification que nous avons décidé de faire nous-mêmes.'));
  if (!q.dpoContact && x.d.organisation().dpoContact) q = { ...q, dpoContact: x.d.organisation().dpoContact };
  if (!q.dpoContact) warnings.push(bi('Give the DPO’s name and contact details (Settings › Notifications keeps them).', 'Indiquez le nom et les coordonnées du DPO (Paramètres › Notifications les conserve).'));
  if (lateBy > 0 && !i.delayReasons) warnings.push(bi('The notification is after 72 hours: give the reasons for the delay (Art. 33(1)).', 'La notification intervient après 72 heures : indiquez les motifs du retard (art. 33(1)).'));

  const sections = buildSections(i, q, p, phase, authorityNotes, lateBy, zone);
  const make = (lang: Lang) => {
    const T = (b: Bi) => (lang === 'fr' ? frTypo(b.fr) : b.en);
    const secs = sections.map((s) => ({ id: s.id, title: T(s.title), body: T(s.body) }));
    const title =
      (i.drill ? `${drillMark(lang)} ` : '') +
      (lang === 'fr'
        ? frTypo(`Projet de notification ${phase === 'initial' ? 'initiale' : 'complémentaire'} à la CNIL — ${i.reference} ${i.title}`)
        : `Draft ${phase} notification to the CNIL — ${i.reference} ${i.title}`);
    const note =
      lang === 'fr'
        ? frTypo(`Préparé avec ${p.app} ${p.appVersion} le ${fmtDateTime(p.exportedAt, 'fr', zone)} par ${p.exportedBy} ; empreinte du journal d’audit : ${p.auditHeadHash}`)
        : `Prepared with ${p.app} ${p.appVersion} on ${fmtDateTime(p.exportedAt, 'en', zone)} by ${p.exportedBy}; audit log head: ${p.auditHeadHash}`;
    const markdown = [`# ${title}`, '', `> ${note}`, '', ...secs.flatMap((s, k) => [`## ${k + 1}. ${s.title}`, '', s.body, ''])].join('\n');
    const text = [title.toUpperCase(), '', ...secs.flatMap((s, k) => [`${k + 1}. ${s.title.toUpperCase()}`, s.body, '']), note, ''].join('\n');
    return {
      sections: secs,
      markdown,
      text,
      file: { fileName: `${safeName(i.reference)}-notification-${phase}-${lang}.md`, mimeType: 'text/markdown; charset=utf-8', contentBase64: Buffer.from(markdown, 'utf8').toString('base64') },
    };
  };
  return { incidentId: i.id, reference: i.reference, phase, decision: i.notifyAuthority, warnings, en: make('en'), fr: make('fr'), provenance: p };
}

function buildSections(
  i: Incident,
  q: Input,
  p: Provenance,
  phase: 'initial' | 'complementary',
  authorityNotes: { sentAt: string; reference: string; phase: string }[],
  lateBy: number,
  zone: string,
): Section[] {
  const dt = (iso: string | null) => (iso ? bi(fmtDateTime(iso, 'en', zone), fmtDateTime(iso, 'fr', zone)) : bi('unknown', 'inconnue'));
  const labels = (kind: 'nature' | 'dataCategory', codes: string[]) => bi(codes.map((c) => label(kind, c, 'en')).join(', '), codes.map((c) => label(kind, c, 'fr')).join(', '));
  const special = i.dataCategories.filter((c) => (SPECIAL_DATA_CATEGORIES as readonly string[]).includes(c));
  const nature = i.nature.length ? labels('nature', i.nature) : TODO;
  const cats = i.dataCategories.length ? labels('dataCategory', i.dataCategories) : TODO;
  const authority = findRegulator(i.authority)?.short ?? i.authority ?? 'CNIL';
  const first = authorityNotes[0];
  const persons = i.approxSubjects != null ? bi(`about ${fmtNumber(i.approxSubjects, 'en')}`, `environ ${fmtNumber(i.approxSubjects, 'fr')}`) : bi('not known yet (to be given in a complementary notification)', 'pas encore connu (à préciser dans une notification complémentaire)');
  const records = i.approxRecords != null ? bi(`about ${fmtNumber(i.approxRecords, 'en')}`, `environ ${fmtNumber(i.approxRecords, 'fr')}`) : bi('not known yet', 'pas encore connu');
  const ds = i.notifyDataSubjects;
  const dsText =
    i.dataSubjectsNotifiedAt != null
      ? bi(`The data subjects were informed on ${dt(i.dataSubjectsNotifiedAt).en}.`, `Les personnes concernées ont été informées le ${dt(i.dataSubjectsNotifiedAt).fr}.`)
      : ds === 'yes'
        ? bi(
            `The data subjects will be informed${i.dataSubjectsTarget ? ` by ${dt(i.dataSubjectsTarget).en}` : ' without undue delay'}.`,
            `Les personnes concernées seront informées${i.dataSubjectsTarget ? ` d’ici le ${dt(i.dataSubjectsTarget).fr}` : ' dans les meilleurs délais'}.`,
          )
        : ds === 'no'
          ? bi(`The data subjects will not be informed: ${i.notifyDataSubjectsReasons || TODO.en}`, `Les personnes concernées ne seront pas informées : ${i.notifyDataSubjectsReasons || TODO.fr}`)
          : bi('Decision pending.', 'Décision en attente.');
  const phased =
    phase === 'initial'
      ? bi(
          'This is an initial notification (Art. 33(4)): the information not yet known will be provided in a complementary notification as the investigation progresses.',
          'Il s’agit d’une notification initiale (art. 33(4)) : les informations encore inconnues seront transmises dans une notification complémentaire au fur et à mesure de l’enquête.',
        )
      : bi(
          `This complements the initial notification${first ? ` of ${dt(first.sentAt).en}${first.reference ? ` (ref. ${first.reference})` : ''}` : ''} (Art. 33(4)).`,
          `Cette notification complète la notification initiale${first ? ` du ${dt(first.sentAt).fr}${first.reference ? ` (réf. ${first.reference})` : ''}` : ''} (art. 33(4)).`,
        );
  const timing = bi(
    [
      `Start of the breach: ${dt(i.occurredFrom).en}.`,
      `End of the breach: ${i.occurredTo ? dt(i.occurredTo).en : 'unknown or ongoing'}.`,
      i.detectedAt ? `Detected on: ${dt(i.detectedAt).en}.` : '',
      `The organisation became aware on: ${dt(i.awareAt).en}.`,
      `How it was discovered: ${i.howDiscovered || TODO.en}`,
    ]
      .filter(Boolean)
      .join('\n'),
    [
      `Début de la violation : ${dt(i.occurredFrom).fr}.`,
      `Fin de la violation : ${i.occurredTo ? dt(i.occurredTo).fr : 'inconnue ou en cours'}.`,
      i.detectedAt ? `Détectée le : ${dt(i.detectedAt).fr}.` : '',
      `Prise de connaissance par l’organisme : ${dt(i.awareAt).fr}.`,
      `Circonstances de la découverte : ${i.howDiscovered || TODO.fr}`,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  const sections: Section[] = [
    {
      id: 'type',
      title: bi('Type of notification', 'Type de notification'),
      body: bi(
        `${phase === 'initial' ? 'Initial' : 'Complementary'} notification to the ${authority}. Organisation: ${p.organisation} (${label('role', i.ourRole, 'en').toLowerCase()}). Internal reference: ${i.reference}.`,
        `Notification ${phase === 'initial' ? 'initiale' : 'complémentaire'} à la ${authority}. Organisme : ${p.organisation} (${label('role', i.ourRole, 'fr').toLowerCase()}). Référence interne : ${i.reference}.`,
      ),
    },
    { id: 'dpo', title: bi('Data protection officer (contact)', 'Délégué à la protection des données (contact)'), body: q.dpoContact ? bi(q.dpoContact, q.dpoContact) : TODO },
    { id: 'timing', title: bi('Dates and circumstances', 'Dates et circonstances'), body: timing },
    {
      id: 'nature',
      title: bi('Nature of the breach', 'Nature de la violation'),
      body: bi(`Loss of: ${nature.en}.\n${i.facts || i.title}`, `Atteinte à la : ${nature.fr.toLowerCase()}.\n${i.facts || i.title}`),
    },
    {
      id: 'data',
      title: bi('Categories and approximate number of data records', 'Catégories et nombre approximatif d’enregistrements'),
      body: bi(
        `Categories of data: ${cats.en}.${special.length ? ` Special categories (Art. 9/10): ${labels('dataCategory', special).en}.` : ''}\nApproximate number of records: ${records.en}.`,
        `Catégories de données : ${cats.fr}.${special.length ? ` Catégories particulières (art. 9/10) : ${labels('dataCategory', special).fr}.` : ''}\nNombre approximatif d’enregistrements : ${records.fr}.`,
      ),
    },
    {
      id: 'persons',
      title: bi('Categories and approximate number of persons', 'Catégories et nombre approximatif de personnes concernées'),
      body: bi(`Categories of persons: ${orTodo(i.dataSubjectCategories).en}.\nApproximate number of persons: ${persons.en}.`, `Catégories de personnes : ${orTodo(i.dataSubjectCategories).fr}.\nNombre approximatif de personnes : ${persons.fr}.`),
    },
    {
      id: 'consequences',
      title: bi('Likely consequences for the persons', 'Conséquences probables pour les personnes'),
      body: bi(`${orTodo(i.likelyConsequences).en}\nRisk assessed: ${label('risk', i.riskLevel, 'en', 'not yet assessed')}.`, `${orTodo(i.likelyConsequences).fr}\nRisque évalué : ${label('risk', i.riskLevel, 'fr', 'pas encore évalué')}.`),
    },
    {
      id: 'measures',
      title: bi('Measures taken or proposed', 'Mesures prises ou envisagées'),
      body: bi(`Taken: ${orTodo(i.measuresTaken).en}\nProposed: ${orTodo(i.measuresProposed).en}`, `Mesures prises : ${orTodo(i.measuresTaken).fr}\nMesures envisagées : ${orTodo(i.measuresProposed).fr}`),
    },
    { id: 'data_subjects', title: bi('Communication to the persons concerned (Art. 34)', 'Information des personnes concernées (art. 34)'), body: dsText },
    { id: 'phased', title: bi('Phased notification', 'Notification en plusieurs temps'), body: phased },
  ];
  if (lateBy > 0) {
    sections.push({
      id: 'delay',
      title: bi('Reasons for notifying after 72 hours', 'Motifs de la notification au-delà de 72 heures'),
      body: bi(`Notified ${fmtDuration(lateBy, 'en')} after the 72-hour deadline. ${i.delayReasons || TODO.en}`, `Notification ${fmtDuration(lateBy, 'fr')} après l’échéance des 72 heures. ${i.delayReasons || TODO.fr}`),
    });
  }
  return sections;
}
