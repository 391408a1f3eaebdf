import { describe, expect, it } from 'vitest';
import { numberVersions, type VersionKey } from '../../../electron/core/templates/numbering';

const hlc = (ms: number, counter: number, device: string) => `${String(ms).padStart(18, '0')}-${String(counter).padStart(6, '0')}-${device}`;
const v = (id: string, h: string, prior: number | null = null): VersionKey => ({ id, hlc: h, priorVersion: prior });
const numbers = (rows: VersionKey[]) => Object.fromEntries(numberVersions(rows).map((r) => [r.id, r.version]));

/** Every order of a list (the orders in which a machine can receive the same versions). */
function orders<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest]));
}

describe('template version numbering (README › Letters)', () => {
  it('numbers saved versions 2, 3, … in the order of their operations’ clocks', () => {
    expect(numbers([v('b', hlc(2000, 0, 'dev-a')), v('a', hlc(1000, 0, 'dev-a'))])).toEqual({ a: 2, b: 3 });
  });

  it('two versions saved apart are both kept, the earlier clock first, whatever order they arrive in', () => {
    const claire = v('0193-claire', hlc(1_700_000_000_500, 0, 'claire-device'));
    const samir = v('0193-samir', hlc(1_700_000_000_200, 0, 'samir-device'));
    const later = v('0193-later', hlc(1_700_000_009_000, 0, 'claire-device'));
    for (const o of orders([claire, samir, later])) expect(numbers(o)).toEqual({ '0193-samir': 2, '0193-claire': 3, '0193-later': 4 });
  });

  it('the same millisecond and counter: the device id in the clock decides, the same on every machine', () => {
    const a = v('z-id', hlc(5000, 3, 'aaaa'));
    const b = v('a-id', hlc(5000, 3, 'bbbb'));
    for (const o of orders([a, b])) expect(numbers(o)).toEqual({ 'z-id': 2, 'a-id': 3 });
  });

  it('a counter within one millisecond orders before the device id', () => {
    expect(numbers([v('x', hlc(5000, 1, 'aaaa')), v('y', hlc(5000, 0, 'zzzz'))])).toEqual({ y: 2, x: 3 });
  });

  it('versions not published yet (from before migration 19) come first, in their former order', () => {
    const rows = [v('pub', hlc(1000, 0, 'd')), v('old3', '', 3), v('old2', '', 2)];
    for (const o of orders(rows)) expect(numbers(o)).toEqual({ old2: 2, old3: 3, pub: 4 });
  });

  it('no version saved: nothing to number (the built-in text is version 1)', () => {
    expect(numberVersions([])).toEqual([]);
  });
});
