import { ApiError } from '@shared/api/contract';
import type { JobPhase, JobProgress } from '@shared/schemas/export';

/** How long work yields: a macrotask, so pending I/O (web host requests, IPC) is served in between. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Long exports and imports run as jobs the caller names (a client-chosen jobId). Between chunks
 * a job reports progress ('job.progress'), yields to the event loop and checks whether it was
 * cancelled ('jobs.cancel'). Without a jobId the same code runs, still yielding, just unreported.
 */
export class Jobs {
  private readonly running = new Map<string, { cancelled: boolean }>();

  constructor(private readonly emit: (p: JobProgress) => void) {}

  /** Cancel a running job; it stops at its next check. False when no such job is running. */
  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    return true;
  }

  isRunning(jobId: string): boolean {
    return this.running.has(jobId);
  }

  /** Runs `work` as a job; the job ends (done, cancelled or failed) when the promise settles. */
  async run<T>(jobId: string | undefined, work: (job: Job) => Promise<T>): Promise<T> {
    if (jobId && this.running.has(jobId)) throw new ApiError('CONFLICT', `A job with id ${jobId} is already running: choose a new id for each job.`);
    const state = { cancelled: false };
    if (jobId) this.running.set(jobId, state);
    const job = new Job(jobId ?? null, state, jobId ? this.emit : () => {});
    try {
      const out = await work(job);
      job.report('done', job.total, job.total);
      return out;
    } catch (e) {
      job.report(e instanceof ApiError && e.code === 'CANCELLED' ? 'cancelled' : 'failed');
      throw e;
    } finally {
      if (jobId) this.running.delete(jobId);
    }
  }
}

export class Job {
  total = 0;
  private done = 0;
  private phase: JobPhase = 'reading';
  private lastYield = Date.now();

  constructor(
    readonly id: string | null,
    private readonly state: { cancelled: boolean },
    private readonly emit: (p: JobProgress) => void,
  ) {}

  get cancelled(): boolean {
    return this.state.cancelled;
  }

  /** Throws CANCELLED if the job was cancelled: call it where stopping leaves nothing behind. */
  check(): void {
    if (this.state.cancelled) throw new ApiError('CANCELLED', 'The job was cancelled; nothing was changed.');
  }

  report(phase: JobPhase, done = this.done, total = this.total): void {
    this.phase = phase;
    this.done = done;
    this.total = total;
    if (this.id) this.emit({ jobId: this.id, done, total, phase });
  }

  /** Starts a phase of `total` steps. */
  async start(phase: JobPhase, total: number): Promise<void> {
    this.report(phase, 0, total);
    await this.tick(0, true);
  }

  /**
   * Records progress; every so often (about every 50 ms of work) reports it, yields to the event
   * loop and checks for cancellation. Callers call it once per row or chunk.
   */
  async tick(done: number, force = false): Promise<void> {
    this.done = done;
    const now = Date.now();
    if (!force && now - this.lastYield < 50) return;
    this.report(this.phase, done, this.total);
    await yieldToEventLoop();
    this.lastYield = Date.now();
    this.check();
  }
}
