import { DateTime } from 'luxon';
import { evaluateClock } from '@shared/clocks';
import { isExtensionNoticeInTime } from '@shared/deadlines';
import type { Redactor } from '@shared/redaction';
import { ActionPriority, ActionStatus } from '@shared/schemas/action';
import { ComplaintChannel, ComplaintStatus, DataSubjectRight } from '@shared/schemas/complaint';
import { BreachNature, controllersDecide, IncidentRole, IncidentStatus, RiskLevel } from '@shared/schemas/incident';
import { LetterKind } from '@shared/schemas/letter';
import { MatterKind } from '@shared/schemas/matter';
import { AgeBucket, type AnnualReport, type ReportMatter } from '@shared/schemas/report';
import type { RegisterContext } from '../registers/context';
import { clockFigures } from './clock-figures';
import { inPeriod, monthOf, monthsOf, type ReportPeriod } from './period';
import { countBy } from './stats';

/** The incident's outcome towards the authority, in the order a reader expects them. */
export const INCIDENT_OUTCOMES = ['notified', 'not_required', 'pending', 'controllers_decide'] as const;

const json = <T>(s: string): T => JSON.parse(s) as T;

interface ComplaintRow {
  id: string;
  reference: string;
  received_at: string;
  channel: string;
  regulator: string | null;
  regulator_reference: string | null;
  rights: string;
  status: string;
  response_due: string;
  answered_at: string | null;
  extension_notice_at: string | null;
}
interface IncidentRow {
  aware_at: string;
  our_role: string;
  nature: string;
  risk_level: string | null;
  status: string;
  notify_authority: string;
  authority_notified_at: string | null;
  special_categories: number;
}
interface LetterRow {
  id: string;
  reference: string;
  direction: 'inbound' | 'outbound';
  kind: string;
  regulator: string;
  date: string;
  subject: string;
  matter_id: string | null;
}
interface MatterRow {
  id: string;
  reference: string;
  title: string;
  regulator: string;
  kind: string;
  status: 'open' | 'closed';
  opened_at: string;
  closed_at: string | null;
}
interface ActionRow {
  reference: string;
  title: string;
  owner: string;
  priority: string;
  status: string;
  created_at: string;
  due_at: string | null;
  done_at: string | null;
  drill: number;
}

/**
 * The annual report's figures, from the registers as stored (withdrawn records left out), for a
 * period [from, to): each register's records by their main date in it (complaints: receipt;
 * incidents: awareness; letters: received or sent; actions: planned), the regulator procedures
 * open at some time in it, and the clocks due in it (clock-figures.ts). Free text goes through
 * the redactor of the export's profile, so the figures already read as the profile allows.
 */
export function annualFigures(ctx: RegisterContext, period: ReportPeriod, now: Date, redactor: Redactor): AnnualReport {
  const db = ctx.db;
  const args = [period.from, period.to];
  const complaints = db
    .prepare(
      `SELECT id, reference, received_at, channel, regulator, regulator_reference, rights, status, response_due, answered_at, extension_notice_at
       FROM complaints WHERE archived_at IS NULL AND received_at >= ? AND received_at < ? ORDER BY received_at, reference`,
    )
    .all(...args) as ComplaintRow[];
  const incidents = db
    .prepare(
      `SELECT aware_at, our_role, nature, risk_level, status, notify_authority, authority_notified_at, special_categories
       FROM incidents WHERE archived_at IS NULL AND drill = 0 AND aware_at >= ? AND aware_at < ?`,
    )
    .all(...args) as IncidentRow[];
  // Breach exercises are not breaches: left out of every figure, and counted apart.
  const drills = (db.prepare('SELECT count(*) AS n FROM incidents WHERE archived_at IS NULL AND drill = 1 AND aware_at >= ? AND aware_at < ?').get(...args) as { n: number }).n;
  const letterSql = `SELECT l.id, l.reference, l.direction, l.kind, l.regulator, COALESCE(l.received_at, l.sent_at) AS date, l.subject, l.matter_id
    FROM letters l LEFT JOIN matters m ON m.id = l.matter_id WHERE l.archived_at IS NULL AND m.archived_at IS NULL`;
  const letters = db.prepare(`${letterSql} AND COALESCE(l.received_at, l.sent_at) >= ? AND COALESCE(l.received_at, l.sent_at) < ? ORDER BY date, l.reference`).all(...args) as LetterRow[];
  const matters = db
    .prepare(
      `SELECT id, reference, title, regulator, kind, status, opened_at, closed_at FROM matters
       WHERE archived_at IS NULL AND opened_at < ? AND (closed_at IS NULL OR closed_at >= ?) ORDER BY opened_at, reference`,
    )
    .all(period.to, period.from) as MatterRow[];
  // An action whose origin is a drill incident is part of the exercise: left out like its clocks, and counted apart.
  const allActions = db
    .prepare(
      `SELECT a.reference, a.title, a.owner, a.priority, a.status, a.created_at, a.due_at, a.done_at, COALESCE(i.drill, 0) AS drill
       FROM actions a LEFT JOIN incidents i ON a.origin_type = 'incident' AND i.id = a.origin_id
       WHERE a.archived_at IS NULL AND a.created_at < ? ORDER BY a.created_at, a.reference`,
    )
    .all(period.to) as ActionRow[];
  const actions = allActions.filter((a) => a.drill === 0);

  const nowMs = now.getTime();
  const responseState = (c: ComplaintRow) =>
    evaluateClock({ due: c.response_due, metAt: c.answered_at, stoppedReason: c.status === 'closed' ? 'complaint_closed' : null, obligation: true, delayReasonsGiven: null }, nowMs).state;
  const forwarded = complaints.filter((c) => c.channel === 'regulator');

  const months = monthsOf(period);
  const perMonth = (dates: string[]) => {
    const m = new Map<string, number>();
    for (const d of dates) m.set(monthOf(d, period.timeZone), (m.get(monthOf(d, period.timeZone)) ?? 0) + 1);
    return m;
  };
  const cm = perMonth(complaints.map((c) => c.received_at));
  const im = perMonth(incidents.map((i) => i.aware_at));
  const lm = perMonth(letters.map((l) => l.date));

  // Open actions are counted at the end of the period, or now when it has not ended yet.
  const openAt = now.toISOString() < period.to ? now.toISOString() : period.to;
  const isOpen = (a: ActionRow) => a.created_at < openAt && a.status !== 'cancelled' && (a.done_at === null || a.done_at > openAt);
  const drillActions = allActions.filter((a) => a.drill === 1 && (inPeriod(a.created_at, period) || isOpen(a) || (a.due_at !== null && inPeriod(a.due_at, period)))).length;
  const open = actions
    .filter(isOpen)
    .map((a) => {
      const ageDays = Math.max(0, Math.floor(DateTime.fromISO(openAt).diff(DateTime.fromISO(a.created_at), 'days').days));
      return {
        reference: a.reference,
        title: redactor.text('actions', 'title', a.title) ?? '',
        owner: redactor.text('actions', 'owner', a.owner) ?? '',
        priority: a.priority,
        createdAt: a.created_at,
        dueAt: a.due_at,
        ageDays,
        bucket: ageBucket(ageDays),
      };
    })
    .sort((a, b) => b.ageDays - a.ageDays || a.reference.localeCompare(b.reference));
  const planned = actions.filter((a) => inPeriod(a.created_at, period));

  const stepsOf = db.prepare(`${letterSql} AND l.matter_id = ? ORDER BY date, l.reference`);
  const matterItems: ReportMatter[] = matters.map((m) => {
    const all = stepsOf.all(m.id) as LetterRow[];
    return {
      reference: m.reference,
      title: redactor.text('matters', 'title', m.title) ?? '',
      regulator: m.regulator,
      kind: m.kind,
      status: m.status,
      openedAt: m.opened_at,
      closedAt: m.closed_at,
      steps: all
        .filter((l) => inPeriod(l.date, period))
        .map((l) => ({ reference: l.reference, direction: l.direction, kind: l.kind, date: l.date, subject: redactor.text('letters', 'subject', l.subject) ?? '' })),
      stepsInAll: all.length,
    };
  });

  return {
    period: { from: period.from, to: period.to, timeZone: period.timeZone },
    at: now.toISOString(),
    profile: redactor.profile.id,
    complaints: {
      total: complaints.length,
      byChannel: countBy(complaints.map((c) => c.channel), ComplaintChannel.options),
      byRight: countBy(complaints.flatMap((c) => json<string[]>(c.rights)), DataSubjectRight.options),
      byRegulator: countBy(forwarded.map((c) => c.regulator ?? '')),
      byOutcome: countBy(complaints.map((c) => c.status), ComplaintStatus.options),
      extended: complaints.filter((c) => c.extension_notice_at !== null && isExtensionNoticeInTime(c.received_at, c.extension_notice_at, ctx.calendar())).length,
    },
    incidents: {
      total: incidents.length,
      byNature: countBy(incidents.flatMap((i) => json<string[]>(i.nature)), BreachNature.options),
      byRole: countBy(incidents.map((i) => i.our_role), IncidentRole.options),
      byRisk: countBy(incidents.map((i) => i.risk_level ?? 'unassessed'), [...RiskLevel.options, 'unassessed']),
      byOutcome: countBy(incidents.map(incidentOutcome), INCIDENT_OUTCOMES),
      byStatus: countBy(incidents.map((i) => i.status), IncidentStatus.options),
      specialCategories: incidents.filter((i) => i.special_categories === 1).length,
      ...(drills > 0 ? { drillsLeftOut: drills } : {}),
    },
    letters: {
      total: letters.length,
      byDirection: countBy(letters.map((l) => l.direction), ['inbound', 'outbound']),
      byKind: countBy(letters.map((l) => l.kind), LetterKind.options),
      byRegulator: countBy(letters.map((l) => l.regulator)),
    },
    matters: {
      total: matters.length,
      opened: matters.filter((m) => inPeriod(m.opened_at, period)).length,
      closed: matters.filter((m) => inPeriod(m.closed_at, period)).length,
      byKind: countBy(matters.map((m) => m.kind), MatterKind.options),
      byRegulator: countBy(matters.map((m) => m.regulator)),
      items: matterItems,
    },
    actions: {
      total: planned.length,
      byStatus: countBy(planned.map((a) => a.status), ActionStatus.options),
      byPriority: countBy(planned.map((a) => a.priority), ActionPriority.options),
      openAt,
      openByAge: AgeBucket.options.map((bucket) => ({ bucket, count: open.filter((a) => a.bucket === bucket).length })),
      open,
      ...(drillActions > 0 ? { drillsLeftOut: drillActions } : {}),
    },
    forwarded: {
      total: forwarded.length,
      byRegulator: countBy(forwarded.map((c) => c.regulator ?? '')),
      byOutcome: countBy(forwarded.map((c) => c.status), ComplaintStatus.options),
      items: forwarded.map((c) => ({
        reference: c.reference,
        regulator: c.regulator ?? '',
        regulatorReference: redactor.text('complaints', 'regulatorReference', c.regulator_reference ?? '') ?? '',
        receivedAt: c.received_at,
        status: c.status,
        answeredAt: c.answered_at,
        clock: responseState(c),
      })),
    },
    clocks: clockFigures(ctx, period, now, redactor),
    monthly: months.map((month) => ({ month, complaints: cm.get(month) ?? 0, incidents: im.get(month) ?? 0, letters: lm.get(month) ?? 0 })),
  };
}

function incidentOutcome(i: IncidentRow): (typeof INCIDENT_OUTCOMES)[number] {
  if (i.authority_notified_at) return 'notified';
  if (i.notify_authority === 'no') return 'not_required';
  // As processor the decision is the controllers' (Art. 33(2)), not a task of ours left open.
  if (controllersDecide({ ourRole: i.our_role }, i.notify_authority as 'pending' | 'yes' | 'no')) return 'controllers_decide';
  return 'pending';
}

function ageBucket(days: number): AgeBucket {
  if (days <= 30) return 'd0_30';
  if (days <= 90) return 'd31_90';
  if (days <= 180) return 'd91_180';
  if (days <= 365) return 'd181_365';
  return 'd366_';
}
