import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const APP_NAME = 'PrivacyOps Workstation';
export const DATA_DIR_ENV = 'PRIVACYOPS_DATA_DIR';

/**
 * Where the register lives: --data-dir, else $PRIVACYOPS_DATA_DIR, else the OS app-data folder
 * (the same folder Electron's app.getPath('userData') gives, so both hosts share one register).
 */
export function resolveDataDir(cliValue: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (cliValue) return resolve(cliValue);
  if (env[DATA_DIR_ENV]) return resolve(env[DATA_DIR_ENV]);
  return defaultAppDataDir(env);
}

export function defaultAppDataDir(env: NodeJS.ProcessEnv = process.env): string {
  switch (process.platform) {
    case 'win32':
      return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
    case 'darwin':
      return join(homedir(), 'Library', 'Application Support', APP_NAME);
    default:
      return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
  }
}
