import type { Complaint, ComplaintCreate, ComplaintStatus, DataSubjectRight } from '@shared/schemas/complaint';
import type { LetterCreate, LetterKind } from '@shared/schemas/letter';
import type { DataCategory, IncidentCreate } from '@shared/schemas/incident';
import type { Action, ActionCreate, ActionStatus } from '@shared/schemas/action';
import type { PlannedRecord, Reserved } from '../electron/core/registers/register-base';
import type { Clock } from '../electron/core/registers/context';
import { Rng } from './prng';
import { TextMaker, type Lang } from './corpus';
import type { BenchSession } from './plain-context';

/** The S4 volume: a year of a large organisation. */
export const S4 = { complaints: 50_000, letters: 5_000, incidents: 2_000, actions: 20_000 } as const;
/** The S5 volume: ten years of a large organisation. */
export const S5 = { complaints: 500_000, letters: 50_000, incidents: 20_000, actions: 200_000 } as const;
export type Volume = { complaints: number; letters: number; incidents: number; actions: number };

export const YEAR_START = Date.UTC(2025, 0, 1);
/** "Today" for the bench: the first working days after the year the register holds. */
export const BENCH_NOW = new Date(Date.UTC(2026, 0, 5, 9, 0, 0));
const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A clock the loader moves along the year, so created/updated instants and references look real. */
export class SimClock implements Clock {
  private t = BENCH_NOW.getTime();
  now() {
    return new Date(this.t);
  }
  set(ms: number) {
    this.t = ms;
  }
}

export interface LoadStats {
  records: number;
  /** create + status changes + sub-records (notifications, affected clients) + replies. */
  writes: number;
  ms: number;
  byType: Volume;
}

const iso = (ms: number) => new Date(ms).toISOString();
const REGULATORS = ['FR-CNIL', 'FR-CNIL', 'FR-CNIL', 'FR-CNIL', 'FR-CNIL', 'FR-CNIL', 'BE-APD', 'IE-DPC', 'ES-AEPD', 'IT-GPDP', 'DE-BFDI', 'GB-ICO', 'LU-CNPD'];
const SHORT: Record<string, string> = { 'FR-CNIL': 'CNIL', 'BE-APD': 'APD', 'IE-DPC': 'DPC', 'ES-AEPD': 'AEPD', 'IT-GPDP': 'Garante', 'DE-BFDI': 'BfDI', 'GB-ICO': 'ICO', 'LU-CNPD': 'CNPD' };
const RIGHTS: DataSubjectRight[] = ['access', 'erasure', 'objection_direct_marketing', 'rectification', 'objection', 'portability', 'consent_withdrawal', 'restriction', 'automated_decision'];
const RIGHT_WEIGHTS = [35, 22, 15, 9, 7, 5, 4, 2, 1];
const DATA_CATEGORIES: DataCategory[] = ['identification', 'contact', 'financial', 'location', 'online_identifiers', 'credentials', 'communications', 'call_recordings', 'official_documents', 'health'];

/**
 * Builds the register day by day through the registers' own methods (create, setStatus,
 * notifications, replies), so the audit log and the full-text index are built as in real use.
 * Each batch of days is one transaction (nested register writes join it). The same seed gives
 * the same inputs whichever database it runs on.
 */
/** Records planned for the bulk seam and not yet written (bulkLoad only). */
interface Pending {
  complaints: PlannedRecord<Complaint>[];
  actions: PlannedRecord<Action>[];
  archives: { id: string; reason: string; at: number }[];
  /** References of planned records, so the next one drawn never takes theirs. */
  reserved: Reserved;
}
/** As the import's batches: large enough to amortise, small enough to hold in memory. */
const BULK_BATCH = 5_000;

export function load(s: BenchSession, clock: SimClock, volume: Volume, seed: number, opts: { daysPerBatch: number; progress: (msg: string) => void; bulk?: boolean }): LoadStats {
  const bulk: Pending | null = opts.bulk ? { complaints: [], actions: [], archives: [], reserved: new Set() } : null;
  const rng = new Rng(seed);
  const text = new TextMaker(rng);
  const complaintIds: string[] = [];
  const incidentIds: string[] = [];
  const letterIds: string[] = [];
  const awaiting: { id: string; at: number; regulator: string; refs: string[]; subject: string; lang: Lang }[] = [];
  const stats: LoadStats = { records: 0, writes: 0, ms: 0, byType: { complaints: 0, letters: 0, incidents: 0, actions: 0 } };
  const now = BENCH_NOW.getTime();
  const lang = (): Lang => (rng.chance(0.65) ? 'fr' : 'en');
  const quota = (n: number, d: number) => Math.floor((n * (d + 1)) / 365) - Math.floor((n * d) / 365);
  /** Office hours on weekdays mostly, a few evening and weekend entries. */
  const instantOn = (day: number) => YEAR_START + day * DAY + (rng.chance(0.9) ? rng.between(7 * 60, 18 * 60) : rng.int(24 * 60)) * 60_000;

  const complaint = (day: number) => {
    const l = lang();
    const receivedAt = instantOn(day);
    clock.set(receivedAt + rng.int(4 * HOUR));
    const channel = rng.weighted(['email', 'web_form', 'post', 'phone', 'regulator'] as const, [40, 30, 12, 13, 5]);
    const regulator = channel === 'regulator' ? rng.pick(REGULATORS) : null;
    const age = (now - receivedAt) / DAY;
    const final =
      age > 45
        ? rng.weighted(['answered', 'closed', 'in_progress'] as const, [58, 39, 3])
        : age > 10
          ? rng.weighted(['answered', 'in_progress', 'awaiting_information', 'received'] as const, [50, 30, 10, 10])
          : rng.weighted(['received', 'in_progress'] as const, [60, 40]);
    const extended = age > 30 && rng.chance(0.04);
    const input: ComplaintCreate = {
      receivedAt: iso(receivedAt),
      channel,
      regulator,
      regulatorReference: regulator ? text.fill('{complaintNo}') : null,
      complainantLabel: text.complainantLabel(),
      complainantContact: rng.chance(0.7) ? `${text.surname().toLowerCase().replace(/[^a-z]/g, '')}${rng.int(100)}@example.${rng.pick(['fr', 'com', 'org'])}` : '',
      rights: [...new Set([rng.weighted(RIGHTS, RIGHT_WEIGHTS), ...(rng.chance(0.25) ? [rng.weighted(RIGHTS, RIGHT_WEIGHTS)] : [])])],
      summary: text.paragraph('complaint', l, 2, 4),
      outcome: final === 'answered' || final === 'closed' ? `${l === 'fr' ? 'Réponse' : 'Answer'} : ${text.slot(`outcome_${l}`)}.` : '',
      extensionNoticeAt: extended ? iso(receivedAt + 20 * DAY) : null,
      extensionReason: extended ? (l === 'fr' ? 'Demande complexe : extraction des enregistrements auprès de {vendor}.' : 'Complex request: recordings must be extracted by {vendor}.').replace('{vendor}', text.vendor()) : '',
    };
    // The history is drawn first (the same draws in the same order whichever way it is written),
    // then written through the register's methods or planned for its bulk seam.
    const createdAt = clock.now().getTime();
    const steps: { status: ComplaintStatus; at?: string; note?: string; when: number }[] = [];
    let last = createdAt;
    if (final !== 'received') {
      last = Math.min(now, receivedAt + rng.between(1, 4) * DAY);
      steps.push({ status: 'in_progress', when: last });
      if (final === 'awaiting_information') steps.push({ status: 'awaiting_information', note: l === 'fr' ? "Justificatif d'identité demandé." : 'Proof of identity requested.', when: last });
      if (final === 'answered' || final === 'closed') {
        const answeredAt = Math.min(now - HOUR, receivedAt + rng.between(3, extended ? 80 : 31) * DAY);
        last = answeredAt;
        steps.push({ status: 'answered', at: iso(answeredAt), when: last });
        if (final === 'closed') {
          last = Math.min(now - HOUR, answeredAt + rng.between(5, 30) * DAY);
          steps.push({ status: 'closed', when: last });
        }
      }
    }
    const archive = final !== 'received' && rng.chance(0.005) ? (l === 'fr' ? 'Doublon de la réclamation précédente' : 'Duplicate of an earlier complaint') : null;
    stats.writes += 1 + steps.length + (archive ? 1 : 0);
    if (bulk) {
      const p = s.complaints.planned(input, steps.map(({ when, ...st }) => ({ ...st, when: iso(when) })), bulk.reserved);
      bulk.complaints.push(p);
      complaintIds.push(p.record.id);
      if (archive) bulk.archives.push({ id: p.record.id, reason: archive, at: last });
      return;
    }
    const c = s.complaints.create(input);
    complaintIds.push(c.id);
    for (const { when, ...st } of steps) {
      clock.set(when);
      s.complaints.setStatus({ id: c.id, ...st });
    }
    if (archive) s.complaints.archive({ id: c.id, reason: archive });
  };

  const letter = (day: number) => {
    const at = instantOn(day);
    clock.set(at);
    const replyTo = awaiting.length > 0 && rng.chance(0.4) ? awaiting.splice(rng.int(Math.min(awaiting.length, 20)), 1)[0]! : null;
    // A reply is written in the language of the letter it answers.
    const l = replyTo?.lang ?? lang();
    let input: LetterCreate;
    if (replyTo) {
      input = {
        regulator: replyTo.regulator,
        direction: 'outbound',
        kind: 'our_reply',
        sentAt: iso(at),
        regulatorRefs: replyTo.refs,
        subject: `${l === 'fr' ? 'Réponse :' : 'Reply:'} ${replyTo.subject}`,
        summary: text.paragraph('letter', l, 2, 3, { regulator: SHORT[replyTo.regulator] ?? replyTo.regulator }),
        inReplyTo: replyTo.id,
      };
    } else {
      const regulator = rng.pick(REGULATORS);
      const inbound = rng.chance(0.8);
      const kind: LetterKind = inbound
        ? rng.weighted(['complaint_forwarded', 'request_for_information', 'closure', 'extension_granted', 'findings', 'inspection_notice', 'reprimand', 'formal_notice', 'sanction', 'other'] as const, [35, 28, 15, 5, 5, 3, 3, 3, 1, 2])
        : rng.weighted(['our_observations', 'other'] as const, [70, 30]);
      const complaintNo = text.fill('{complaintNo}');
      const refs = kind === 'complaint_forwarded' ? [complaintNo] : kind === 'sanction' ? [`SAN-2025-${String(rng.between(1, 60)).padStart(3, '0')}`] : kind === 'formal_notice' ? [`MED-2025-${String(rng.between(1, 120)).padStart(3, '0')}`] : rng.chance(0.5) ? [complaintNo] : [];
      const subjects: Record<Lang, string> = {
        fr: `${{ complaint_forwarded: 'Plainte', request_for_information: "Demande d'informations", closure: 'Clôture de la plainte', extension_granted: 'Prorogation de délai', findings: 'Rapport de contrôle', inspection_notice: 'Contrôle', reprimand: 'Rappel à l’ordre', formal_notice: 'Mise en demeure', sanction: 'Sanction', our_observations: 'Nos observations', other: 'Courrier' }[kind as string] ?? 'Courrier'} – ${text.slot('topic_fr')}`,
        en: `${{ complaint_forwarded: 'Complaint', request_for_information: 'Request for information', closure: 'Complaint closed', extension_granted: 'Extension granted', findings: 'Inspection report', inspection_notice: 'Inspection', reprimand: 'Reprimand', formal_notice: 'Formal notice', sanction: 'Sanction', our_observations: 'Our observations', other: 'Letter' }[kind as string] ?? 'Letter'} – ${text.slot('topic_en')}`,
      };
      const wantsReply = inbound && ['complaint_forwarded', 'request_for_information', 'findings', 'formal_notice'].includes(kind);
      input = {
        regulator,
        direction: inbound ? 'inbound' : 'outbound',
        kind,
        sentAt: inbound ? iso(at - rng.between(1, 4) * DAY) : iso(at),
        receivedAt: inbound ? iso(at) : null,
        notifiedAt: inbound && ['reprimand', 'formal_notice', 'sanction'].includes(kind) ? iso(at) : null,
        regulatorRefs: refs,
        subject: subjects[l],
        summary: text.paragraph('letter', l, 2, 4, { regulator: SHORT[regulator] ?? regulator }),
        replyDue: wantsReply ? iso(at + rng.pick([15, 30, 30, 30]) * DAY) : null,
        complianceDue: kind === 'formal_notice' ? iso(at + 90 * DAY) : null,
        amountEur: kind === 'sanction' ? rng.pick([10_000, 50_000, 150_000, 800_000]) : null,
      };
    }
    const created = s.letters.create(input);
    stats.writes += replyTo ? 2 : 1; // a reply also updates the letter it answers
    letterIds.push(created.id);
    if (created.replyDue) awaiting.push({ id: created.id, at, regulator: created.regulator, refs: created.regulatorRefs, subject: created.subject, lang: l });
  };

  const incident = (day: number) => {
    const l = lang();
    const awareAt = instantOn(day);
    clock.set(awareAt + rng.int(2 * HOUR));
    const role = rng.weighted(['controller', 'processor', 'joint'] as const, [75, 20, 5]);
    const risk = rng.weighted(['unlikely', 'risk', 'high'] as const, [60, 30, 10]);
    const age = (now - awareAt) / DAY;
    const decided = age > 3;
    const notifyAuthority = !decided ? 'pending' : risk === 'unlikely' ? 'no' : 'yes';
    const input: IncidentCreate = {
      title: text.slot(`breach_${l}`),
      ourRole: role,
      detectedAt: iso(awareAt - rng.between(0, 30) * HOUR),
      awareAt: iso(awareAt),
      // Awareness later than detection says why (the register requires it); no random draw, so the corpus is unchanged.
      awarenessDelayReason: l === 'fr' ? 'Alerte à confirmer comme violation de données personnelles' : 'The alert had to be confirmed as a personal-data breach',
      howDiscovered: l === 'fr' ? `Alerte ${rng.pick(['du SOC', 'd’un client', 'du prestataire', 'interne', 'de l’EDR'])}` : `Alert from ${rng.pick(['the SOC', 'a customer', 'the supplier', 'staff', 'the EDR'])}`,
      nature: rng.some(['confidentiality', 'integrity', 'availability'] as const, 1, 2),
      dataCategories: rng.some(DATA_CATEGORIES, 1, 4),
      dataSubjectCategories: l === 'fr' ? 'Clients particuliers, prospects' : 'Retail customers, prospects',
      approxSubjects: rng.pick([12, 40, 150, 800, 2300, 15000, 120000]),
      approxRecords: rng.pick([50, 400, 3000, 25000, 400000]),
      likelyConsequences: l === 'fr' ? 'Risque d’hameçonnage ciblé et d’usurpation d’identité.' : 'Risk of targeted phishing and identity theft.',
      riskLevel: risk,
      authority: rng.chance(0.05) ? 'GB-ICO' : undefined,
      notifyAuthority,
      notifyAuthorityReasons: notifyAuthority === 'no' ? (l === 'fr' ? 'Données chiffrées, risque improbable.' : 'Data encrypted, risk unlikely.') : '',
      notifyDataSubjects: decided ? (risk === 'high' ? 'yes' : 'no') : 'pending',
      measuresTaken: text.paragraph('incident', l, 1, 1),
      measuresProposed: text.slot(`action_${l}`),
      lead: text.owner(),
      facts: text.paragraph('incident', l, 2, 4),
    };
    const i = s.incidents.create(input);
    stats.writes++;
    incidentIds.push(i.id);
    if (role === 'processor') {
      for (let k = rng.between(1, 3); k > 0; k--) {
        s.incidents.clients.create({ incidentId: i.id, name: text.vendor(), contact: `dpo@${text.product().toLowerCase()}.example`, contractHours: rng.pick([24, 48, 72]), notifiedAt: iso(awareAt + rng.between(2, 40) * HOUR), notifiedHow: 'email' });
        stats.writes += 2; // the client and the incident's index entry
      }
    }
    if (notifyAuthority === 'yes') {
      const sentAt = awareAt + rng.between(10, 80) * HOUR;
      clock.set(sentAt);
      s.incidents.notifications.create({ incidentId: i.id, recipient: 'authority', recipientName: i.authority === 'GB-ICO' ? 'ICO' : 'CNIL', phase: 'initial', sentAt: iso(sentAt), method: 'online_form', reference: `NOTIF-${rng.between(100000, 999999)}`, content: text.paragraph('incident', l, 1, 2), acceptGaps: true, lateReasons: l === 'fr' ? 'Périmètre confirmé après analyse des journaux' : 'Scope confirmed after the log analysis' });
      stats.writes += 2; // the notification and the incident's notified-at
    }
    if (decided) {
      const status = age > 30 ? rng.weighted(['closed', 'contained', 'open'] as const, [80, 15, 5]) : rng.weighted(['contained', 'open'] as const, [60, 40]);
      if (status !== 'open') {
        clock.set(Math.min(now - HOUR, awareAt + rng.between(1, 25) * DAY));
        s.incidents.setStatus({ id: i.id, status });
        stats.writes++;
      }
    }
  };

  const action = (day: number) => {
    const l = lang();
    const at = instantOn(day);
    clock.set(at);
    const due = at + rng.between(7, 120) * DAY;
    const origin = rng.weighted(['complaint', 'incident', 'letter', 'finding', null] as const, [40, 15, 10, 15, 20]);
    const originIds = origin === 'complaint' ? complaintIds : origin === 'incident' ? incidentIds : origin === 'letter' ? letterIds : [];
    const originId = originIds.length ? originIds[originIds.length - 1 - rng.int(Math.min(originIds.length, 200))]! : null;
    const owner = text.owner();
    const input: ActionCreate = {
      title: text.slot(`action_${l}`, { owner }),
      description: text.paragraph('action', l, 1, 3, { owner, origin: origin ?? (l === 'fr' ? 'revue interne' : 'internal review') }),
      owner,
      dueAt: rng.chance(0.9) ? iso(due) : null,
      priority: rng.weighted(['low', 'medium', 'high', 'critical'] as const, [20, 50, 25, 5]),
      originType: originId ? origin : origin === 'finding' ? 'finding' : null,
      originId,
      originNote: origin === 'finding' ? (l === 'fr' ? `Rapport d'audit 2025, constat ${rng.between(1, 40)}` : `2025 audit report, finding ${rng.between(1, 40)}`) : '',
    };
    const createdAt = clock.now().getTime();
    const overdue = due < now;
    const final = overdue
      ? rng.weighted(['done', 'verified', 'cancelled', 'in_progress', 'planned'] as const, [50, 25, 5, 10, 10])
      : rng.weighted(['planned', 'in_progress', 'done'] as const, [50, 40, 10]);
    const steps: { status: ActionStatus; at?: string; note?: string; when: number }[] = [];
    if (final !== 'planned') {
      const started = Math.min(now - HOUR, at + rng.between(1, 10) * DAY);
      if (final === 'cancelled') steps.push({ status: 'cancelled', note: l === 'fr' ? 'Remplacée par une action plus large.' : 'Superseded by a wider action.', when: started });
      else {
        steps.push({ status: 'in_progress', when: started });
        if (final !== 'in_progress') {
          const doneAt = Math.min(now - HOUR, due - rng.between(0, 6) * DAY);
          steps.push({ status: 'done', at: iso(doneAt), when: doneAt });
          if (final === 'verified') steps.push({ status: 'verified', at: iso(doneAt), note: l === 'fr' ? 'Contrôle sur échantillon de 20 dossiers.' : 'Checked on a sample of 20 files.', when: doneAt });
        }
      }
    }
    stats.writes += 1 + steps.length;
    clock.set(createdAt);
    if (bulk) {
      bulk.actions.push(s.actions.planned(input, steps.map(({ when, ...st }) => ({ ...st, when: iso(when) })), bulk.reserved));
      return;
    }
    const a = s.actions.create(input);
    for (const { when, ...st } of steps) {
      clock.set(when);
      s.actions.setStatus({ id: a.id, ...st });
    }
  };

  /** Writes what the bulk seam holds, in the batch's transaction; archives go through the register. */
  const flush = (b: Pending) => {
    const at = clock.now().getTime();
    s.complaints.bulkLoad(b.complaints);
    s.actions.bulkLoad(b.actions);
    for (const a of b.archives) {
      clock.set(a.at);
      s.complaints.archive({ id: a.id, reason: a.reason });
    }
    clock.set(at);
    b.complaints = [];
    b.actions = [];
    b.archives = [];
    b.reserved.clear();
  };

  const total = volume.complaints + volume.letters + volume.incidents + volume.actions;
  const t0 = performance.now();
  let lastReport = 0;
  for (let day = 0; day < 365; day += opts.daysPerBatch) {
    s.ctx.write('bench-batch', () => {
      for (let d = day; d < Math.min(365, day + opts.daysPerBatch); d++) {
        // Interleaved through the day, as they would arrive.
        const todo: (() => void)[] = [];
        for (let k = quota(volume.complaints, d); k > 0; k--) todo.push(() => (complaint(d), stats.byType.complaints++));
        for (let k = quota(volume.letters, d); k > 0; k--) todo.push(() => (letter(d), stats.byType.letters++));
        for (let k = quota(volume.incidents, d); k > 0; k--) todo.push(() => (incident(d), stats.byType.incidents++));
        for (let k = quota(volume.actions, d); k > 0; k--) todo.push(() => (action(d), stats.byType.actions++));
        while (todo.length) todo.splice(rng.int(todo.length), 1)[0]!();
        if (bulk && bulk.complaints.length + bulk.actions.length >= BULK_BATCH) flush(bulk);
      }
      if (bulk) flush(bulk);
      return { id: 'batch' };
    });
    stats.records = stats.byType.complaints + stats.byType.letters + stats.byType.incidents + stats.byType.actions;
    const secs = (performance.now() - t0) / 1000;
    if (secs - lastReport < 10 && day + opts.daysPerBatch < 365) continue;
    lastReport = secs;
    opts.progress(`  ${stats.records.toLocaleString('en')}/${total.toLocaleString('en')} records, ${secs.toFixed(1)} s (${Math.round(stats.records / secs)} records/s)`);
  }
  stats.ms = performance.now() - t0;
  clock.set(now);
  return stats;
}

/**
 * The same data as load(), with complaints and actions (nine records in ten) written through the
 * registers' bulk seam (planned, then written a batch at a time: each record once in its final
 * state with the audit entries create() and setStatus() would write, its index document once), as
 * the import does. Letters and incidents, whose creation has follow-ups on other records, go
 * through the registers' methods.
 */
export function bulkLoad(s: BenchSession, clock: SimClock, volume: Volume, seed: number, opts: { progress: (msg: string) => void }): LoadStats {
  return load(s, clock, volume, seed, { daysPerBatch: 30, progress: opts.progress, bulk: true });
}
