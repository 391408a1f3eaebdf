import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { cacheKibFor, openEncrypted } from '../../electron/core/db/open';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion, type Migration } from '../../electron/core/db/migrations';
import { profilePaths } from '../../electron/core/profile-file';
import { ApiError } from '@shared/api/contract';
import type { ComplaintCreate } from '@shared/schemas/complaint';
import { PASSPHRASE, fileDigest, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function scratch() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

const optOut: ComplaintCreate = {
  receivedAt: '2018-07-02T10:00:00+02:00',
  channel: 'email',
  complainantLabel: 'M. R.',
  complainantContact: 'mr@example.org',
  rights: ['objection_direct_marketing'],
  summary: 'I opted out of marketing emails in June and still receive them: désabonnement ignoré.',
};

describe('encrypted register', () => {
  it('creates a complaint, finds it after a restart, and computes its Art. 12(3) deadline', async () => {
    const dir = scratch();
    const ws = await setUpWorkstation(dir);
    const c = ws.complaints.create(optOut);
    expect(c.reference).toBe('C-2018-0001');
    expect(c.receivedAt).toBe('2018-07-02T08:00:00.000Z');
    // One month from 2 July (the day itself not counted): end of Thursday 2 August, Paris time.
    expect(c.responseDue).toBe('2018-08-02T22:00:00.000Z');
    expect(c.status).toBe('received');
    ws.close();

    const again = await startWorkstation(dir);
    expect(again.status().state).toBe('locked');
    expect(again.status().lockReason).toBe('keychain-unavailable');
    await again.unlock(PASSPHRASE);
    const found = again.complaints.get(c.id);
    expect(found).toEqual(c);
    expect(again.profile().organisation.name).toBe('Exemple Télécom SA');
    again.close();
  });

  it('extends the response deadline by two months when the extension notice is recorded', async () => {
    const ws = await setUpWorkstation(scratch());
    const c = ws.complaints.create(optOut);
    const ext = ws.complaints.update({ id: c.id, patch: { extensionNoticeAt: '2018-07-20T09:00:00+02:00', extensionReason: 'Complex request' } });
    // Three months from 2 July: end of 2 October 2018 (a Tuesday).
    expect(ext.responseDue).toBe('2018-10-02T22:00:00.000Z');
    expect(ext.summary).toBe(optOut.summary);
    // A notice sent after the first month extends nothing.
    const late = ws.complaints.update({ id: c.id, patch: { extensionNoticeAt: '2018-08-10T09:00:00+02:00' } });
    expect(late.responseDue).toBe('2018-08-02T22:00:00.000Z');
    ws.close();
  });

  it('lists with filters, sorting and paging in the database, and searches full text without accents', async () => {
    const ws = await setUpWorkstation(scratch());
    const days = ['02', '09', '16', '23', '30'];
    for (const [i, d] of days.entries()) {
      ws.complaints.create({
        ...optOut,
        receivedAt: `2018-07-${d}T10:00:00+02:00`,
        channel: i % 2 ? 'regulator' : 'email',
        regulator: i % 2 ? 'FR-CNIL' : null,
        regulatorReference: i % 2 ? `18-0${i}234` : null,
        rights: i === 4 ? ['access'] : ['objection_direct_marketing'],
        summary: i === 3 ? 'Demande de portabilité des données de facturation' : `Réclamation numéro ${i}`,
      });
    }
    const all = ws.complaints.list({ sort: { field: 'receivedAt', dir: 'asc' }, limit: 2 });
    expect(all.total).toBe(5);
    expect(all.items.map((c) => c.reference)).toEqual(['C-2018-0001', 'C-2018-0002']);
    const page2 = ws.complaints.list({ sort: { field: 'receivedAt', dir: 'asc' }, limit: 2, offset: 2 });
    expect(page2.items.map((c) => c.reference)).toEqual(['C-2018-0003', 'C-2018-0004']);
    expect(ws.complaints.list({ channel: ['regulator'] }).total).toBe(2);
    expect(ws.complaints.list({ right: ['access'] }).items.map((c) => c.reference)).toEqual(['C-2018-0005']);
    expect(ws.complaints.list({ text: 'portabilite' }).items.map((c) => c.reference)).toEqual(['C-2018-0004']);
    expect(ws.complaints.list({ text: 'factur' }).total).toBe(1);
    expect(ws.complaints.list({ text: '18-01234' }).total).toBe(1);
    expect(ws.complaints.list({ text: 'nothing-like-this' }).total).toBe(0);
    // FTS syntax typed by a user is text, not an operator.
    expect(() => ws.complaints.list({ text: 'NEAR( "unbalanced' })).not.toThrow();
    ws.close();
  });

  it('never deletes: archive needs a reason, hides the record from the default list, restore brings it back', async () => {
    const ws = await setUpWorkstation(scratch());
    const c = ws.complaints.create(optOut);
    const archived = ws.complaints.archive({ id: c.id, reason: 'Duplicate of C-2018-0002' });
    expect(archived.archivedAt).not.toBeNull();
    expect(ws.complaints.list({}).total).toBe(0);
    expect(ws.complaints.list({ includeArchived: true }).total).toBe(1);
    expect(() => ws.complaints.setStatus({ id: c.id, status: 'answered' })).toThrow(/archived/);
    expect(() => ws.complaints.update({ id: c.id, patch: { summary: 'changed while archived' } })).toThrow(/archived/);
    ws.complaints.restore(c.id);
    expect(ws.complaints.list({}).total).toBe(1);
    ws.close();
  });

  it('answering records the instant that meets the clock, once', async () => {
    const ws = await setUpWorkstation(scratch());
    const c = ws.complaints.create(optOut);
    const answered = ws.complaints.setStatus({ id: c.id, status: 'answered', at: '2018-07-20T15:00:00+02:00' });
    expect(answered.answeredAt).toBe('2018-07-20T13:00:00.000Z');
    const closed = ws.complaints.setStatus({ id: c.id, status: 'closed' });
    expect(closed.answeredAt).toBe('2018-07-20T13:00:00.000Z');
    ws.close();
  });

  it('rejects a duplicate reference without writing anything', async () => {
    const ws = await setUpWorkstation(scratch());
    ws.complaints.create({ ...optOut, reference: 'CNIL-18-001' });
    const before = ws.audit.verify().count;
    expect(() => ws.complaints.create({ ...optOut, reference: 'CNIL-18-001' })).toThrow(ApiError);
    expect(ws.complaints.list({}).total).toBe(1);
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: before });
    ws.close();
  });
});

describe('page cache', () => {
  it('is a quarter of the register on disk, between 64 MiB and 1 GiB, set when it is opened', () => {
    const MIB = 1024 * 1024;
    expect([0, 100 * MIB, 256 * MIB, 400 * MIB, 4500 * MIB, 40_000 * MIB].map(cacheKibFor)).toEqual([65_536, 65_536, 65_536, 102_400, 1_048_576, 1_048_576]);
    const dir = scratch();
    const path = join(dir, 'register.db');
    const key = randomBytes(32);
    const db = openEncrypted(path, key, { create: true });
    expect(db.pragma('cache_size', { simple: true })).toBe(-65_536);
    // 300 MiB of rows: reopened, its cache is a quarter of the file.
    db.exec('CREATE TABLE filler (b BLOB)');
    const insert = db.prepare('INSERT INTO filler VALUES (randomblob(1048576))');
    db.transaction(() => {
      for (let i = 0; i < 300; i++) insert.run();
    })();
    db.close();
    const again = openEncrypted(path, key, { create: false });
    cleanups.push(() => again.close());
    const size = statSync(path).size;
    expect(size).toBeGreaterThan(300 * MIB);
    expect(again.pragma('cache_size', { simple: true })).toBe(-Math.ceil(size / 4 / 1024));
  });
});

describe('data at rest', () => {
  it('keeps no record text in clear in the database, its WAL, or anything else in the data folder', async () => {
    const dir = scratch();
    const ws = await setUpWorkstation(dir);
    const secret = 'Zéphyrin-Quasimodo-4471';
    ws.complaints.create({ ...optOut, complainantLabel: secret, summary: `Summary mentioning ${secret}` });
    const { database } = profilePaths(dir);
    // Checked while the register is open, so the WAL still holds the new pages.
    expect(existsSync(`${database}-wal`)).toBe(true);
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f));
      for (const needle of [secret, 'Quasimodo', 'Exemple Télécom', 'Claire Dubois']) {
        expect(bytes.includes(Buffer.from(needle)), `${needle} in ${f}`).toBe(false);
      }
    }
    expect(readFileSync(database).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    ws.close();
  });

  it('refuses a wrong key with a clear error and leaves the files unchanged', async () => {
    const dir = scratch();
    const ws = await setUpWorkstation(dir);
    ws.complaints.create(optOut);
    ws.close();
    const { database } = profilePaths(dir);
    const before = [fileDigest(database), fileDigest(`${database}-wal`), fileDigest(`${database}-shm`)];
    let err: unknown;
    try {
      openEncrypted(database, randomBytes(32), { create: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('WRONG_KEY');
    expect((err as ApiError).message).toMatch(/does not open the register/);
    expect([fileDigest(database), fileDigest(`${database}-wal`), fileDigest(`${database}-shm`)]).toEqual(before);
  });

  it('refuses a wrong passphrase with a clear error, stays locked and writes nothing', async () => {
    const dir = scratch();
    (await setUpWorkstation(dir)).close();
    const files = readdirSync(dir).sort();
    const digests = files.map((f) => fileDigest(join(dir, f)));
    const ws = await startWorkstation(dir);
    await expect(ws.unlock('not the passphrase at all')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' });
    expect(ws.status().state).toBe('locked');
    expect(() => ws.complaints.list({})).toThrow(/locked/);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(files.map((f) => fileDigest(join(dir, f)))).toEqual(digests);
    ws.close();
  });

  it('writes a file SQLCipher 4 itself can open with the same raw key', async () => {
    const dir = scratch();
    const key = randomBytes(32);
    const path = join(dir, 'compat.db');
    const db = openEncrypted(path, key, { create: true });
    migrate(db);
    db.prepare("INSERT INTO meta (key, value) VALUES ('probe', 'lisible par SQLCipher')").run();
    db.close();

    const { createRequire } = await import('node:module');
    const sqlcipher = createRequire(import.meta.url)('@journeyapps/sqlcipher') as typeof import('@journeyapps/sqlcipher');
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const d = new sqlcipher.Database(path);
      d.serialize(() => {
        d.run(`PRAGMA key = "x'${key.toString('hex')}'"`);
        d.all("SELECT value FROM meta WHERE key = 'probe'", (e: Error | null, r: unknown[]) => {
          d.close();
          if (e) reject(e);
          else resolve(r);
        });
      });
    });
    expect(rows).toEqual([{ value: 'lisible par SQLCipher' }]);
  });
});

describe('schema migrations', () => {
  it('brings a new register to the latest version and applies later steps to an old one', () => {
    const dir = scratch();
    const key = randomBytes(32);
    const db = openEncrypted(join(dir, 'm.db'), key, { create: true });
    expect(migrate(db)).toEqual({ from: 0, to: LATEST_SCHEMA_VERSION });
    const next: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'test step',
      up: (d) => d.exec('ALTER TABLE complaints ADD COLUMN test_col TEXT'),
    };
    const { migrations } = { migrations: [next] };
    expect(migrate(db, migrations)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION + 1 });
    expect((db.prepare("SELECT count(*) AS n FROM pragma_table_info('complaints') WHERE name = 'test_col'").get() as { n: number }).n).toBe(1);
    db.close();
  });

  it('rolls back a failing step entirely', () => {
    const dir = scratch();
    const db = openEncrypted(join(dir, 'm.db'), randomBytes(32), { create: true });
    migrate(db);
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      description: 'fails halfway',
      up: (d) => {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses a register from a newer version of the app', () => {
    const dir = scratch();
    const db = openEncrypted(join(dir, 'm.db'), randomBytes(32), { create: true });
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'DATABASE_NEWER', message: expect.stringMatching(/newer version/) }));
    db.close();
  });
});
