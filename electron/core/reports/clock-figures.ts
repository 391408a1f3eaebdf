import { isExtensionNoticeInTime } from '@shared/deadlines';
import type { Redactor } from '@shared/redaction';
import type { Clock, ClockKind } from '@shared/schemas/clock';
import type { ObligationRegime } from '@shared/schemas/obligation';
import { ClockGroup, type ClockFigures, type LateItem } from '@shared/schemas/report';
import { collectClocks } from '../clocks/collect';
import { CLOCK_KIND } from '../obligations/clocks';
import type { RegisterContext } from '../registers/context';
import type { ReportPeriod } from './period';
import { hoursBetween, median, percentile } from './stats';

/**
 * Which clocks each group of the report judges. Left out on purpose: the Art. 34 communication
 * (no legal count, only the team's own target), the Conseil d'État appeal window (a right the
 * organisation may use, never a duty: it ends, it is never late) and the extension notice of a
 * complaint (a late notice extends nothing, so the response clock itself shows the lateness).
 */
export const GROUP_KINDS: Record<ClockGroup, readonly ClockKind[]> = {
  response: ['gdpr-12-response'],
  authority: ['gdpr-33-authority', 'uk-gdpr-33-ico'],
  client: ['processor-to-controller'],
  nis2: ['nis2-early-warning', 'nis2-notification', 'nis2-final-report'],
  regulator: ['letter-reply', 'letter-compliance'],
  action: ['action-due'],
};

const groupOf = new Map<ClockKind, ClockGroup>(ClockGroup.options.flatMap((g) => GROUP_KINDS[g].map((k) => [k, g] as [ClockKind, ClockGroup])));
const regimeOf = new Map<ClockKind, ObligationRegime>(Object.entries(CLOCK_KIND).map(([r, k]) => [k, r as ObligationRegime]));

/**
 * The clocks whose due instant falls in the period, read by collectClocks (the board's own
 * derivation) and judged at `now` by its one state rule: on time, late, overdue (not met and past
 * due), still running, or stopped without the act.
 */
export function clockFigures(ctx: RegisterContext, period: ReportPeriod, now: Date, redactor: Redactor): ClockFigures[] {
  // The due range is given to collectClocks too, so clocks outside it are dropped before they are evaluated.
  // A drill's clocks run for the exercise; they are not the organisation's record of meeting its duties.
  const all = collectClocks(ctx, { openOnly: false, dueFrom: period.from, dueTo: period.to }, now).filter(
    (c) => !c.drill && c.due !== null && c.due >= period.from && c.due < period.to && groupOf.has(c.kind),
  );
  const reasons = lateReasons(ctx);
  return ClockGroup.options.map((group) => {
    const clocks = all.filter((c) => groupOf.get(c.kind) === group);
    const n = (s: Clock['state']) => clocks.filter((c) => c.state === s).length;
    const onTime = n('met_on_time');
    const late = n('met_late');
    const overdue = n('overdue');
    const judged = onTime + late + overdue;
    const hours = clocks.filter((c) => c.metAt !== null).map((c) => hoursBetween(c.startedAt, c.metAt!));
    const lateItems = clocks
      .filter((c) => c.state === 'met_late' || c.state === 'overdue')
      .sort((a, b) => a.due!.localeCompare(b.due!) || a.reference.localeCompare(b.reference))
      .map((c) => lateItem(c, now, reasons, redactor));
    return {
      group,
      total: clocks.length,
      onTime,
      late,
      overdue,
      running: n('running'),
      stopped: n('stopped'),
      onTimeRate: judged === 0 ? null : onTime / judged,
      medianHours: median(hours),
      p90Hours: percentile(hours, 90),
      lateItems,
    };
  });
}

/** A clock's title field, per register, for the profile (a complaint's clock is titled with its complainant). */
const TITLE_FIELD = { complaint: ['complaints', 'complainantLabel'], incident: ['incidents', 'title'], letter: ['letters', 'subject'], action: ['actions', 'title'] } as const;

function lateItem(c: Clock, now: Date, reasons: LateReasons, redactor: Redactor): LateItem {
  const recordType = c.recordType as LateItem['recordType'];
  const [scope, field] = TITLE_FIELD[recordType];
  const end = c.metAt ?? now.toISOString();
  const r = reasons(c);
  return {
    recordType,
    reference: c.reference,
    title: redactor.text(scope, field, c.title) ?? '',
    party: c.party === null ? null : (redactor.text('incidents', 'clients.name', c.party) ?? ''),
    due: c.due!,
    metAt: c.metAt,
    state: c.state as LateItem['state'],
    hoursLate: hoursBetween(c.due!, end),
    reasons: r.text ? (redactor.text('incidents', r.field, r.text) ?? '') : '',
    flags: r.flags,
  };
}

type LateReasons = (c: Clock) => { text: string; field: string; flags: LateItem['flags'] };

/**
 * What the register records about a delay: for an incident's clock, the reasons given with its
 * first filing (Art. 33(1)), else those on the incident (recorded before filings carried their
 * own); for a complaint, whether its extension notice went out after the first month (and so
 * extended nothing). Letters and actions have no field for reasons.
 */
function lateReasons(ctx: RegisterContext): LateReasons {
  const filing = ctx.db.prepare(
    `SELECT n.late_reasons AS reasons FROM incident_obligations o
       JOIN incident_notifications n ON n.obligation_id = o.id AND n.archived_at IS NULL
     WHERE o.incident_id = ? AND o.regime = ? AND o.archived_at IS NULL AND o.superseded_at IS NULL AND (? IS NULL OR o.recipient_id = ?)
     ORDER BY n.sent_at, n.id LIMIT 1`,
  );
  const incident = ctx.db.prepare('SELECT delay_reasons AS reasons FROM incidents WHERE id = ?');
  const complaint = ctx.db.prepare('SELECT received_at, extension_notice_at FROM complaints WHERE id = ?');
  const cal = ctx.calendar();
  return (c) => {
    if (c.recordType === 'incident') {
      const regime = regimeOf.get(c.kind);
      const row = regime ? (filing.get(c.recordId, regime, c.partyId, c.partyId) as { reasons: string } | undefined) : undefined;
      if (row?.reasons?.trim()) return { text: row.reasons, field: 'notifications.lateReasons', flags: [] };
      if (regime === 'gdpr-33') {
        const own = (incident.get(c.recordId) as { reasons: string } | undefined)?.reasons ?? '';
        if (own.trim()) return { text: own, field: 'delayReasons', flags: [] };
      }
      return { text: '', field: '', flags: [] };
    }
    if (c.recordType === 'complaint') {
      const row = complaint.get(c.recordId) as { received_at: string; extension_notice_at: string | null } | undefined;
      const lateNotice = row?.extension_notice_at ? !isExtensionNoticeInTime(row.received_at, row.extension_notice_at, cal) : false;
      return { text: '', field: '', flags: lateNotice ? ['extension_notice_late'] : [] };
    }
    return { text: '', field: '', flags: [] };
  };
}
