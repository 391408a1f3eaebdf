import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../../electron/core/db/migrations';
import { openEncrypted } from '../../electron/core/db/open';
import { steps } from '../../electron/core/db/steps';
import { OsKeyStore } from '../../electron/core/keys/keychain';
import { fileDigest, PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A copy of a data folder an earlier version of the app wrote (test/fixtures/registers). */
function oldRegister(name: string): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const dir = join(t.dir, 'data');
  cpSync(fileURLToPath(new URL(`../fixtures/registers/${name}`, import.meta.url)), dir, { recursive: true });
  return dir;
}

describe('a register written by main before the search and list migrations (schema 6)', () => {
  it('opens with the current app: upgraded, nothing lost, the chain intact, lists and search working', async () => {
    const ws = await startWorkstation(oldRegister('main-schema-6'));
    cleanups.push(() => ws.close());
    await ws.unlock(PASSPHRASE);
    const db = ws.session.db;
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    // Schema 9 proposed the incidents' notification obligations once, on the same chain.
    const upgraded = ws.audit.verify();
    expect(upgraded).toMatchObject({ ok: true, firstBad: null });
    const added = ws.audit.entries(74, 1000);
    expect(added.length).toBe(upgraded.count - 74);
    for (const e of added) expect(['obligation', 'incident', 'notification']).toContain(e.recordType);
    expect(added.filter((e) => e.recordType === 'obligation' && e.action === 'create').length).toBeGreaterThan(0);
    for (const i of ws.registers.incidents.list({ limit: 500, includeArchived: true }).items) {
      expect(ws.registers.incidents.obligations.byIncident(i.id).length, i.reference).toBeGreaterThan(0);
    }
    // Done once: opening again adds nothing.
    await ws.lock();
    await ws.unlock(PASSPHRASE);
    expect(ws.audit.verify().count).toBe(upgraded.count);
    const reopened = ws.session.db;

    // The lists: totals from the row counts the migration filled, and the same records.
    const complaints = ws.complaints.list({ limit: 500, sort: { field: 'reference', dir: 'asc' } });
    const counted = (reopened.prepare('SELECT count(*) AS n FROM complaints WHERE archived_at IS NULL').get() as { n: number }).n;
    expect(complaints).toMatchObject({ total: counted, totalCapped: false });
    expect(complaints.items.map((c) => c.reference).slice(0, 2)).toEqual(['C-2018-0001', 'C-2018-0002']);
    expect(ws.complaints.list({ includeArchived: true }).total).toBe(counted + 1);
    expect(ws.complaints.list({ right: ['erasure'], includeArchived: true }).items.map((c) => c.complainantLabel)).toContain('Client 4711');
    // Owners folded by the migration: accents and case do not matter.
    expect(ws.registers.actions.list({ owner: ['helene carpentier'] }).items.map((a) => a.title).sort()).toEqual(['Former l’équipe', 'Revoir le contrat']);
    // Search, ranked by FTS5 with the rank the migration set.
    const found = ws.search({ text: 'consent migration' });
    expect(found.hits.length).toBeGreaterThan(0);
    expect(found.hits[0]!.snippet).toMatch(/\[\[/);
    expect(ws.search({ text: 'géolocalisation', includeArchived: true }).hits.map((h) => h.title)).toContain('Client 4711');

    // And it goes on: a change is audited on the same chain.
    ws.registers.actions.create({ title: 'Après la mise à jour', owner: 'Hélène Carpentier' });
    expect(ws.registers.actions.list({ owner: ['Helene Carpentier'] }).total).toBe(3);
    // Schema 10: the client-contracts register, counted from its row count.
    expect(ws.registers.contracts.list({}).total).toBe(0);
    ws.registers.contracts.create({ name: 'Boulangeries Martin', contacts: 'dpo@martin.example', dpaSignedOn: '2024-05-02' });
    expect(ws.registers.contracts.list({ status: ['active'] }).items.map((c) => [c.name, c.noticeHours])).toEqual([['Boulangeries Martin', 48]]);
    expect(ws.registers.contracts.list({}).total).toBe(1);
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: upgraded.count + 2 });
    // Schema 20: each entry's author member, none on entries from before it nor without sync.
    expect(reopened.prepare('SELECT count(*) AS n, count(author) AS authored FROM audit_log').get()).toEqual({ n: upgraded.count + 2, authored: 0 });
  });
});

describe('a register written by a newer version of the app', () => {
  /** Every file in the data folder and its digest: what "nothing was written" means. */
  function snapshot(dir: string): Record<string, string | null> {
    return Object.fromEntries(readdirSync(dir).sort().map((f) => [f, fileDigest(join(dir, f))]));
  }

  it('is refused with DATABASE_NEWER, by the passphrase and by the keychain, and left byte-identical', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const keyStore = new OsKeyStore('PrivacyOps Workstation (tests)');
    const ws = await setUpWorkstation(t.dir, { keyStore });
    cleanups.push(() => ws.close());
    ws.registers.actions.create({ title: 'Écrit avant la version suivante', owner: 'Claire Dubois' });
    // What a later build would leave: a schema step this build does not have.
    ws.session.db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    ws.lock();
    const before = snapshot(t.dir);
    expect(Object.keys(before)).toContain('register.db');

    await expect(ws.unlock(PASSPHRASE)).rejects.toMatchObject({ code: 'DATABASE_NEWER', message: expect.stringMatching(/newer version.*nothing was changed/s) });
    expect(ws.status()).toMatchObject({ state: 'locked', lockReason: 'database-newer' });
    expect(snapshot(t.dir)).toEqual(before);

    // Started again with the key in the keychain: it stays locked and says why, still untouched.
    ws.close();
    const again = await startWorkstation(t.dir, { keyStore });
    cleanups.push(() => again.close());
    expect(again.status()).toMatchObject({ state: 'locked', lockReason: 'database-newer' });
    await expect(again.tryKeychainUnlock()).resolves.toMatchObject({ state: 'locked', lockReason: 'database-newer' });
    expect(snapshot(t.dir)).toEqual(before);
  });
});

describe('migration 19: template versions and generated letters become operations', () => {
  it('keeps every saved version (in its former order, no clock yet) and points each generated letter at the version it used', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = openEncrypted(join(t.dir, 'm19.db'), randomBytes(32), { create: true });
    try {
      migrate(db, steps.slice(0, 18));
      const version = db.prepare(
        `INSERT INTO letter_template_versions (template_id, version, name_en, name_fr, subject_en, subject_fr, body_en, body_fr, saved_at, saved_by) VALUES ('acknowledgement', ?, 'A', 'A', 'S', 'S', ?, ?, ?, 'Claire')`,
      );
      version.run(2, 'Text two', 'Texte deux', '2026-01-02T10:00:00.000Z');
      version.run(3, 'Text three', 'Texte trois', '2026-01-03T10:00:00.000Z');
      const letter = db.prepare(
        `INSERT INTO composed_letters (id, template_id, template_version, lang, record_type, record_id, client_id, subject, pdf_attachment_id, text_attachment_id, file_name, outbound_letter_id, sent_at, effect, created_at, created_by)
         VALUES (?, 'acknowledgement', ?, 'fr', 'complaint', 'c1', NULL, 'Objet', 'p', 't', 'f', NULL, '2026-01-04T10:00:00.000Z', '{}', '2026-01-04T10:00:00.000Z', 'Claire')`,
      );
      letter.run('l1', 1);
      letter.run('l3', 3);
      expect(migrate(db)).toEqual({ from: 18, to: LATEST_SCHEMA_VERSION });
      const rows = db.prepare('SELECT id, hlc, prior_version, body_en FROM letter_template_versions ORDER BY prior_version').all() as { id: string; hlc: string; prior_version: number; body_en: string }[];
      expect(rows.map((r) => [r.hlc, r.prior_version, r.body_en])).toEqual([
        ['', 2, 'Text two'],
        ['', 3, 'Text three'],
      ]);
      for (const r of rows) expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(db.prepare('SELECT id, template_version, template_version_id, published FROM composed_letters ORDER BY id').all()).toEqual([
        { id: 'l1', template_version: 1, template_version_id: null, published: 0 },
        { id: 'l3', template_version: 3, template_version_id: rows[1]!.id, published: 0 },
      ]);
    } finally {
      db.close();
    }
  });
});
