import type { Action } from '@shared/schemas/action';
import type { Complaint } from '@shared/schemas/complaint';
import type { Contract } from '@shared/schemas/contract';
import type { AffectedClient, Incident, Notification } from '@shared/schemas/incident';
import type { Letter } from '@shared/schemas/letter';
import type { ImportField } from '@shared/schemas/import';
import type { RegisterName } from '@shared/schemas/export';
import { registerNamed } from '@shared/registers';
import { bi, isoLocal, label, LABELS, type Bi, type LabelKind, type Lang } from '../exports/labels';

export type FieldType = ImportField['type'];

/** What an export needs to name other records (a matter by its reference…). */
export interface Lookups {
  matterRef(id: string | null): string;
  letterRef(id: string | null): string;
  originRef(type: string | null, id: string | null): string;
  notifications(incidentId: string): Notification[];
  clients(incidentId: string): AffectedClient[];
}

export type Raw = string | number | boolean | null | string[];

/**
 * One column of a register, as exports write it and imports read it. Export and import share
 * these, which is what makes an exported file re-import to the same data.
 */
export interface FieldSpec<R = unknown> {
  field: string;
  label: Bi;
  type: FieldType;
  enumKind?: LabelKind;
  required: boolean;
  /** Written for the reader, recomputed by the app: ignored on import. */
  exportOnly?: boolean;
  /** Longest accepted text. */
  max?: number;
  /** Numbers: the whole numbers accepted, and what the unit is called in a refusal. */
  whole?: { min: number; max: number; unit: Bi };
  /** More header names recognised on import (folded: accents and case ignored). */
  aliases?: string[];
  get(r: R, l: Lookups): Raw;
  /** A cell written in a form of its own (the notifications of an incident, one per line). */
  format?(r: R, l: Lookups, lang: Lang, zone: string): string;
}

const f = <R>(spec: FieldSpec<R>): FieldSpec<R> => spec;

const REFERENCE = <R extends { reference: string }>(): FieldSpec<R> =>
  f<R>({ field: 'reference', label: bi('Reference', 'Référence'), type: 'text', required: false, max: 60, aliases: ['ref', 'réf', 'id', 'numéro', 'number', 'no'], get: (r) => r.reference });

export const COMPLAINT_FIELDS: FieldSpec<Complaint>[] = [
  REFERENCE<Complaint>(),
  f({ field: 'receivedAt', label: bi('Received on', 'Reçue le'), type: 'instant', required: true, aliases: ['received', 'date received', 'date de réception', 'reçue', 'date'], get: (r) => r.receivedAt }),
  f({ field: 'channel', label: bi('Channel', 'Canal'), type: 'enum', enumKind: 'channel', required: true, aliases: ['canal de réception', 'source'], get: (r) => r.channel }),
  f({ field: 'regulator', label: bi('Regulator', 'Autorité'), type: 'text', required: false, max: 100, aliases: ['authority', 'autorité de contrôle'], get: (r) => r.regulator }),
  f({ field: 'regulatorReference', label: bi('Regulator’s reference', 'Référence de l’autorité'), type: 'text', required: false, max: 100, aliases: ['cnil reference', 'référence cnil', 'numéro de plainte cnil'], get: (r) => r.regulatorReference }),
  f({ field: 'complainantLabel', label: bi('Complainant', 'Plaignant'), type: 'text', required: true, max: 200, aliases: ['complainant label', 'requester', 'demandeur', 'personne concernée'], get: (r) => r.complainantLabel }),
  f({ field: 'complainantContact', label: bi('Contact', 'Contact'), type: 'text', required: false, max: 300, aliases: ['complainant contact', 'email'], get: (r) => r.complainantContact }),
  f({ field: 'rights', label: bi('Rights concerned', 'Droits concernés'), type: 'list', enumKind: 'right', required: true, aliases: ['right', 'droit', 'droits'], get: (r) => r.rights }),
  f({ field: 'summary', label: bi('Summary', 'Résumé'), type: 'text', required: true, max: 20_000, aliases: ['description', 'objet', 'subject'], get: (r) => r.summary }),
  f({ field: 'outcome', label: bi('Outcome', 'Suite donnée'), type: 'text', required: false, max: 20_000, aliases: ['réponse', 'answer'], get: (r) => r.outcome }),
  f({ field: 'extensionNoticeAt', label: bi('Extension notified on', 'Prolongation notifiée le'), type: 'instant', required: false, get: (r) => r.extensionNoticeAt }),
  f({ field: 'extensionReason', label: bi('Extension reason', 'Motif de la prolongation'), type: 'text', required: false, max: 2_000, get: (r) => r.extensionReason }),
  f({ field: 'status', label: bi('Status', 'Statut'), type: 'enum', enumKind: 'complaintStatus', required: false, aliases: ['état'], get: (r) => r.status }),
  f({ field: 'answeredAt', label: bi('Answered on', 'Répondue le'), type: 'instant', required: false, aliases: ['date de réponse', 'answer date'], get: (r) => r.answeredAt }),
  f({ field: 'responseDue', label: bi('Response due, last day (Art. 12(3))', 'Réponse due, dernier jour (art. 12(3))'), type: 'deadline', required: false, exportOnly: true, aliases: ['response due (art. 12(3))', 'réponse due le (art. 12(3))'], get: (r) => r.responseDue }),
];

export const LETTER_FIELDS: FieldSpec<Letter>[] = [
  REFERENCE<Letter>(),
  f({ field: 'regulator', label: bi('Regulator', 'Autorité'), type: 'text', required: true, max: 100, aliases: ['authority', 'autorité de contrôle'], get: (r) => r.regulator }),
  f({ field: 'direction', label: bi('Direction', 'Sens'), type: 'enum', enumKind: 'direction', required: true, get: (r) => r.direction }),
  f({ field: 'kind', label: bi('Kind', 'Nature du courrier'), type: 'enum', enumKind: 'letterKind', required: true, aliases: ['type', 'nature'], get: (r) => r.kind }),
  f({ field: 'sentAt', label: bi('Dated / sent on', 'Daté / envoyé le'), type: 'instant', required: false, aliases: ['sent', 'date du courrier', 'envoyé le'], get: (r) => r.sentAt }),
  f({ field: 'receivedAt', label: bi('Received on', 'Reçu le'), type: 'instant', required: false, aliases: ['received', 'date de réception'], get: (r) => r.receivedAt }),
  f({ field: 'notifiedAt', label: bi('Formally notified on', 'Notifié le'), type: 'instant', required: false, get: (r) => r.notifiedAt }),
  f({ field: 'regulatorRefs', label: bi('Regulator’s references', 'Références de l’autorité'), type: 'list', required: false, aliases: ['references', 'références'], get: (r) => r.regulatorRefs }),
  f({ field: 'subject', label: bi('Subject', 'Objet'), type: 'text', required: true, max: 500, get: (r) => r.subject }),
  f({ field: 'summary', label: bi('Summary', 'Résumé'), type: 'text', required: false, max: 50_000, get: (r) => r.summary }),
  f({ field: 'replyDue', label: bi('Reply due, last day', 'Réponse attendue, dernier jour'), type: 'deadline', required: false, aliases: ['reply due', 'réponse attendue le'], get: (r) => r.replyDue }),
  f({ field: 'complianceDue', label: bi('Compliance due, last day', 'Mise en conformité, dernier jour'), type: 'deadline', required: false, aliases: ['compliance due', 'mise en conformité le'], get: (r) => r.complianceDue }),
  f({ field: 'amountEur', label: bi('Amount (EUR)', 'Montant (EUR)'), type: 'number', required: false, aliases: ['amount', 'montant', 'amende'], get: (r) => r.amountEur }),
  f({ field: 'matter', label: bi('Matter', 'Procédure'), type: 'reference', required: false, get: (r, l) => l.matterRef(r.matterId) }),
  f({ field: 'inReplyTo', label: bi('In reply to', 'En réponse à'), type: 'reference', required: false, get: (r, l) => l.letterRef(r.inReplyTo) }),
  f({ field: 'answeredAt', label: bi('Answered on', 'Répondu le'), type: 'instant', required: false, exportOnly: true, get: (r) => r.answeredAt }),
  f({ field: 'appealDue', label: bi('Conseil d’État appeal, last day', 'Recours devant le Conseil d’État, dernier jour'), type: 'deadline', required: false, exportOnly: true, aliases: ['appeal due', 'recours avant le'], get: (r) => r.appealDue }),
];

/**
 * Sub-records in one cell (an incident's notifications, its affected clients): one per line,
 * parts separated by " · ". Inside a part, a backslash escapes "·", a backslash, and "\n" stands
 * for a line break, so free text (a notification's content) comes back exactly.
 */
export const PART_SEPARATOR = ' · ';

export function joinParts(parts: string[]): string {
  return parts.map((p) => p.replace(/\\/g, '\\\\').replace(/\r?\n/g, '\\n').replace(/·/g, '\\·')).join(PART_SEPARATOR);
}

export function splitParts(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\' && i + 1 < line.length) {
      const n = line[++i]!;
      cur += n === 'n' ? '\n' : n;
    } else if (c === '·') {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

export const INCIDENT_FIELDS: FieldSpec<Incident>[] = [
  REFERENCE<Incident>(),
  f({ field: 'title', label: bi('Title', 'Intitulé'), type: 'text', required: true, max: 300, aliases: ['incident', 'titre', 'name', 'nom'], get: (r) => r.title }),
  f({ field: 'ourRole', label: bi('Our role', 'Notre rôle'), type: 'enum', enumKind: 'role', required: false, aliases: ['role', 'rôle'], get: (r) => r.ourRole }),
  f({ field: 'detectedAt', label: bi('Detected on', 'Détectée le'), type: 'instant', required: false, aliases: ['detected', 'date de détection'], get: (r) => r.detectedAt }),
  f({ field: 'awareAt', label: bi('Became aware on', 'Connaissance le'), type: 'instant', required: true, aliases: ['aware', 'awareness', 'date de prise de connaissance', 'prise de connaissance'], get: (r) => r.awareAt }),
  f({ field: 'awarenessDelayReason', label: bi('Why awareness came after detection', 'Motif de la prise de connaissance après la détection'), type: 'text', required: false, max: 5_000, aliases: ['awareness delay', 'délai de prise de connaissance'], get: (r) => r.awarenessDelayReason }),
  f({ field: 'personalData', label: bi('Personal data concerned', 'Données personnelles concernées'), type: 'boolean', required: false, aliases: ['personal data', 'données personnelles'], get: (r) => r.personalData }),
  f({ field: 'memberStates', label: bi('Countries of the people affected', 'Pays des personnes concernées'), type: 'list', required: false, aliases: ['member states', 'countries', 'pays', 'états membres'], get: (r) => r.memberStates }),
  f({ field: 'occurredFrom', label: bi('Breach began', 'Début de la violation'), type: 'instant', required: false, aliases: ['start', 'début'], get: (r) => r.occurredFrom }),
  f({ field: 'occurredTo', label: bi('Breach ended', 'Fin de la violation'), type: 'instant', required: false, aliases: ['end', 'fin'], get: (r) => r.occurredTo }),
  f({ field: 'howDiscovered', label: bi('How it was discovered', 'Circonstances de la découverte'), type: 'text', required: false, max: 5_000, get: (r) => r.howDiscovered }),
  f({ field: 'nature', label: bi('Nature', 'Nature'), type: 'list', enumKind: 'nature', required: false, aliases: ['type of breach', 'type de violation'], get: (r) => r.nature }),
  f({ field: 'dataCategories', label: bi('Data categories', 'Catégories de données'), type: 'list', enumKind: 'dataCategory', required: false, get: (r) => r.dataCategories }),
  f({ field: 'dataSubjectCategories', label: bi('Categories of persons', 'Catégories de personnes'), type: 'text', required: false, max: 2_000, get: (r) => r.dataSubjectCategories }),
  f({ field: 'approxSubjects', label: bi('Persons (approx.)', 'Personnes (approx.)'), type: 'number', required: false, aliases: ['number of persons', 'nombre de personnes'], get: (r) => r.approxSubjects }),
  f({ field: 'approxRecords', label: bi('Records (approx.)', 'Enregistrements (approx.)'), type: 'number', required: false, aliases: ['number of records', 'nombre d’enregistrements'], get: (r) => r.approxRecords }),
  f({ field: 'likelyConsequences', label: bi('Likely consequences (effects)', 'Conséquences probables (effets)'), type: 'text', required: false, max: 10_000, aliases: ['consequences', 'effects', 'conséquences'], get: (r) => r.likelyConsequences }),
  f({ field: 'riskLevel', label: bi('Risk', 'Risque'), type: 'enum', enumKind: 'risk', required: false, aliases: ['risk level', 'niveau de risque'], get: (r) => r.riskLevel }),
  f({ field: 'authority', label: bi('Authority', 'Autorité'), type: 'text', required: false, max: 100, aliases: ['regulator', 'autorité de contrôle'], get: (r) => r.authority }),
  f({ field: 'notifyAuthority', label: bi('Notify the authority', 'Notification à l’autorité'), type: 'enum', enumKind: 'decision', required: false, get: (r) => r.notifyAuthority }),
  f({ field: 'notifyAuthorityReasons', label: bi('Reasons (authority)', 'Motifs (autorité)'), type: 'text', required: false, max: 10_000, get: (r) => r.notifyAuthorityReasons }),
  f({ field: 'notifyDataSubjects', label: bi('Inform data subjects', 'Information des personnes'), type: 'enum', enumKind: 'decision', required: false, get: (r) => r.notifyDataSubjects }),
  f({ field: 'notifyDataSubjectsReasons', label: bi('Reasons (data subjects)', 'Motifs (personnes)'), type: 'text', required: false, max: 10_000, get: (r) => r.notifyDataSubjectsReasons }),
  f({ field: 'dataSubjectsTarget', label: bi('Target to inform data subjects', 'Objectif d’information des personnes'), type: 'instant', required: false, get: (r) => r.dataSubjectsTarget }),
  f({ field: 'delayReasons', label: bi('Reasons for a late notification', 'Motifs du retard de notification'), type: 'text', required: false, max: 10_000, get: (r) => r.delayReasons }),
  f({ field: 'nis2InScope', label: bi('NIS2', 'NIS 2'), type: 'boolean', required: false, get: (r) => r.nis2InScope }),
  f({ field: 'measuresTaken', label: bi('Measures taken', 'Mesures prises'), type: 'text', required: false, max: 20_000, aliases: ['remedial action', 'mesures correctrices'], get: (r) => r.measuresTaken }),
  f({ field: 'measuresProposed', label: bi('Measures proposed', 'Mesures envisagées'), type: 'text', required: false, max: 20_000, get: (r) => r.measuresProposed }),
  f({ field: 'lead', label: bi('Lead', 'Pilote'), type: 'text', required: false, max: 200, aliases: ['owner', 'responsable'], get: (r) => r.lead }),
  f({ field: 'facts', label: bi('Facts', 'Faits'), type: 'text', required: false, max: 50_000, aliases: ['description'], get: (r) => r.facts }),
  f({ field: 'status', label: bi('Status', 'Statut'), type: 'enum', enumKind: 'incidentStatus', required: false, aliases: ['état'], get: (r) => r.status }),
  f({ field: 'closedAt', label: bi('Closed on', 'Clos le'), type: 'instant', required: false, get: (r) => r.closedAt }),
  f({
    field: 'notifications',
    label: bi('Notifications', 'Notifications'),
    type: 'text',
    required: false,
    max: 200_000,
    aliases: ['notifications sent', 'notifications envoyées'],
    get: (r, l) => l.notifications(r.id).map((n) => joinParts([n.sentAt, n.phase, n.recipient, n.method, n.recipientName, n.reference, n.content])),
    format: (r, l, lang, zone) =>
      l
        .notifications(r.id)
        .map((n) => joinParts([isoLocal(n.sentAt, zone), label('phase', n.phase, lang), label('recipient', n.recipient, lang), label('method', n.method, lang), n.recipientName, n.reference, n.content]))
        .join('\n'),
  }),
  f({ field: 'authorityNotifiedAt', label: bi('Authority notified on', 'Autorité notifiée le'), type: 'instant', required: false, aliases: ['notified to the authority', 'date de notification'], get: (r) => r.authorityNotifiedAt }),
  f({ field: 'dataSubjectsNotifiedAt', label: bi('Data subjects informed on', 'Personnes informées le'), type: 'instant', required: false, get: (r) => r.dataSubjectsNotifiedAt }),
  f({ field: 'authorityDue', label: bi('Authority deadline (72 h)', 'Échéance autorité (72 h)'), type: 'instant', required: false, exportOnly: true, get: (r) => r.authorityDue }),
  f({
    field: 'clients',
    label: bi('Affected clients', 'Clients concernés'),
    type: 'text',
    required: false,
    max: 200_000,
    aliases: ['clients', 'client controllers', 'responsables de traitement clients'],
    get: (r, l) => l.clients(r.id).map((c) => c.name),
    format: (r, l, _lang, zone) =>
      l
        .clients(r.id)
        .map((c) =>
          joinParts([
            c.name,
            c.contractHours != null ? `${c.contractHours} h` : '',
            c.contact,
            isoLocal(c.notifiedAt, zone),
            c.notifiedHow,
            isoLocal(c.acknowledgedAt, zone),
            isoLocal(c.authorityNotifiedAt, zone),
            c.authorityReference,
            c.notes,
          ]),
        )
        .join('\n'),
  }),
];

export const ACTION_FIELDS: FieldSpec<Action>[] = [
  REFERENCE<Action>(),
  f({ field: 'title', label: bi('Action', 'Action'), type: 'text', required: true, max: 300, aliases: ['title', 'titre', 'intitulé'], get: (r) => r.title }),
  f({ field: 'description', label: bi('Description', 'Description'), type: 'text', required: false, max: 20_000, get: (r) => r.description }),
  f({ field: 'owner', label: bi('Owner', 'Responsable'), type: 'text', required: true, max: 200, aliases: ['porteur', 'pilote', 'assignee'], get: (r) => r.owner }),
  f({ field: 'dueAt', label: bi('Due, last day', 'Échéance, dernier jour'), type: 'deadline', required: false, aliases: ['due on', 'échéance', 'due', 'due date', 'deadline', 'date limite'], get: (r) => r.dueAt }),
  f({ field: 'priority', label: bi('Priority', 'Priorité'), type: 'enum', enumKind: 'priority', required: false, get: (r) => r.priority }),
  f({ field: 'status', label: bi('Status', 'Statut'), type: 'enum', enumKind: 'actionStatus', required: false, aliases: ['état'], get: (r) => r.status }),
  f({ field: 'doneAt', label: bi('Done on', 'Réalisée le'), type: 'instant', required: false, get: (r) => r.doneAt }),
  f({ field: 'verifiedAt', label: bi('Verified on', 'Vérifiée le'), type: 'instant', required: false, get: (r) => r.verifiedAt }),
  f({ field: 'verificationNote', label: bi('What was verified', 'Vérification effectuée'), type: 'text', required: false, max: 10_000, get: (r) => r.verificationNote }),
  f({ field: 'originType', label: bi('Origin', 'Origine'), type: 'enum', enumKind: 'originType', required: false, get: (r) => r.originType }),
  f({ field: 'origin', label: bi('Origin record', 'Dossier d’origine'), type: 'reference', required: false, get: (r, l) => l.originRef(r.originType, r.originId) }),
  f({ field: 'originNote', label: bi('Origin note', 'Précision sur l’origine'), type: 'text', required: false, max: 1_000, get: (r) => r.originNote }),
  f({ field: 'evidence', label: bi('Evidence', 'Preuves'), type: 'text', required: false, max: 20_000, get: (r) => r.evidence }),
];

export const CONTRACT_FIELDS: FieldSpec<Contract>[] = [
  REFERENCE<Contract>(),
  f({ field: 'name', label: bi('Client', 'Client'), type: 'text', required: true, max: 200, aliases: ['client name', 'client controller', 'controller', 'responsable de traitement', 'nom du client', 'name', 'nom'], get: (r) => r.name }),
  f({ field: 'contractRef', label: bi('Contract reference', 'Référence du contrat'), type: 'text', required: false, max: 200, aliases: ['contract', 'contrat', 'dpa reference', 'référence dpa'], get: (r) => r.contractRef }),
  f({
    field: 'noticeHours',
    label: bi('Breach notice within (hours)', 'Notification sous (heures)'),
    type: 'number',
    required: false,
    whole: { min: 1, max: 720, unit: bi('hours', 'heures') },
    aliases: ['notice hours', 'notice period', 'hours', 'heures', 'délai de notification', 'délai (heures)', 'breach notice within'],
    get: (r) => r.noticeHours,
  }),
  f({ field: 'channel', label: bi('Notices by', 'Notifications par'), type: 'enum', enumKind: 'noticeChannel', required: false, aliases: ['channel', 'canal', 'notice channel'], get: (r) => r.channel }),
  f({ field: 'contacts', label: bi('Contact for notices', 'Contact pour les notifications'), type: 'text', required: true, max: 500, aliases: ['contacts', 'contact', 'email', 'e-mail', 'courriel', 'phone', 'téléphone'], get: (r) => r.contacts }),
  f({ field: 'language', label: bi('Notice language', 'Langue des notifications'), type: 'enum', enumKind: 'language', required: false, aliases: ['language', 'langue', 'lang'], get: (r) => r.language }),
  f({ field: 'dpaSignedOn', label: bi('DPA signed on', 'DPA signé le'), type: 'date', required: false, aliases: ['dpa signed', 'signed on', 'signé le', 'date de signature', 'dpa'], get: (r) => r.dpaSignedOn }),
  f({ field: 'countries', label: bi('Countries of the data subjects', 'Pays des personnes concernées'), type: 'list', required: false, aliases: ['countries', 'pays'], get: (r) => r.countries }),
  f({ field: 'status', label: bi('Status', 'Statut'), type: 'enum', enumKind: 'contractStatus', required: false, aliases: ['état'], get: (r) => r.status }),
  f({ field: 'notes', label: bi('Notes', 'Notes'), type: 'text', required: false, max: 20_000, get: (r) => r.notes }),
];

export const FIELDS: Record<RegisterName, FieldSpec<never>[]> = {
  complaints: COMPLAINT_FIELDS as FieldSpec<never>[],
  letters: LETTER_FIELDS as FieldSpec<never>[],
  incidents: INCIDENT_FIELDS as FieldSpec<never>[],
  actions: ACTION_FIELDS as FieldSpec<never>[],
  contracts: CONTRACT_FIELDS as FieldSpec<never>[],
};

export function fieldsOf(register: RegisterName): FieldSpec<never>[] {
  return FIELDS[register];
}

/** The contract's description of a register's columns. */
export function describeFields(register: RegisterName): ImportField[] {
  return fieldsOf(register).map((s) => ({
    field: s.field,
    label: s.label,
    type: s.type,
    required: s.required,
    values: s.enumKind ? Object.keys(LABELS[s.enumKind]) : null,
    exportOnly: s.exportOnly === true,
  }));
}

export const REGISTER_TITLES: Record<RegisterName, Bi> = {
  incidents: bi('Breach register', 'Registre des violations'),
  complaints: bi('Complaints register', 'Registre des réclamations'),
  letters: bi('Regulator correspondence', 'Correspondance avec les autorités'),
  actions: bi('Remediation actions', 'Plan d’actions'),
  contracts: bi('Client contracts register', 'Registre des contrats clients'),
};

/** The record type a register holds (what its import's audit entries and change events name). */
export function recordTypeOf(register: RegisterName): string {
  return registerNamed(register).type;
}
