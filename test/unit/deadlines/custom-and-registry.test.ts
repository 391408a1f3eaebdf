import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_RULE_IDS,
  OrgCalendarSchema,
  computeDeadline,
  getRule,
  listRules,
  makeCustomRule,
  type OrgCalendar,
} from '@shared/deadlines';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };

const base = {
  label: { en: 'Internal review', fr: 'Revue interne' },
  event: { en: 'the incident', fr: "l'incident" },
};

describe('custom rules', () => {
  it('hours: 36 real hours across the autumn change (18:00Z -> 06:00Z = 07:00 winter time)', () => {
    const rule = makeCustomRule({ ...base, id: 'review-36h', amount: 36, unit: 'hours' });
    expect(rule.kind).toBe('hours');
    const r = rule.compute('2026-10-24T20:00:00+02:00', PARIS);
    expect(r.rule).toBe('review-36h');
    expect(r.deadline).toBe('2026-10-26T07:00:00.000+01:00');
    expect(r.target).toBe(r.deadline);
    expect(r.basis.fr).toBe("Règle interne « Revue interne » : 36 heures à compter de l'incident");
  });

  it('months: 3 months from 30 November 2026 -> Sunday 28 February 2027 -> Monday 1 March', () => {
    const rule = makeCustomRule({ ...base, id: 'review-3m', amount: 3, unit: 'months' });
    expect(rule.kind).toBe('calendar');
    const r = computeDeadline('review-3m', '2026-11-30T10:00:00+01:00', PARIS, undefined, [rule]);
    expect(r.target).toBe('2027-03-01T00:00:00.000+01:00');
    expect(r.deadline).toBe('2027-03-02T00:00:00.000+01:00');
  });

  it('days: 1 day from a Thursday -> Friday', () => {
    const rule = makeCustomRule({ ...base, id: 'next-day', amount: 1, unit: 'days' });
    expect(rule.compute('2026-06-11T10:00:00+02:00', PARIS).deadline).toBe('2026-06-13T00:00:00.000+02:00');
  });

  it('refuses ids of built-in rules, bad ids, and fractional calendar amounts', () => {
    for (const id of BUILT_IN_RULE_IDS) {
      expect(() => makeCustomRule({ ...base, id, amount: 2, unit: 'days' })).toThrow(/built-in rule id/);
    }
    expect(() => makeCustomRule({ ...base, id: 'has space', amount: 2, unit: 'days' })).toThrow(/Invalid custom rule/);
    expect(() => makeCustomRule({ ...base, id: 'half-day', amount: 1.5, unit: 'days' })).toThrow(/whole number/);
    expect(() => makeCustomRule({ ...base, id: 'neg', amount: -1, unit: 'hours' })).toThrow(/Invalid custom rule/);
    expect(() => makeCustomRule({ ...base, id: 'no-fr', label: { en: 'x', fr: '' }, amount: 1, unit: 'hours' })).toThrow(/French/);
  });

  it('refuses duplicate custom ids in one list', () => {
    const a = makeCustomRule({ ...base, id: 'dup', amount: 1, unit: 'days' });
    const b = makeCustomRule({ ...base, id: 'dup', amount: 2, unit: 'days' });
    expect(() => listRules([a, b])).toThrow(/Duplicate deadline rule id 'dup'/);
  });
});

describe('registry', () => {
  it('lists the eleven built-in rules in order, then custom ones', () => {
    expect(listRules().map((r) => r.id)).toEqual([...BUILT_IN_RULE_IDS]);
    expect(BUILT_IN_RULE_IDS).toHaveLength(11);
    const extra = makeCustomRule({ ...base, id: 'extra', amount: 1, unit: 'weeks' });
    expect(listRules([extra]).map((r) => r.id).at(-1)).toBe('extra');
  });

  it('every built-in rule has a bilingual label and a kind', () => {
    for (const r of listRules()) {
      expect(r.label.en.length).toBeGreaterThan(0);
      expect(r.label.fr.length).toBeGreaterThan(0);
      expect(['hours', 'calendar', 'open']).toContain(r.kind);
    }
    expect(getRule('gdpr-34-data-subjects').kind).toBe('open');
    expect(getRule('gdpr-12-response').kind).toBe('calendar');
    expect(getRule('uk-gdpr-33-ico').kind).toBe('hours');
  });

  it('unknown rule: a clear error listing the known ids', () => {
    expect(() => getRule('gdpr-99')).toThrow("Unknown deadline rule 'gdpr-99'. Known rules: gdpr-33-authority, processor-to-controller");
    expect(() => computeDeadline('nope', '2026-03-27T22:30:00+01:00', PARIS)).toThrow(/conseil-etat-appeal/);
  });
});

describe('input errors', () => {
  it('an instant without an offset', () => {
    expect(() => computeDeadline('gdpr-33-authority', '2026-03-27 22:30', PARIS)).toThrow(
      "'2026-03-27 22:30' is not an ISO instant with an offset, e.g. 2026-03-27T22:30:00+01:00",
    );
    expect(() => computeDeadline('gdpr-33-authority', '2026-03-27T22:30:00', PARIS)).toThrow(/not an ISO instant with an offset/);
    expect(() => computeDeadline('gdpr-12-response', '2026-03-27', PARIS)).toThrow(/not an ISO instant with an offset/);
  });

  it('an impossible date', () => {
    expect(() => computeDeadline('gdpr-33-authority', '2026-02-30T10:00:00+01:00', PARIS)).toThrow(/not a valid instant/);
  });

  it('an unknown IANA zone, or a fixed offset posing as one', () => {
    expect(() => computeDeadline('gdpr-33-authority', '2026-03-27T22:30:00+01:00', { timeZone: 'Europe/Pariss', country: 'FR' })).toThrow(
      "Unknown IANA time zone 'Europe/Pariss'",
    );
    expect(() => computeDeadline('gdpr-12-response', '2026-03-27T22:30:00+01:00', { timeZone: 'UTC+1', country: 'FR' })).toThrow(/Unknown IANA time zone/);
  });

  it('an unknown or malformed country', () => {
    expect(() => computeDeadline('gdpr-12-response', '2026-03-27T22:30:00+01:00', { timeZone: 'Europe/Paris', country: 'XX' })).toThrow(/Unknown country 'XX'/);
    expect(() => computeDeadline('gdpr-12-response', '2026-03-27T22:30:00+01:00', { timeZone: 'Europe/Paris', country: 'fr' })).toThrow(/ISO code/);
    expect(() => computeDeadline('gdpr-12-response', '2026-03-27T22:30:00+01:00', { timeZone: 'Europe/Paris', country: 'GB-XYZ' })).toThrow(/GB-ENG/);
    // Hour rules do not use holidays but still refuse a wrong setting rather than hide it.
    expect(() => computeDeadline('gdpr-33-authority', '2026-03-27T22:30:00+01:00', { timeZone: 'Europe/Paris', country: 'XX' })).toThrow(/Unknown country/);
  });
});

describe('OrgCalendarSchema', () => {
  it('accepts real settings and rejects bad ones', () => {
    expect(OrgCalendarSchema.safeParse({ timeZone: 'Europe/Paris', country: 'FR' }).success).toBe(true);
    expect(OrgCalendarSchema.safeParse({ timeZone: 'Europe/London', country: 'GB-ENG' }).success).toBe(true);
    expect(OrgCalendarSchema.safeParse({ timeZone: 'Europe/Berlin', country: 'DE' }).success).toBe(true);
    expect(OrgCalendarSchema.safeParse({ timeZone: 'Nowhere/Land', country: 'FR' }).success).toBe(false);
    expect(OrgCalendarSchema.safeParse({ timeZone: 'Europe/Paris', country: 'France' }).success).toBe(false);
    expect(OrgCalendarSchema.safeParse({ timeZone: 'Europe/Paris' }).success).toBe(false);
  });
});
