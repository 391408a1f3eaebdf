import { describe, expect, it } from 'vitest';
import { countBy, hoursBetween, median, percentile } from '../../electron/core/reports/stats';

/** The report's statistics as README › Annual report defines them, on values worked out by hand. */
describe('report statistics', () => {
  it('median: the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5])).toBe(5);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([240, 1800, 360, 864, 840, 1128])).toBe(852);
  });

  it('90th percentile by nearest rank: always one of the values', () => {
    expect(percentile([], 90)).toBeNull();
    expect(percentile([7], 90)).toBe(7);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(90);
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110], 90)).toBe(100);
    expect(percentile([576, 456], 90)).toBe(576);
  });

  it('hours to the minute, and counts largest first then in the codes’ order', () => {
    expect(hoursBetween('2026-01-10T09:00:00Z', '2026-01-20T09:30:00Z')).toBe(240.5);
    expect(countBy(['b', 'a', 'c', 'a', 'b'], ['c', 'b', 'a'])).toEqual([
      { key: 'b', count: 2 },
      { key: 'a', count: 2 },
      { key: 'c', count: 1 },
    ]);
  });
});
