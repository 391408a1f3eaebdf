import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintCreate } from '@shared/schemas/complaint';
import type { ActionCreate } from '@shared/schemas/action';
import type { AuditEntry } from '@shared/schemas/audit';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, setUpWorkstation, tempDir } from '../support/workstation';

/**
 * The registers' bulk seam writes what the app writes one record at a time: the same records,
 * the same audit entries on a chain that verifies, the same search documents. Two registers get
 * the same complaints and actions at the same instants, one through create()/setStatus(), one
 * through planned() + bulkLoad().
 */

const cleanups: (() => void)[] = [];
afterAll(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(): Promise<{ ws: Workstation; clock: ManualClock }> {
  const t = tempDir();
  const clock = new ManualClock(new Date('2025-02-01T09:00:00Z'));
  const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close(), t.cleanup);
  return { ws, clock };
}

const complaints: { input: ComplaintCreate; statuses: { status: 'in_progress' | 'answered' | 'closed'; at?: string; note?: string }[] }[] = Array.from({ length: 40 }, (_, i) => ({
  input: {
    ...(i % 5 === 0 ? { reference: `IMP-${i}` } : {}),
    receivedAt: `2025-01-${String((i % 28) + 1).padStart(2, '0')}T${String(8 + (i % 10)).padStart(2, '0')}:15:00+01:00`,
    channel: i % 4 ? 'email' : 'regulator',
    regulator: i % 4 ? null : 'FR-CNIL',
    complainantLabel: `Client ${i}`,
    rights: i % 3 ? ['access'] : ['erasure', 'objection'],
    summary: `Demande ${i} : données de facturation et géolocalisation`,
  },
  statuses: i % 3 === 0 ? [] : i % 3 === 1 ? [{ status: 'in_progress' }] : [{ status: 'answered', at: '2025-01-30T10:00:00+01:00' }, { status: 'closed', note: 'Clos après réponse' }],
}));

const actions: { input: ActionCreate; statuses: { status: 'in_progress' | 'done' | 'verified' | 'cancelled'; at?: string; note?: string }[] }[] = Array.from({ length: 20 }, (_, i) => ({
  input: { title: `Action ${i}`, owner: i % 2 ? 'Hélène' : 'SOC', dueAt: i % 4 ? '2025-03-01T10:00:00+01:00' : null, priority: 'high' },
  statuses: i % 4 === 0 ? [] : i % 4 === 1 ? [{ status: 'in_progress' }] : i % 4 === 2 ? [{ status: 'done', at: '2025-02-10T10:00:00+01:00' }, { status: 'verified', note: 'Vérifié sur pièces' }] : [{ status: 'cancelled', note: 'Remplacée' }],
}));

/** What must be equal: everything but the random ids and the hash chain's own values. */
function comparable(ws: Workstation) {
  const refOf = new Map<string, string>();
  const items = [...ws.complaints.list({ limit: 500, includeArchived: true, sort: { field: 'reference', dir: 'asc' } }).items, ...ws.registers.actions.list({ limit: 500, includeArchived: true, sort: { field: 'reference', dir: 'asc' } }).items];
  for (const r of items) refOf.set(r.id, r.reference);
  const strip = (e: AuditEntry) => ({ record: refOf.get(e.recordId) ?? e.recordType, type: e.recordType, action: e.action, at: e.at, actor: e.actor, changes: e.changes });
  return {
    records: items.map(({ id: _id, ...rest }) => rest),
    audit: ws.audit.entries(0, 10_000).filter((e) => e.recordType === 'complaint' || e.recordType === 'action').map(strip),
    search: ws.search({ text: 'facturation', limit: 200 }).hits.map((h) => [h.reference, h.status, h.snippet]),
    owners: ws.registers.actions.list({ owner: ['helene'] }).total,
  };
}

let oneByOne: ReturnType<typeof comparable>;
let bulk: ReturnType<typeof comparable>;
let bulkWs: Workstation;

beforeAll(async () => {
  const a = await register();
  a.clock.set('2025-02-03T09:00:00Z');
  for (const c of complaints) {
    const created = a.ws.complaints.create(c.input);
    for (const st of c.statuses) a.ws.complaints.setStatus({ id: created.id, ...st });
  }
  for (const x of actions) {
    const created = a.ws.registers.actions.create(x.input);
    for (const st of x.statuses) a.ws.registers.actions.setStatus({ id: created.id, ...st });
  }
  oneByOne = comparable(a.ws);

  const b = await register();
  b.clock.set('2025-02-03T09:00:00Z');
  const reserved = new Set<string>();
  const s = b.ws.session;
  s.ctx.write('bulk', () => {
    s.complaints.bulkLoad(complaints.map((c) => s.complaints.planned(c.input, c.statuses, reserved)));
    s.actions.bulkLoad(actions.map((x) => s.actions.planned(x.input, x.statuses, reserved)));
    return { id: 'bulk' };
  });
  bulk = comparable(b.ws);
  bulkWs = b.ws;
}, 120_000);

describe('the bulk-load seam', () => {
  it('writes the same records, audit entries and search documents as the registers one by one', () => {
    expect(bulk.records).toEqual(oneByOne.records);
    expect(bulk.audit).toEqual(oneByOne.audit);
    expect(bulk.audit.length).toBe(oneByOne.audit.length);
    expect(bulk.search.length).toBeGreaterThan(10);
    expect(bulk.search).toEqual(oneByOne.search);
    expect(bulk.owners).toBe(10);
  });

  it('leaves a chain that verifies and a sealed head that catches entries cut off', () => {
    expect(bulkWs.audit.verify()).toMatchObject({ ok: true, firstBad: null });
    const db = bulkWs.session.db;
    db.exec('DROP TRIGGER audit_no_delete');
    db.prepare('DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)').run();
    expect(bulkWs.audit.verify()).toMatchObject({ ok: false, firstBad: { problem: 'truncated' } });
  });
});
