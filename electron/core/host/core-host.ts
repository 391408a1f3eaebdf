import { ApiError, methods, isHostMethod, type EventName, type EventPayload, type HostMethodName } from '@shared/api/contract';
import type { CoreState } from '@shared/schemas/core';
import type { LockReason } from '@shared/schemas/profile';
import { errorFromMessage, type CoreConfig, type FromCore, type Port, type ToCore } from './protocol';

/** A started core as its host sees it: a worker thread or a utility process. */
export interface CoreChild extends Port<ToCore, FromCore> {
  /** Called once when it ended: its exit code, and the error it died of when there was one. */
  onExit(listener: (info: { code: number | null; error?: string }) => void): void;
  /** Ends it at once, as a crash would (nothing in flight is finished). */
  kill(): void;
}

export type SpawnCore = () => CoreChild;

export type EventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface CoreHostOptions {
  /** Test mode (--clock): test-only host methods (core.crash) exist. */
  testMode?: boolean;
  log?: (msg: string) => void;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: ApiError) => void;
}

const stoppedError = (state: CoreState) =>
  new ApiError(
    'CORE_STOPPED',
    state.reason === 'start-failed'
      ? `The core could not start: ${state.message ?? 'unknown cause'}. Restart it (core.restart) once the cause is fixed.`
      : 'The core stopped before answering; what was not confirmed was not saved. Restart it (core.restart) and check.',
  );

/**
 * The host's side of the core: starts it in its own thread or process (through `spawn`), carries
 * API calls and events across, and handles its life: startup, a crash (every call in flight is
 * answered CORE_STOPPED, the windows hear `core.state`), restart, shutdown. The same for the web
 * host (a worker thread) and the desktop host (an Electron utility process): only `spawn` differs.
 * The host's own thread never opens the register.
 */
export class CoreHost {
  private child: CoreChild | null = null;
  private current: CoreState = { state: 'starting', reason: null, message: null, restarts: 0 };
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<EventListener>();
  private nextId = 1;
  private starting: Promise<CoreState> | null = null;
  private stopping = false;
  private readonly log: (msg: string) => void;

  private constructor(
    private readonly spawn: SpawnCore,
    private readonly config: CoreConfig,
    private readonly opts: CoreHostOptions,
  ) {
    this.log = opts.log ?? ((m) => process.stderr.write(m + '\n'));
  }

  /** Starts the core and waits until it is ready (or says why it could not start: see state()). */
  static async start(spawn: SpawnCore, config: CoreConfig, opts: CoreHostOptions = {}): Promise<CoreHost> {
    const host = new CoreHost(spawn, config, opts);
    await host.launch();
    return host;
  }

  state(): CoreState {
    return { ...this.current };
  }

  get testMode(): boolean {
    return this.opts.testMode === true;
  }

  /** Every event from the core, and `core.state` from the host itself. */
  on(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit<E extends EventName>(event: E, payload: EventPayload<E>) {
    for (const l of this.listeners) l(event, payload);
  }

  private setState(next: Omit<CoreState, 'restarts'>) {
    this.current = { ...next, restarts: this.current.restarts };
    this.emit('core.state', this.state());
  }

  private launch(): Promise<CoreState> {
    this.starting ??= new Promise<CoreState>((resolve) => {
      const child = this.spawn();
      this.child = child;
      this.stopping = false;
      this.setState({ state: 'starting', reason: null, message: null });
      let settled = false;
      const settle = () => {
        if (settled) return;
        settled = true;
        this.starting = null;
        resolve(this.state());
      };
      child.onMessage((m) => {
        if (this.child !== child) return;
        switch (m.type) {
          case 'ready':
            this.setState({ state: 'running', reason: null, message: null });
            // A window that was showing "core stopped" learns where the register is now.
            this.emit('app.status', m.status);
            settle();
            return;
          case 'start-failed':
            this.log(`[core] could not start: ${m.message}`);
            this.fail({ state: 'stopped', reason: 'start-failed', message: m.message });
            child.kill();
            settle();
            return;
          case 'result': {
            const p = this.pending.get(m.id);
            if (!p) return;
            this.pending.delete(m.id);
            if (m.ok) p.resolve(m.value);
            else p.reject(errorFromMessage(m.error));
            return;
          }
          case 'event':
            this.emit(m.event, m.payload);
            return;
          case 'closed':
            return;
        }
      });
      child.onExit(({ code, error }) => {
        if (this.child !== child) return;
        this.child = null;
        if (this.stopping) {
          this.fail({ state: 'stopped', reason: null, message: null }, false);
        } else if (this.current.state !== 'stopped') {
          const message = error ?? `exit code ${code ?? 'unknown'}`;
          this.log(`[core] stopped unexpectedly: ${message}`);
          this.fail({ state: 'stopped', reason: this.current.state === 'starting' ? 'start-failed' : 'crashed', message });
        }
        settle();
      });
      child.post({ type: 'start', config: this.config });
    });
    return this.starting;
  }

  /** Stopped: every call in flight is answered, none is left hanging. */
  private fail(next: Omit<CoreState, 'restarts'>, announce = true) {
    if (announce) this.setState(next);
    else this.current = { ...next, restarts: this.current.restarts };
    const err = stoppedError(this.current);
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** One API call: the host's own methods here, every other one in the core. */
  async call(method: string, input: unknown): Promise<unknown> {
    if (isHostMethod(method) && (!('testOnly' in methods[method]) || this.testMode)) return this.callHost(method, input);
    if (this.starting) await this.starting;
    const child = this.child;
    if (!child || this.current.state !== 'running') throw stoppedError(this.current);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      child.post({ type: 'call', id, method, input });
    });
  }

  private async callHost(method: HostMethodName, input: unknown): Promise<unknown> {
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) throw new ApiError('VALIDATION_FAILED', parsed.error.issues.map((i) => i.message).join('; '));
    switch (method) {
      case 'core.state':
        return this.state();
      case 'core.restart':
        return this.restart();
      case 'core.crash':
        this.kill();
        return { ok: true };
    }
  }

  /** The OS locked the screen or went to sleep (desktop host). */
  lock(reason: LockReason): void {
    this.child?.post({ type: 'lock', reason });
  }

  /** Starts the core again after it stopped; a running core is left as it is. */
  async restart(): Promise<CoreState> {
    if (this.starting) return this.starting;
    if (this.current.state === 'running') return this.state();
    this.current = { ...this.current, restarts: this.current.restarts + 1 };
    return this.launch();
  }

  /** Ends the core at once, as a crash would (tests, core.crash in test mode). */
  kill(): void {
    this.child?.kill();
  }

  /** Lets the core finish what is in flight and close the register, then ends it. */
  async shutdown(timeoutMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => child.onExit(() => resolve()));
    child.post({ type: 'shutdown' });
    const timer = setTimeout(() => child.kill(), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
