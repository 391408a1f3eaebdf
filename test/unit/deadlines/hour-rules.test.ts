// Hour rules: elapsed real time from the exact instant. Every expected value below was worked out by
// hand in UTC (Paris is UTC+1 in winter, UTC+2 in summer; changes on 2026-03-29 and 2026-10-25).
import { describe, expect, it } from 'vitest';
import { computeDeadline, addElapsedHours, type OrgCalendar } from '@shared/deadlines';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };
const LONDON: OrgCalendar = { timeZone: 'Europe/London', country: 'GB-ENG' };

describe('gdpr-33-authority (72 elapsed hours)', () => {
  it('S2: awareness 2020-10-01 09:40 Paris -> Sunday 2020-10-04 09:40, weekend changes nothing', () => {
    const r = computeDeadline('gdpr-33-authority', '2020-10-01T09:40:00+02:00', PARIS);
    expect(r.from).toBe('2020-10-01T09:40:00.000+02:00');
    expect(r.deadline).toBe('2020-10-04T09:40:00.000+02:00');
    expect(r.target).toBe(r.deadline);
  });

  it('crosses the spring change: 21:30Z + 72 h = 21:30Z, shown as 23:30 summer time', () => {
    const r = computeDeadline('gdpr-33-authority', '2026-03-27T22:30:00+01:00', PARIS);
    expect(r.deadline).toBe('2026-03-30T23:30:00.000+02:00');
  });

  it('crosses the autumn change: 08:00Z Sat + 72 h = 08:00Z Tue = 09:00 winter time (not 10:00)', () => {
    const r = computeDeadline('gdpr-33-authority', '2026-10-24T10:00:00+02:00', PARIS);
    expect(r.deadline).toBe('2026-10-27T09:00:00.000+01:00');
  });

  it('awareness inside the repeated autumn hour: the two 02:30s are an hour apart and so are the deadlines', () => {
    // 02:30+02:00 = 00:30Z; 02:30+01:00 = 01:30Z. +72 h: 00:30Z and 01:30Z on 10-28 = 01:30 and 02:30 CET.
    expect(computeDeadline('gdpr-33-authority', '2026-10-25T02:30:00+02:00', PARIS).deadline).toBe('2026-10-28T01:30:00.000+01:00');
    expect(computeDeadline('gdpr-33-authority', '2026-10-25T02:30:00+01:00', PARIS).deadline).toBe('2026-10-28T02:30:00.000+01:00');
  });

  it('accepts Z and re-expresses everything in the organisation zone', () => {
    const r = computeDeadline('gdpr-33-authority', '2026-03-27T21:30:00Z', PARIS);
    expect(r.from).toBe('2026-03-27T22:30:00.000+01:00');
    expect(r.deadline).toBe('2026-03-30T23:30:00.000+02:00');
  });

  it('gives the basis in English and French with accents', () => {
    const r = computeDeadline('gdpr-33-authority', '2026-03-27T22:30:00+01:00', PARIS);
    expect(r.basis.fr).toBe("RGPD art. 33(1) : notification à l'autorité de contrôle dans les 72 heures après en avoir pris connaissance");
    expect(r.basis.en).toMatch(/^GDPR Art\. 33\(1\)/);
    expect(r.explanation.en).toContain('72 hours');
    expect(r.explanation.en).toContain('UTC+01:00 → UTC+02:00');
    expect(r.explanation.fr).toContain('72 heures écoulées');
    expect(r.explanation.fr).toContain("changement d'heure");
  });
});

describe('processor-to-controller (contract hours, 48 by default)', () => {
  it('S3: 48 h from Friday 2026-03-27 22:30 Paris -> 2026-03-29T23:30+02:00 (48 real hours, summer time)', () => {
    const r = computeDeadline('processor-to-controller', '2026-03-27T22:30:00+01:00', PARIS);
    expect(r.deadline).toBe('2026-03-29T23:30:00.000+02:00');
    expect(r.target).toBe('2026-03-29T23:30:00.000+02:00');
    expect(Date.parse(r.deadline!) - Date.parse('2026-03-27T22:30:00+01:00')).toBe(48 * 3_600_000);
    expect(r.basis.en).toContain('48 hours');
  });

  it('uses the contract hours when given', () => {
    const r = computeDeadline('processor-to-controller', '2026-03-27T22:30:00+01:00', PARIS, { hours: 24 });
    expect(r.deadline).toBe('2026-03-28T22:30:00.000+01:00');
    expect(r.basis.fr).toContain('24 heures');
  });

  it('hours: null (no contract term) -> deadline null, target = the user target', () => {
    const none = computeDeadline('processor-to-controller', '2026-03-27T22:30:00+01:00', PARIS, { hours: null });
    expect(none.deadline).toBeNull();
    expect(none.target).toBeNull();
    const withTarget = computeDeadline('processor-to-controller', '2026-03-27T22:30:00+01:00', PARIS, {
      hours: null,
      target: '2026-03-28T12:00:00Z',
    });
    expect(withTarget.deadline).toBeNull();
    expect(withTarget.target).toBe('2026-03-28T13:00:00.000+01:00');
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('refuses contract hours %s', (hours) => {
    expect(() => computeDeadline('processor-to-controller', '2026-03-27T22:30:00+01:00', PARIS, { hours })).toThrow(/positive number/);
  });
});

describe('gdpr-34-data-subjects (no legal hour count)', () => {
  it('deadline null and no target by default', () => {
    const r = computeDeadline('gdpr-34-data-subjects', '2020-10-01T09:40:00+02:00', PARIS);
    expect(r.deadline).toBeNull();
    expect(r.target).toBeNull();
    expect(r.basis.fr).toContain('RGPD art. 34(1)');
    expect(r.basis.fr).toContain('risque élevé');
  });

  it('target = the user-set target, re-expressed in the organisation zone', () => {
    const r = computeDeadline('gdpr-34-data-subjects', '2020-10-01T09:40:00+02:00', PARIS, { target: '2020-10-05T08:00:00Z' });
    expect(r.deadline).toBeNull();
    expect(r.target).toBe('2020-10-05T10:00:00.000+02:00');
  });

  it('refuses a target without an offset', () => {
    expect(() => computeDeadline('gdpr-34-data-subjects', '2020-10-01T09:40:00+02:00', PARIS, { target: '2020-10-05 10:00' })).toThrow(
      /not an ISO instant with an offset/,
    );
  });
});

describe('NIS2 hour rules', () => {
  it('early warning: 24 h across the spring change (11:00Z -> 11:00Z = 13:00 summer time)', () => {
    expect(computeDeadline('nis2-early-warning', '2026-03-28T12:00:00+01:00', PARIS).deadline).toBe('2026-03-29T13:00:00.000+02:00');
  });

  it('early warning: 24 h across the autumn change (10:00Z -> 10:00Z = 11:00 winter time)', () => {
    expect(computeDeadline('nis2-early-warning', '2026-10-24T12:00:00+02:00', PARIS).deadline).toBe('2026-10-25T11:00:00.000+01:00');
  });

  it('incident notification: 72 h', () => {
    const r = computeDeadline('nis2-notification', '2026-05-13T16:15:00+02:00', PARIS);
    expect(r.deadline).toBe('2026-05-16T16:15:00.000+02:00');
    expect(r.basis.en).toContain('Art. 23(4)(b)');
  });
});

describe('uk-gdpr-33-ico', () => {
  it('72 h in London across the BST change: 09:00Z Sat -> 09:00Z Tue = 10:00 BST', () => {
    const r = computeDeadline('uk-gdpr-33-ico', '2026-03-28T09:00:00Z', LONDON);
    expect(r.from).toBe('2026-03-28T09:00:00.000+00:00');
    expect(r.deadline).toBe('2026-03-31T10:00:00.000+01:00');
    expect(r.basis.en).toContain('ICO');
  });
});

describe('addElapsedHours', () => {
  it('adds real hours and writes the result in the requested zone', () => {
    expect(addElapsedHours('2026-03-28T23:00:00+01:00', 3, 'Europe/Paris')).toBe('2026-03-29T03:00:00.000+02:00');
    expect(addElapsedHours('2026-03-28T23:00:00+01:00', 3, 'Asia/Tokyo')).toBe('2026-03-29T10:00:00.000+09:00');
  });
});
