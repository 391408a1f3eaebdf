import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Every string a user reads exists in English and in French, in every feature and in the register kit. */
const features = fileURLToPath(new URL('../../renderer/src/features', import.meta.url));
const kit = fileURLToPath(new URL('../../renderer/src/kit', import.meta.url));

function keys(obj: unknown, prefix = ''): string[] {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function values(obj: unknown): string[] {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) return Object.values(obj).flatMap(values);
  return typeof obj === 'string' ? [obj] : [];
}

describe('feature translations', () => {
  const withLocales = readdirSync(features)
    .filter((f) => existsSync(join(features, f, 'locales')))
    .map((f) => ({ name: f, dir: join(features, f, 'locales') }));
  withLocales.push({ name: 'kit', dir: join(kit, 'locales') });
  it('exist for at least the complaints feature and the kit', () => {
    expect(withLocales.map((l) => l.name)).toContain('complaints');
    expect(existsSync(join(kit, 'locales', 'en.json'))).toBe(true);
  });
  for (const { name: f, dir } of withLocales) {
    it(`${f}: French and English have the same keys, none empty`, () => {
      const read = (lang: string) => JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as unknown;
      const en = read('en');
      const fr = read('fr');
      expect(keys(fr).sort()).toEqual(keys(en).sort());
      const empty = [...keys(en), ...keys(fr)].filter((k) => k === '');
      expect(empty).toEqual([]);
      const blank = [...values(en), ...values(fr)].filter((v) => v.trim() === '');
      expect(blank).toEqual([]);
    });
  }
});
