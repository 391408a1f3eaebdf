// Internal targets on the board (issue 14) and the disputed Conseil d'État month end: the earlier
// date shown, the later one given as the outer bound, stored dates recomputed once on upgrade.
import { afterEach, describe, expect, it } from 'vitest';
import type { Workstation } from '../../electron/core/workstation';
import { setMeta } from '../../electron/core/db/meta';
import { ManualClock, PASSPHRASE, setUpWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now: string): Promise<{ ws: Workstation; clock: ManualClock }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date(now));
  const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  return { ws, clock };
}

describe('internal targets', () => {
  it('the board gives day-counted legal and regulator deadlines a target N working days earlier; hour clocks and actions none', async () => {
    const { ws } = await register('2026-03-02T08:00:00Z');
    const c = ws.complaints.create({ receivedAt: '2026-03-02T10:00:00+01:00', channel: 'email', complainantLabel: 'M. R.', rights: ['access'], summary: 'Access' });
    const l = ws.registers.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2026-03-02T09:00:00+01:00', subject: 'Demande', replyDue: '2026-03-20T00:00:00+01:00' });
    const i = ws.registers.incidents.create({ title: 'Exposed bucket', ourRole: 'controller', awareAt: '2026-03-02T08:00:00+01:00' });
    ws.registers.actions.create({ title: 'Rotate keys', owner: 'IT', dueAt: '2026-03-10T00:00:00+01:00' });

    const board = ws.clocks.list().items;
    const of = (recordId: string, kind: string) => board.find((x) => x.recordId === recordId && x.kind === kind)!;
    // Art. 12(3): last day Thursday 2 April 2026 (CEST); 2 working days before: Tuesday 31 March.
    expect(of(c.id, 'gdpr-12-response')).toMatchObject({ due: '2026-04-02T22:00:00.000Z', internalTarget: '2026-03-31T22:00:00.000Z' });
    // Reply date: the end of Thursday 19 March; 2 working days before: Tuesday 17 March (CET).
    expect(of(l.id, 'letter-reply')).toMatchObject({ due: '2026-03-19T23:00:00.000Z', internalTarget: '2026-03-17T23:00:00.000Z' });
    expect(of(i.id, 'gdpr-33-authority').internalTarget).toBeNull();
    expect(board.filter((x) => x.kind === 'action-due').every((x) => x.internalTarget === null)).toBe(true);

    // The calendar export states it too.
    const ics = ws.clocks.ics('en').content.replace(/\r\n /g, '');
    expect(ics).toContain('Internal target: end of Tuesday 31 March 2026');
    expect(ws.clocks.ics('fr').content.replace(/\r\n /g, '')).toContain('Objectif interne : fin du mardi 31 mars 2026');

    // The organisation's setting: 5 working days, then none.
    ws.updateProfile({ organisation: { internalLeadDays: 5 } });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: l.id })[0]!.internalTarget).toBe('2026-03-12T23:00:00.000Z');
    ws.updateProfile({ organisation: { internalLeadDays: 0 } });
    expect(ws.clocks.ofRecord({ recordType: 'complaint', recordId: c.id })[0]!.internalTarget).toBeNull();
  });
});

describe("Conseil d'État appeal from a date the month of expiry lacks", () => {
  it('shows the earlier date and the later one as the outer bound with its reason', async () => {
    const { ws } = await register('2025-01-02T08:00:00Z');
    const sanction = ws.registers.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'sanction', receivedAt: '2024-12-30T10:00:00+01:00', notifiedAt: '2024-12-30T10:00:00+01:00', subject: 'Sanction' });
    expect(sanction.appealDue).toBe('2025-02-28T23:00:00.000Z');
    const clock = ws.clocks.ofRecord({ recordType: 'letter', recordId: sanction.id })[0]!;
    expect(clock).toMatchObject({ kind: 'conseil-etat-appeal', due: '2025-02-28T23:00:00.000Z', outerBound: { due: '2025-03-03T23:00:00.000Z' } });
    expect(clock.outerBound!.reason.en).toMatch(/not settled/);
    expect(clock.outerBound!.reason.fr).toMatch(/limite extrême/);

    // An ordinary date: no outer bound.
    const other = ws.registers.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'reprimand', receivedAt: '2025-01-02T10:00:00+01:00', notifiedAt: '2025-01-02T10:00:00+01:00', subject: 'Rappel à l’ordre' });
    expect(ws.clocks.ofRecord({ recordType: 'letter', recordId: other.id })[0]!.outerBound).toBeNull();
  });

  it('a register written under the former rule gets its stored appeal dates recomputed once, audited', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const clock = new ManualClock(new Date('2025-01-02T08:00:00Z'));
    let ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: 0 });
    const sanction = ws.registers.letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'sanction', receivedAt: '2024-12-30T10:00:00+01:00', notifiedAt: '2024-12-30T10:00:00+01:00', subject: 'Sanction' });
    // As the former rule stored it: the délai franc's extra day, Monday 3 March.
    ws.session.db.prepare('UPDATE letters SET appeal_due = ? WHERE id = ?').run('2025-03-03T23:00:00.000Z', sanction.id);
    setMeta(ws.session.db, 'appealRuleVersion', 1);
    ws.close();

    ws = await setUpWorkstationAgain(t.dir, clock);
    cleanups.push(() => ws.close());
    expect(ws.registers.letters.get(sanction.id).appealDue).toBe('2025-02-28T23:00:00.000Z');
    const history = ws.history('letter', sanction.id);
    expect(JSON.stringify(history)).toContain('appealDue');
    expect(ws.audit.verify().ok).toBe(true);
  });
});

async function setUpWorkstationAgain(dir: string, clock: ManualClock): Promise<Workstation> {
  const { startWorkstation } = await import('../support/workstation');
  const ws = await startWorkstation(dir, { clock, reminderIntervalMs: 0 });
  await ws.unlock(PASSPHRASE);
  return ws;
}
