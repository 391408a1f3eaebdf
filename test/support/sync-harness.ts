import { afterAll, beforeAll } from 'vitest';
import type { Workstation } from '../../electron/core/workstation';
import { setUpWorkstation, tempDir } from './workstation';
import { TestPostgres } from './postgres';

/** Two rounds on every machine, in the order given: what one pushes in the first, the others pull in the second. */
export async function syncAll(...machines: Workstation[]): Promise<void> {
  for (const m of machines) await m.sync.syncNow();
  for (const m of machines) await m.sync.syncNow();
}

/**
 * Everything a refused write could have touched on a machine: the audit log (count and head),
 * the operations waiting to go up, the field versions, the rows of `tables` and the number of
 * rows of `counted`. Compared before and after a refusal: nothing may have moved.
 */
export function footprint(w: Workstation, tables: readonly string[], counted: readonly string[] = []) {
  const db = w.session.db;
  return {
    auditCount: w.audit.count(),
    auditHead: w.audit.entries(0).at(-1)?.hash,
    pending: w.sync.status().pending,
    fieldVersions: db.prepare('SELECT count(*) AS n FROM field_versions').get(),
    ...Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all()])),
    ...Object.fromEntries(counted.map((t) => [`${t}Count`, db.prepare(`SELECT count(*) AS n FROM ${t}`).get()])),
  };
}

/**
 * What every sync test file needs: a real PostgreSQL started for the file, and machines set up
 * in temporary folders, all shut down and removed (last made first) when the file is done.
 */
export function syncHarness(prefix: string) {
  let server: TestPostgres | undefined;
  const cleanups: (() => void | Promise<void>)[] = [];
  beforeAll(async () => {
    server = await TestPostgres.start();
  }, 180_000);
  afterAll(async () => {
    while (cleanups.length) await cleanups.pop()!();
    // Unset when set-up failed: its one-line TestPostgresError is the whole report.
    if (server) await server.destroy();
  });
  return {
    pg: (): TestPostgres => server!,
    onCleanup: (fn: () => void | Promise<void>) => cleanups.push(fn),
    /**
     * The roles tests' team: Claire creates the workspace (administrator); Samir joins as
     * security lead and Inès as reader, each with a real invitation and its code. Not synced yet.
     */
    async team(): Promise<{ claire: Workstation; samir: Workstation; ines: Workstation }> {
      const claire = await this.client('Claire');
      const samir = await this.client('Samir');
      const ines = await this.client('Ines');
      await claire.sync.createWorkspace(server!.connection(), 'Claire Martin');
      for (const [m, role, label] of [[samir, 'security_lead', 'Samir Haddad'], [ines, 'reader', 'Inès Roux']] as const) {
        const inv = await claire.sync.createInvitation(role);
        await m.sync.join({ ...server!.connection(), invitation: inv.invitation, code: inv.code }, label);
      }
      return { claire, samir, ines };
    },
    /** A set-up, unlocked machine whose user is `name`. */
    async client(name: string): Promise<Workstation> {
      const t = tempDir(`privacyops-${prefix}-${name.replace(/\W/g, '')}-`);
      const ws = await setUpWorkstation(t.dir);
      ws.updateProfile({ userName: name });
      cleanups.push(async () => {
        await ws.shutdown();
        t.cleanup();
      });
      return ws;
    },
  };
}
