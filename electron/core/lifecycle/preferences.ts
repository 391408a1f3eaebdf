import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PREFERENCES, Preferences, PreferencesUpdate } from '@shared/schemas/core';
import { writeFileAtomic } from '../profile-file';

export const PREFERENCES_FILE = 'preferences.json';

/**
 * This machine's preferences (auto-lock delay, quit on close), in preferences.json beside the
 * register: they must be readable while the register is locked, and hold nothing personal. A
 * missing or unreadable file means the defaults.
 */
export class PreferencesFile {
  private readonly path: string;

  /** `defaults` stand for what the file does not say (test mode starts with auto-lock off). */
  constructor(
    dataDir: string,
    private readonly defaults: Preferences = DEFAULT_PREFERENCES,
  ) {
    this.path = join(dataDir, PREFERENCES_FILE);
  }

  /** Only what was set by the user; the defaults fill in the rest at read time. */
  private stored(): PreferencesUpdate {
    if (!existsSync(this.path)) return {};
    try {
      const parsed = PreferencesUpdate.safeParse(JSON.parse(readFileSync(this.path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  read(): Preferences {
    return Preferences.parse({ ...this.defaults, ...this.stored() });
  }

  update(change: PreferencesUpdate): Preferences {
    const next = { ...this.stored(), ...PreferencesUpdate.parse(change) };
    writeFileAtomic(this.path, JSON.stringify(next, null, 2) + '\n');
    return this.read();
  }
}
