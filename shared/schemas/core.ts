import { z } from 'zod';

/**
 * Where the core (the register and its services, run in its own worker or process) is, as the
 * host that runs it sees it. `stopped` with reason `crashed` is what the window's "core stopped"
 * screen shows; `core.restart` starts it again.
 */
export const CoreState = z.object({
  state: z.enum(['starting', 'running', 'stopped']),
  /** Why it stopped: it crashed, or it could not start. Null while starting or running. */
  reason: z.enum(['crashed', 'start-failed']).nullable(),
  /** What the host knows of the cause (exit code, error message): for the screen and the log. */
  message: z.string().nullable(),
  /** How many times the core was restarted since the app started. */
  restarts: z.number().int().min(0),
});
export type CoreState = z.infer<typeof CoreState>;

/** The longest auto-lock delay (a day); 0 = never. */
export const AUTO_LOCK_MAX_MINUTES = 24 * 60;

const preferenceFields = {
  /** Lock the register after this many minutes without activity; 0 = never. */
  autoLockMinutes: z.number().int().min(0).max(AUTO_LOCK_MAX_MINUTES),
  /** Desktop: closing the window quits the app instead of keeping it in the tray. */
  quitOnClose: z.boolean(),
};

/**
 * Preferences of this machine (not of the register): kept beside the register in the data folder,
 * readable while it is locked, never records or secrets.
 */
export const Preferences = z.object({
  autoLockMinutes: preferenceFields.autoLockMinutes.default(15),
  quitOnClose: preferenceFields.quitOnClose.default(false),
});
export type Preferences = z.infer<typeof Preferences>;
/** A change: only the fields given (no defaults filled in, so a change never resets the others). */
export const PreferencesUpdate = z.object(preferenceFields).partial();
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;
export const DEFAULT_PREFERENCES: Preferences = Preferences.parse({});
