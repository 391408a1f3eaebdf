// Internal targets: N working days before a day-counted deadline's last day, on the
// organisation's calendar (weekends and its public holidays skipped).
import { describe, expect, it } from 'vitest';
import { internalTarget, type OrgCalendar } from '@shared/deadlines';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };

describe('internalTarget', () => {
  it('two working days before a Friday: end of Wednesday', () => {
    // Last day Friday 13 March 2026 (deadline = the midnight ending it, 23:00Z).
    expect(internalTarget('2026-03-13T23:00:00.000Z', 2, PARIS)).toBe('2026-03-11T23:00:00.000Z');
  });

  it('skips the weekend: two working days before a Tuesday is the Friday before', () => {
    expect(internalTarget('2026-03-17T23:00:00.000Z', 2, PARIS)).toBe('2026-03-13T23:00:00.000Z');
  });

  it('skips public holidays: one working day before Friday 15 May 2026 passes over Ascension (Thursday 14)', () => {
    expect(internalTarget('2026-05-15T22:00:00.000Z', 1, PARIS)).toBe('2026-05-13T22:00:00.000Z');
  });

  it("the holidays are the organisation's: 8 May is a public holiday in France, not in Germany", () => {
    // Last day Monday 11 May 2026. France: Friday 8 May (Victoire 1945) is skipped -> Thu 7, Wed 6.
    // Germany: Fri 8, Thu 7.
    expect(internalTarget('2026-05-11T22:00:00.000Z', 2, PARIS)).toBe('2026-05-06T22:00:00.000Z');
    expect(internalTarget('2026-05-11T22:00:00.000Z', 2, { timeZone: 'Europe/Berlin', country: 'DE' })).toBe('2026-05-07T22:00:00.000Z');
  });

  it('none for 0 days, and none when it would not fall after the start', () => {
    expect(internalTarget('2026-03-13T23:00:00.000Z', 0, PARIS)).toBeNull();
    expect(internalTarget('2026-03-13T23:00:00.000Z', 2, PARIS, '2026-03-12T09:00:00.000Z')).toBeNull();
  });

  it('across a DST change the target is still the local midnight', () => {
    // Last day Tuesday 31 March 2026 (CEST, deadline 22:00Z); 2 working days before: Friday 27 March (CET, 23:00Z).
    expect(internalTarget('2026-03-31T22:00:00.000Z', 2, PARIS)).toBe('2026-03-27T23:00:00.000Z');
  });
});
