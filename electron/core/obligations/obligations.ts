import { v5 as uuidv5 } from 'uuid';
import { ApiError } from '@shared/api/contract';
import { proposeObligations, REGIME, regimeLabel, obligationKey, type ObligationFacts, type ProposedObligation } from '@shared/obligations/rules';
import type { OrgCalendar } from '@shared/deadlines';
import type { AffectedClient, Incident, Notification } from '@shared/schemas/incident';
import { Obligation, ObligationAdd, ObligationConfirm, ObligationDecide, ObligationRecord, type Nis2Sector } from '@shared/schemas/obligation';
import { findRegulator } from '@shared/reference/regulators';
import type { AuditAction } from '@shared/schemas/audit';
import type { RegisterContext } from '../registers/context';
import { RecordTable } from '../registers/record-table';
import { RegisterBase } from '../registers/register-base';
import { liveDue, obligationClock, type IncidentClockFacts } from './clocks';
import { decidedBy, isAwaitingConfirmation, separatedSince } from './confirmation';
import { separatesDuties } from '../sync/duties';

export const OBLIGATION = 'obligation';

/** Obligation ids derive from (incident, key): two devices proposing the same one offline agree on its id. */
const NAMESPACE = 'a8f3c1d2-6b7e-4f10-9c2d-5e4b3a2f1d0c';
export const obligationId = (incidentId: string, key: string) => uuidv5(`${incidentId}|${key}`, NAMESPACE);

export interface ObligationDeps {
  incident(id: string): Incident;
  clients(incidentId: string): AffectedClient[];
  filings(obligationId: string): Notification[];
  /** The organisation's NIS2 sector and country (facts the rules read besides the incident's). */
  organisation(): { nis2Sector: Nis2Sector | null; country: string };
  calendar(): OrgCalendar;
  /** Mirrors a decision on the incident's own Art. 33(5) fields (the register shows them). */
  mirrorDecision(incidentId: string, field: 'authority' | 'dataSubjects', decision: ObligationRecord['decision'], rationale: string): void;
}

/** The incident's decision fields for the obligations that have them (the lead authority, the people). */
export function mirroredField(o: Pick<ObligationRecord, 'regime' | 'recipientId'>, i: Pick<Incident, 'authority'>): 'authority' | 'dataSubjects' | null {
  if (o.regime === 'gdpr-34') return 'dataSubjects';
  if ((o.regime === 'gdpr-33' || o.regime === 'uk-gdpr-33') && (o.recipientId === i.authority || (!i.authority && o.recipientId === null))) return 'authority';
  return null;
}

const DECISION_OF = { yes: 'required', no: 'not_required', pending: 'undecided' } as const;

/** The order a reader expects: the authority, the people, the clients (by name), then NIS2's three reports. */
const ORDER_SQL = `CASE regime WHEN 'gdpr-33' THEN 0 WHEN 'uk-gdpr-33' THEN 1 WHEN 'gdpr-34' THEN 2 WHEN 'gdpr-33-2' THEN 3
  WHEN 'nis2-early-warning' THEN 4 WHEN 'nis2-notification' THEN 5 ELSE 6 END, recipient_name COLLATE NOCASE, id`;

/**
 * The notification obligations of incidents. Rows are proposed by shared/obligations/rules and
 * reconciled whenever the facts change: a proposal not yet stored is added (never twice: the key
 * is unique per incident), a stored proposal the facts no longer call for is superseded (kept,
 * with the reason) unless a filing already met it, and one proposed again comes back.
 */
export class ObligationRegister extends RegisterBase<typeof ObligationRecord> {
  constructor(
    ctx: RegisterContext,
    private readonly deps: ObligationDeps,
  ) {
    super(ctx, new RecordTable(ctx.db, 'incident_obligations', ObligationRecord, 'obligation'), OBLIGATION);
  }

  protected searchDoc(): null {
    return null;
  }

  /**
   * Every local change of an obligation goes through here: one that changes its decision or the
   * reasons for it clears a confirmation given to the decision before (the new one needs its own).
   */
  protected override change(id: string, action: AuditAction, mutate: (before: ObligationRecord) => ObligationRecord, extra: { field: string; old: unknown; new: unknown }[] = []): ObligationRecord {
    return super.change(
      id,
      action,
      (b) => {
        const a = mutate(b);
        const redecided = a.decision !== b.decision || a.rationale !== b.rationale;
        return redecided && a.confirmedAt === b.confirmedAt ? { ...a, confirmedAt: null, confirmedBy: null } : a;
      },
      extra,
    );
  }

  byIncident(incidentId: string, includeSuperseded = true): ObligationRecord[] {
    return this.table.all(`incident_id = ? AND archived_at IS NULL${includeSuperseded ? '' : ' AND superseded_at IS NULL'}`, [incidentId], ORDER_SQL);
  }

  facts(i: Incident): ObligationFacts {
    const org = this.deps.organisation();
    return {
      ourRole: i.ourRole,
      personalData: i.personalData,
      riskLevel: i.riskLevel,
      authority: i.authority,
      memberStates: i.memberStates,
      nis2Sector: org.nis2Sector,
      nis2Significant: i.nis2InScope,
      country: org.country,
      clients: this.deps.clients(i.id).map((c) => ({ id: c.id, name: c.name, contractHours: c.contractHours })),
    };
  }

  /**
   * Runs the rules on the incident's facts and brings the stored rows in line, in the caller's
   * transaction. `fromIncident`: the decision fields the user just changed on the incident itself
   * (they win over the obligation's; otherwise the obligation's decision is mirrored there).
   */
  reconcile(incidentId: string, fromIncident: { authority?: boolean; dataSubjects?: boolean } = {}): void {
    const i = this.deps.incident(incidentId);
    const proposed = proposeObligations(this.facts(i));
    const stored = new Map(this.byIncident(incidentId).map((o) => [o.key, o]));
    const now = this.now();
    for (const p of proposed) {
      const o = stored.get(p.key);
      if (!o) {
        this.insertNew(this.newRow(incidentId, p, now));
        continue;
      }
      stored.delete(p.key);
      const revived = o.supersededAt !== null;
      // Nobody decided yet and the facts now make it required (a risk was assessed): say so. A
      // person's decision is never overridden by the rules.
      const decision = o.decision === 'undecided' && p.decision === 'required' ? 'required' : o.decision;
      if (revived || o.recipientName !== p.recipientName || o.contractHours !== p.contractHours || decision !== o.decision) {
        this.change(o.id, 'update', (b) => ({ ...b, recipientName: p.recipientName, contractHours: p.contractHours, decision, supersededAt: null, supersededReason: '' }));
      }
    }
    for (const o of stored.values()) {
      if (o.proposedBy !== 'rules' || o.supersededAt) continue;
      // A filing already met it: it stands as history, whatever the facts now say.
      if (this.deps.filings(o.id).length > 0) continue;
      this.change(o.id, 'update', (b) => ({
        ...b,
        supersededAt: now,
        supersededReason: 'The incident’s facts no longer call for it (role, risk, personal data, NIS2 scope, countries or clients changed).',
      }));
    }
    this.syncDecisions(this.deps.incident(incidentId), fromIncident);
  }

  private newRow(incidentId: string, p: ProposedObligation | (Omit<ProposedObligation, 'why'> & { proposedBy: 'user'; rationale: string }), now: string): ObligationRecord {
    return {
      id: obligationId(incidentId, p.key),
      incidentId,
      key: p.key,
      regime: p.regime,
      recipientKind: p.recipientKind,
      recipientId: p.recipientId,
      recipientName: p.recipientName,
      contractHours: p.contractHours,
      decision: p.decision,
      rationale: 'rationale' in p ? p.rationale : '',
      proposedBy: 'proposedBy' in p ? p.proposedBy : 'rules',
      supersededAt: null,
      supersededReason: '',
      confirmedAt: null,
      confirmedBy: null,
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      archiveReason: null,
    };
  }

  /** Keeps the incident's Art. 33(5) decision fields and the obligations they stand for equal. */
  private syncDecisions(i: Incident, fromIncident: { authority?: boolean; dataSubjects?: boolean }): void {
    for (const o of this.byIncident(i.id, false)) {
      const field = mirroredField(o, i);
      if (!field) continue;
      const incidentDecision = DECISION_OF[field === 'authority' ? i.notifyAuthority : i.notifyDataSubjects];
      const incidentReasons = field === 'authority' ? i.notifyAuthorityReasons : i.notifyDataSubjectsReasons;
      if (fromIncident[field]) {
        if (o.decision !== incidentDecision || o.rationale !== incidentReasons) this.change(o.id, 'update', (b) => ({ ...b, decision: incidentDecision, rationale: incidentReasons }));
      } else if (o.decision !== incidentDecision || (o.decision === 'not_required' && o.rationale !== incidentReasons)) {
        this.deps.mirrorDecision(i.id, field, o.decision, o.rationale || incidentReasons);
      }
    }
  }

  decide(input: ObligationDecide): ObligationRecord {
    const d = ObligationDecide.parse(input);
    const before = this.get(d.id);
    if (before.supersededAt) throw new ApiError('CONFLICT', 'This obligation was superseded: there is nothing left to decide.');
    if (this.deps.filings(d.id).length > 0 && d.decision !== 'required') {
      throw new ApiError('CONFLICT', 'A filing already met this obligation: it was required, and that cannot be undone.');
    }
    return this.ctx.write(OBLIGATION, () => {
      const after = this.change(d.id, 'update', (b) => ({ ...b, decision: d.decision, rationale: d.rationale }));
      const i = this.deps.incident(after.incidentId);
      const field = mirroredField(after, i);
      if (field) this.deps.mirrorDecision(i.id, field, after.decision, after.rationale);
      return after;
    });
  }

  /**
   * A second member confirms a decision not to notify (who, when), through the write path: its
   * audit entry and operation. In a workspace that separates duties the machine that recorded the
   * decision may not confirm it (RegisterContext.authorize refuses: DUTIES_SEPARATED, nothing is
   * stored; colleagues quarantine such a confirmation from an altered machine).
   */
  confirm(input: ObligationConfirm): ObligationRecord {
    const { obligationId: id } = ObligationConfirm.parse(input);
    const before = this.get(id);
    if (before.supersededAt) throw new ApiError('CONFLICT', 'This obligation was superseded: there is no decision left to confirm.');
    if (before.decision !== 'not_required') throw new ApiError('CONFLICT', 'Only a decision not to notify is confirmed: this obligation is not decided "not required".');
    if (before.confirmedAt) throw new ApiError('CONFLICT', `This decision not to notify was already confirmed (${before.confirmedBy ?? 'another member'}, ${before.confirmedAt}).`);
    const at = this.now();
    return super.change(id, 'update', (b) => ({ ...b, confirmedAt: at, confirmedBy: this.ctx.actor() }));
  }

  add(input: ObligationAdd): ObligationRecord {
    const d = ObligationAdd.parse(input);
    const key = obligationKey(d.regime, d.recipientId ?? `user-${d.recipientName}`);
    const existing = this.byIncident(d.incidentId).find((o) => o.key === key);
    if (existing) throw new ApiError('CONFLICT', `This incident already has that obligation (${existing.recipientName || d.regime}).`);
    this.deps.incident(d.incidentId);
    return this.insertNew(
      this.newRow(
        d.incidentId,
        { key, regime: d.regime, recipientKind: d.recipientKind, recipientId: d.recipientId, recipientName: d.recipientName, contractHours: d.contractHours, decision: 'required', proposedBy: 'user', rationale: d.rationale },
        this.now(),
      ),
    );
  }

  /** An incident cannot be closed while one of its obligations is undecided. */
  assertDecided(incidentId: string, reference: string): void {
    const open = this.byIncident(incidentId, false).filter((o) => o.decision === 'undecided');
    if (open.length) {
      const names = open.map((o) => `${REGIME[o.regime].label.en}${o.recipientName ? ` (${o.recipientName})` : ''}`).join('; ');
      throw new ApiError('CONFLICT', `Decide every notification obligation of ${reference} (and record why) before closing it (Art. 33(5)): ${names}.`);
    }
    // Closing would stop a clock a decision not yet final keeps running.
    const since = separatedSince(this.ctx.db, separatesDuties(this.ctx.db));
    const pending = this.byIncident(incidentId, false).filter((o) => isAwaitingConfirmation(this.ctx.db, o, since));
    if (pending.length) {
      const names = pending.map((o) => `${REGIME[o.regime].label.en}${o.recipientName ? ` (${o.recipientName})` : ''}`).join('; ');
      throw new ApiError('CONFLICT', `This workspace separates duties: another member must confirm the decision not to notify before ${reference} is closed: ${names}.`);
    }
  }

  /** The deadline an obligation's inputs give now. */
  dueOf(o: ObligationRecord): string | null {
    const i = this.deps.incident(o.incidentId);
    return liveDue(o, clockFacts(i), this.deps.calendar(), this.nis2NotifiedAt(o.incidentId));
  }

  private nis2NotifiedAt(incidentId: string): string | null {
    const n = this.byIncident(incidentId, false).find((o) => o.regime === 'nis2-notification');
    return n ? (this.deps.filings(n.id)[0]?.sentAt ?? null) : null;
  }

  /** Every obligation of an incident as the app shows it, at `nowMs`. */
  views(incidentId: string, nowMs: number, includeSuperseded = true): Obligation[] {
    const i = this.deps.incident(incidentId);
    const facts = clockFacts(i);
    const cal = this.deps.calendar();
    const nis2 = this.nis2NotifiedAt(incidentId);
    const clients = new Map(this.deps.clients(incidentId).map((c) => [c.id, c]));
    const why = new Map(proposeObligations(this.facts(i)).map((p) => [p.key, p.why]));
    const since = separatedSince(this.ctx.db, separatesDuties(this.ctx.db));
    const me = { author: this.ctx.member?.() ?? null, device: this.ctx.device };
    return this.byIncident(incidentId, includeSuperseded).map((o) => {
      const awaiting = isAwaitingConfirmation(this.ctx.db, o, since);
      const filings = this.deps.filings(o.id);
      const first = filings[0] ?? null;
      const legacyMetAt = !first && o.regime === 'gdpr-33-2' ? (clients.get(o.recipientId ?? '')?.notifiedAt ?? null) : null;
      const clock = obligationClock(o, facts, first, legacyMetAt, cal, nis2, nowMs, awaiting);
      const live = first ? liveDue(o, facts, cal, nis2) : null;
      return Obligation.parse({
        ...o,
        state: stateOf(o, first, legacyMetAt, clock.due),
        label: regimeLabel(o.regime, o.contractHours),
        basis: REGIME[o.regime].basis,
        why: why.get(o.key) ?? null,
        clock,
        catalogueId: o.recipientId && findRegulator(o.recipientId) ? o.recipientId : null,
        filingIds: filings.map((f) => f.id),
        firstFilingRef: first?.filingRef || null,
        lateReasons: first?.lateReasons ?? '',
        currentDue: first && live !== first.dueAtFiling ? live : null,
        awaitingConfirmation: awaiting,
        decidedHere: o.decision === 'not_required' && decidedBy(this.ctx.db, o.id, me),
      });
    });
  }
}

export function clockFacts(i: Incident): IncidentClockFacts {
  return {
    id: i.id,
    reference: i.reference,
    title: i.title,
    status: i.status,
    awareAt: i.awareAt,
    detectedAt: i.detectedAt,
    dataSubjectsTarget: i.dataSubjectsTarget,
    delayReasons: i.delayReasons,
    drill: i.drill,
  };
}

function stateOf(o: ObligationRecord, first: Notification | null, legacyMetAt: string | null, due: string | null): Obligation['state'] {
  if (o.supersededAt) return 'superseded';
  if (first) return first.timeliness === 'late' ? 'filed_late' : 'filed_on_time';
  if (legacyMetAt) return due !== null && Date.parse(legacyMetAt) > Date.parse(due) ? 'filed_late' : 'filed_on_time';
  return o.decision;
}
