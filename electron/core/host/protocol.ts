import { ApiError, type ApiErrorBody, type ErrorCode, type EventName, type EventPayload } from '@shared/api/contract';
import type { AppStatus, LockReason } from '@shared/schemas/profile';

/**
 * The messages between a host (the web host's main thread, Electron's main process) and the core
 * it runs in a worker thread or a utility process. Calls carry the zod contract's method names
 * and inputs unchanged; the core validates them as at any boundary. Every message is plain data
 * (structured-clone safe).
 */

/** What the core needs to start: everything the Workstation takes that is not an object. */
export interface CoreConfig {
  dataDir: string;
  host: 'electron' | 'web';
  version: string;
  /** false: no OS keychain (--no-keychain); the register unlocks with the passphrase. */
  keychain: boolean;
  /** Test mode: the app clock starts at this instant (see clocks/test-clock.ts). */
  clock?: string;
  /** Test hook: a cheap scrypt (never set by the hosts' command lines). */
  scryptParams?: { N: number; r: number; p: number };
  reminderIntervalMs?: number;
}

export type ToCore =
  | { type: 'start'; config: CoreConfig }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** Trusted host decisions that are not API calls: the OS locked the screen or went to sleep. */
  | { type: 'lock'; reason: LockReason }
  /** Finish what is in flight, close the register, then say `closed`. */
  | { type: 'shutdown' };

export type FromCore =
  | { type: 'ready'; status: AppStatus }
  /** The core could not start (unreadable data folder, broken native module …). */
  | { type: 'start-failed'; message: string }
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiErrorBody['error'] }
  | { type: 'event'; event: EventName; payload: EventPayload<EventName> }
  | { type: 'closed' };

export function errorToMessage(e: unknown): ApiErrorBody['error'] {
  const err = e instanceof ApiError ? e : new ApiError('INTERNAL', (e as Error)?.message ?? String(e));
  return err.toBody().error;
}

export function errorFromMessage(body: ApiErrorBody['error']): ApiError {
  return new ApiError(body.code as ErrorCode, body.message, body.issues);
}

/**
 * One end of the channel, whatever carries it (a worker thread's parentPort, a utility process's
 * process.parentPort, Worker or UtilityProcess on the host side).
 */
export interface Port<Out, In> {
  post(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

/** The core's end. */
export type CorePort = Port<FromCore, ToCore>;
