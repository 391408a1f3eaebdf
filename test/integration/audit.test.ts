import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../electron/core/workstation';
import { setUpWorkstation, tempDir, ManualClock } from '../support/workstation';
import { appendAudit } from '../../electron/core/registers/context';
import { createDispatch } from '../../electron/core/api/dispatch';
import { AUDIT_ANCHOR_FILE } from '../../electron/core/session/context';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** Direct access to the open database, as an attacker holding the key would have. */
function rawDb(ws: Workstation) {
  return ws.session.db;
}

async function registerWithHistory() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date('2018-07-02T08:00:00Z'));
  const ws = await setUpWorkstation(t.dir, { clock });
  const c = ws.complaints.create({
    receivedAt: '2018-07-02T10:00:00+02:00',
    channel: 'email',
    complainantLabel: 'M. R.',
    rights: ['access'],
    summary: 'Access request',
  });
  clock.set('2018-07-05T09:00:00Z');
  ws.complaints.update({ id: c.id, patch: { summary: 'Access request: account data and call recordings' } });
  clock.set('2018-07-20T13:00:00Z');
  ws.complaints.setStatus({ id: c.id, status: 'answered' });
  return { ws, c, dir: t.dir };
}

function tamper(ws: Workstation, sql: string) {
  const db = rawDb(ws);
  db.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
  db.exec(sql);
}

describe('audit log', () => {
  it("records who changed which field, from what to what, and serves as the record's history", async () => {
    const { ws, c } = await registerWithHistory();
    const h = ws.audit.history('complaint', c.id);
    expect(h.map((e) => e.action)).toEqual(['create', 'update', 'status']);
    expect(h[1]!.changes).toEqual([
      { field: 'summary', old: 'Access request', new: 'Access request: account data and call recordings' },
    ]);
    expect(h[1]!.at).toBe('2018-07-05T09:00:00.000Z');
    expect(h[2]!.changes).toContainEqual({ field: 'status', old: 'received', new: 'answered' });
    expect(h.every((e) => e.actor === 'Claire Dubois (DPO)' && e.device === ws.profile().deviceId)).toBe(true);
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: 4, firstBad: null });
    ws.close();
  });

  it('is append-only inside the database', async () => {
    const { ws } = await registerWithHistory();
    expect(() => rawDb(ws).exec("UPDATE audit_log SET actor = 'someone else'")).toThrow(/append-only/);
    expect(() => rawDb(ws).exec('DELETE FROM audit_log')).toThrow(/append-only/);
    ws.close();
  });

  it('reports the first altered entry', async () => {
    const { ws } = await registerWithHistory();
    tamper(ws, `UPDATE audit_log SET changes = replace(changes, 'call recordings', 'nothing') WHERE seq = 3`);
    expect(ws.audit.verify()).toMatchObject({ ok: false, firstBad: { seq: 3, problem: 'altered' } });
    ws.close();
  });

  it('reports an entry removed from the middle', async () => {
    const { ws } = await registerWithHistory();
    tamper(ws, 'DELETE FROM audit_log WHERE seq = 2');
    expect(ws.audit.verify()).toMatchObject({ ok: false, firstBad: { seq: 3, problem: 'removed' } });
    ws.close();
  });

  it('reports reordered entries', async () => {
    const { ws } = await registerWithHistory();
    tamper(ws, 'UPDATE audit_log SET seq = seq + 100 WHERE seq IN (2, 3); UPDATE audit_log SET seq = 3 WHERE seq = 102; UPDATE audit_log SET seq = 2 WHERE seq = 103;');
    expect(ws.audit.verify()).toMatchObject({ ok: false, firstBad: { seq: 2, problem: 'reordered' } });
    ws.close();
  });

  it('reports entries cut off the end, thanks to the sealed head', async () => {
    const { ws } = await registerWithHistory();
    tamper(ws, 'DELETE FROM audit_log WHERE seq = 4');
    expect(ws.audit.verify()).toMatchObject({ ok: false, firstBad: { problem: 'truncated' } });
    ws.close();
  });

  it('reports a missing audit-head.json in its own words instead of skipping the truncation check, and one without this register’s seal', async () => {
    const { ws, dir } = await registerWithHistory();
    const api = createDispatch(ws, () => {});
    // A register that syncs with no workspace: nothing signed to check against.
    expect(await api('audit.verify', {})).toMatchObject({ ok: true, firstBad: null, signedHead: null });
    rmSync(join(dir, AUDIT_ANCHOR_FILE));
    expect(await api('audit.verify', {})).toMatchObject({
      ok: false,
      count: 4,
      firstBad: { seq: 4, problem: 'anchor_missing', detail: `The sealed head (${AUDIT_ANCHOR_FILE}) is missing: entries cut off the end of the log could not be detected on this machine alone. The next change seals the head again.` },
    });
    // Deleting the seal and then cutting entries off is no longer silent either.
    tamper(ws, 'DELETE FROM audit_log WHERE seq = 4');
    ws.audit.resetHead();
    expect(ws.audit.verify()).toMatchObject({ ok: false, count: 3, firstBad: { problem: 'anchor_missing' } });
    // A file that is not this register's seal (replaced, or torn by a crash).
    writeFileSync(join(dir, AUDIT_ANCHOR_FILE), JSON.stringify({ count: 3, hash: ws.audit.headHash(), mac: '0'.repeat(64) }));
    expect(ws.audit.verify()).toMatchObject({ ok: false, firstBad: { problem: 'anchor_unsealed' } });
    writeFileSync(join(dir, AUDIT_ANCHOR_FILE), '{ torn');
    expect(ws.audit.verify()).toMatchObject({ ok: false, firstBad: { problem: 'anchor_unsealed' } });
    // The next change seals the head again.
    ws.complaints.create({ receivedAt: '2018-07-03T10:00:00+02:00', channel: 'post', complainantLabel: 'Y', rights: ['erasure'], summary: 's' });
    expect(ws.audit.verify()).toMatchObject({ ok: true, firstBad: null });
    ws.close();
  });

  it('a change that fails midway leaves neither a record nor an audit entry, and the chain goes on intact', async () => {
    const { ws } = await registerWithHistory();
    const before = ws.audit.verify();
    const ctx = ws.session.ctx;
    expect(() =>
      ctx.write('complaint', () => {
        appendAudit(ctx, 'complaint', 'x', 'update', [{ field: 'summary', old: 'a', new: 'b' }]);
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: before.count, headHash: before.headHash });
    ws.complaints.create({ receivedAt: '2018-07-03T10:00:00+02:00', channel: 'post', complainantLabel: 'Y', rights: ['erasure'], summary: 's' });
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: before.count + 1 });
    ws.close();
  });
});

describe('audit head', () => {
  it('counts its entries in constant time from the head, rolled-back writes included', async () => {
    const { ws } = await registerWithHistory();
    expect(() => ws.complaints.create({ receivedAt: 'not a date', channel: 'email', complainantLabel: 'x', rights: ['access'], summary: 's' })).toThrow();
    ws.complaints.create({ receivedAt: '2018-07-03T10:00:00+02:00', channel: 'post', complainantLabel: 'Y', rights: ['erasure'], summary: 's' });
    const counted = (rawDb(ws).prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    expect(ws.audit.count()).toBe(counted);
    expect(ws.audit.verify()).toMatchObject({ ok: true, count: counted });
    ws.close();
  });
});
