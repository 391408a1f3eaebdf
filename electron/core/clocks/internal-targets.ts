import { internalTarget } from '@shared/deadlines';
import type { Clock, ClockKind } from '@shared/schemas/clock';
import type { Organisation } from '@shared/schemas/profile';
import { getMeta } from '../db/meta';
import type { RegisterContext } from '../registers/context';

/**
 * The clocks that end with a day set by law or by a regulator: these carry the office's internal
 * target (hour clocks are too short for one, an action's due date is already internal).
 */
export const DAY_COUNTED_KINDS: ReadonlySet<ClockKind> = new Set<ClockKind>([
  'gdpr-12-response',
  'gdpr-12-extension-notice',
  'letter-reply',
  'letter-compliance',
  'conseil-etat-appeal',
  'nis2-final-report',
]);

/** The organisation's lead in working days (older profiles predate the setting: its default). */
export function internalLeadDays(ctx: RegisterContext): number {
  return getMeta<Organisation>(ctx.db, 'organisation')?.internalLeadDays ?? 2;
}

/**
 * A function giving each clock its internal target, for one board read: the lead days and the
 * calendar are read once, and a target once per distinct deadline (thousands of complaints share
 * a few hundred last days).
 */
export function internalTargets(ctx: RegisterContext): (c: Clock) => string | null {
  const lead = internalLeadDays(ctx);
  if (lead === 0) return () => null;
  const cal = ctx.calendar();
  const memo = new Map<string, string | null>();
  return (c) => {
    if (c.due === null || !DAY_COUNTED_KINDS.has(c.kind)) return null;
    let t = memo.get(c.due);
    if (t === undefined) {
      t = internalTarget(c.due, lead, cal);
      memo.set(c.due, t);
    }
    return t !== null && Date.parse(t) > Date.parse(c.startedAt) ? t : null;
  };
}
