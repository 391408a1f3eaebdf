import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../electron/core/api/dispatch';
import type { Alert, ClockBadge } from '@shared/schemas/clock';
import { alertMessage } from '@shared/clocks';
import { ManualClock, PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** S3: a processor incident detected Friday 2026-03-27 22:30 Paris; Client A's 48 h clock is due 2026-03-29T21:30Z. */
async function s3(opts: { reminderIntervalMs?: number } = {}) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new ManualClock(new Date('2026-03-27T21:30:00Z'));
  const ws = await setUpWorkstation(t.dir, { clock, reminderIntervalMs: opts.reminderIntervalMs ?? 0 });
  ws.updateProfile({ organisation: { role: 'processor' } });
  const r = ws.registers;
  const incident = r.incidents.create({ title: 'Sauvegarde exposée', ourRole: 'processor', detectedAt: '2026-03-27T22:30:00+01:00', awareAt: '2026-03-27T22:30:00+01:00' });
  const client = r.incidents.clients.create({ incidentId: incident.id, name: 'Client A' });
  expect(client.notifyDue).toBe('2026-03-29T21:30:00.000Z');
  return { dir: t.dir, clock, ws, incident, client };
}

const brief = (alerts: Alert[]) => alerts.map((a) => [a.party ?? a.reference, a.threshold, a.dueAt, a.missed]);

describe('reminders', () => {
  it('fire once per threshold as time moves, only the latest threshold of a clock at a time, and survive a restart as missed', async () => {
    const { dir, clock, ws: first, incident, client } = await s3();
    let ws = first;
    const r = ws.registers;
    const old = r.actions.create({ title: 'Long overdue review', owner: 'DPO', dueAt: '2026-02-01T10:00:00Z' });
    const soon = r.actions.create({ title: 'Tell the hosting provider', owner: 'Ops', dueAt: '2026-03-29T00:00:00Z' });

    // 3 hours before the action: 24 h, 12 h and 4 h have all passed since it was entered — one reminder, the 4 h one.
    // The action overdue since February is past the 30-day horizon: no reminder, but it counts as overdue.
    clock.set('2026-03-28T21:00:00Z');
    expect(brief(ws.clocks.reminders.check())).toEqual([[soon.reference, 4, '2026-03-29T00:00:00.000Z', false]]);
    expect(ws.clocks.reminders.badge()).toEqual({ at: '2026-03-28T21:00:00.000Z', dueWithin24h: 1, overdue: 1 });
    r.actions.setStatus({ id: soon.id, status: 'done' });

    // Client A: 24 hours before 2026-03-29T21:30Z.
    clock.set('2026-03-28T21:29:59Z');
    expect(ws.clocks.reminders.check()).toEqual([]);
    clock.set('2026-03-28T21:30:00Z');
    const at24 = ws.clocks.reminders.check();
    expect(brief(at24)).toEqual([['Client A', 24, '2026-03-29T21:30:00.000Z', false]]);
    expect(at24[0]).toMatchObject({
      clockId: `incident:${incident.id}:processor-to-controller:${client.id}`,
      recordType: 'incident',
      recordId: incident.id,
      reference: incident.reference,
      firedAt: '2026-03-28T21:30:00.000Z',
      acknowledgedAt: null,
    });
    expect(ws.clocks.reminders.check()).toEqual([]);
    expect(ws.clocks.reminders.dueWithin24h()).toBe(1);

    clock.set('2026-03-29T09:30:00Z');
    expect(brief(ws.clocks.reminders.check())).toEqual([['Client A', 12, '2026-03-29T21:30:00.000Z', false]]);
    clock.set('2026-03-29T12:00:00Z');
    expect(ws.clocks.reminders.check()).toEqual([]);

    // Closed at 12:00; reopened at 20:45, after the 4 h (17:30) and 1 h (20:30) thresholds:
    // one reminder, the latest, marked missed.
    ws.close();
    const clock2 = new ManualClock(new Date('2026-03-29T20:45:00Z'));
    ws = await startWorkstation(dir, { clock: clock2, reminderIntervalMs: 0 });
    cleanups.push(() => ws.close());
    await ws.unlock(PASSPHRASE);
    expect(brief(ws.clocks.reminders.check())).toEqual([['Client A', 1, '2026-03-29T21:30:00.000Z', true]]);
    expect(ws.clocks.reminders.check()).toEqual([]);
    expect(ws.clocks.reminders.alerts().map((a) => [a.party ?? a.reference, a.threshold, a.missed])).toEqual([
      ['Client A', 1, true],
      ['Client A', 12, false],
      ['Client A', 24, false],
      [soon.reference, 4, false],
    ]);
    expect(ws.clocks.reminders.alerts().some((a) => a.recordId === old.id)).toBe(false);

    // The contract says 72 hours after all: the deadline moves to 2026-03-30T21:30Z and its reminders re-arm.
    ws.registers.incidents.clients.update({ id: client.id, patch: { contractHours: 72 } });
    expect(ws.clocks.reminders.check()).toEqual([]);
    expect(ws.clocks.reminders.badge()).toMatchObject({ dueWithin24h: 0, overdue: 1 });
    clock2.set('2026-03-29T21:30:00Z');
    expect(brief(ws.clocks.reminders.check())).toEqual([['Client A', 24, '2026-03-30T21:30:00.000Z', false]]);
    expect(ws.clocks.reminders.badge()).toEqual({ at: '2026-03-29T21:30:00.000Z', dueWithin24h: 1, overdue: 1 });

    // Notified: no more reminders for that clock, and the badge drops.
    ws.registers.incidents.clients.update({ id: client.id, patch: { notifiedAt: '2026-03-29T23:35:00+02:00' } });
    clock2.set('2026-03-30T21:30:00Z');
    expect(ws.clocks.reminders.check()).toEqual([]);
    expect(ws.clocks.reminders.dueWithin24h()).toBe(0);

    // Acknowledging.
    const api = createDispatch(ws, () => {});
    const unseen = (await api('alerts.list', { unacknowledgedOnly: true })) as { alerts: Alert[] };
    expect(unseen.alerts).toHaveLength(5);
    const acked = (await api('alerts.acknowledge', { id: unseen.alerts[0]!.id })) as Alert;
    expect(acked.acknowledgedAt).toBe('2026-03-30T21:30:00.000Z');
    expect(((await api('alerts.list', { unacknowledgedOnly: true })) as { alerts: Alert[] }).alerts).toHaveLength(4);
    await expect(api('alerts.acknowledge', { id: '01890000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the Workstation checks on unlock and on a timer, emitting clock.alert and clocks.badge; locking clears the badge', async () => {
    const { dir, clock, ws: first } = await s3({ reminderIntervalMs: 60_000 });
    first.close();
    // Back after the 12 h threshold (2026-03-29T09:30Z).
    clock.set('2026-03-29T10:00:00Z');
    const ws = await startWorkstation(dir, { clock, reminderIntervalMs: 60_000 });
    cleanups.push(() => ws.close());
    const alerts: Alert[] = [];
    const badges: ClockBadge[] = [];
    ws.on('clock.alert', (a) => alerts.push(a));
    ws.on('clocks.badge', (b) => badges.push(b));
    const heard = new Promise<void>((resolve) => ws.on('clock.alert', () => resolve()));
    await ws.unlock(PASSPHRASE);
    await heard;
    expect(brief(alerts)).toEqual([['Client A', 12, '2026-03-29T21:30:00.000Z', true]]);
    expect(badges).toEqual([{ at: '2026-03-29T10:00:00.000Z', dueWithin24h: 1, overdue: 0 }]);
    // The notification text the main process shows.
    expect(alertMessage(alerts[0]!, 'fr', 'Europe/Paris').body).toMatch(/^Plus que 12 h : échéance dim\. 29 mars.*23:30 \(pendant que l’application était fermée\)$/);
    expect(alertMessage(alerts[0]!, 'en', 'Europe/Paris').title).toMatch(/^I-2026-0001 – Client A – Notice to the client controller \(48 h under the contract\)$/);
    ws.lock();
    expect(badges.at(-1)).toMatchObject({ dueWithin24h: 0, overdue: 0 });
  });

  it('thresholds are settings (audited), normalised, and the default is 24, 12, 4, 1 h and expiry', async () => {
    const { ws, clock, client } = await s3();
    const api = createDispatch(ws, () => {});
    expect(await api('reminders.settings.get', {})).toEqual({ thresholdsHours: [24, 12, 4, 1, 0] });
    expect(await api('reminders.settings.set', { thresholdsHours: [2, 48, 0, 2, 0.5] })).toEqual({ thresholdsHours: [48, 2, 0.5, 0] });
    await expect(api('reminders.settings.set', { thresholdsHours: [-1] })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(ws.history('settings', 'reminders').at(-1)?.changes).toEqual([{ field: 'thresholdsHours', old: [24, 12, 4, 1, 0], new: [48, 2, 0.5, 0] }]);
    // 48 hours before the 48-hour clock is its start: it fires at once; then 2 h and 30 min before.
    expect(brief(ws.clocks.reminders.check())).toEqual([['Client A', 48, client.notifyDue, false]]);
    clock.set('2026-03-29T21:00:00Z');
    expect(brief(ws.clocks.reminders.check())).toEqual([['Client A', 0.5, client.notifyDue, false]]);
  });
});
