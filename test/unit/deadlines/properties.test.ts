// Property-based checks over random instants (2018-2035), random zones and random countries. They
// compare results with each other and with plain millisecond arithmetic, not with the engine's own
// helpers, so a wrong roll, a UTC-date slip or a DST slip shows up as a counterexample.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULE_IDS, computeDeadline, makeCustomRule, type OrgCalendar } from '@shared/deadlines';

const ZONES = [
  'Europe/Paris',
  'Europe/London',
  'America/New_York',
  'Asia/Tokyo',
  'Australia/Sydney',
  'America/Sao_Paulo', // had DST changes at midnight until 2019
  'Asia/Kolkata',
  'Pacific/Auckland',
] as const;
const COUNTRIES = ['FR', 'DE', 'GB-ENG', 'US', 'FR-67'] as const;

const MIN = Date.parse('2018-01-01T00:00:00Z');
const MAX = Date.parse('2035-12-31T23:59:59Z');

const instantMs = fc.integer({ min: MIN, max: MAX });
const cal = fc.record({ timeZone: fc.constantFrom(...ZONES), country: fc.constantFrom(...COUNTRIES) });
/** The same instant may be written with any offset: the rules must not care. */
const writtenIn = fc.constantFrom(...ZONES, 'UTC');

function iso(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISO()!;
}

const HOUR_RULES: Record<string, number> = {
  'gdpr-33-authority': 72,
  'processor-to-controller': 48,
  'nis2-early-warning': 24,
  'nis2-notification': 72,
  'uk-gdpr-33-ico': 72,
};

const customRules = [
  makeCustomRule({ id: 'p-days', label: { en: 'd', fr: 'j' }, amount: 2, unit: 'days', event: { en: 'e', fr: 'é' } }),
  makeCustomRule({ id: 'p-weeks', label: { en: 'w', fr: 's' }, amount: 3, unit: 'weeks', event: { en: 'e', fr: 'é' } }),
  makeCustomRule({ id: 'p-months', label: { en: 'm', fr: 'm' }, amount: 6, unit: 'months', event: { en: 'e', fr: 'é' } }),
];
const ALL_IDS = [...BUILT_IN_RULE_IDS, ...customRules.map((r) => r.id)];

const RUNS = 300;

describe('deadline properties', () => {
  it('deadlines and targets never precede their start, and the deadline is never before the target', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_IDS), instantMs, writtenIn, cal, (rule, ms, zone, c: OrgCalendar) => {
        const r = computeDeadline(rule, iso(ms, zone), c, undefined, customRules);
        expect(Date.parse(r.from)).toBe(ms);
        if (r.deadline !== null) expect(Date.parse(r.deadline)).toBeGreaterThan(ms);
        if (r.target !== null) expect(Date.parse(r.target)).toBeGreaterThan(ms);
        if (r.deadline !== null && r.target !== null) expect(Date.parse(r.deadline)).toBeGreaterThanOrEqual(Date.parse(r.target));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it('deadlines move monotonically with the start (a later start never gives an earlier deadline)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_IDS),
        instantMs,
        fc.integer({ min: 0, max: 40 * 86_400_000 }),
        cal,
        (rule, a, delta, c: OrgCalendar) => {
          const b = a + delta;
          const ra = computeDeadline(rule, iso(a, 'UTC'), c, undefined, customRules);
          const rb = computeDeadline(rule, iso(b, 'UTC'), c, undefined, customRules);
          if (ra.deadline === null || rb.deadline === null) return;
          expect(Date.parse(rb.deadline)).toBeGreaterThanOrEqual(Date.parse(ra.deadline));
          expect(Date.parse(rb.target!)).toBeGreaterThanOrEqual(Date.parse(ra.target!));
        },
      ),
      { numRuns: RUNS * 3 },
    );
  });

  it('monotonic also for starts minutes apart around local midnight and DST changes', () => {
    // Random instants rarely land near midnight; this one walks 10-minute steps through a day.
    fc.assert(
      fc.property(fc.constantFrom(...ALL_IDS), instantMs, cal, (rule, ms, c: OrgCalendar) => {
        let previous = -Infinity;
        for (let step = 0; step < 12; step++) {
          const r = computeDeadline(rule, iso(ms + step * 10 * 60_000, 'UTC'), c, undefined, customRules);
          if (r.deadline === null) return;
          const d = Date.parse(r.deadline);
          expect(d).toBeGreaterThanOrEqual(previous);
          previous = d;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('hour rules are exact in elapsed time: deadline - from === hours x 3 600 000 ms', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(HOUR_RULES)), instantMs, writtenIn, cal, (rule, ms, zone, c: OrgCalendar) => {
        const r = computeDeadline(rule, iso(ms, zone), c);
        expect(Date.parse(r.deadline!) - ms).toBe(HOUR_RULES[rule]! * 3_600_000);
        expect(r.target).toBe(r.deadline);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('processor-to-controller is exact for any contract hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * 30 }), instantMs, cal, (hours, ms, c: OrgCalendar) => {
        const r = computeDeadline('processor-to-controller', iso(ms, 'UTC'), c, { hours });
        expect(Date.parse(r.deadline!) - ms).toBe(hours * 3_600_000);
      }),
      { numRuns: RUNS },
    );
  });

  it('day-based deadlines are written in the organisation zone and fall on a local start of day', () => {
    fc.assert(
      fc.property(fc.constantFrom('gdpr-12-response', 'gdpr-12-extended', 'nis2-final-report', 'uk-gdpr-12-response', 'p-days', 'p-months'), instantMs, cal, (rule, ms, c: OrgCalendar) => {
        const r = computeDeadline(rule, iso(ms, 'UTC'), c, undefined, customRules);
        const d = DateTime.fromISO(r.deadline!, { zone: c.timeZone });
        // Offset in the string = the zone's offset at that instant.
        expect(r.deadline!.slice(-6)).toBe(d.toFormat('ZZ'));
        // Start of a local day: midnight, or 01:00 where midnight did not exist (Sao Paulo).
        expect(d.minute).toBe(0);
        expect(d.hour === 0 || (c.timeZone === 'America/Sao_Paulo' && d.hour === 1)).toBe(true);
        // A one-month period ends 28 to 31 days after the local start date, plus at most a long
        // weekend of holidays; it is never shorter than 28 days.
        if (rule === 'gdpr-12-response') {
          const startDay = DateTime.fromMillis(ms, { zone: c.timeZone }).startOf('day');
          const days = Math.round(d.startOf('day').diff(startDay, 'days').days);
          expect(days).toBeGreaterThanOrEqual(29);
          expect(days).toBeLessThanOrEqual(32 + 5);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
