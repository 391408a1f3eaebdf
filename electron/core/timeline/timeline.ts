import type { AuditEntry } from '@shared/schemas/audit';
import type { Action } from '@shared/schemas/action';
import type { Complaint } from '@shared/schemas/complaint';
import type { Letter } from '@shared/schemas/letter';
import type { Incident, Notification } from '@shared/schemas/incident';
import { Timeline as TimelineSchema, TimelineQuery, type Timeline, type TimelineEvent, type TimelineFilter } from '@shared/schemas/timeline';
import { findRegulator, regulatorLabel } from '@shared/reference/regulators';
import type { RegisterContext } from '../registers/context';
import type { Registers } from '../session/registers';
import { bi, finish, fmtDate, fmtDeadline, fmtMoney, labelBi, U, type Bi } from '../exports/labels';
import type { Redactor } from '@shared/redaction';
import { redactObligation } from '../exports/redaction';
import { incidentClocks } from './clocks';
import { TIMELINE_ENTRY, type TimelineEntries } from './entries';

export interface TimelineDeps {
  ctx: RegisterContext;
  registers: Registers;
  entries: TimelineEntries;
  /**
   * An export's redaction profile: every record the timeline is built from is read through it
   * (incident, notifications, clients, entries, actions, letters, complaints, obligations), so no
   * event, clock or detail carries a value the profile hides. Absent: the app's own view.
   */
  redactor?: Redactor;
}

/** The order of events that happen at the same instant: cause before effect. */
const KIND_ORDER: TimelineEvent['kind'][] = [
  'occurred_from',
  'occurred_to',
  'detected',
  'became_aware',
  'incident_recorded',
  'risk_assessed',
  'risk_changed',
  'decision_authority',
  'decision_data_subjects',
  'user_entry',
  'notification_sent',
  'client_added',
  'client_notified',
  'client_acknowledged',
  'client_authority_notified',
  'complaint_received',
  'complaint_answered',
  'letter_received',
  'letter_sent',
  'action_planned',
  'action_done',
  'action_verified',
  'action_cancelled',
  'status_changed',
];

const MILESTONE_LETTERS = new Set(['inspection_notice', 'findings', 'reprimand', 'formal_notice', 'sanction', 'appeal_lodged', 'appeal_decision', 'closure']);

const both = (s: string): Bi => bi(U(s), U(s));

/** " — filing NOT-2026-0003, on time": the filing's citable reference and the state fixed when it was recorded. */
function filingWords(n: Pick<Notification, 'filingRef' | 'timeliness'>): Bi {
  const state: Record<Notification['timeliness'], Bi | null> = {
    on_time: bi(', on time', ', dans les délais'),
    late: bi(', late', ', en retard'),
    no_deadline: null,
    not_judged: null,
  };
  if (!n.filingRef) return bi('', '');
  const st = state[n.timeliness];
  return bi(` — filing ${n.filingRef}${st?.en ?? ''}`, ` — dépôt ${n.filingRef}${st?.fr ?? ''}`);
}

function join(a: Bi, b: Bi): Bi {
  return bi(a.en + b.en, a.fr + b.fr);
}
const clip = (s: string, n = 32) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

const RISK_SHORT: Record<string, Bi> = { unlikely: bi('unlikely', 'peu probable'), risk: bi('some', 'modéré'), high: bi('high', 'élevé') };

const RECIPIENT_TO: Record<'authority' | 'data_subjects' | 'nis2_csirt' | 'client' | 'other', Bi> = {
  client: bi('to the client controller', 'au client responsable du traitement'),
  authority: bi('to the supervisory authority', 'à l’autorité de contrôle'),
  data_subjects: bi('to the data subjects', 'aux personnes concernées'),
  nis2_csirt: bi('to the CSIRT (NIS2)', 'au CSIRT (NIS 2)'),
  other: bi('to another recipient', 'à un autre destinataire'),
};
const empty = bi('', '');

/** What links an incident to the records around it. */
export interface IncidentSurroundings {
  actions: Action[];
  letters: Letter[];
  complaints: Complaint[];
}

export function incidentSurroundings(d: TimelineDeps, incidentId: string): IncidentSurroundings {
  const around = surroundings(d, incidentId);
  const x = d.redactor;
  if (!x) return around;
  return { actions: around.actions.map((a) => x.record('actions', a)), letters: around.letters.map((l) => x.record('letters', l)), complaints: around.complaints.map((c) => x.record('complaints', c)) };
}

function surroundings(d: TimelineDeps, incidentId: string): IncidentSurroundings {
  const r = d.registers;
  const links = r.links.of({ type: 'incident', id: incidentId });
  const letterIds = new Set<string>();
  const matterIds = new Set<string>();
  const complaintIds = new Set<string>();
  const actionIds = new Set<string>();
  for (const l of links) {
    if (l.other.type === 'letter') letterIds.add(l.other.id);
    if (l.other.type === 'matter') matterIds.add(l.other.id);
    if (l.other.type === 'complaint') complaintIds.add(l.other.id);
    if (l.other.type === 'action') actionIds.add(l.other.id);
  }
  // A linked matter brings its letters (the procedure the breach led to).
  for (const m of matterIds) for (const l of r.letters.byMatter(m)) letterIds.add(l.id);
  const letters = [...letterIds].map((id) => r.letters.find(id)).filter((l): l is Letter => !!l && !l.archivedAt);
  const complaints = [...complaintIds].map((id) => r.complaints.find(id)).filter((c): c is Complaint => !!c && !c.archivedAt);
  // Actions that come from the incident, or from a letter, matter or complaint around it.
  const origins = [incidentId, ...letterIds, ...matterIds, ...complaintIds];
  const byOrigin = d.ctx.db
    .prepare(`SELECT id FROM actions WHERE archived_at IS NULL AND origin_id IN (${origins.map(() => '?').join(',')})`)
    .all(...origins) as { id: string }[];
  for (const a of byOrigin) actionIds.add(a.id);
  const actions = [...actionIds].map((id) => r.actions.find(id)).filter((a): a is Action => !!a && !a.archivedAt);
  return { actions, letters, complaints };
}

function historyOf(d: TimelineDeps, recordType: string, id: string): AuditEntry[] {
  return d.ctx.audit.history(recordType, id);
}

function creator(entries: AuditEntry[]): AuditEntry | undefined {
  return entries.find((e) => e.action === 'create' || e.action === 'import') ?? entries[0];
}

/** The last entry that set a field to a non-empty value: who recorded it. */
function setter(entries: AuditEntry[], field: string): AuditEntry | undefined {
  for (let k = entries.length - 1; k >= 0; k--) {
    const e = entries[k]!;
    if (e.changes.some((c) => c.field === field && c.new != null && c.new !== '')) return e;
  }
  return undefined;
}

function incidentEvents(d: TimelineDeps, i: Incident): TimelineEvent[] {
  const src = { type: 'incident' as const, id: i.id, reference: i.reference };
  const own = historyOf(d, 'incident', i.id);
  const made = creator(own);
  const who = made?.actor ?? '';
  const out: TimelineEvent[] = [];
  const ev = (e: Omit<TimelineEvent, 'source' | 'origin' | 'entryKind' | 'category'> & { category?: TimelineEvent['category'] }): void => {
    out.push({ category: 'incident', ...e, source: src, origin: 'app', entryKind: null });
  };

  ev({ id: `incident_recorded:${i.id}`, at: i.createdAt, recordedAt: i.createdAt, actor: who, kind: 'incident_recorded', short: bi('Recorded', 'Enregistré'), text: bi(`Incident recorded in the register: ${i.reference}`, `Incident enregistré dans le registre : ${i.reference}`), detail: both(i.title), milestone: false });
  if (i.occurredFrom) {
    ev({ id: `occurred_from:${i.id}`, at: i.occurredFrom, recordedAt: made?.at ?? null, actor: who, kind: 'occurred_from', short: bi('Breach began', 'Début de la violation'), text: bi('Breach began (earliest known moment)', 'Début de la violation (premier moment connu)'), detail: empty, milestone: true });
  }
  if (i.occurredTo) {
    ev({ id: `occurred_to:${i.id}`, at: i.occurredTo, recordedAt: made?.at ?? null, actor: who, kind: 'occurred_to', short: bi('Breach ended', 'Fin de la violation'), text: bi('Breach ended (last known moment)', 'Fin de la violation (dernier moment connu)'), detail: empty, milestone: true });
  }
  if (i.detectedAt && i.detectedAt !== i.awareAt) {
    ev({ id: `detected:${i.id}`, at: i.detectedAt, recordedAt: made?.at ?? null, actor: who, kind: 'detected', short: bi('Detected', 'Détection'), text: bi('Breach detected', 'Violation détectée'), detail: both(i.howDiscovered), milestone: true });
  }
  ev({
    id: `became_aware:${i.id}`,
    at: i.awareAt,
    recordedAt: made?.at ?? null,
    actor: who,
    kind: 'became_aware',
    short: bi('Aware (H+0)', 'Connaissance (H+0)'),
    // A processor owes no authority clock of its own: its clients' contractual clocks run from detection.
    text:
      i.ourRole === 'processor'
        ? bi('The organisation became aware of the breach (as processor: each client controller is notified under its contract)', 'Prise de connaissance de la violation par l’organisation (en tant que sous-traitant : chaque client responsable du traitement est notifié selon son contrat)')
        : bi('The organisation became aware of the breach: the 72-hour clock starts', 'Prise de connaissance de la violation par l’organisation : le délai de 72 heures commence'),
    detail: both(i.howDiscovered),
    milestone: true,
  });

  // What the audit log says changed on the incident itself: risk, decisions, status.
  let risk: string | null = null;
  for (const e of own) {
    for (const c of e.changes) {
      if (c.field === 'riskLevel' && c.new !== c.old && c.new != null) {
        const to = labelBi('risk', String(c.new));
        if (risk == null) {
          ev({ id: `risk:${e.seq}`, at: e.at, recordedAt: e.at, actor: e.actor, kind: 'risk_assessed', category: 'assessment', short: bi(`Risk: ${RISK_SHORT[String(c.new)]?.en ?? c.new}`, `Risque : ${RISK_SHORT[String(c.new)]?.fr ?? c.new}`), text: bi(`Risk assessed: ${to.en}`, `Risque évalué : ${to.fr}`), detail: both(i.likelyConsequences), milestone: true });
        } else {
          const from = labelBi('risk', risk);
          ev({ id: `risk:${e.seq}`, at: e.at, recordedAt: e.at, actor: e.actor, kind: 'risk_changed', category: 'assessment', short: bi(`Risk: ${RISK_SHORT[String(c.new)]?.en ?? c.new}`, `Risque : ${RISK_SHORT[String(c.new)]?.fr ?? c.new}`), text: bi(`Risk changed: ${from.en} → ${to.en}`, `Risque réévalué : ${from.fr} → ${to.fr}`), detail: empty, milestone: true });
        }
        risk = String(c.new);
      }
      if ((c.field === 'notifyAuthority' || c.field === 'notifyDataSubjects') && c.new !== c.old && (c.new === 'yes' || c.new === 'no')) {
        const authority = c.field === 'notifyAuthority';
        const reasons = authority ? i.notifyAuthorityReasons : i.notifyDataSubjectsReasons;
        const yes = c.new === 'yes';
        const text = authority
          ? yes
            ? bi('Decision: notify the supervisory authority', 'Décision : notifier l’autorité de contrôle')
            : bi('Decision: no notification to the authority (Art. 33(5) reasons recorded)', 'Décision : pas de notification à l’autorité (motifs consignés, art. 33(5))')
          : yes
            ? bi('Decision: communicate the breach to data subjects (Art. 34)', 'Décision : informer les personnes concernées (art. 34)')
            : bi('Decision: no communication to data subjects', 'Décision : pas de communication aux personnes concernées');
        const short = authority
          ? yes
            ? bi('Decision: notify', 'Décision : notifier')
            : bi('Decision: no notification', 'Décision : pas de notification')
          : yes
            ? bi('Decision: inform persons', 'Décision : informer')
            : bi('Decision: persons not informed', 'Décision : pas d’information');
        ev({ id: `${c.field}:${e.seq}`, at: e.at, recordedAt: e.at, actor: e.actor, kind: authority ? 'decision_authority' : 'decision_data_subjects', category: 'assessment', short, text, detail: both(reasons), milestone: true });
      }
    }
    if (e.action === 'status') {
      const s = e.changes.find((c) => c.field === 'status');
      if (s) {
        const closedAt = e.changes.find((c) => c.field === 'closedAt')?.new;
        const at = s.new === 'closed' && typeof closedAt === 'string' ? closedAt : e.at;
        const from = labelBi('incidentStatus', String(s.old));
        const to = labelBi('incidentStatus', String(s.new));
        ev({ id: `status:${e.seq}`, at, recordedAt: e.at, actor: e.actor, kind: 'status_changed', short: bi(`Status: ${to.en}`, `Statut : ${to.fr}`), text: bi(`Incident status: ${from.en} → ${to.en}`, `Statut de l’incident : ${from.fr} → ${to.fr}`), detail: empty, milestone: s.new === 'closed' });
      }
    }
  }

  // Notifications sent (the instant they went out, not when they were typed).
  for (const n of d.registers.incidents.notifications.byIncident(i.id).map((x) => d.redactor?.part('incidents', 'notifications', x) ?? x)) {
    const h = historyOf(d, 'notification', n.id);
    const to = n.recipient === 'authority' ? regulatorLabel(i.authority) || n.recipientName : n.recipientName;
    const rec = RECIPIENT_TO[n.recipient];
    const phase = labelBi('phase', n.phase);
    const method = labelBi('method', n.method);
    const named = to ? ` (${U(to)})` : '';
    const ref = n.reference ? `, ref. ${U(n.reference)}` : '';
    const refFr = n.reference ? `, réf. ${U(n.reference)}` : '';
    out.push({
      id: `notification:${n.id}`,
      at: n.sentAt,
      recordedAt: creator(h)?.at ?? n.createdAt,
      actor: creator(h)?.actor ?? '',
      kind: 'notification_sent',
      category: 'notification',
      origin: 'app',
      entryKind: null,
      short: bi(
        `${phase.en} notification ${n.recipient === 'authority' ? U(to) : n.recipient === 'data_subjects' ? 'data subjects' : n.recipient === 'nis2_csirt' ? 'CSIRT' : U(to)}`.trim(),
        `Notification ${phase.fr.toLowerCase()} ${n.recipient === 'authority' ? U(to) : n.recipient === 'data_subjects' ? 'personnes' : n.recipient === 'nis2_csirt' ? 'CSIRT' : U(to)}`.trim(),
      ),
      text: join(
        bi(`${phase.en} notification ${rec.en}${named} by ${method.en}${ref}`, `Notification ${phase.fr.toLowerCase()} ${rec.fr}${named} par ${method.fr}${refFr}`),
        filingWords(n),
      ),
      // Late: the reasons recorded with it come first, then what was sent.
      detail: n.timeliness === 'late' && n.lateReasons ? bi(`Reasons for the delay: ${U(n.lateReasons)}\n\n${U(n.content)}`, `Motifs du retard : ${U(n.lateReasons)}\n\n${U(n.content)}`) : both(n.content),
      source: { type: 'notification', id: n.id, reference: n.reference || n.recipientName || labelBi('recipient', n.recipient).en },
      milestone: n.recipient === 'authority' || n.recipient === 'data_subjects',
    });
  }

  // Affected client controllers: when each was told, acknowledged, told its own authority.
  for (const c of d.registers.incidents.clients.byIncident(i.id).map((x) => d.redactor?.part('incidents', 'clients', x) ?? x)) {
    const h = historyOf(d, 'client', c.id);
    const src2 = { type: 'client' as const, id: c.id, reference: c.name };
    const name = U(c.name);
    const push = (field: 'notifiedAt' | 'acknowledgedAt' | 'authorityNotifiedAt', kind: TimelineEvent['kind'], text: Bi, detail: Bi, milestone: boolean) => {
      const short =
        kind === 'client_notified' ? bi(`${name} notified`, `${name} notifié`) : kind === 'client_acknowledged' ? bi(`${name}: ack.`, `${name} : A.R.`) : bi(`${name} → authority`, `${name} → autorité`);
      const at = c[field];
      if (!at) return;
      const s = setter(h, field);
      out.push({ id: `${kind}:${c.id}`, at, recordedAt: s?.at ?? null, actor: s?.actor ?? '', kind, category: 'client', origin: 'app', entryKind: null, short, text, detail, source: src2, milestone });
    };
    const how = c.notifiedHow ? ` (${U(c.notifiedHow)})` : '';
    push('notifiedAt', 'client_notified', bi(`Client ${name} notified${how}`, `Client ${name} notifié${how}`), both(c.notes), true);
    push('acknowledgedAt', 'client_acknowledged', bi(`Client ${name} acknowledged the notice`, `Accusé de réception du client ${name}`), empty, false);
    push(
      'authorityNotifiedAt',
      'client_authority_notified',
      bi(`Client ${name} notified its supervisory authority${c.authorityReference ? ` (ref. ${U(c.authorityReference)})` : ''}`, `Le client ${name} a notifié son autorité de contrôle${c.authorityReference ? ` (réf. ${U(c.authorityReference)})` : ''}`),
      empty,
      false,
    );
  }
  return out;
}

function actionEvents(d: TimelineDeps, a: Action): TimelineEvent[] {
  const zone = d.ctx.calendar().timeZone;
  const h = historyOf(d, 'action', a.id);
  const made = creator(h);
  const src = { type: 'action' as const, id: a.id, reference: a.reference };
  const base = { category: 'action' as const, origin: 'app' as const, entryKind: null, source: src };
  const due = a.dueAt ? bi(`, due ${fmtDeadline(a.dueAt, 'en', zone)}`, `, échéance ${fmtDeadline(a.dueAt, 'fr', zone)}`) : empty;
  const out: TimelineEvent[] = [
    {
      ...base,
      id: `action_planned:${a.id}`,
      at: a.createdAt,
      recordedAt: a.createdAt,
      actor: made?.actor ?? '',
      kind: 'action_planned',
      short: bi(`${a.reference} planned`, `${a.reference} prévue`),
      text: bi(`Action planned: ${U(a.title)} (owner: ${U(a.owner)}${due.en})`, `Action prévue : ${U(a.title)} (responsable : ${U(a.owner)}${due.fr})`),
      detail: both(a.description),
      milestone: false,
    },
  ];
  if (a.doneAt) {
    const s = h.findLast((e) => e.changes.some((c) => c.field === 'doneAt' && c.new != null));
    out.push({ ...base, id: `action_done:${a.id}`, at: a.doneAt, recordedAt: s?.at ?? null, actor: s?.actor ?? a.owner, kind: 'action_done', short: bi(`${a.reference} done`, `${a.reference} réalisée`), text: bi(`Action done: ${U(a.title)}`, `Action réalisée : ${U(a.title)}`), detail: both(a.evidence), milestone: false });
  }
  if (a.verifiedAt) {
    const s = h.findLast((e) => e.changes.some((c) => c.field === 'verifiedAt' && c.new != null));
    out.push({ ...base, id: `action_verified:${a.id}`, at: a.verifiedAt, recordedAt: s?.at ?? null, actor: s?.actor ?? '', kind: 'action_verified', short: bi(`${a.reference} verified`, `${a.reference} vérifiée`), text: bi(`Action verified: ${U(a.title)}`, `Action vérifiée : ${U(a.title)}`), detail: both(a.verificationNote), milestone: false });
  }
  if (a.status === 'cancelled') {
    const s = h.findLast((e) => e.action === 'status' && e.changes.some((c) => c.field === 'status' && c.new === 'cancelled'));
    const said = s?.changes.find((c) => c.field === 'note')?.new;
    // The note is in the audit entry, not in a field of the action: a profile treats it as a field it does not name.
    const note = typeof said === 'string' ? (d.redactor?.text('actions', 'cancellationNote', said) ?? said) : said;
    out.push({ ...base, id: `action_cancelled:${a.id}`, at: s?.at ?? a.updatedAt, recordedAt: s?.at ?? null, actor: s?.actor ?? '', kind: 'action_cancelled', short: bi(`${a.reference} cancelled`, `${a.reference} annulée`), text: bi(`Action cancelled: ${U(a.title)}`, `Action annulée : ${U(a.title)}`), detail: both(typeof note === 'string' ? note : ''), milestone: false });
  }
  return out;
}

function letterEvent(d: TimelineDeps, l: Letter): TimelineEvent | null {
  const at = l.direction === 'inbound' ? (l.receivedAt ?? l.notifiedAt ?? l.sentAt) : (l.sentAt ?? l.receivedAt);
  if (!at) return null;
  const h = historyOf(d, 'letter', l.id);
  const reg = findRegulator(l.regulator)?.short ?? l.regulator;
  const kind = labelBi('letterKind', l.kind);
  const refs = l.regulatorRefs.length ? ` (${l.regulatorRefs.join(', ')})` : '';
  const amount = l.amountEur != null ? bi(`, ${fmtMoney(l.amountEur, 'en')}`, `, ${fmtMoney(l.amountEur, 'fr')}`) : empty;
  const inbound = l.direction === 'inbound';
  const zone = d.ctx.calendar().timeZone;
  // The letter's own date, when it was received days later (a decision is dated when it was taken).
  const dated =
    inbound && l.sentAt && Math.abs(Date.parse(at) - Date.parse(l.sentAt)) > 86_400_000
      ? bi(` (dated ${fmtDate(l.sentAt, 'en', zone)})`, ` (en date du ${fmtDate(l.sentAt, 'fr', zone)})`)
      : empty;
  return {
    id: `letter:${l.id}`,
    at,
    recordedAt: creator(h)?.at ?? l.createdAt,
    actor: inbound ? reg : (creator(h)?.actor ?? ''),
    kind: inbound ? 'letter_received' : 'letter_sent',
    category: 'letter',
    origin: 'app',
    entryKind: null,
    short: bi(`${kind.en} ${reg}${amount.en ? ` ${fmtMoney(l.amountEur, 'en')}` : ''}`, `${kind.fr} ${reg}${amount.fr ? ` ${fmtMoney(l.amountEur, 'fr')}` : ''}`),
    text: inbound
      ? bi(`${kind.en} from ${reg}${refs}${amount.en}${dated.en}: ${U(l.subject)}`, `${kind.fr} (${reg}${l.regulatorRefs.length ? `, ${l.regulatorRefs.join(', ')}` : ''})${amount.fr}${dated.fr} : ${U(l.subject)}`)
      : bi(`${kind.en} sent to ${reg}${refs}: ${U(l.subject)}`, `${kind.fr} → ${reg}${refs} : ${U(l.subject)}`),
    detail: both(l.summary),
    source: { type: 'letter', id: l.id, reference: l.reference },
    milestone: MILESTONE_LETTERS.has(l.kind),
  };
}

function complaintEvents(d: TimelineDeps, c: Complaint): TimelineEvent[] {
  const h = historyOf(d, 'complaint', c.id);
  const src = { type: 'complaint' as const, id: c.id, reference: c.reference };
  const rights = c.rights.map((r) => labelBi('right', r));
  const via = c.channel === 'regulator' ? `${regulatorLabel(c.regulator)}${c.regulatorReference ? ` ${c.regulatorReference}` : ''}` : '';
  const out: TimelineEvent[] = [
    {
      id: `complaint_received:${c.id}`,
      at: c.receivedAt,
      recordedAt: creator(h)?.at ?? c.createdAt,
      actor: via || c.complainantLabel,
      kind: 'complaint_received',
      category: 'complaint',
      short: bi(`Complaint ${c.reference}`, `Réclamation ${c.reference}`),
      origin: 'app',
      entryKind: null,
      text: bi(
        `Complaint ${c.reference} received${via ? ` via ${via}` : ''} (${rights.map((r) => r.en).join(', ')})`,
        `Réclamation ${c.reference} reçue${via ? ` via ${via}` : ''} (${rights.map((r) => r.fr).join(', ')})`,
      ),
      detail: both(c.summary),
      source: src,
      milestone: false,
    },
  ];
  if (c.answeredAt) {
    const s = setter(h, 'answeredAt');
    out.push({ id: `complaint_answered:${c.id}`, at: c.answeredAt, recordedAt: s?.at ?? null, actor: s?.actor ?? '', kind: 'complaint_answered', category: 'complaint', origin: 'app', entryKind: null, short: bi(`${c.reference} answered`, `${c.reference} répondue`), text: bi(`Complaint ${c.reference} answered`, `Réponse à la réclamation ${c.reference}`), detail: both(c.outcome), source: src, milestone: false });
  }
  return out;
}

export function applyFilter(events: TimelineEvent[], f: TimelineFilter | undefined): TimelineEvent[] {
  if (!f) return events;
  return events.filter(
    (e) =>
      (!f.kinds?.length || f.kinds.includes(e.kind)) &&
      (!f.categories?.length || f.categories.includes(e.category)) &&
      (!f.sourceTypes?.length || f.sourceTypes.includes(e.source.type)) &&
      (!f.origin || f.origin === e.origin) &&
      (!f.from || e.at >= new Date(f.from).toISOString()) &&
      (!f.to || e.at < new Date(f.to).toISOString()),
  );
}

export function sortEvents(events: TimelineEvent[]): TimelineEvent[] {
  return events.sort((a, b) => a.at.localeCompare(b.at) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.id.localeCompare(b.id));
}

/**
 * An incident's timeline: what the app knows from the register and its audit log (recorded,
 * aware, risk, decisions, notifications, clients, status, the actions, letters and complaints
 * around it) and what the user added, in the order things happened, with every clock.
 */
export function buildTimeline(d: TimelineDeps, query: TimelineQuery): Timeline {
  const q = TimelineQuery.parse(query);
  const r = d.registers;
  const read = r.incidents.get(q.incidentId);
  const i = d.redactor?.record('incidents', read) ?? read;
  const now = d.ctx.clock.now().toISOString();
  const cal = d.ctx.calendar();
  const events: TimelineEvent[] = incidentEvents(d, i);

  for (const e of d.entries.byIncident(i.id).map((x) => d.redactor?.record('timeline', x) ?? x)) {
    const h = historyOf(d, TIMELINE_ENTRY, e.id);
    const kind = labelBi('entryKind', e.kind);
    events.push({
      id: `entry:${e.id}`,
      at: e.at,
      recordedAt: creator(h)?.at ?? e.createdAt,
      actor: e.actor || creator(h)?.actor || '',
      kind: 'user_entry',
      category: 'user',
      origin: 'user',
      entryKind: e.kind,
      short: bi(U(clip(`${kind.en}: ${e.title}`)), U(clip(`${kind.fr}\u00a0: ${e.title}`))),
      text: bi(`${kind.en}: ${U(e.title)}`, `${kind.fr} : ${U(e.title)}`),
      detail: both(e.details),
      source: { type: 'timeline_entry', id: e.id, reference: kind.en },
      milestone: e.kind === 'decision',
    });
  }

  const around = incidentSurroundings(d, i.id);
  for (const a of around.actions) events.push(...actionEvents(d, a));
  for (const l of around.letters) {
    const e = letterEvent(d, l);
    if (e) events.push(e);
  }
  for (const c of around.complaints) events.push(...complaintEvents(d, c));

  sortEvents(events);
  for (const e of events) {
    e.text = finish(e.text);
    e.short = finish(e.short);
    e.detail = finish(e.detail);
  }
  const obligations = r.incidents.obligations.views(i.id, Date.parse(now));
  const clocks = incidentClocks(i, d.redactor ? obligations.map((o) => redactObligation(d.redactor!, o)) : obligations, now);
  return TimelineSchema.parse({
    incident: { id: i.id, reference: i.reference, title: i.title, status: i.status, riskLevel: i.riskLevel, drill: i.drill },
    at: now,
    timeZone: cal.timeZone,
    clocks,
    events: applyFilter(events, q),
    total: events.length,
  });
}
