import type { Alert } from '@shared/schemas/clock';

/**
 * One reminder per clock on screen: a deadline whose 7-day and 1-day reminders were both missed
 * while the app was closed is one line, at the threshold nearest the deadline (the drawer keeps
 * every reminder to acknowledge).
 */
export function nearestPerClock(alerts: Alert[]): Alert[] {
  const byClock = new Map<string, Alert>();
  for (const a of alerts) {
    const kept = byClock.get(a.clockId);
    if (!kept || a.threshold < kept.threshold) byClock.set(a.clockId, a);
  }
  return alerts.filter((a) => byClock.get(a.clockId) === a);
}
