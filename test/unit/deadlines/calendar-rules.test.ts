// Day and month rules under Regulation 1182/71. Expected dates computed by hand with a calendar:
// day of the event not counted, same date next month (or its last day), then off weekends and the
// French public holidays of that year; deadline = the local midnight ending the last day.
import { describe, expect, it } from 'vitest';
import { addCalendarPeriod, computeDeadline, makeCustomRule, type OrgCalendar } from '@shared/deadlines';

const PARIS: OrgCalendar = { timeZone: 'Europe/Paris', country: 'FR' };

describe('gdpr-12-response basics', () => {
  it('last day 2018-08-21 in Paris -> deadline 2018-08-22T00:00:00.000+02:00', () => {
    // Received Saturday 2018-07-21; one month later is Tuesday 2018-08-21, a working day.
    const r = computeDeadline('gdpr-12-response', '2018-07-21T11:00:00+02:00', PARIS);
    expect(r.deadline).toBe('2018-08-22T00:00:00.000+02:00');
    expect(r.target).toBe('2018-08-22T00:00:00.000+02:00');
    expect(r.basis.fr).toContain("délai d'un mois");
  });

  it('a period ending on a Saturday ends at the end of Monday; target keeps the Saturday (DST in between)', () => {
    // 2026-02-28 (Sat) + 1 month = 2026-03-28 (Sat) -> Monday 2026-03-30. Midnight ending 28 March is
    // still winter time (+01:00); the change happens at 02:00 on the 29th.
    const r = computeDeadline('gdpr-12-response', '2026-02-28T10:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-03-29T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-03-31T00:00:00.000+02:00');
    expect(r.explanation.en).toContain('Saturday 28 March 2026 and Sunday 29 March 2026 are not working days');
    expect(r.explanation.fr).toContain('Le samedi 28 mars 2026 et le dimanche 29 mars 2026 ne sont pas des jours ouvrables');
  });
});

describe('month ends', () => {
  it('31 January 2024 (leap year) + 1 month -> end of Thursday 29 February 2024', () => {
    const r = computeDeadline('gdpr-12-response', '2024-01-31T15:00:00+01:00', PARIS);
    expect(r.target).toBe('2024-03-01T00:00:00.000+01:00');
    expect(r.deadline).toBe('2024-03-01T00:00:00.000+01:00');
    expect(r.explanation.en).toContain('its last day counts');
  });

  it('31 January 2026 (common year) + 1 month -> Saturday 28 February -> Monday 2 March', () => {
    const r = computeDeadline('gdpr-12-response', '2026-01-31T15:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-03-01T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-03-03T00:00:00.000+01:00');
  });

  it('31 March + 1 month -> 30 April', () => {
    expect(computeDeadline('gdpr-12-response', '2026-03-31T09:00:00+02:00', PARIS).deadline).toBe('2026-05-01T00:00:00.000+02:00');
  });
});

describe('the local date is used, never the UTC date', () => {
  it('00:30 in Paris on 11 June is still 10 June in UTC: the Paris date counts', () => {
    // Paris date 2026-06-11 -> last day Saturday 2026-07-11 -> Monday 13 July (14 July is the next day).
    // With the UTC date (10 June) it would be Friday 10 July.
    const r = computeDeadline('gdpr-12-response', '2026-06-11T00:30:00+02:00', PARIS);
    expect(r.target).toBe('2026-07-12T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-07-14T00:00:00.000+02:00');
    // Same instant written in UTC: same answer.
    expect(computeDeadline('gdpr-12-response', '2026-06-10T22:30:00Z', PARIS).deadline).toBe('2026-07-14T00:00:00.000+02:00');
  });

  it('23:59 local in New York on 10 June is 11 June in UTC: the New York date counts', () => {
    // Local date 2026-06-10 -> Friday 2026-07-10 (a working day in the US). UTC date would give
    // Saturday 11 July -> Monday 13 July.
    const r = computeDeadline('gdpr-12-response', '2026-06-10T23:59:00-04:00', { timeZone: 'America/New_York', country: 'US' });
    expect(r.deadline).toBe('2026-07-11T00:00:00.000-04:00');
  });

  it('one minute either side of local midnight gives deadlines one day apart', () => {
    expect(computeDeadline('gdpr-12-response', '2026-06-09T23:59:00+02:00', PARIS).deadline).toBe('2026-07-10T00:00:00.000+02:00');
    expect(computeDeadline('gdpr-12-response', '2026-06-10T00:01:00+02:00', PARIS).deadline).toBe('2026-07-11T00:00:00.000+02:00');
  });
});

describe('periods ending on a French public holiday (one per holiday)', () => {
  it('Easter Monday 2026-04-06 -> Tuesday 7 April', () => {
    const r = computeDeadline('gdpr-12-response', '2026-03-06T10:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-04-07T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-04-08T00:00:00.000+02:00');
    expect(r.explanation.en).toContain('public holiday: Easter Monday');
    expect(r.explanation.fr).toContain('jour férié : Lundi de Pâques');
  });

  it('Ascension Thursday 2026-05-14 -> Friday 15 May', () => {
    const r = computeDeadline('gdpr-12-response', '2026-04-14T10:00:00+02:00', PARIS);
    expect(r.target).toBe('2026-05-15T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-05-16T00:00:00.000+02:00');
  });

  it('Whit Monday 2026-05-25 -> Tuesday 26 May', () => {
    const r = computeDeadline('gdpr-12-response', '2026-04-25T10:00:00+02:00', PARIS);
    expect(r.target).toBe('2026-05-26T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-05-27T00:00:00.000+02:00');
  });

  it('1 May 2026 (Friday) -> past the weekend to Monday 4 May', () => {
    const r = computeDeadline('gdpr-12-response', '2026-04-01T10:00:00+02:00', PARIS);
    expect(r.target).toBe('2026-05-02T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-05-05T00:00:00.000+02:00');
    expect(r.explanation.fr).toContain('vendredi 1er mai 2026');
  });

  it('8 May 2026 (Friday) -> Monday 11 May (custom 10-day rule)', () => {
    const tenDays = makeCustomRule({
      id: 'client-10-days',
      label: { en: 'Client answer', fr: 'Réponse au client' },
      amount: 10,
      unit: 'days',
      event: { en: 'the client request', fr: 'la demande du client' },
    });
    // 2026-04-28 + 10 days = Friday 2026-05-08.
    const r = computeDeadline('client-10-days', '2026-04-28T15:00:00+02:00', PARIS, {}, [tenDays]);
    expect(r.target).toBe('2026-05-09T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-05-12T00:00:00.000+02:00');
  });

  it('14 July 2026 (Tuesday) -> Wednesday 15 July (custom 2-week rule)', () => {
    const twoWeeks = makeCustomRule({
      id: 'action-2-weeks',
      label: { en: 'Remediation step', fr: 'Étape de remédiation' },
      amount: 2,
      unit: 'weeks',
      event: { en: 'the audit', fr: "l'audit" },
    });
    // Tuesday 2026-06-30 + 2 weeks = Tuesday 2026-07-14.
    const r = computeDeadline('action-2-weeks', '2026-06-30T09:00:00+02:00', PARIS, {}, [twoWeeks]);
    expect(r.target).toBe('2026-07-15T00:00:00.000+02:00');
    expect(r.deadline).toBe('2026-07-16T00:00:00.000+02:00');
  });

  it('15 August 2025 (Friday) -> Monday 18 August', () => {
    const r = computeDeadline('gdpr-12-response', '2025-07-15T10:00:00+02:00', PARIS);
    expect(r.target).toBe('2025-08-16T00:00:00.000+02:00');
    expect(r.deadline).toBe('2025-08-19T00:00:00.000+02:00');
  });

  it('1 November 2027 (Monday) -> Tuesday 2 November, in winter time', () => {
    const r = computeDeadline('gdpr-12-response', '2027-10-01T10:00:00+02:00', PARIS);
    expect(r.target).toBe('2027-11-02T00:00:00.000+01:00');
    expect(r.deadline).toBe('2027-11-03T00:00:00.000+01:00');
  });

  it('11 November 2026 (Wednesday) -> Thursday 12 November', () => {
    const r = computeDeadline('gdpr-12-response', '2026-10-11T10:00:00+02:00', PARIS);
    expect(r.target).toBe('2026-11-12T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-11-13T00:00:00.000+01:00');
  });

  it('25 December 2026 (Friday) -> Monday 28 December (nis2-final-report)', () => {
    const r = computeDeadline('nis2-final-report', '2026-11-25T17:00:00+01:00', PARIS);
    expect(r.target).toBe('2026-12-26T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-12-29T00:00:00.000+01:00');
    expect(r.basis.en).toContain('Art. 23(4)(d)');
  });
});

describe('nis2-final-report', () => {
  it('one month after the incident notification, on a working day', () => {
    const r = computeDeadline('nis2-final-report', '2026-03-30T23:30:00+02:00', PARIS);
    expect(r.deadline).toBe('2026-05-01T00:00:00.000+02:00'); // Thursday 30 April 2026
  });
});

describe('uk-gdpr-12-response uses the organisation country (GB-ENG)', () => {
  const LONDON: OrgCalendar = { timeZone: 'Europe/London', country: 'GB-ENG' };

  it('Summer bank holiday Monday 2026-08-31 -> Tuesday 1 September', () => {
    const r = computeDeadline('uk-gdpr-12-response', '2026-07-31T12:00:00+01:00', LONDON);
    expect(r.target).toBe('2026-09-01T00:00:00.000+01:00');
    expect(r.deadline).toBe('2026-09-02T00:00:00.000+01:00');
    expect(r.explanation.en).toContain('Summer bank holiday');
  });

  it('Early May bank holiday Monday 2026-05-04 -> Tuesday 5 May', () => {
    const r = computeDeadline('uk-gdpr-12-response', '2026-04-04T12:00:00+01:00', LONDON);
    expect(r.deadline).toBe('2026-05-06T00:00:00.000+01:00');
  });

  it('with country FR the English bank holiday is a working day', () => {
    const r = computeDeadline('uk-gdpr-12-response', '2026-07-31T12:00:00+01:00', { timeZone: 'Europe/London', country: 'FR' });
    expect(r.deadline).toBe('2026-09-01T00:00:00.000+01:00');
  });
});

describe('Regulation 1182/71 Art. 3(5): two working days in any period of two days or more', () => {
  it('2 days from Thursday 24 December 2026 in Germany: 25 and 26 are holidays, 27 Sunday -> extended to Tuesday 29', () => {
    const p = addCalendarPeriod('2026-12-24T10:00:00+01:00', 2, 'days', { timeZone: 'Europe/Berlin', country: 'DE' });
    expect(p.lastDay).toBe('2026-12-26');
    expect(p.target).toBe('2026-12-27T00:00:00.000+01:00');
    // Moved to Monday 28 only one working day would be in the period; Art. 3(5) adds Tuesday 29.
    expect(p.workingLastDay).toBe('2026-12-29');
    expect(p.deadline).toBe('2026-12-30T00:00:00.000+01:00');
    expect(p.extendedToTwoWorkingDays).toBe(true);
  });

  it('no extension when the period already holds two working days', () => {
    // Thursday 11 June 2026 + 2 days = Saturday 13 -> Monday 15; Friday 12 and Monday 15 are working days.
    const p = addCalendarPeriod('2026-06-11T10:00:00+02:00', 2, 'days', PARIS);
    expect(p.deadline).toBe('2026-06-16T00:00:00.000+02:00');
    expect(p.extendedToTwoWorkingDays).toBe(false);
  });
});

describe('addCalendarPeriod building block', () => {
  it('exposes the unrolled and rolled last days', () => {
    const p = addCalendarPeriod('2026-04-01T10:00:00+02:00', 1, 'months', PARIS);
    expect(p.eventDate).toBe('2026-04-01');
    expect(p.lastDay).toBe('2026-05-01');
    expect(p.workingLastDay).toBe('2026-05-04');
    expect(p.skipped.map((s) => s.reason)).toEqual(['holiday', 'saturday', 'sunday']);
  });

  it('midnight that does not exist (Sao Paulo, DST started at 00:00 on 2018-11-04): the day ends at 01:00', () => {
    // Last day Saturday 2018-11-03 (Brazil has no holiday then); the next day began at 01:00 -02:00.
    const p = addCalendarPeriod('2018-10-03T12:00:00-03:00', 1, 'months', { timeZone: 'America/Sao_Paulo', country: 'FR' });
    expect(p.target).toBe('2018-11-04T01:00:00.000-02:00');
  });
});
