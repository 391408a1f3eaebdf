import { describe, expect, it } from 'vitest';
import { computeDeadline } from '@shared/deadlines';
import { responseDueFor } from '../../../electron/core/registers/complaints';
import type { RegisterContext } from '../../../electron/core/registers/context';

/** The Art. 12(3) deadline is computed once per calendar day: it must be the same as computing it for each instant. */
describe('complaint response deadline, computed once per day', () => {
  for (const cal of [
    { timeZone: 'Europe/Paris', country: 'FR' },
    { timeZone: 'America/New_York', country: 'US' },
    { timeZone: 'Asia/Tokyo', country: 'JP' },
  ]) {
    it(`equals the rule's own answer for every instant (${cal.timeZone})`, () => {
      const ctx = { calendar: () => cal } as unknown as RegisterContext;
      const start = Date.UTC(2018, 0, 1);
      const instants: string[] = [];
      // Every 37 minutes for two years catches midnights, DST changes and month ends.
      for (let t = start; t < start + 2 * 365 * 86_400_000; t += 37 * 60_000) instants.push(new Date(t).toISOString());
      for (const at of instants.filter((_, i) => i % 7 === 0)) {
        const direct = new Date(computeDeadline('gdpr-12-response', at, cal).deadline!).toISOString();
        expect(responseDueFor(ctx, at, null), at).toBe(direct);
      }
    });
  }
});
