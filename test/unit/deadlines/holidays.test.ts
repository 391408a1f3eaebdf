// The holiday calendar comes from date-holidays; these tests pin what the rules rely on.
import { describe, expect, it } from 'vitest';
import { isWorkingDay, publicHolidays } from '@shared/deadlines';

describe('publicHolidays', () => {
  it('France 2026: the eleven public holidays, without observances (Pentecost Sunday, Mothers Day)', () => {
    expect(publicHolidays(2026, 'FR').map((h) => h.date)).toEqual([
      '2026-01-01',
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
    ]);
  });

  it('England 2026 includes the substitute day for Boxing Day (Monday 28 December)', () => {
    const dates = publicHolidays(2026, 'GB-ENG').map((h) => h.date);
    expect(dates).toContain('2026-08-31');
    expect(dates).toContain('2026-12-28');
  });

  it('names in English and French', () => {
    expect(publicHolidays(2026, 'FR', 'en').find((h) => h.date === '2026-04-06')?.name).toBe('Easter Monday');
    expect(publicHolidays(2026, 'FR', 'fr').find((h) => h.date === '2026-04-06')?.name).toBe('Lundi de Pâques');
  });
});

describe('isWorkingDay', () => {
  it('weekends and public holidays are not working days', () => {
    expect(isWorkingDay('2026-04-06', 'FR')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-04-07', 'FR')).toBe(true);
    expect(isWorkingDay('2026-04-04', 'FR')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-05', 'FR')).toBe(false); // Sunday
  });

  it('Good Friday depends on the country and region', () => {
    expect(isWorkingDay('2026-04-03', 'FR')).toBe(true);
    expect(isWorkingDay('2026-04-03', 'FR-67')).toBe(false); // Alsace
    expect(isWorkingDay('2026-04-03', 'DE')).toBe(false);
    expect(isWorkingDay('2026-04-03', 'GB-ENG')).toBe(false);
  });

  it('German "bank" days (24 and 31 December) are working days: public holidays only', () => {
    expect(isWorkingDay('2026-12-24', 'DE')).toBe(true);
    expect(isWorkingDay('2026-12-31', 'DE')).toBe(true);
  });

  it('refuses bad dates and unknown countries, even on a Sunday', () => {
    expect(() => isWorkingDay('2026-02-30', 'FR')).toThrow(/not a calendar date/);
    expect(() => isWorkingDay('06/04/2026', 'FR')).toThrow(/not a calendar date/);
    expect(() => isWorkingDay('2026-04-05', 'QQ')).toThrow(/Unknown country/);
  });
});
