import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Every string a user reads exists in English and in French, in every feature. */
const features = fileURLToPath(new URL('../../renderer/src/features', import.meta.url));

function keys(obj: unknown, prefix = ''): string[] {
  if (obj && typeof obj === 'object' && !Array.isArray(obj)) {
    return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

describe('feature translations', () => {
  const withLocales = readdirSync(features).filter((f) => existsSync(join(features, f, 'locales')));
  it('exist for at least the complaints feature', () => {
    expect(withLocales).toContain('complaints');
  });
  for (const f of withLocales) {
    it(`${f}: French and English have the same keys, none empty`, () => {
      const read = (lang: string) => JSON.parse(readFileSync(join(features, f, 'locales', `${lang}.json`), 'utf8')) as unknown;
      const en = read('en');
      const fr = read('fr');
      expect(keys(fr).sort()).toEqual(keys(en).sort());
      const empty = [...keys(en), ...keys(fr)].filter((k) => k === '');
      expect(empty).toEqual([]);
    });
  }
});
