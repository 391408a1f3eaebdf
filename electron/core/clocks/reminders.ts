import { v7 as uuidv7 } from 'uuid';
import { ApiError, type EventName, type EventPayload } from '@shared/api/contract';
import { DUE_SOON_HOURS, isDueSoon, thresholdMoment } from '@shared/clocks';
import {
  Alert,
  AlertListQuery,
  DEFAULT_REMINDER_SETTINGS,
  ReminderSettings,
  type ClockBadge,
} from '@shared/schemas/clock';
import { appendAudit, diffFields, type Clock as TimeSource, type RegisterContext } from '../registers/context';
import { collectClocks, countOverdue } from './collect';

export const REMINDER_SETTINGS_META = 'reminderSettings';
/** How often the register is re-read for reminders (and sooner when a threshold is nearer). */
export const REMINDER_INTERVAL_MS = 30_000;
/**
 * A reminder whose moment is older than this is not raised any more: the clock is on the board,
 * overdue, and entering last year's records must not set off a burst of notifications.
 */
export const REMINDER_HORIZON_MS = 30 * 24 * 3_600_000;
const HOUR = 3_600_000;
const RECHECK_AFTER_CHANGE_MS = 1_000;

export type Emit = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ReminderOptions {
  ctx: RegisterContext;
  clock: TimeSource;
  emit: Emit;
  /** 0: no timer (the caller drives check()). */
  intervalMs?: number;
  /** Subscribes to record changes (returns the unsubscribe): a change re-checks within a second. */
  onRecordChanged?: (listener: () => void) => () => void;
  log?: (msg: string) => void;
}

interface AlertRow {
  id: string;
  clock_id: string;
  record_type: string;
  record_id: string;
  threshold_hours: number;
  due: string;
  fired_at: string;
  reference: string;
  title: string;
  label: string;
  party: string | null;
  missed: number;
  drill: number;
  acknowledged_at: string | null;
}

function toAlert(r: AlertRow): Alert {
  return {
    id: r.id,
    clockId: r.clock_id,
    recordType: r.record_type as Alert['recordType'],
    recordId: r.record_id,
    threshold: r.threshold_hours,
    firedAt: r.fired_at,
    dueAt: r.due,
    reference: r.reference,
    title: r.title,
    label: JSON.parse(r.label) as Alert['label'],
    party: r.party,
    missed: r.missed === 1,
    drill: r.drill === 1,
    acknowledgedAt: r.acknowledged_at,
  };
}

/** Unique, in whole minutes, largest first. */
export function normaliseThresholds(hours: readonly number[]): number[] {
  return [...new Set(hours.map((h) => Math.round(h * 60) / 60))].sort((a, b) => b - a);
}

/**
 * Reminders at thresholds before each open clock's due instant (default 24 h, 12 h, 4 h, 1 h and
 * at expiry). They are computed from the stored records every time, and every reminder raised is
 * kept in clock_alerts keyed by (clock, threshold, due): so each fires once, a restart does not
 * repeat them, and a deadline that moves re-arms its reminders.
 *
 * When several thresholds of one clock passed since it was last looked at (the app was closed, the
 * clock jumped), only the most recent one is raised: someone back from holiday gets one reminder
 * per clock, not five. A reminder whose moment came before this register was opened is `missed`.
 */
export class ReminderService {
  private timer: NodeJS.Timeout | null = null;
  private active = false;
  private unsubscribe: (() => void) | null = null;
  private dueAt = 0;
  private lastBadge: string | null = null;
  private readonly opened: number;
  private readonly intervalMs: number;

  constructor(private readonly o: ReminderOptions) {
    this.opened = o.clock.now().getTime();
    this.intervalMs = o.intervalMs ?? REMINDER_INTERVAL_MS;
  }

  private get db() {
    return this.o.ctx.db;
  }

  settings(): ReminderSettings {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(REMINDER_SETTINGS_META) as { value: string } | undefined;
    const parsed = row ? ReminderSettings.safeParse(JSON.parse(row.value)) : null;
    const s = parsed?.success ? parsed.data : DEFAULT_REMINDER_SETTINGS;
    return { thresholdsHours: normaliseThresholds(s.thresholdsHours) };
  }

  setSettings(input: ReminderSettings): ReminderSettings {
    const next: ReminderSettings = { thresholdsHours: normaliseThresholds(ReminderSettings.parse(input).thresholdsHours) };
    const before = this.settings();
    this.o.ctx.write('settings', () => {
      const changes = diffFields(before, next, ['thresholdsHours']);
      if (changes.length) {
        this.db
          .prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
          .run(REMINDER_SETTINGS_META, JSON.stringify(next));
        appendAudit(this.o.ctx, 'settings', 'reminders', 'update', changes);
      }
      return { id: 'reminders' };
    });
    if (this.active) this.schedule(0);
    return this.settings();
  }

  /**
   * Raises the reminders due at `now`, records them, emits 'clock.alert' for each and
   * 'clocks.badge' when the count changed. Returns the new alerts.
   */
  check(now: Date = this.o.clock.now()): Alert[] {
    return this.run(now).alerts;
  }

  private run(now: Date): { alerts: Alert[]; next: number | null } {
    const t = now.getTime();
    const thresholds = this.settings().thresholdsHours;
    const reach = Math.max(24, ...thresholds) * HOUR + 60_000;
    // Only clocks a reminder can concern: due up to the largest threshold ahead, and no older
    // than the horizon (whatever the backlog of overdue records, a check stays small).
    const clocks = collectClocks(
      this.o.ctx,
      { openOnly: true, dueFrom: new Date(t - REMINDER_HORIZON_MS).toISOString(), dueTo: new Date(t + reach).toISOString() },
      now,
    );
    const firedAt = now.toISOString();
    const seen = this.db.prepare('SELECT 1 FROM clock_alerts WHERE clock_id = ? AND threshold_hours = ? AND due = ?');
    const insert = this.db.prepare(
      `INSERT INTO clock_alerts (id, clock_id, record_type, record_id, threshold_hours, due, moment, fired_at, reference, title, label, party, missed, drill)
       VALUES (@id, @clockId, @recordType, @recordId, @threshold, @dueAt, @moment, @firedAt, @reference, @title, @label, @party, @missed, @drill)`,
    );
    const alerts: Alert[] = [];
    let dueWithin24h = 0;
    let next: number | null = null;
    const consider = (m: number) => {
      if (m > t && (next === null || m < next)) next = m;
    };
    this.db.transaction(() => {
      for (const c of clocks) {
        if (c.due === null) continue;
        const due = Date.parse(c.due);
        if (isDueSoon(c, t)) dueWithin24h++;
        consider(due);
        consider(due - DUE_SOON_HOURS * HOUR);
        // The most recent threshold reached is the smallest one whose moment has passed.
        let reached: number | null = null;
        for (const h of thresholds) {
          const m = thresholdMoment(c.due, h);
          if (m <= t) reached = reached === null ? h : Math.min(reached, h);
          else consider(m);
        }
        if (reached === null) continue;
        const moment = thresholdMoment(c.due, reached);
        if (moment < t - REMINDER_HORIZON_MS) continue;
        if (seen.get(c.id, reached, c.due)) continue;
        const alert: Alert = {
          id: uuidv7(),
          clockId: c.id,
          recordType: c.recordType,
          recordId: c.recordId,
          threshold: reached,
          firedAt,
          dueAt: c.due,
          reference: c.reference,
          title: c.title,
          label: c.label,
          party: c.party,
          missed: moment < this.opened,
          drill: c.drill,
          acknowledgedAt: null,
        };
        insert.run({ ...alert, label: JSON.stringify(alert.label), moment: new Date(moment).toISOString(), missed: alert.missed ? 1 : 0, drill: alert.drill ? 1 : 0 });
        alerts.push(alert);
      }
    })();
    for (const a of alerts) this.o.emit('clock.alert', a);
    this.emitBadge({ at: firedAt, dueWithin24h, overdue: countOverdue(this.o.ctx, now) });
    return { alerts, next };
  }

  private emitBadge(b: ClockBadge) {
    const key = `${b.dueWithin24h}/${b.overdue}`;
    if (key === this.lastBadge) return;
    this.lastBadge = key;
    this.o.emit('clocks.badge', b);
  }

  /** Clocks due within the next 24 hours (what the tray/dock badge shows). */
  dueWithin24h(now: Date = this.o.clock.now()): number {
    return this.badge(now).dueWithin24h;
  }

  badge(now: Date = this.o.clock.now()): ClockBadge {
    const at = now.toISOString();
    const soon = collectClocks(this.o.ctx, { openOnly: true, dueFrom: at, dueTo: new Date(now.getTime() + DUE_SOON_HOURS * HOUR).toISOString() }, now);
    return { at, dueWithin24h: soon.filter((c) => isDueSoon(c, now)).length, overdue: countOverdue(this.o.ctx, now) };
  }

  /** Recent alerts, newest first. */
  alerts(query: AlertListQuery = {}): Alert[] {
    const q = AlertListQuery.parse(query);
    const rows = this.db
      .prepare(
        `SELECT * FROM clock_alerts ${q.unacknowledgedOnly ? 'WHERE acknowledged_at IS NULL' : ''} ORDER BY fired_at DESC, id DESC LIMIT ?`,
      )
      .all(q.limit) as AlertRow[];
    return rows.map(toAlert);
  }

  acknowledge(id: string): Alert {
    const at = this.o.clock.now().toISOString();
    const r = this.db.prepare('UPDATE clock_alerts SET acknowledged_at = COALESCE(acknowledged_at, ?) WHERE id = ?').run(at, id);
    if (r.changes === 0) throw new ApiError('NOT_FOUND', `No alert with id ${id}`);
    return toAlert(this.db.prepare('SELECT * FROM clock_alerts WHERE id = ?').get(id) as AlertRow);
  }

  /**
   * Checks on a timer: first as soon as the caller's synchronous code is done (so listeners
   * attached right after the register opens hear the missed reminders), then every interval, or
   * sooner when a threshold or a due instant comes first. The timer is unref'd: it never keeps
   * the process alive.
   */
  start(): void {
    if (this.intervalMs <= 0 || this.active) return;
    this.active = true;
    // A record written (here or by sync) may meet, move or create a clock: look again soon.
    this.unsubscribe = this.o.onRecordChanged?.(() => this.soon(RECHECK_AFTER_CHANGE_MS)) ?? null;
    this.schedule(0);
  }

  stop(): void {
    this.active = false;
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // A locked register shows no count.
    if (this.lastBadge !== null && this.lastBadge !== '0/0') this.o.emit('clocks.badge', { at: this.o.clock.now().toISOString(), dueWithin24h: 0, overdue: 0 });
    this.lastBadge = null;
  }

  /** After the clock was set (test mode): check at once and re-plan the timer. */
  checkNow(): Alert[] {
    const r = this.run(this.o.clock.now());
    if (this.active) this.plan(r.next);
    return r.alerts;
  }

  private schedule(delayMs: number) {
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = Date.now() + delayMs;
    this.timer = setTimeout(() => this.tick(), delayMs);
    this.timer.unref();
  }

  /** Brings the next check forward to within `delayMs` (several changes in a row: one check). */
  private soon(delayMs: number) {
    if (!this.active) return;
    if (this.timer && this.dueAt <= Date.now() + delayMs) return;
    this.schedule(delayMs);
  }

  private plan(next: number | null) {
    const now = this.o.clock.now().getTime();
    const untilNext = next === null ? Infinity : next - now + 250;
    this.schedule(Math.max(1_000, Math.min(this.intervalMs, untilNext)));
  }

  private tick() {
    this.timer = null;
    if (!this.active) return;
    let next: number | null = null;
    try {
      next = this.run(this.o.clock.now()).next;
    } catch (e) {
      (this.o.log ?? ((m: string) => console.error(m)))(`[reminders] check failed: ${(e as Error).stack ?? String(e)}`);
    }
    if (this.active) this.plan(next);
  }
}
