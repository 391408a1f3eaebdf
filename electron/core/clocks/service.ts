import { ApiError } from '@shared/api/contract';
import { compareClocks } from '@shared/clocks';
import {
  ClockListQuery,
  OPEN_CLOCK_STATES,
  type Clock,
  type ClockListResult,
  type ClocksIcs,
  type ClocksOfRecord,
  type Lang,
} from '@shared/schemas/clock';
import { registerOf } from '@shared/registers';
import { toUtc, type Clock as TimeSource, type RegisterContext } from '../registers/context';
import { collectClocks } from './collect';
import { clocksToIcs } from './ics';
import { ReminderService, type Emit } from './reminders';
import { CustomRules } from './rules';


export interface ClockServiceOptions {
  ctx: RegisterContext;
  clock: TimeSource;
  emit: Emit;
  /** Reminder timer period; 0 turns the timer off (tests drive reminders.check()). */
  reminderIntervalMs?: number;
  onRecordChanged?: (listener: () => void) => () => void;
  log?: (msg: string) => void;
}

/** The clocks of an open register: the board, a record's clocks, the calendar, reminders, rules. */
export class ClockService {
  readonly reminders: ReminderService;
  readonly rules: CustomRules;
  private readonly ctx: RegisterContext;
  private readonly clock: TimeSource;

  constructor(o: ClockServiceOptions) {
    this.ctx = o.ctx;
    this.clock = o.clock;
    this.reminders = new ReminderService({
      ctx: o.ctx,
      clock: o.clock,
      emit: o.emit,
      intervalMs: o.reminderIntervalMs,
      onRecordChanged: o.onRecordChanged,
      log: o.log,
    });
    this.rules = new CustomRules(o.ctx);
  }

  /**
   * The board: by default every running or overdue clock, most urgent first (overdue by due, then
   * running by due, then clocks with no due instant), paged.
   */
  list(query: ClockListQuery = {}): ClockListResult {
    const q = ClockListQuery.parse(query);
    const now = this.clock.now();
    const openOnly = q.states.every((s) => OPEN_CLOCK_STATES.includes(s));
    const dueBefore = q.dueBefore ? toUtc(q.dueBefore) : null;
    const states = new Set(q.states);
    const all = collectClocks(this.ctx, { openOnly, recordType: q.recordType ?? null, dueTo: dueBefore }, now).filter(
      (c) => states.has(c.state) && (dueBefore === null || (c.due !== null && c.due < dueBefore)),
    );
    all.sort(compareClocks(now));
    return { at: now.toISOString(), items: all.slice(q.offset, q.offset + q.limit), total: all.length };
  }

  /** Every clock of one record whatever its state (a matter: its letters' clocks), by due instant. */
  ofRecord({ recordType, recordId }: ClocksOfRecord): Clock[] {
    if (!this.ctx.db.prepare(`SELECT 1 FROM ${registerOf(recordType).table} WHERE id = ?`).get(recordId)) {
      throw new ApiError('NOT_FOUND', `No ${recordType} with id ${recordId}`);
    }
    const clocks = collectClocks(this.ctx, { openOnly: false, record: { type: recordType, id: recordId } }, this.clock.now());
    const key = (c: Clock) => c.due ?? c.target ?? '\uffff';
    return clocks.sort((a, b) => key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
  }

  /** Every open deadline with a due instant, as an iCalendar file. */
  ics(lang: Lang): ClocksIcs {
    const now = this.clock.now();
    const clocks = collectClocks(this.ctx, { openOnly: true }, now)
      .filter((c) => c.due !== null)
      .sort(compareClocks(now));
    const content = clocksToIcs(clocks, {
      lang,
      thresholdsHours: this.reminders.settings().thresholdsHours,
      now,
      timeZone: this.ctx.calendar().timeZone,
    });
    const day = now.toISOString().slice(0, 10).replace(/-/g, '');
    return { fileName: `privacyops-deadlines-${day}.ics`, content };
  }
}
