import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { ApiError, isMethodName, methods, type ApiErrorBody, type EventName, type EventPayload } from '@shared/api/contract';

/** What the main process needs of the core (a CoreHost: the core in its utility process). */
export interface CoreCalls {
  call(method: string, input: unknown): Promise<unknown>;
  on(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void;
}

/** What an IPC call answers: Electron flattens thrown errors to a message, so the code travels as data. */
export type IpcAnswer = { ok: true; value: unknown } | { ok: false; error: ApiErrorBody['error'] };

/**
 * One call from a window: an unknown method or an input that does not match the contract is
 * refused here (the main process is a boundary too), the rest goes to the core as it came (the
 * core validates again). Errors come back as their contract code (CORE_STOPPED while the core is
 * down, LOCKED, VALIDATION_FAILED with its issues …).
 */
export async function forwardCall(core: Pick<CoreCalls, 'call'>, method: unknown, input: unknown): Promise<IpcAnswer> {
  try {
    if (typeof method !== 'string' || !isMethodName(method)) {
      throw new ApiError('UNKNOWN_METHOD', `There is no API method called "${String(method)}".`);
    }
    const parsed = methods[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new ApiError('VALIDATION_FAILED', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
    }
    return { ok: true, value: await core.call(method, input ?? {}) };
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError('INTERNAL', (e as Error)?.message ?? String(e));
    return { ok: false, error: err.toBody().error };
  }
}

/** A window as far as events go (a BrowserWindow). */
export interface EventTarget {
  isDestroyed(): boolean;
  webContents: { send(channel: string, ...args: unknown[]): void };
}

/**
 * The desktop transport: `api:call` (invoke) from our own renderer only, `api:event` to every
 * window for every core event and the host's own `core.state`. Returns what undoes it.
 */
export function wireIpc(ipc: Pick<IpcMain, 'handle' | 'removeHandler'>, core: CoreCalls, opts: { isOwnUrl: (url: string) => boolean; windows: () => Iterable<EventTarget> }): () => void {
  ipc.handle('api:call', async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<IpcAnswer> => {
    if (!event.senderFrame || !opts.isOwnUrl(event.senderFrame.url)) {
      return { ok: false, error: new ApiError('FORBIDDEN', 'Unknown caller').toBody().error };
    }
    return forwardCall(core, method, input);
  });
  const off = core.on((event, payload) => {
    for (const w of opts.windows()) if (!w.isDestroyed()) w.webContents.send('api:event', { event, payload });
  });
  return () => {
    off();
    ipc.removeHandler('api:call');
  };
}
