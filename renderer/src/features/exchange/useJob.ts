import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobPhase } from '@shared/schemas/export';
import type { FileOut } from '@shared/schemas/export';
import { api, ApiError } from '../../api';
import { saveFile } from '../../lib/files';

/** A long export or import the UI is following. */
export interface RunningJob {
  jobId: string;
  /** What is being done, in words ("Breach register as PDF"). */
  what: string;
  phase: JobPhase | null;
  done: number;
  total: number;
  cancelling: boolean;
}

export type JobOutcome<T> = { status: 'done'; value: T } | { status: 'cancelled' } | { status: 'failed'; error: unknown };

let counter = 0;

/** A job id chosen here, before the call, so progress events can be matched and the job cancelled. */
export function newJobId(prefix: string): string {
  counter += 1;
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2);
  return `${prefix}-${counter}-${random}`;
}

/**
 * Runs one long call at a time with a job id, following its 'job.progress' events, and cancels it
 * on request ('jobs.cancel') or when the screen goes away. Cancelling leaves the register as it was.
 */
export function useJob(prefix: string) {
  const [job, setJob] = useState<RunningJob | null>(null);
  const current = useRef<string | null>(null);

  useEffect(() => {
    const off = api.on('job.progress', (p) => {
      if (p.jobId !== current.current) return;
      setJob((j) => (j && j.jobId === p.jobId ? { ...j, phase: p.phase, done: p.done, total: p.total } : j));
    });
    return () => {
      off();
      // Leaving the screen stops the work it started.
      const id = current.current;
      current.current = null;
      if (id) void api.call('jobs.cancel', { jobId: id }).catch(() => undefined);
    };
  }, []);

  const run = useCallback(
    async <T>(what: string, work: (jobId: string) => Promise<T>): Promise<JobOutcome<T>> => {
      const jobId = newJobId(prefix);
      current.current = jobId;
      setJob({ jobId, what, phase: null, done: 0, total: 0, cancelling: false });
      try {
        const value = await work(jobId);
        return { status: 'done', value };
      } catch (e) {
        if (e instanceof ApiError && e.code === 'CANCELLED') return { status: 'cancelled' };
        return { status: 'failed', error: e };
      } finally {
        if (current.current === jobId) {
          current.current = null;
          setJob(null);
        }
      }
    },
    [prefix],
  );

  const cancel = useCallback(() => {
    const id = current.current;
    if (!id) return;
    setJob((j) => (j ? { ...j, cancelling: true } : j));
    void api.call('jobs.cancel', { jobId: id }).catch(() => undefined);
  }, []);

  return { job, running: job !== null, run, cancel };
}

/**
 * An export that makes a file (a register, a timeline, a bundle, the report): the job, then the
 * file handed to the user, and what the screen shows after — the result and its provenance, the
 * failure, or that it was cancelled. One home, so every export screen behaves alike.
 */
export function useFileExport<T extends { file: FileOut }>(prefix: string) {
  const { job, running, run, cancel } = useJob(prefix);
  const [result, setResult] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);

  const exportFile = useCallback(
    async (what: string, work: (jobId: string) => Promise<T>) => {
      setError(null);
      setCancelled(false);
      setResult(null);
      const out = await run(what, work);
      if (out.status === 'done') {
        setResult(out.value);
        saveFile(out.value.file);
      } else if (out.status === 'cancelled') setCancelled(true);
      else setError(out.error);
    },
    [run],
  );

  return { job, running, cancel, exportFile, result, error, cancelled, dismissCancelled: () => setCancelled(false) };
}
