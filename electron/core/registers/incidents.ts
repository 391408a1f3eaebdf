import { v7 as uuidv7 } from 'uuid';
import { computeDeadline } from '@shared/deadlines';
import { ApiError } from '@shared/api/contract';
import {
  AffectedClient,
  AffectedClientCreate,
  AffectedClientUpdate,
  Incident,
  IncidentCreate,
  IncidentListQuery,
  IncidentSetStatus,
  IncidentUpdate,
  Notification,
  NotificationCreate,
  NotificationUpdate,
  SPECIAL_DATA_CATEGORIES,
  type IncidentDetail,
} from '@shared/schemas/incident';
import { findRegulator } from '@shared/reference/regulators';
import { toUtc, type RegisterContext } from './context';
import { getMeta, META_ORGANISATION } from '../db/meta';
import { RecordTable } from './record-table';
import { sortOn, Where, type ListRequest, type SortSpec } from './list-query';
import { RegisterBase, stripUndefined, validationError } from './register-base';
import type { SearchDoc } from '../search/search-index';

export const INCIDENT = 'incident';
export const NOTIFICATION = 'notification';
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

/** Art. 33(1): 72 elapsed hours from awareness (the UK GDPR rule when the authority is the ICO). */
function authorityDueFor(ctx: RegisterContext, awareAt: string, authority: string | null): string {
  const rule = authority === 'GB-ICO' ? 'uk-gdpr-33-ico' : 'gdpr-33-authority';
  return toUtc(computeDeadline(rule, awareAt, ctx.calendar()).deadline!);
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

/** Notifications sent about an incident: to the authority, data subjects, a CSIRT… */
export class NotificationRegister extends RegisterBase<typeof Notification> {
  constructor(
    ctx: RegisterContext,
    private readonly onChange: (incidentId: string, remote: boolean) => void,
  ) {
    super(ctx, new RecordTable(ctx.db, 'incident_notifications', Notification, 'notification'), NOTIFICATION);
  }
  protected searchDoc(): null {
    return null;
  }
  protected override afterWrite(n: Notification, remote: boolean): void {
    this.onChange(n.incidentId, remote);
  }
  byIncident(incidentId: string): Notification[] {
    return this.table.all('incident_id = ? AND archived_at IS NULL', [incidentId], 'sent_at, id');
  }
  create(input: NotificationCreate): Notification {
    const data = NotificationCreate.parse(input);
    const now = this.now();
    return this.insertNew({ ...data, sentAt: toUtc(data.sentAt), id: uuidv7(), createdAt: now, updatedAt: now, archivedAt: null, archiveReason: null });
  }
  update(input: { id: string; patch: Record<string, unknown> }): Notification {
    const { id, patch } = NotificationUpdate.parse(input);
    return this.change(id, 'update', (b) => {
      const merged = { ...b, ...stripUndefined(patch) };
      return { ...merged, sentAt: toUtc(merged.sentAt) };
    });
  }
}

/** Client controllers affected when we are the processor, each with its contractual clock. */
export class ClientRegister extends RegisterBase<typeof AffectedClient> {
  constructor(
    ctx: RegisterContext,
    private readonly clockStart: (incidentId: string) => string,
    private readonly onChange: (incidentId: string) => void,
  ) {
    super(ctx, new RecordTable(ctx.db, 'incident_clients', AffectedClient, 'affected client'), CLIENT);
  }
  protected searchDoc(): null {
    return null;
  }
  protected override afterWrite(c: AffectedClient): void {
    this.onChange(c.incidentId);
  }
  byIncident(incidentId: string): AffectedClient[] {
    return this.table.all('incident_id = ? AND archived_at IS NULL', [incidentId], 'name COLLATE NOCASE, id');
  }
  /** Art. 33(2) and the contract: hours from detection; no contract term means no hour count. */
  notifyDue(incidentId: string, contractHours: number | null): string | null {
    if (contractHours == null) return null;
    const r = computeDeadline('processor-to-controller', this.clockStart(incidentId), this.ctx.calendar(), { hours: contractHours });
    return r.deadline ? toUtc(r.deadline) : null;
  }
  create(input: AffectedClientCreate): AffectedClient {
    const data = AffectedClientCreate.parse(input);
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
  update(input: { id: string; patch: Record<string, unknown> }): AffectedClient {
    const { id, patch } = AffectedClientUpdate.parse(input);
    return this.change(id, 'update', (b) => {
      const merged = { ...b, ...stripUndefined(patch) };
      return { ...merged, ...normaliseClient(merged), notifyDue: this.notifyDue(merged.incidentId, merged.contractHours) };
    });
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
  readonly notifications: NotificationRegister;
  readonly clients: ClientRegister;

  constructor(ctx: RegisterContext) {
    super(ctx, new RecordTable(ctx.db, 'incidents', Incident, 'incident'), INCIDENT);
    this.notifications = new NotificationRegister(ctx, (id, remote) => (remote ? this.reindex(id) : this.refreshDerived(id)));
    this.clients = new ClientRegister(
      ctx,
      (id) => {
        const i = this.get(id);
        return i.detectedAt ?? i.awareAt;
      },
      (id) => this.reindex(id),
    );
  }

  /** The child registers, for sync. */
  children() {
    return [this.notifications, this.clients];
  }

  protected searchDoc(i: Incident): SearchDoc {
    const notes = this.notifications.byIncident(i.id);
    const clients = this.clients.byIncident(i.id);
    return {
      reference: i.reference,
      title: i.title,
      body: [
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

  /** Clocks met by notifications: the first one to each recipient is what counts. */
  private refreshDerived(incidentId: string): void {
    const notes = this.notifications.byIncident(incidentId);
    const first = (recipient: string) => notes.filter((n) => n.recipient === recipient).map((n) => n.sentAt).sort()[0] ?? null;
    const authorityNotifiedAt = first('authority');
    const dataSubjectsNotifiedAt = first('data_subjects');
    const current = this.get(incidentId);
    if (current.authorityNotifiedAt !== authorityNotifiedAt || current.dataSubjectsNotifiedAt !== dataSubjectsNotifiedAt) {
      this.change(incidentId, 'update', (b) => ({ ...b, authorityNotifiedAt, dataSubjectsNotifiedAt }));
    } else {
      this.index(current);
    }
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
    const now = this.now();
    return this.ctx.write(INCIDENT, () => {
      const reference = data.reference?.trim() || this.nextReference('I', data.awareAt);
      this.assertReferenceFree(reference, null);
      const authority = data.authority ?? defaultAuthority(this.ctx);
      return this.insertNew({
        ...data,
        authority,
        id: uuidv7(),
        reference,
        status: 'open',
        specialCategories: data.dataCategories.some((c) => (SPECIAL_DATA_CATEGORIES as readonly string[]).includes(c)),
        authorityDue: authorityDueFor(this.ctx, data.awareAt, authority),
        authorityNotifiedAt: null,
        dataSubjectsNotifiedAt: null,
        closedAt: null,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
        archiveReason: null,
      });
    });
  }

  update(input: IncidentUpdate): Incident {
    const { id, patch } = IncidentUpdate.parse(input);
    let clockMoved = false;
    const after = this.change(id, 'update', (before) => {
      const merged = { ...before, ...stripUndefined(patch) };
      const checked = IncidentCreate.safeParse(merged);
      if (!checked.success) throw validationError(checked.error);
      const reference = merged.reference.trim() || before.reference;
      this.assertReferenceFree(reference, id);
      const n = normalise(merged);
      clockMoved = n.detectedAt !== before.detectedAt || n.awareAt !== before.awareAt;
      return {
        ...n,
        reference,
        specialCategories: n.dataCategories.some((c) => (SPECIAL_DATA_CATEGORIES as readonly string[]).includes(c)),
        authorityDue: n.awareAt === before.awareAt && n.authority === before.authority ? before.authorityDue : authorityDueFor(this.ctx, n.awareAt, n.authority),
      };
    });
    if (clockMoved) this.clients.refreshDue(id);
    return after;
  }

  setStatus(input: { id: string; status: 'open' | 'contained' | 'closed'; at?: string }): Incident {
    const { id, status, at } = IncidentSetStatus.parse(input);
    return this.change(id, 'status', (b) => {
      this.assertNotArchived(b);
      if (status === 'closed' && b.notifyAuthority === 'pending') {
        throw new ApiError('CONFLICT', `Decide whether ${b.reference} is notified to the authority (and record why) before closing it: Art. 33(5).`);
      }
      return { ...b, status, closedAt: status === 'closed' ? toUtc(at ?? this.now()) : null };
    });
  }
}

function defaultAuthority(ctx: RegisterContext): string | null {
  return getMeta<{ defaultRegulator?: string }>(ctx.db, META_ORGANISATION)?.defaultRegulator ?? null;
}
