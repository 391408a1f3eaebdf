// GDPR Art. 12(3) extension by two further months, and whether the extension notice was in time.
import { describe, expect, it } from 'vitest';
import { computeDeadline, isExtensionNoticeInTime, type OrgCalendar } from '@shared/deadlines';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };

describe('gdpr-12-extended', () => {
  // Received Friday 2026-01-30. First month: 30 February does not exist -> Saturday 28 February
  // (unrolled), moved to Monday 2 March. Two further months run from the UNROLLED 28 February:
  // Tuesday 28 April (not 30 April = receipt + 3 months, and not 2 May from the moved date).
  it('runs two months from the unrolled first-month end', () => {
    const first = computeDeadline('gdpr-12-response', '2026-01-30T10:00:00+01:00', PARIS);
    expect(first.target).toBe('2026-03-01T00:00:00.000+01:00');
    expect(first.deadline).toBe('2026-03-03T00:00:00.000+01:00');

    const ext = computeDeadline('gdpr-12-extended', '2026-01-30T10:00:00+01:00', PARIS);
    expect(ext.target).toBe('2026-04-29T00:00:00.000+02:00');
    expect(ext.deadline).toBe('2026-04-29T00:00:00.000+02:00');
    expect(ext.explanation.en).toContain('Saturday 28 February 2026');
    expect(ext.explanation.en).toContain('Monday 2 March 2026'); // the notice must go out before its end
    expect(ext.basis.fr).toContain('prolongé de deux mois');
  });

  it('moves an extended end on a Sunday to Monday, keeping the Sunday as target', () => {
    // Saturday 2026-03-14 -> first month Tuesday 14 April -> +2 months Sunday 14 June -> Monday 15 June.
    const ext = computeDeadline('gdpr-12-extended', '2026-03-14T09:00:00+01:00', PARIS);
    expect(ext.target).toBe('2026-06-15T00:00:00.000+02:00');
    expect(ext.deadline).toBe('2026-06-16T00:00:00.000+02:00');
  });

  it('S1-like: receipt 2018-07-02 -> first month Thursday 2 August -> extended Tuesday 2 October 2018', () => {
    const ext = computeDeadline('gdpr-12-extended', '2018-07-02T09:00:00+02:00', PARIS);
    expect(ext.deadline).toBe('2018-10-03T00:00:00.000+02:00');
  });
});

describe('isExtensionNoticeInTime', () => {
  const received = '2026-01-30T10:00:00+01:00'; // first-month deadline: end of Monday 2 March 2026

  it('in time on the last minute of the moved first-month end', () => {
    expect(isExtensionNoticeInTime(received, '2026-03-02T23:59:00+01:00', PARIS)).toBe(true);
  });

  it('in time well within the month, e.g. on the unrolled end date', () => {
    expect(isExtensionNoticeInTime(received, '2026-02-28T12:00:00+01:00', PARIS)).toBe(true);
  });

  it('too late at the first instant after the deadline, whatever offset it is written with', () => {
    expect(isExtensionNoticeInTime(received, '2026-03-03T00:00:00+01:00', PARIS)).toBe(false);
    expect(isExtensionNoticeInTime(received, '2026-03-02T23:30:00Z', PARIS)).toBe(false); // 00:30 in Paris
  });

  it('refuses a notice dated before the request was received, and bad instants', () => {
    expect(() => isExtensionNoticeInTime(received, '2026-01-29T10:00:00+01:00', PARIS)).toThrow(/before the request was received/);
    expect(() => isExtensionNoticeInTime(received, '2026-02-10', PARIS)).toThrow(/not an ISO instant with an offset/);
  });
});
