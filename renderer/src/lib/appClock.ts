import { useEffect, useState } from 'react';
import { create } from 'zustand';

/**
 * The app's "now" as the core sees it: the one clock every view reads business time from
 * (countdowns, "overdue by", new records' default dates). It is the machine's clock, except in
 * test mode (web host started with --clock), where the core runs on a clock of its own that
 * app.setClock can move. Every instant the core reports as "now" (clocks.list's `at`, a badge's
 * `at`, an alert's `firedAt`, a timeline's `at`) resets the offset between the two clocks; the
 * register reads it once as soon as it opens (state/wire.ts). Outside test mode the offset stays
 * within a few milliseconds.
 */
interface AppClock {
  offsetMs: number;
  observe(nowIso: string): void;
}

/** Below this, a difference is transport latency, not another clock: ignored to avoid re-renders. */
const SIGNIFICANT_MS = 2_000;

export const useAppClock = create<AppClock>((set, get) => ({
  offsetMs: 0,
  observe(nowIso) {
    const at = Date.parse(nowIso);
    if (Number.isNaN(at)) return;
    const offsetMs = at - Date.now();
    if (Math.abs(offsetMs - get().offsetMs) >= SIGNIFICANT_MS) set({ offsetMs });
  },
}));

/** The app's current time in milliseconds, outside React (event handlers, stores). */
export function appNow(): number {
  return Date.now() + useAppClock.getState().offsetMs;
}

/** The app's current time as a Date, outside React. */
export function appDate(): Date {
  return new Date(appNow());
}

/**
 * The app's current time in milliseconds, re-rendering at each new minute of that clock (the
 * countdowns show minutes), or every `stepMs` when given.
 */
export function useAppNow(stepMs?: number): number {
  const offsetMs = useAppClock((s) => s.offsetMs);
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    let timer = 0;
    const tick = () => {
      const t = Date.now() + offsetMs;
      setNow(t);
      const wait = stepMs ?? 60_000 - (t % 60_000) + 50;
      timer = window.setTimeout(tick, wait);
    };
    tick();
    return () => window.clearTimeout(timer);
  }, [offsetMs, stepMs]);
  return now;
}

/** The app's current time as a Date, re-rendering each minute. */
export function useAppDate(): Date {
  return new Date(useAppNow());
}
