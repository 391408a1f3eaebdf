import type { Db } from '../open';

export type { Db };

/**
 * One schema step. Each lives in its own file (steps/NNN-name.ts) and imports only this module,
 * never the list or the runner. Never edit a shipped step: add one.
 */
export interface Migration {
  version: number;
  description: string;
  up(db: Db): void;
}
