import { api } from '../../api';

/** At most one report per this period: enough for a delay counted in minutes. */
const REPORT_EVERY_MS = 20_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Tells the core that someone is using the app (app.activity), so the register locks itself only
 * after the idle delay without input. Reads the app makes on its own do not count as activity.
 */
export function reportUserActivity(): void {
  let last = 0;
  const report = () => {
    const now = Date.now();
    if (now - last < REPORT_EVERY_MS) return;
    last = now;
    api.call('app.activity', {}).catch(() => undefined);
  };
  for (const e of INPUT_EVENTS) window.addEventListener(e, report, { passive: true, capture: true });
}
