import { v7 as uuidv7 } from 'uuid';
import { computeDeadline } from '@shared/deadlines';
import { ApiError } from '@shared/api/contract';
import {
  AffectedClient,
  AffectedClientAdd,
  AffectedClientCreate,
  AffectedClientUpdate,
  Incident,
  IncidentCreate,
  IncidentListQuery,
  IncidentSetStatus,
  IncidentUpdate,
  SPECIAL_DATA_CATEGORIES,
  type IncidentDetail,
} from '@shared/schemas/incident';
import { findRegulator } from '@shared/reference/regulators';
import { DRILL_MARK } from '@shared/drills';
import { toUtc, type RegisterContext } from './context';
import { getMeta, META_ORGANISATION } from '../db/meta';
import { RecordTable } from './record-table';
import { sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';
import type { Notification } from '@shared/schemas/incident';
import type { Contract } from '@shared/schemas/contract';
import type { Nis2Sector, ObligationRecord } from '@shared/schemas/obligation';
import { FilingRegister, type FilingDeps } from '../obligations/filings';
import { ObligationRegister } from '../obligations/obligations';
import { filingGaps } from '../obligations/pre-filing';

export const INCIDENT = 'incident';
export { NOTIFICATION } from '../obligations/filings';
export const CLIENT = 'client';

/** Each sort's ORDER BY term and its index (migration 8). */
const SORTS: Record<NonNullable<IncidentListQuery['sort']>['field'], SortSpec> = {
  reference: sortOn('reference', 'incidents_by_reference'),
  awareAt: sortOn('aware_at', 'incidents_by_aware'),
  authorityDue: sortOn('authority_due', 'incidents_by_authority_due'),
  riskLevel: sortOn(`(CASE risk_level WHEN 'high' THEN 3 WHEN 'risk' THEN 2 WHEN 'unlikely' THEN 1 ELSE 0 END)`, 'incidents_by_risk'),
  status: sortOn('status', 'incidents_by_status'),
  title: sortOn('title', 'incidents_by_title', 'NOCASE'),
};

/**
 * Art. 33(1): 72 elapsed hours from awareness (the UK GDPR rule when the authority is the ICO).
 * A processor owes the authority nothing of its own (its clients do): no authority deadline.
 */
function authorityDueFor(ctx: RegisterContext, awareAt: string, authority: string | null, ourRole: Incident['ourRole']): string | null {
  if (ourRole === 'processor') return null;
  const rule = authority === 'GB-ICO' ? 'uk-gdpr-33-ico' : 'gdpr-33-authority';
  return toUtc(computeDeadline(rule, awareAt, ctx.calendar()).deadline!);
}

/** Awareness later than detection must say why (the register keeps it). */
function assertAwarenessExplained(i: Pick<Incident, 'detectedAt' | 'awareAt' | 'awarenessDelayReason'>): void {
  if (i.detectedAt && Date.parse(i.awareAt) - Date.parse(i.detectedAt) >= 60_000 && !i.awarenessDelayReason.trim()) {
    throw new ApiError(
      'VALIDATION_FAILED',
      'The organisation became aware later than the detection: say why (e.g. the alert had to be confirmed as a personal-data breach). The 72-hour clock runs from awareness.',
      [{ path: 'awarenessDelayReason', message: 'Why awareness came later than detection' }],
    );
  }
  if (i.detectedAt && Date.parse(i.awareAt) < Date.parse(i.detectedAt)) {
    throw new ApiError('VALIDATION_FAILED', 'Awareness cannot come before detection: check both times.', [{ path: 'awareAt', message: 'before detection' }]);
  }
}

/**
 * Whether an incident is a drill is said once, when it is recorded: turning a real breach into a
 * drill afterwards would take it out of the regulator's exports, and the reverse would put an
 * exercise into them.
 */
function assertDrillUnchanged(before: Pick<Incident, 'drill'>, drill: boolean | undefined): void {
  if (drill === undefined || drill === before.drill) return;
  throw new ApiError(
    'VALIDATION_FAILED',
    before.drill
      ? 'This incident was recorded as a drill and stays one. To record a real breach, create a new incident.'
      : 'A recorded breach cannot become a drill: that would take it out of the breach register. Create a new incident for the exercise.',
    [{ path: 'drill', message: 'set when the incident is recorded' }],
  );
}

type IncidentFieldsIn = Omit<Incident, 'id' | 'reference' | 'status' | 'specialCategories' | 'authorityDue' | 'authorityNotifiedAt' | 'dataSubjectsNotifiedAt' | 'closedAt' | 'createdAt' | 'updatedAt' | 'archivedAt' | 'archiveReason'>;

function normalise<T extends IncidentFieldsIn>(i: T): T {
  return {
    ...i,
    detectedAt: toUtc(i.detectedAt),
    awareAt: toUtc(i.awareAt),
    occurredFrom: toUtc(i.occurredFrom),
    occurredTo: toUtc(i.occurredTo),
    dataSubjectsTarget: toUtc(i.dataSubjectsTarget),
  };
}

/** Client controllers affected when we are the processor, each with its contractual clock. */
export class ClientRegister extends RegisterBase<typeof AffectedClient> {
  constructor(
    ctx: RegisterContext,
    private readonly clockStart: (incidentId: string) => string,
    private readonly onChange: (incidentId: string, remote: boolean) => void,
    private readonly hasFiling: (client: AffectedClient) => boolean,
    private readonly contract: (id: string) => Contract,
  ) {
    super(ctx, new RecordTable(ctx.db, 'incident_clients', AffectedClient, 'affected client'), CLIENT);
  }
  protected searchDoc(): null {
    return null;
  }
  protected override afterWrite(c: AffectedClient, remote: boolean): void {
    this.onChange(c.incidentId, remote);
  }
  byIncident(incidentId: string): AffectedClient[] {
    return this.table.all('incident_id = ? AND archived_at IS NULL', [incidentId], 'name COLLATE NOCASE, id');
  }
  /** The affected clients picked from a client contract (migration 12's index). */
  byContract(contractId: string): AffectedClient[] {
    return this.table.all('contract_id = ? AND archived_at IS NULL', [contractId], 'incident_id, id');
  }
  /** Art. 33(2) and the contract: hours from detection; no contract term means no hour count. */
  notifyDue(incidentId: string, contractHours: number | null): string | null {
    if (contractHours == null) return null;
    const r = computeDeadline('processor-to-controller', this.clockStart(incidentId), this.ctx.calendar(), { hours: contractHours });
    return r.deadline ? toUtc(r.deadline) : null;
  }
  /**
   * A client picked from the client-contracts register takes its name, contacts, notice hours
   * and language from its contract, unless the input says otherwise.
   */
  create(input: AffectedClientAdd): AffectedClient {
    const given = AffectedClientAdd.parse(input);
    const data = AffectedClientCreate.parse(given.contractId ? { ...this.termsOf(given.contractId), ...stripUndefined(given) } : stripUndefined(given));
    const now = this.now();
    return this.insertNew({
      ...data,
      ...normaliseClient(data),
      id: uuidv7(),
      notifyDue: this.notifyDue(data.incidentId, data.contractHours),
      createdAt: now,
      updatedAt: now,
      archivedAt: null,
      archiveReason: null,
    });
  }
  private termsOf(contractId: string): Required<Pick<AffectedClientCreate, 'name' | 'contact' | 'contractHours' | 'language'>> {
    const c = this.contract(contractId);
    return { name: c.name, contact: c.contacts, contractHours: c.noticeHours, language: c.language };
  }
  update(input: { id: string; patch: Record<string, unknown> }): AffectedClient {
    const { id, patch } = AffectedClientUpdate.parse(input);
    if (patch.contractId) this.contract(patch.contractId);
    const before = this.get(id);
    if ((patch.notifiedAt !== undefined || patch.notifiedHow !== undefined || patch.acknowledgedAt !== undefined) && this.hasFiling(before)) {
      throw new ApiError('CONFLICT', `The notice to ${before.name} is recorded as a filing: its time and channel are frozen there, and the acknowledgement is added to the filing.`);
    }
    return this.change(id, 'update', (b) => {
      const merged = { ...b, ...stripUndefined(patch) };
      return { ...merged, ...normaliseClient(merged), notifyDue: this.notifyDue(merged.incidentId, merged.contractHours) };
    });
  }
  /** A client notice was filed: the client shows when and how it was notified, and the acknowledgement. */
  markNotified(id: string, sentAt: string, how: string, acknowledgedAt: string | null): void {
    const c = this.get(id);
    if (c.notifiedAt === sentAt && c.notifiedHow === how && c.acknowledgedAt === acknowledgedAt) return;
    this.change(id, 'update', (b) => ({ ...b, notifiedAt: sentAt, notifiedHow: how, acknowledgedAt }));
  }

  /** After the incident's detection time changes. */
  refreshDue(incidentId: string): void {
    for (const c of this.byIncident(incidentId)) {
      const due = this.notifyDue(incidentId, c.contractHours);
      if (due !== c.notifyDue) this.change(c.id, 'update', (b) => ({ ...b, notifyDue: due }));
    }
  }
}

function normaliseClient<T extends { notifiedAt: string | null; acknowledgedAt: string | null; authorityNotifiedAt: string | null }>(c: T) {
  return { notifiedAt: toUtc(c.notifiedAt), acknowledgedAt: toUtc(c.acknowledgedAt), authorityNotifiedAt: toUtc(c.authorityNotifiedAt) };
}

export class IncidentRegister extends RegisterBase<typeof Incident> {
  readonly notifications: FilingRegister;
  readonly clients: ClientRegister;
  readonly obligations: ObligationRegister;

  constructor(
    ctx: RegisterContext,
    private readonly org: () => { nis2Sector: Nis2Sector | null; country: string; dpoContact: string },
    private readonly files: Pick<FilingDeps, 'addFiles' | 'withdrawFiles'>,
    /** The client contract an affected client is picked from (ContractRegister.usable). */
    contract: (id: string) => Contract,
  ) {
    super(ctx, new RecordTable(ctx.db, 'incidents', Incident, 'incident'), INCIDENT);
    this.obligations = new ObligationRegister(ctx, {
      incident: (id) => this.get(id),
      clients: (id) => this.clients.byIncident(id),
      filings: (id) => this.notifications.byObligation(id),
      organisation: () => this.org(),
      calendar: () => ctx.calendar(),
      mirrorDecision: (id, field, decision, rationale) => this.mirrorDecision(id, field, decision, rationale),
    });
    this.notifications = new FilingRegister(ctx, {
      obligationFor: (incidentId, obligationId, recipient, phase) => this.obligationForFiling(incidentId, obligationId, recipient, phase),
      dueOf: (o) => this.obligations.dueOf(o),
      gaps: (incidentId, o, content) => filingGaps(this.get(incidentId), o, this.org().dpoContact, content),
      addFiles: (incidentId, list) => this.files.addFiles(incidentId, list),
      withdrawFiles: (list, reason) => this.files.withdrawFiles(list, reason),
      onChange: (id, remote) => (remote ? this.reindex(id) : this.refreshDerived(id)),
    });
    this.clients = new ClientRegister(
      ctx,
      (id) => {
        const i = this.get(id);
        return i.detectedAt ?? i.awareAt;
      },
      (id, remote) => {
        if (!remote) this.obligations.reconcile(id);
        this.reindex(id);
      },
      (c) => this.obligations.byIncident(c.incidentId).some((o) => o.recipientId === c.id && this.notifications.byObligation(o.id).length > 0),
      contract,
    );
  }

  /** The child registers, for sync. */
  children() {
    return [this.notifications, this.clients, this.obligations];
  }

  protected searchDoc(i: Incident): SearchDoc {
    const notes = this.notifications.byIncident(i.id);
    const clients = this.clients.byIncident(i.id);
    return {
      reference: i.reference,
      title: i.title,
      body: [
        // So that "drill" or "exercice" finds the exercises, in either language.
        i.drill ? `${DRILL_MARK.en} ${DRILL_MARK.fr} drill exercise exercice` : '',
        i.facts,
        i.howDiscovered,
        i.likelyConsequences,
        i.dataSubjectCategories,
        i.measuresTaken,
        i.measuresProposed,
        i.notifyAuthorityReasons,
        i.notifyDataSubjectsReasons,
        i.delayReasons,
        i.lead,
        findRegulator(i.authority)?.short,
        ...notes.map((n) => `${n.reference} ${n.recipientName} ${n.content}`),
        ...clients.map((c) => `${c.name} ${c.authorityReference} ${c.notes}`),
        i.archiveReason,
      ]
        .filter(Boolean)
        .join('\n'),
      status: i.status,
      date: i.awareAt,
      owner: i.lead || null,
      regulator: i.authority,
      risk: i.riskLevel,
      archived: i.archivedAt !== null,
    };
  }

  /**
   * The obligation a filing meets: the one named, else the only live one for that kind of
   * recipient. Older notifications (recorded before obligations) are linked the same way.
   */
  private obligationFor(incidentId: string, obligationId: string | null, recipient: Notification['recipient']): ObligationRecord | null {
    const live = this.obligations.byIncident(incidentId);
    if (obligationId) return live.find((o) => o.id === obligationId) ?? null;
    const kind = RECIPIENT_KIND[recipient];
    const candidates = live.filter((o) => !o.supersededAt && o.recipientKind === kind);
    return candidates.length === 1 ? candidates[0]! : null;
  }

  /** For a CSIRT the phase says which of the three NIS2 reports a filing is. */
  private obligationForFiling(incidentId: string, obligationId: string | null, recipient: Notification['recipient'], phase: Notification['phase']): ObligationRecord | null {
    if (obligationId || recipient !== 'nis2_csirt') return this.obligationFor(incidentId, obligationId, recipient);
    const regime = phase === 'final' ? 'nis2-final-report' : phase === 'complementary' ? 'nis2-notification' : 'nis2-early-warning';
    return this.obligations.byIncident(incidentId, false).find((o) => o.regime === regime) ?? null;
  }

  /** Clocks met by filings: the incident and its clients show when (the first filing to each). */
  private refreshDerived(incidentId: string): void {
    const notes = this.notifications.byIncident(incidentId);
    const first = (recipient: string) => notes.filter((n) => n.recipient === recipient).map((n) => n.sentAt).sort()[0] ?? null;
    const authorityNotifiedAt = first('authority');
    const dataSubjectsNotifiedAt = first('data_subjects');
    for (const o of this.obligations.byIncident(incidentId)) {
      if (o.regime !== 'gdpr-33-2' || !o.recipientId) continue;
      const f = this.notifications.byObligation(o.id)[0];
      if (f && this.clients.find(o.recipientId)) this.clients.markNotified(o.recipientId, f.sentAt, METHOD_WORDS[f.method] ?? f.method, f.acknowledgedAt);
    }
    const current = this.get(incidentId);
    if (current.authorityNotifiedAt !== authorityNotifiedAt || current.dataSubjectsNotifiedAt !== dataSubjectsNotifiedAt) {
      this.change(incidentId, 'update', (b) => ({ ...b, authorityNotifiedAt, dataSubjectsNotifiedAt }));
    } else {
      this.index(current);
    }
  }

  private mirrorDecision(incidentId: string, field: 'authority' | 'dataSubjects', decision: ObligationRecord['decision'], rationale: string): void {
    const value = decision === 'required' ? 'yes' : decision === 'not_required' ? 'no' : 'pending';
    this.change(incidentId, 'update', (b) =>
      field === 'authority'
        ? { ...b, notifyAuthority: value, notifyAuthorityReasons: decision === 'not_required' ? rationale : b.notifyAuthorityReasons }
        : { ...b, notifyDataSubjects: value, notifyDataSubjectsReasons: decision === 'not_required' ? rationale : b.notifyDataSubjectsReasons },
    );
  }

  /**
   * Links notifications recorded before obligations existed to the obligation they meet, judging
   * each first one against the deadline as it stands (they carry no judgement of their own).
   */
  private linkLegacyFilings(incidentId: string): void {
    for (const n of this.notifications.byIncident(incidentId)) {
      if (n.obligationId) continue;
      const o = this.obligationForLegacy(incidentId, n);
      if (!o) continue;
      const first = this.notifications.byObligation(o.id)[0];
      const due = first ? null : this.obligations.dueOf(o);
      this.notifications.link(n.id, o.id, first ? null : due, first ? 'not_judged' : due === null ? 'no_deadline' : n.sentAt > due ? 'late' : 'on_time', first?.id ?? null);
    }
  }

  private obligationForLegacy(incidentId: string, n: Notification): ObligationRecord | null {
    return this.obligationForFiling(incidentId, null, n.recipient, n.phase);
  }

  /** Every incident's obligations, once, after an upgrade that introduced them (migration 9). */
  backfillObligations(): number {
    let done = 0;
    const ids = (this.ctx.db.prepare('SELECT id FROM incidents ORDER BY id').all() as { id: string }[]).map((r) => r.id);
    for (let k = 0; k < ids.length; k += 200) {
      this.ctx.write(INCIDENT, () => {
        for (const id of ids.slice(k, k + 200)) {
          this.obligations.reconcile(id);
          this.linkLegacyFilings(id);
          done++;
        }
        return { id: ids[k]! };
      });
    }
    return done;
  }

  list(query: IncidentListQuery) {
    return this.table.list(this.listRequest(query));
  }

  /** The list's filters, order and page as the list runs them (what list-plans.test.ts explains). */
  listRequest(query: IncidentListQuery): Omit<ListRequest, 'table'> {
    const q = IncidentListQuery.parse(query);
    const w = new Where();
    w.in('status', q.status, { index: 'incidents_status_aware', sorts: ['awareAt'] });
    w.in('risk_level', q.risk, { index: 'incidents_risk_aware', sorts: ['awareAt'] });
    if (q.awareFrom) w.add('aware_at >= ?', toUtc(q.awareFrom));
    if (q.awareTo) w.add('aware_at < ?', toUtc(q.awareTo));
    if (q.text) w.text(this.ctx.search.matchClause(INCIDENT, q.text));
    return { where: w, includeArchived: q.includeArchived, sortField: q.sort.field, dir: q.sort.dir, sort: SORTS[q.sort.field], limit: q.limit, offset: q.offset };
  }

  detail(id: string): IncidentDetail {
    return { incident: this.get(id), notifications: this.notifications.byIncident(id), clients: this.clients.byIncident(id) };
  }

  create(input: IncidentCreate): Incident {
    const data = normalise(IncidentCreate.parse(input));
    assertAwarenessExplained(data);
    const now = this.now();
    return this.ctx.write(INCIDENT, () => {
      const reference = data.reference?.trim() || this.nextReference('I', data.awareAt);
      this.assertReferenceFree(reference, null);
      const authority = data.authority ?? defaultAuthority(this.ctx);
      const created = this.insertNew({
        ...data,
        authority,
        id: uuidv7(),
        reference,
        status: 'open',
        specialCategories: data.dataCategories.some((c) => (SPECIAL_DATA_CATEGORIES as readonly string[]).includes(c)),
        authorityDue: authorityDueFor(this.ctx, data.awareAt, authority, data.ourRole),
        authorityNotifiedAt: null,
        dataSubjectsNotifiedAt: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
        archiveReason: null,
      });
      this.obligations.reconcile(created.id, { authority: data.notifyAuthority !== 'pending', dataSubjects: data.notifyDataSubjects !== 'pending' });
      return this.get(created.id);
    });
  }

  update(input: IncidentUpdate): Incident {
    const { id, patch } = IncidentUpdate.parse(input);
    let clockMoved = false;
    return this.ctx.write(INCIDENT, () => {
      this.change(id, 'update', (before) => {
        assertDrillUnchanged(before, patch.drill);
        const merged = { ...before, ...stripUndefined(patch) };
        const checked = IncidentCreate.safeParse(merged);
        if (!checked.success) throw validationError(checked.error);
        const reference = merged.reference.trim() || before.reference;
        this.assertReferenceFree(reference, id);
        const n = normalise(merged);
        assertAwarenessExplained(n);
        clockMoved = n.detectedAt !== before.detectedAt || n.awareAt !== before.awareAt;
        return {
          ...n,
          reference,
          specialCategories: n.dataCategories.some((c) => (SPECIAL_DATA_CATEGORIES as readonly string[]).includes(c)),
          authorityDue:
            n.awareAt === before.awareAt && n.authority === before.authority && n.ourRole === before.ourRole ? before.authorityDue : authorityDueFor(this.ctx, n.awareAt, n.authority, n.ourRole),
        };
      });
      if (clockMoved) this.clients.refreshDue(id);
      this.obligations.reconcile(id, {
        authority: patch.notifyAuthority !== undefined || patch.notifyAuthorityReasons !== undefined,
        dataSubjects: patch.notifyDataSubjects !== undefined || patch.notifyDataSubjectsReasons !== undefined,
      });
      return this.get(id);
    });
  }

  setStatus(input: { id: string; status: 'open' | 'contained' | 'closed'; at?: string }): Incident {
    const { id, status, at } = IncidentSetStatus.parse(input);
    return this.change(id, 'status', (b) => {
      this.assertNotArchived(b);
      if (status === 'closed') this.obligations.assertDecided(b.id, b.reference);
      return { ...b, status, closedAt: status === 'closed' ? toUtc(at ?? this.now()) : null };
    });
  }
}

/** The kind of recipient each notification recipient stands for. */
const RECIPIENT_KIND: Record<Notification['recipient'], ObligationRecord['recipientKind'] | null> = {
  authority: 'authority',
  data_subjects: 'data_subjects',
  nis2_csirt: 'csirt',
  client: 'client',
  other: null,
};

const METHOD_WORDS: Record<string, string> = { online_form: 'online form', email: 'email', letter: 'letter', phone: 'phone', website: 'website', other: 'other' };

function defaultAuthority(ctx: RegisterContext): string | null {
  return getMeta<{ defaultRegulator?: string }>(ctx.db, META_ORGANISATION)?.defaultRegulator ?? null;
}
