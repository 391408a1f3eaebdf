/**
 * The lint config refuses import circles in electron/ and shared/: two modules added here for the
 * test import each other, and ESLint (with the project's own eslint.config.js) reports it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
let probe: string | null = null;

afterEach(() => {
  if (probe) rmSync(probe, { recursive: true, force: true });
  probe = null;
});

async function lintProbe(files: Record<string, string>, folder: string) {
  probe = join(ROOT, folder, `lint-probe-${randomBytes(4).toString('hex')}`);
  mkdirSync(probe, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(probe, name), text);
  const eslint = new ESLint({ cwd: ROOT });
  const results = await eslint.lintFiles([join(probe, 'a.ts')]);
  return results.flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe('lint: no import circles', () => {
  it('fails on a circle added in the core', async () => {
    const rules = await lintProbe(
      {
        'a.ts': "import { b } from './b';\nexport const a = () => b() + 1;\n",
        'b.ts': "import { a } from './a';\nexport const b = () => (a.length ? 1 : 0);\n",
      },
      'electron/core',
    );
    expect(rules).toContain('import-x/no-cycle');
  });

  it('fails on a circle in shared/ that goes through the @shared alias', async () => {
    const rel = (name: string) => `@shared/${probe!.slice(join(ROOT, 'shared').length + 1)}/${name}`;
    probe = join(ROOT, 'shared', `lint-probe-${randomBytes(4).toString('hex')}`);
    const dir = probe;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.ts'), `import { b } from '${rel('b')}';\nexport const a = () => b() + 1;\n`);
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = () => (a.length ? 1 : 0);\n");
    const results = await new ESLint({ cwd: ROOT }).lintFiles([join(dir, 'a.ts')]);
    expect(results.flatMap((r) => r.messages.map((m) => m.ruleId))).toContain('import-x/no-cycle');
  });

  it('passes the same two modules when the import goes one way only', async () => {
    const rules = await lintProbe(
      {
        'a.ts': "import { b } from './b';\nexport const a = () => b() + 1;\n",
        'b.ts': 'export const b = () => 1;\n',
      },
      'electron/core',
    );
    expect(rules).not.toContain('import-x/no-cycle');
  });
});
