import { useCallback, useEffect, useState, type DependencyList } from 'react';

export interface Remote<T> {
  /** The latest answer; kept while a reload is under way so the screen does not blink. */
  data: T | null;
  error: unknown;
  /** True until the first answer or error. */
  loading: boolean;
  /** True while the latest request (new deps, or a reload) is unanswered: a reload button's spinner. */
  pending: boolean;
  /** Replace what is shown (after a write that returned the new value). */
  setData(data: T | null | ((d: T | null) => T | null)): void;
  /** Ask again (after a write whose result is not the value shown). */
  reload(): void;
}

/**
 * Reads something from the core and keeps it while `deps` stay the same; asks again when they
 * change. An answer that comes back after the deps changed (or the component went away) is
 * dropped, so a slow answer never overwrites a newer one. `load` may be null: nothing to read yet.
 */
export function useRemote<T>(load: (() => Promise<T>) | null, deps: DependencyList): Remote<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  // Which request is the latest: counted when the deps change (React's "state from the previous
  // render" pattern), so `pending` is true from the very render that asks again.
  const key: unknown[] = [...deps, reloads, load === null];
  const [asked, setAsked] = useState({ key, run: 0 });
  let run = asked.run;
  if (key.length !== asked.key.length || key.some((k, i) => !Object.is(k, asked.key[i]))) {
    run = asked.run + 1;
    setAsked({ key, run });
  }
  const [answered, setAnswered] = useState(-1);

  useEffect(() => {
    if (!load) return;
    let current = true;
    load().then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
        setLoading(false);
        setAnswered(run);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
        setAnswered(run);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new closure at each render; what it reads is named by the caller's deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, reloads, load === null]);

  return { data, error, loading, pending: load !== null && answered !== run, setData, reload };
}
