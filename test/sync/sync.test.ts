import { describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });
import { createServer, type Server } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Workstation } from '../../electron/core/workstation';
import type { ApiError } from '@shared/api/contract';
import { Backend } from '../../electron/core/sync/backend';
import { BACKEND_SCHEMA_VERSION } from '../../electron/core/sync/backend-schema';
import { syncHarness } from '../support/sync-harness';
import { freePort } from '../support/postgres';

const harness = syncHarness('sync');
const client = harness.client;

/** Everything a user sees of the registers, for comparing machines. */
function snapshot(ws: Workstation) {
  const r = ws.registers;
  const strip = <T extends { updatedAt: string }>({ updatedAt: _u, ...rest }: T): Omit<T, 'updatedAt'> => rest;
  return {
    complaints: ws.complaints.list({ includeArchived: true, limit: 500, sort: { field: 'reference', dir: 'asc' } }).items.map(strip),
    letters: r.letters.list({ includeArchived: true, limit: 500, sort: { field: 'reference', dir: 'asc' } }).items.map(strip),
    incidents: r.incidents.list({ includeArchived: true, limit: 500, sort: { field: 'reference', dir: 'asc' } }).items.map((i) => strip(r.incidents.detail(i.id).incident)),
    actions: r.actions.list({ includeArchived: true, limit: 500, sort: { field: 'reference', dir: 'asc' } }).items.map(strip),
  };
}

const seed = readFileSync(fileURLToPath(new URL('../fixtures/seeds/000_8cb50b08018a3d21.txt', import.meta.url)));

async function workspaceOf3() {
  const a = await client('Claire (DPO)');
  const b = await client('Samir (security lead)');
  const c = await client('Inès (legal)');
  await a.sync.createWorkspace(harness.pg().connection(), 'A');
  for (const other of [b, c]) {
    const inv = await a.sync.createInvitation('dpo');
    await other.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'member');
  }
  return { a, b, c };
}

describe('sync through a shared PostgreSQL', () => {
  it('S1 entered on one machine appears on two others, attachments included', async () => {
    const { a, b, c } = await workspaceOf3();
    const complaint = a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'regulator', regulator: 'FR-CNIL', regulatorReference: '18-0123', complainantLabel: 'M. R.', rights: ['objection_direct_marketing'], summary: 'Opted out, still receives marketing emails' });
    const letter = a.registers.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'reprimand', receivedAt: '2020-02-25T10:00:00+01:00', notifiedAt: '2020-02-25T10:00:00+01:00', subject: 'Rappel à l’ordre' });
    // Over two chunks, so it travels in pieces.
    const big = Buffer.concat([seed, Buffer.alloc(1_300_000, 0x41)]);
    await a.registers.attachments.add({ record: { type: 'letter', id: letter.id }, fileName: 'reprimand.txt', mimeType: 'text/plain', contentBase64: big.toString('base64') });
    const incident = a.registers.incidents.create({ title: 'Consent migration mapping bug', ourRole: 'controller', awareAt: '2018-08-21T10:15:00+02:00' });
    a.registers.links.create({ from: { type: 'complaint', id: complaint.id }, to: { type: 'incident', id: incident.id } });
    expect(a.sync.status().pending).toBeGreaterThan(0);
    await a.sync.syncNow();
    expect(a.sync.status()).toMatchObject({ state: 'online', pending: 0 });
    for (const other of [b, c]) {
      await other.sync.syncNow();
      expect(snapshot(other)).toEqual(snapshot(a));
      expect(other.registers.links.of({ type: 'incident', id: incident.id }).map((l) => l.other.reference)).toEqual(['C-2018-0001']);
      const [att] = other.registers.attachments.of({ type: 'letter', id: letter.id });
      expect(other.registers.attachments.content(att!.id).bytes.equals(big)).toBe(true);
      expect(other.search({ text: 'State Council' }).hits.map((h) => h.id)).toEqual([letter.id]);
      expect(other.audit.verify().ok).toBe(true);
      // History says who changed what on which machine.
      const h = other.history('complaint', complaint.id);
      expect(h[0]).toMatchObject({ actor: 'Claire (DPO)', device: a.profile().deviceId });
    }
  });

  it('three machines edit apart, reconnect in different orders, and converge with every conflict recorded', async () => {
    const { a, b, c } = await workspaceOf3();
    const base = a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'J. D.', rights: ['access'], summary: 'Access request' });
    await a.sync.syncNow();
    await b.sync.syncNow();
    await c.sync.syncNow();
    // Offline: nobody syncs. Same field on all three, different fields too.
    a.complaints.update({ id: base.id, patch: { summary: 'Summary by A' } });
    b.complaints.update({ id: base.id, patch: { summary: 'Summary by B', outcome: 'Outcome by B' } });
    c.complaints.update({ id: base.id, patch: { summary: 'Summary by C', complainantContact: 'jd@example.org' } });
    c.complaints.setStatus({ id: base.id, status: 'in_progress' });
    const created = [a, b, c].map((w, i) => w.registers.actions.create({ title: `Action made offline ${i}`, owner: 'DPO' }));
    for (const w of [b, a, c, b, a, c]) await w.sync.syncNow();

    const snaps = [a, b, c].map(snapshot);
    expect(snaps[1]).toEqual(snaps[0]);
    expect(snaps[2]).toEqual(snaps[0]);
    const final = a.complaints.get(base.id);
    expect(['Summary by A', 'Summary by B', 'Summary by C']).toContain(final.summary);
    expect(final).toMatchObject({ outcome: 'Outcome by B', complainantContact: 'jd@example.org', status: 'in_progress' });
    expect(snaps[0]!.actions.map((x) => x.title).sort()).toEqual(created.map((x) => x.title).sort());
    // Two losing summaries, kept, on every machine.
    for (const w of [a, b, c]) {
      const conflicts = w.sync.conflicts().filter((k) => k.recordId === base.id && k.field === 'summary');
      expect(conflicts.map((k) => k.losingValue).sort()).toEqual(['Summary by A', 'Summary by B', 'Summary by C'].filter((v) => v !== final.summary).sort());
      expect(conflicts.every((k) => k.currentValue === final.summary)).toBe(true);
      expect(w.audit.verify().ok).toBe(true);
    }
    // Take a losing value on B: it becomes the value everywhere, and the conflict is settled everywhere.
    const pick = b.sync.conflicts().find((k) => k.recordId === base.id)!;
    b.resolveConflict(pick.id, 'took_losing');
    for (const w of [b, a, c]) await w.sync.syncNow();
    for (const w of [a, b, c]) {
      expect(w.complaints.get(base.id).summary).toBe(pick.losingValue);
      expect(w.sync.conflicts().filter((k) => k.field === 'summary' && k.recordId === base.id).length).toBe(1);
    }
  });

  it('a creation applied in one go and the operations that follow it in the same page, or arrive before a second creation of the same id, end as on the machines that made them', async () => {
    const { a, b, c } = await workspaceOf3();
    const facts = { title: 'Customer database exposed', ourRole: 'controller' as const, awareAt: '2020-10-01T09:40:00+02:00', nature: ['confidentiality' as const], dataCategories: ['contact' as const] };
    // Created and changed several times before it goes up: one page holds the creation and
    // what follows it, on the same record.
    const incident = a.registers.incidents.create(facts);
    a.registers.incidents.update({ id: incident.id, patch: { lead: 'Security lead' } });
    a.registers.incidents.update({ id: incident.id, patch: { lead: 'DPO', likelyConsequences: 'Phishing attempts.' } });
    const complaint = a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'J. D.', rights: ['access'], summary: 'First summary' });
    a.complaints.update({ id: complaint.id, patch: { summary: 'Second summary' } });
    a.complaints.setStatus({ id: complaint.id, status: 'in_progress' });
    await a.sync.syncNow();
    for (const w of [b, c]) await w.sync.syncNow();
    for (const w of [b, c]) {
      expect(w.complaints.get(complaint.id)).toEqual(a.complaints.get(complaint.id));
      expect(w.registers.incidents.detail(incident.id).incident).toEqual(a.registers.incidents.detail(incident.id).incident);
    }
    // The versions that came with the creation still tell edits made apart: a conflict, kept.
    a.complaints.update({ id: complaint.id, patch: { summary: 'Summary by A' } });
    b.complaints.update({ id: complaint.id, patch: { summary: 'Summary by B' } });
    // Offline, A and B both assess the risk as high: each proposes the Art. 34 obligation under
    // the same derived id, so the backend gets two creations of one record.
    a.registers.incidents.update({ id: incident.id, patch: { riskLevel: 'high' } });
    b.registers.incidents.update({ id: incident.id, patch: { riskLevel: 'high' } });
    await b.sync.syncNow();
    // C takes B's creation and decides on it before A's creation goes up: a field operation
    // that the backend holds before the second creation of the same id.
    await c.sync.syncNow();
    const art34 = c.registers.incidents.obligations.byIncident(incident.id).find((o) => o.regime === 'gdpr-34')!;
    c.registers.incidents.obligations.decide({ id: art34.id, decision: 'required', rationale: 'Customers must be told to beware of phishing' });
    for (const w of [c, a, b, c, a]) await w.sync.syncNow();
    // A new member gets all of it in its first pull: B's creation never seen (applied in one go),
    // C's decision, then A's creation of a record it now holds (field by field, as a conflict).
    const d = await client('Dora (new member)');
    const inv = await a.sync.createInvitation('dpo');
    await d.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'member');
    await d.sync.syncNow();
    const view = (w: Workstation) => ({
      ...snapshot(w),
      obligations: w.registers.incidents.obligations.byIncident(incident.id).map(({ updatedAt: _u, ...o }) => o),
    });
    const ref = view(a);
    expect(ref.obligations.find((o) => o.id === art34.id)).toMatchObject({ decision: 'required', rationale: 'Customers must be told to beware of phishing' });
    for (const w of [b, c, d]) expect(view(w)).toEqual(ref);
    for (const w of [a, b, c, d]) {
      const summary = w.sync.conflicts().filter((k) => k.recordId === complaint.id && k.field === 'summary');
      expect(summary).toHaveLength(1);
      expect(summary[0]!.currentValue).toBe(a.complaints.get(complaint.id).summary);
      expect(w.audit.verify().ok).toBe(true);
    }
  });

  it('while connected, a colleague\'s change arrives by itself within seconds (LISTEN/NOTIFY), and local edits go up unasked', async () => {
    const { a, b } = await workspaceOf3();
    a.sync.start();
    b.sync.start();
    const arrived = new Promise<number>((resolve) => {
      const t0 = Date.now();
      b.on('record.changed', (e) => {
        if (e.recordType === 'incident') resolve(Date.now() - t0);
      });
    });
    // Let both loops finish their first round and LISTEN.
    await new Promise((r) => setTimeout(r, 1_500));
    a.registers.incidents.create({ title: 'Base exposée', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' });
    const ms = await arrived;
    // Polling alone would take 15 s; a notification brings it at once.
    expect(ms).toBeLessThan(10_000);
    expect(b.registers.incidents.list({}).items.map((i) => i.title)).toEqual(['Base exposée']);
  });

  it('changes made one after another while pushes are under way all go up, none skipped', async () => {
    const { a, b } = await workspaceOf3();
    a.sync.start();
    // Made as people make them, each its own call with the event loop free in between, while A
    // pushes the ones before (a push reads its next batch ahead while one is on the wire).
    for (let i = 0; i < 400; i++) {
      a.complaints.create({ receivedAt: '2026-02-01T09:00:00+01:00', channel: 'email', complainantLabel: `Live ${i}`, rights: ['erasure'], summary: `Live change ${i}` });
      await new Promise((r) => setImmediate(r));
    }
    await a.sync.syncNow();
    expect(a.sync.status().pending).toBe(0);
    await b.sync.syncNow();
    expect(b.complaints.list({}).total).toBe(400);
    expect(b.audit.verify().ok).toBe(true);
  });

  it("a new member's pull of several pages checks the signatures on the signature thread, and lands as on the machine that made them", async () => {
    const { a } = await workspaceOf3();
    const reserved = new Set<string>();
    const planned = Array.from({ length: 6_000 }, (_, i) =>
      a.complaints.planned({ receivedAt: '2026-01-05T10:00:00+01:00', channel: 'web_form', complainantLabel: `Personne ${i}`, rights: ['access'], summary: `Demande ${i}` }, [], reserved),
    );
    a.complaints.bulkLoad(planned);
    await a.sync.syncNow();
    // A's own pushes signed them on the thread.
    expect(a.sync.signatureWork().thread).toBeGreaterThanOrEqual(6_000);
    const d = await client('Nadia (new member)');
    const inv = await a.sync.createInvitation('reader');
    await d.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'D');
    expect(d.complaints.list({}).total).toBe(6_000);
    // Pages of 500, 2,000, then the rest (3,500). A page is opened, and its signatures handed to
    // the thread, before the page ahead of it is applied: so the first two are opened before this
    // machine holds A's key (its statements are in the first) and Membership.refusal checks them
    // itself; the third is checked on the thread, and nothing fell back to this thread.
    const work = d.sync.signatureWork();
    expect(work.thread).toBeGreaterThanOrEqual(3_500);
    expect(work.inline).toBe(0);
    expect(d.audit.verify().ok).toBe(true);
    expect(d.sync.quarantined()).toEqual([]);
    const first = a.complaints.list({ limit: 1, sort: { field: 'reference', dir: 'asc' } }).items[0]!;
    expect(d.complaints.get(first.id)).toEqual(a.complaints.get(first.id));
  });

  it('the backend holds no record text, names or file contents in clear', async () => {
    const { a, b } = await workspaceOf3();
    const secret = 'Zéphyrine Trouvère-Quimper';
    a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: secret, complainantContact: 'zephyrine@exemple.fr', rights: ['erasure'], summary: 'Demande d’effacement confidentielle XYZZY-4471' });
    const inc = a.registers.incidents.create({ title: 'Incident PLUGH-998', ourRole: 'controller', awareAt: '2020-10-01T09:40:00+02:00' });
    await a.registers.attachments.add({ record: { type: 'incident', id: inc.id }, fileName: 'evidence-FROTZ.txt', mimeType: 'text/plain', contentBase64: Buffer.from('Attachment body GRUE-31337').toString('base64') });
    await a.sync.syncNow();
    await b.sync.syncNow();
    const dump = await harness.pg().dump();
    expect(dump.length).toBeGreaterThan(1000);
    for (const needle of [secret, 'Zéphyrine', 'zephyrine@exemple.fr', 'XYZZY', 'PLUGH', 'FROTZ', 'GRUE-31337', 'Claire', 'Samir', 'complainantLabel', 'C-2018-0001']) {
      expect(dump.includes(Buffer.from(needle)), needle).toBe(false);
    }
  });

  it('a wrong invitation code is refused and changes nothing locally', async () => {
    const a = await client('A');
    const b = await client('B');
    await a.sync.createWorkspace(harness.pg().connection(), 'A');
    const inv = await a.sync.createInvitation('dpo');
    b.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'x', rights: ['access'], summary: 'local only' });
    const before = b.audit.verify();
    await expect(b.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: 'wrong words entirely here please now' }, 'B')).rejects.toMatchObject({ code: 'WRONG_KEY' });
    expect(b.sync.status().configured).toBe(false);
    expect(b.audit.verify()).toEqual(before);
    // The right code still works afterwards.
    await b.sync.join({ ...harness.pg().connection(), invitation: inv.invitation, code: inv.code }, 'B');
    expect(b.sync.status().state).toBe('online');
  });

  it('a removed member gets a clear message, keeps its register, and cannot read what follows', async () => {
    const { a, b, c } = await workspaceOf3();
    a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'before', rights: ['access'], summary: 'seen by all' });
    for (const w of [a, b, c]) await w.sync.syncNow();
    const cId = (await a.sync.members()).find((m) => !m.isMe && m.memberId === c.sync.status().memberId)!.memberId;
    await a.sync.removeMember(cId);
    a.complaints.create({ receivedAt: '2018-07-03T10:00:00+02:00', channel: 'email', complainantLabel: 'after', rights: ['access'], summary: 'not for C' });
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(b.complaints.list({}).total).toBe(2);
    const before = snapshot(c);
    await expect(c.sync.syncNow()).rejects.toMatchObject({ code: 'REVOKED' });
    expect(c.sync.status().state).toBe('removed');
    expect(snapshot(c)).toEqual(before);
    expect((await a.sync.members()).find((m) => m.memberId === cId)?.removedAt).not.toBeNull();
  });

  it('a backend of a newer schema version is refused with a clear message', async () => {
    const a = await client('A');
    await a.sync.createWorkspace(harness.pg().connection(), 'A');
    a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'x', rights: ['access'], summary: 'pending' });
    await harness.pg().admin(`UPDATE privacyops.meta SET value = '99' WHERE key = 'schema_version'`);
    try {
      const before = a.audit.verify();
      await expect(a.sync.syncNow()).rejects.toMatchObject({ code: 'BACKEND_INCOMPATIBLE', message: expect.stringMatching(/newer PrivacyOps Workstation/) });
      expect(a.audit.verify()).toEqual(before);
      expect(a.sync.status().pending).toBeGreaterThan(0);
    } finally {
      await harness.pg().admin(`UPDATE privacyops.meta SET value = $1 WHERE key = 'schema_version'`, [String(BACKEND_SCHEMA_VERSION)]);
    }
  });

  it('a server that is not PostgreSQL gets a clear message', async () => {
    const port = await freePort();
    const fake: Server = createServer((sock) => sock.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    await new Promise<void>((r) => fake.listen(port, '127.0.0.1', () => r()));
    try {
      await expect(Backend.connect({ connection: { host: '127.0.0.1', port, database: 'x', user: 'x', sslMode: 'disable', caCertificate: null }, password: 'x' })).rejects.toMatchObject({
        code: 'BACKEND_NOT_POSTGRES',
        message: expect.stringMatching(/127\.0\.0\.1/),
      });
      const a = await client('A');
      await expect(a.sync.createWorkspace({ connection: { host: '127.0.0.1', port, database: 'x', user: 'x', sslMode: 'disable', caCertificate: null }, password: 'x' }, 'A')).rejects.toMatchObject({
        code: 'BACKEND_NOT_POSTGRES',
      });
      expect(a.sync.status().configured).toBe(false);
    } finally {
      fake.close();
    }
  });

  it("row-level security keeps one workspace's rows away from another database role", async () => {
    for (const r of ['dpo_team', 'other_team']) {
      await harness.pg().admin(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${r}') THEN CREATE ROLE ${r} LOGIN PASSWORD 'pw-${r}'; END IF; END $$`);
      await harness.pg().admin(`GRANT CONNECT ON DATABASE privacyops TO ${r}`);
    }
    // The schema exists already (created by the superuser in earlier tests) and is granted to PUBLIC.
    const a = await client('A');
    const o = await client('O');
    await a.sync.createWorkspace(harness.pg().connection('dpo_team', 'pw-dpo_team'), 'A');
    a.complaints.create({ receivedAt: '2018-07-02T10:00:00+02:00', channel: 'email', complainantLabel: 'x', rights: ['access'], summary: 's' });
    await a.sync.syncNow();
    await o.sync.createWorkspace(harness.pg().connection('other_team', 'pw-other_team'), 'O');
    const wsA = a.sync.status().workspaceId!;
    const other = await Backend.connect(harness.pg().connection('other_team', 'pw-other_team'));
    try {
      expect(await other.pull(wsA, 0, 100)).toEqual([]);
      await expect(other.workspaceEpoch(wsA)).rejects.toMatchObject({ code: 'BACKEND_PERMISSION' });
      await expect(other.push(wsA, [{ opId: '00000000-0000-4000-8000-000000000001', epoch: 1, payload: Buffer.from('x'), sig: null }])).rejects.toBeTruthy();
      await expect(other.createWorkspace(wsA)).rejects.toBeTruthy();
    } finally {
      await other.close();
    }
    const mine = await Backend.connect(harness.pg().connection('dpo_team', 'pw-dpo_team'));
    try {
      expect((await mine.pull(wsA, 0, 100)).length).toBeGreaterThan(0);
    } finally {
      await mine.close();
    }
  });

  it('a role that may not upgrade an older backend schema is told that, and by whom it can be done (not that there is no schema)', async () => {
    await harness.pg().admin(`DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'late_team') THEN CREATE ROLE late_team LOGIN PASSWORD 'pw-late_team'; END IF; END $$`);
    await harness.pg().admin(`GRANT CONNECT ON DATABASE privacyops TO late_team`);
    // The schema exists (made by its owner, the superuser, as in the tests before), one version older.
    const owner = await Backend.connect(harness.pg().connection());
    await owner.ensureSchema();
    await owner.close();
    const current = (await harness.pg().admin<{ value: string }>(`SELECT value FROM privacyops.meta WHERE key = 'schema_version'`)).rows[0]!.value;
    await harness.pg().admin(`UPDATE privacyops.meta SET value = $1 WHERE key = 'schema_version'`, [String(Number(current) - 1)]);
    try {
      const late = await client('Late');
      const refused = await late.sync.createWorkspace(harness.pg().connection('late_team', 'pw-late_team'), 'Late').catch((e: ApiError) => e);
      expect(refused).toMatchObject({ code: 'BACKEND_PERMISSION' });
      expect((refused as ApiError).message).toBe(
        `The shared backend's PrivacyOps schema is at version ${Number(current) - 1}; this app needs version ${current}, and the role "late_team" may not upgrade it: only the schema's owner ("postgres") may. Ask your IT team to open the app once with that role (it upgrades the schema by itself; see the README, "Setting up the shared backend"). Nothing was changed on the backend; your local register was not touched and its changes wait on this machine.`,
      );
      expect(late.sync.status().configured).toBe(false);
      expect((await harness.pg().admin<{ value: string }>(`SELECT value FROM privacyops.meta WHERE key = 'schema_version'`)).rows[0]!.value).toBe(String(Number(current) - 1));
    } finally {
      await harness.pg().admin(`UPDATE privacyops.meta SET value = $1 WHERE key = 'schema_version'`, [current]);
    }
  });
});
