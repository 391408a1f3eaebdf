// Appeal before the Conseil d'État against a CNIL decision: two months, délai franc.
import { describe, expect, it } from 'vitest';
import { computeDeadline, type OrgCalendar } from '@shared/deadlines';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };

describe('conseil-etat-appeal', () => {
  it('CNIL reprimand letter notified 2020-02-25 (seeds/000_8cb50b08018a3d21.txt) -> end of Monday 2020-04-27', () => {
    // Nominal end 25 April 2020 (Saturday); the day of expiry does not count -> Sunday 26 April is
    // still open; Sunday -> next working day Monday 27 April; deadline = midnight ending the 27th.
    const r = computeDeadline('conseil-etat-appeal', '2020-02-25T10:00:00+01:00', PARIS);
    expect(r.deadline).toBe('2020-04-28T00:00:00.000+02:00');
    expect(r.target).toBe('2020-04-27T00:00:00.000+02:00'); // end of the unrolled franc day, Sunday 26
    expect(r.explanation.en).toContain('Saturday 25 April 2020');
    expect(r.explanation.en).toContain('Sunday 26 April 2020');
    expect(r.explanation.en).toContain('Monday 27 April 2020');
    expect(r.explanation.fr).toContain('Délai franc');
    expect(r.explanation.fr).toContain("ni le jour de la notification");
    expect(r.basis.fr).toContain("Conseil d'État");
  });

  it('expiry on a weekday: notified Monday 2026-01-12 -> nominal Thursday 12 March -> franc Friday 13 March', () => {
    const r = computeDeadline('conseil-etat-appeal', '2026-01-12T11:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-03-14T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-03-14T00:00:00.000+01:00');
  });

  it('franc day on Ascension: notified 2026-03-13 -> nominal Wed 13 May -> franc Thu 14 May (holiday) -> Fri 15 May', () => {
    const r = computeDeadline('conseil-etat-appeal', '2026-03-13T11:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-05-15T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-05-16T00:00:00.000+02:00');
  });

  it('month end: notified 2025-12-31 -> nominal Sat 28 Feb -> franc Sun 1 March -> Monday 2 March (both readings end that Monday: no outer bound)', () => {
    const r = computeDeadline('conseil-etat-appeal', '2025-12-31T11:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-03-02T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-03-03T00:00:00.000+01:00');
    expect(r.outerBound).toBeUndefined();
  });

  it('unsettled month end: notified 2024-12-30 (no 30 February) -> earlier reading end of Friday 28 Feb 2025, outer bound Monday 3 March', () => {
    const r = computeDeadline('conseil-etat-appeal', '2024-12-30T11:00:00+01:00', PARIS);
    expect(r.deadline).toBe('2025-03-01T00:00:00.000+01:00');
    expect(r.outerBound?.deadline).toBe('2025-03-04T00:00:00.000+01:00');
    expect(r.outerBound?.reason.en).toContain('not settled');
    expect(r.outerBound?.reason.en).toContain('Monday 3 March 2025');
    expect(r.outerBound?.reason.fr).toContain('limite extrême');
    expect(r.explanation.en).toContain('Friday 28 February 2025');
  });

  it('unsettled month end, other month: notified 2026-07-31 -> Wednesday 30 September, outer bound Thursday 1 October', () => {
    const r = computeDeadline('conseil-etat-appeal', '2026-07-31T11:00:00+02:00', PARIS);
    expect(r.deadline).toBe('2026-10-01T00:00:00.000+02:00');
    expect(r.outerBound?.deadline).toBe('2026-10-02T00:00:00.000+02:00');
  });

  it('a date the month of expiry has: no outer bound', () => {
    expect(computeDeadline('conseil-etat-appeal', '2026-01-12T11:00:00+01:00', PARIS).outerBound).toBeUndefined();
  });

  it("counts on the court's Paris calendar and writes the result in the organisation's zone", () => {
    const r = computeDeadline('conseil-etat-appeal', '2020-02-25T10:00:00+01:00', { timeZone: 'America/New_York', country: 'US' });
    // Midnight ending 27 April 2020 in Paris (22:00Z) is 18:00 in New York (EDT, -04:00).
    expect(r.deadline).toBe('2020-04-27T18:00:00.000-04:00');
  });
});
