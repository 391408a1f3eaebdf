/**
 * The client-contracts register (a sixth register built on the shared register base) through the
 * API contract, on a real encrypted register: created, edited, ended, archived and restored, each
 * change audited field by field on a chain that verifies, found by search; and the product link:
 * an affected client picked from a contract takes its name, contacts, hours and language, and its
 * clock and obligation say the contract's hours.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { OpApplier, type SyncOp } from '../../electron/core/sync/apply';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';
import { apiOf } from '../fixtures/scenarios';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now: string) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  ws.updateProfile({ organisation: { role: 'processor' } });
  return { ws, clock, api: apiOf(ws) };
}

describe('client contracts', () => {
  it('are created, edited, ended, archived and restored, each change audited on a chain that verifies', async () => {
    const { ws, api, clock } = await register('2026-01-12T09:00:00Z');
    const c = await api('contracts.create', {
      name: 'Boulangeries Martin',
      contractRef: 'DPA-2024-017',
      noticeHours: 24,
      language: 'fr',
      channel: 'email',
      contacts: 'dpo@boulangeries-martin.fr',
      dpaSignedOn: '2024-05-02',
      countries: ['FR', 'BE', 'FR'],
    });
    expect(c).toMatchObject({ reference: 'CT-2026-0001', status: 'active', noticeHours: 24, countries: ['BE', 'FR'], notes: '' });
    // Defaults: 48 hours, French, active.
    const d = await api('contracts.create', { name: 'Atelier Lumière', contacts: '+33 4 72 00 00 00', channel: 'phone' });
    expect(d).toMatchObject({ reference: 'CT-2026-0002', noticeHours: 48, language: 'fr', status: 'active', dpaSignedOn: null });
    await expect(api('contracts.create', { name: '', contacts: 'x' })).rejects.toThrow(/Name the client/);
    await expect(api('contracts.create', { name: 'X', contacts: 'x@y.fr', noticeHours: 0 })).rejects.toThrow(/At least 1 hour/);
    await expect(api('contracts.create', { name: 'X', contacts: 'x@y.fr', reference: 'CT-2026-0001' })).rejects.toThrow(/already has the reference CT-2026-0001/);

    clock.set('2026-02-01T10:00:00Z');
    const edited = await api('contracts.update', { id: c.id, patch: { noticeHours: 36, language: 'en', notes: 'Renegotiated in January' } });
    expect(edited).toMatchObject({ noticeHours: 36, language: 'en', updatedAt: '2026-02-01T10:00:00.000Z' });
    const ended = await api('contracts.update', { id: d.id, patch: { status: 'ended' } });
    expect(ended.status).toBe('ended');

    const history = (await api('audit.history', { recordType: 'contract', recordId: c.id })).entries;
    expect(history.map((h) => h.action)).toEqual(['create', 'update']);
    expect(history[1]!.changes.map((ch) => [ch.field, ch.old, ch.new])).toEqual(
      expect.arrayContaining([
        ['noticeHours', 24, 36],
        ['language', 'fr', 'en'],
      ]),
    );

    await api('contracts.archive', { id: d.id, reason: 'Client left in 2025' });
    expect((await api('contracts.list', {})).items.map((x) => x.name)).toEqual(['Boulangeries Martin']);
    expect((await api('contracts.list', { includeArchived: true })).total).toBe(2);
    expect((await api('contracts.list', { status: ['ended'], includeArchived: true })).items.map((x) => x.reference)).toEqual(['CT-2026-0002']);
    expect((await api('contracts.list', { language: ['en'] })).items.map((x) => x.reference)).toEqual(['CT-2026-0001']);
    await expect(api('contracts.update', { id: d.id, patch: { notes: 'x' } })).rejects.toThrow(/archived; restore it first/);
    const restored = await api('contracts.restore', { id: d.id });
    expect(restored.archivedAt).toBeNull();

    // Found by its words, in its list and across registers.
    expect((await api('contracts.list', { text: 'DPA-2024-017' })).items.map((x) => x.id)).toEqual([c.id]);
    const hits = (await api('search.query', { text: 'boulangeries' })).hits;
    expect(hits.map((h) => [h.type, h.reference, h.title])).toContainEqual(['contract', 'CT-2026-0001', 'Boulangeries Martin']);

    expect(ws.audit.verify()).toMatchObject({ ok: true, firstBad: null });
  });

  it('an affected client picked from a contract takes its terms; its clock and obligation say the contract’s hours', async () => {
    const { ws, api } = await register('2026-03-27T21:45:00Z');
    const roux = await api('contracts.create', { name: 'Cabinet Roux', noticeHours: 72, language: 'en', channel: 'email', contacts: 'privacy@roux.example' });
    const i = await api('incidents.create', {
      title: 'Backup of a client’s contact list exposed',
      ourRole: 'processor',
      detectedAt: '2026-03-27T22:30:00+01:00',
      awareAt: '2026-03-27T22:30:00+01:00',
      nature: ['confidentiality'],
    });
    const client = await api('incidents.addClient', { incidentId: i.id, contractId: roux.id });
    expect(client).toMatchObject({ name: 'Cabinet Roux', contact: 'privacy@roux.example', contractHours: 72, language: 'en', contractId: roux.id });
    // 72 real hours from Friday 22:30 CET, across the change to summer time: Monday 23:30 CEST.
    expect(client.notifyDue).toBe('2026-03-30T21:30:00.000Z');
    const [o] = (await api('obligations.of', { incidentId: i.id })).obligations;
    expect(o).toMatchObject({ regime: 'gdpr-33-2', recipientName: 'Cabinet Roux', contractHours: 72 });
    expect(o!.label.en).toBe('Notice to the client controller (72 h under the contract)');
    const clocks = (await api('clocks.ofRecord', { recordType: 'incident', recordId: i.id })).clocks;
    expect(clocks.find((c) => c.due === '2026-03-30T21:30:00.000Z')?.label.en).toMatch(/72 h/);
    // What the input says wins over the contract (a one-off term agreed for this incident).
    const other = await api('incidents.addClient', { incidentId: i.id, contractId: roux.id, name: 'Cabinet Roux (Lyon office)', contractHours: 24 });
    expect(other).toMatchObject({ name: 'Cabinet Roux (Lyon office)', contractHours: 24, language: 'en' });
    // The contract's page lists where it was used: this incident, once per client picked from it.
    const { uses } = await api('contracts.uses', { id: roux.id });
    expect(uses.map((u) => [u.incident.reference, u.client.name, u.client.contractHours, u.client.notifyDue])).toEqual([
      ['I-2026-0001', 'Cabinet Roux', 72, '2026-03-30T21:30:00.000Z'],
      ['I-2026-0001', 'Cabinet Roux (Lyon office)', 24, expect.any(String)],
    ]);
    const plan = (ws.session.db.prepare('EXPLAIN QUERY PLAN SELECT * FROM incident_clients WHERE contract_id = ? AND archived_at IS NULL ORDER BY incident_id, id').all(roux.id) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join(' | ')).toMatch(/USING INDEX incident_clients_contract/);
    // The incident's evidence bundle carries the contract its client's clock comes from, and its history.
    const bundle = await api('exports.bundle', { scope: { kind: 'incident', incidentId: i.id }, lang: 'en' });
    const files = unzipSync(new Uint8Array(Buffer.from(bundle.file.contentBase64, 'base64')));
    const contractJson = JSON.parse(Buffer.from(files['records/contract-CT-2026-0001.json']!).toString('utf8')) as { record: { noticeHours: number } };
    expect(contractJson.record.noticeHours).toBe(72);
    const audit = JSON.parse(Buffer.from(files['audit/audit-entries.json']!).toString('utf8')) as { chain: { recordType?: string; recordId?: string }[] };
    expect(audit.chain.some((e) => e.recordType === 'contract' && e.recordId === roux.id)).toBe(true);
    // An archived contract cannot be picked.
    await api('contracts.archive', { id: roux.id, reason: 'Recorded twice' });
    await expect(api('incidents.addClient', { incidentId: i.id, contractId: roux.id })).rejects.toThrow(/archived/);
    expect(ws.audit.verify()).toMatchObject({ ok: true });
  });
});

describe('client contracts travel by sync like every register', () => {
  it('another device’s contract operations, applied by the sync applier, give the same contract, listed, counted and searchable', async () => {
    const a = await register('2026-01-12T09:00:00Z');
    const b = await register('2026-01-12T09:05:00Z');
    const c = a.ws.registers.contracts.create({ name: 'Voyages Horizon SAS', noticeHours: 36, language: 'en', contacts: 'privacy@horizon.example', countries: ['FR', 'ES'] });
    a.clock.set('2026-01-13T09:00:00Z');
    a.ws.registers.contracts.update({ id: c.id, patch: { status: 'ended', notes: 'Contract ended 31 December 2025' } });
    const ops: SyncOp[] = a.ws.audit
      .entries(0)
      .filter((e) => e.recordType === 'contract')
      .map(({ seq: _s, prevHash: _p, hash: _h, ...op }) => ({ ...op, hlc: op.hlc! }));
    expect(ops.map((o) => o.action)).toEqual(['create', 'update']);

    const s = b.ws.session;
    const applier = new OpApplier(s.ctx, s.byType, s.sync.membership, s.sync.rules);
    try {
      s.db.transaction(() => applier.applyAll(ops))();
    } finally {
      s.ctx.audit.resetHead();
    }
    const strip = <T extends { updatedAt: string }>({ updatedAt: _u, ...rest }: T) => rest;
    expect(strip(b.ws.registers.contracts.get(c.id))).toEqual(strip(a.ws.registers.contracts.get(c.id)));
    expect(b.ws.registers.contracts.list({ status: ['ended'] })).toMatchObject({ total: 1, items: [expect.objectContaining({ id: c.id, noticeHours: 36 })] });
    expect(b.ws.registers.contracts.list({}).total).toBe(1);
    expect(b.ws.search({ text: 'horizon' }).hits.map((h) => [h.type, h.id])).toEqual([['contract', c.id]]);
    // Applied twice, nothing changes; B's chain still verifies.
    s.db.transaction(() => expect(applier.applyAll(ops)).toEqual([]))();
    expect(b.ws.audit.verify()).toMatchObject({ ok: true });
  });
});
