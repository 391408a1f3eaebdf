// Regulator-set periods (issue 14): "within three months of notification" entered as a period,
// counted by the engine on the regulator's calendar, kept with the letter and counted again when
// its dates change; the clock says where the date comes from; a matter's steps follow their
// letters' own dates.
import { afterEach, describe, expect, it } from 'vitest';
import { letterPeriodDue } from '../../shared/correspondence/deadlines';
import type { Workstation } from '../../electron/core/workstation';
import { ManualClock, PASSPHRASE, setUpWorkstation, startWorkstation, tempDir } from '../support/workstation';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function register(now: string): Promise<{ ws: Workstation; dir: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const ws = await setUpWorkstation(t.dir, { clock: new ManualClock(new Date(now)), reminderIntervalMs: 0 });
  cleanups.push(() => ws.close());
  return { ws, dir: t.dir };
}

const PARIS = { timeZone: 'Europe/Paris', country: 'FR' };

describe('a period the regulator set, counted by the engine', () => {
  it('counts from the date it names, off weekends and holidays, with its reasoning; null until that date is known', () => {
    const letter = { regulator: 'FR-CNIL', sentAt: null, receivedAt: '2025-03-31T08:00:00.000Z', notifiedAt: '2025-04-01T08:00:00.000Z' };
    // One month from notification on Tue 1 April 2025: Thu 1 May is Labour Day, so the end of Fri 2 May.
    const r = letterPeriodDue(letter, { amount: 1, unit: 'months', from: 'notifiedAt' }, PARIS)!;
    expect(r.deadline).toBe('2025-05-03T00:00:00.000+02:00');
    expect(r.explanation.en).toContain('Thursday 1 May 2025 (public holiday');
    expect(r.explanation.fr).toContain('jeudi 1er mai 2025');
    expect(r.basis.en).toBe("Period set by the regulator's letter: 1 month from notification of the letter");
    expect(r.basis.fr).toBe('Délai fixé par le courrier du régulateur : 1 mois à compter de la notification du courrier');
    expect(letterPeriodDue({ ...letter, notifiedAt: null }, { amount: 1, unit: 'months', from: 'notifiedAt' }, PARIS)).toBeNull();
    // A regulator outside the catalogue follows the organisation's calendar.
    expect(letterPeriodDue({ ...letter, regulator: 'Autorité locale' }, { amount: 15, unit: 'days', from: 'receivedAt' }, PARIS)!.deadline).toBe('2025-04-16T00:00:00.000+02:00');
  });
});

describe('letters with periods', () => {
  it('stores the counted date, counts it again when the letter changes, keeps a typed date without a period, and survives a restart', async () => {
    const { ws, dir } = await register('2025-02-01T08:00:00Z');
    const letters = ws.registers.letters;
    const notice = letters.create({
      regulator: 'FR-CNIL',
      direction: 'inbound',
      kind: 'formal_notice',
      sentAt: '2025-01-28T10:00:00+01:00',
      receivedAt: '2025-01-30T10:00:00+01:00',
      notifiedAt: '2025-01-30T10:00:00+01:00',
      subject: 'Mise en demeure MED-2025-001',
      // A date typed by mistake loses to the period the letter states.
      complianceDue: '2025-12-31T00:00:00+01:00',
      compliancePeriod: { amount: 3, unit: 'months', from: 'notifiedAt' },
      replyPeriod: { amount: 15, unit: 'days', from: 'receivedAt' },
    });
    // Three months from Thu 30 January: end of Wed 30 April 2025 (Paris summer time).
    expect(notice.complianceDue).toBe('2025-04-30T22:00:00.000Z');
    // Fifteen days from receipt: Fri 14 February, a working day.
    expect(notice.replyDue).toBe('2025-02-14T23:00:00.000Z');

    // Notified later than first recorded: the date follows.
    const moved = letters.update({ id: notice.id, patch: { notifiedAt: '2025-04-01T10:00:00+02:00', compliancePeriod: { amount: 1, unit: 'months', from: 'notifiedAt' } } });
    expect(moved.complianceDue).toBe('2025-05-02T22:00:00.000Z');
    expect(moved.replyDue).toBe('2025-02-14T23:00:00.000Z');

    // Without a period the typed date is the date.
    const typed = letters.update({ id: notice.id, patch: { compliancePeriod: null, complianceDue: '2025-06-01T00:00:00+02:00' } });
    expect(typed.complianceDue).toBe('2025-05-31T22:00:00.000Z');
    expect(typed.compliancePeriod).toBeNull();

    // Each change is audited and the chain holds.
    expect(ws.audit.verify().ok).toBe(true);
    ws.close();
    const again = await startWorkstation(dir, { clock: new ManualClock(new Date('2025-02-01T08:00:00Z')), reminderIntervalMs: 0 });
    cleanups.push(() => again.close());
    await again.unlock(PASSPHRASE);
    expect(again.registers.letters.get(notice.id)).toMatchObject({ replyPeriod: { amount: 15, unit: 'days', from: 'receivedAt' }, compliancePeriod: null, complianceDue: '2025-05-31T22:00:00.000Z' });
  });

  it('refuses a period from a date the letter does not have, and writes nothing', async () => {
    const { ws } = await register('2025-02-01T08:00:00Z');
    const before = ws.audit.verify();
    expect(() =>
      ws.registers.letters.create({
        regulator: 'FR-CNIL',
        direction: 'inbound',
        kind: 'formal_notice',
        receivedAt: '2025-01-30T10:00:00+01:00',
        subject: 'Mise en demeure',
        compliancePeriod: { amount: 3, unit: 'months', from: 'notifiedAt' },
      }),
    ).toThrow(/runs from notification/);
    expect(() =>
      ws.registers.letters.create({
        regulator: 'FR-CNIL',
        direction: 'inbound',
        kind: 'formal_notice',
        receivedAt: '2025-01-30T10:00:00+01:00',
        subject: 'Mise en demeure',
        compliancePeriod: { amount: 1.5, unit: 'months', from: 'receivedAt' },
      }),
    ).toThrow(/whole number/);
    expect(ws.registers.letters.list({}).total).toBe(0);
    expect(ws.audit.verify()).toEqual(before);
  });

  it("the clock of a counted date starts at the date it runs from and states the letter's period", async () => {
    const { ws } = await register('2025-02-01T08:00:00Z');
    const notice = ws.registers.letters.create({
      regulator: 'FR-CNIL',
      direction: 'inbound',
      kind: 'formal_notice',
      receivedAt: '2025-01-31T10:00:00+01:00',
      notifiedAt: '2025-01-30T10:00:00+01:00',
      subject: 'Mise en demeure',
      compliancePeriod: { amount: 3, unit: 'months', from: 'notifiedAt' },
    });
    const clock = ws.clocks.ofRecord({ recordType: 'letter', recordId: notice.id }).find((c) => c.kind === 'letter-compliance')!;
    expect(clock).toMatchObject({ startedAt: '2025-01-30T09:00:00.000Z', due: '2025-04-30T22:00:00.000Z' });
    expect(clock.basis.en).toBe("Period set by the regulator's letter: 3 months from notification of the letter");
    expect(clock.basis.fr).toContain('3 mois à compter de la notification');
  });
});

describe('a formal-notice procedure', () => {
  it('is a kind of matter, and its steps follow their letters’ own dates (a reply by its sending, not its receipt)', async () => {
    const { ws } = await register('2025-03-01T08:00:00Z');
    const { matters, letters } = ws.registers;
    const m = matters.create({ regulator: 'FR-CNIL', kind: 'formal_notice', title: 'Mise en demeure MED-2025-001', openedAt: '2025-01-30T10:00:00+01:00' });
    expect(m.kind).toBe('formal_notice');
    const notice = letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'formal_notice', receivedAt: '2025-01-30T10:00:00+01:00', subject: 'Mise en demeure', matterId: m.id });
    // Our answer went out on 10 February; the CNIL logged its receipt on 20 February.
    const reply = letters.create({ regulator: 'FR-CNIL', direction: 'outbound', kind: 'our_reply', sentAt: '2025-02-10T10:00:00+01:00', receivedAt: '2025-02-20T10:00:00+01:00', subject: 'Réponse', matterId: m.id, inReplyTo: notice.id });
    const followUp = letters.create({ regulator: 'FR-CNIL', direction: 'inbound', kind: 'request_for_information', receivedAt: '2025-02-15T10:00:00+01:00', subject: 'Questions', matterId: m.id });
    expect(matters.detail(m.id).letters.map((l) => l.id)).toEqual([notice.id, reply.id, followUp.id]);
  });
});
