import { useCallback, useState } from 'react';
import { notifyError } from './notify';

export interface Action<K> {
  /** Which call is running (the key given to `run`), or null: a screen with two buttons spins the right one. */
  running: K | null;
  busy: boolean;
  /** The last call's error, for the screen to show in words; cleared when a call starts. */
  error: unknown;
  setError(error: unknown): void;
  /** Runs `call`; resolves to its result, or to undefined when it failed (the error is then kept or notified). */
  run<T>(call: () => Promise<T>, key?: K): Promise<T | undefined>;
}

/**
 * One call the user started (save, invite, disconnect, check a file): a busy flag while it runs
 * and its error kept for the screen, or notified when the screen has no place for it
 * (`notify: true`). One home so every admin screen sets and clears the two the same way.
 */
export function useAction<K = true>({ notify = false }: { notify?: boolean } = {}): Action<K> {
  const [running, setRunning] = useState<K | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async <T>(call: () => Promise<T>, key?: K): Promise<T | undefined> => {
      setRunning(key ?? (true as K));
      setError(null);
      try {
        return await call();
      } catch (e) {
        if (notify) notifyError(e);
        else setError(e);
        return undefined;
      } finally {
        setRunning(null);
      }
    },
    [notify],
  );
  return { running, busy: running !== null, error, setError, run };
}
