/**
 * The desktop main process never opens the register: SQLite, the keychain and the Workstation live
 * in the core's utility process. Lint refuses a direct import (eslint.config.js, electron/main/**);
 * this test follows every import of electron/main/ all the way down (relative paths and the @shared
 * alias, resolved as TypeScript resolves them) and looks at everything reached.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { ESLint } from 'eslint';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = join(ROOT, 'electron', 'main');

function compilerOptions(): ts.CompilerOptions {
  const file = join(ROOT, 'tsconfig.json');
  const cfg = ts.readConfigFile(file, ts.sys.readFile);
  return ts.parseJsonConfigFileContent(cfg.config, ts.sys, ROOT).options;
}

/** Every project file and every package the given entries reach through their imports. */
function reach(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const options = compilerOptions();
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: spec } of importedFiles) {
      const resolved = ts.resolveModuleName(spec, file, options, ts.sys).resolvedModule;
      const inProject = resolved && !resolved.isExternalLibraryImport && !resolved.resolvedFileName.includes('node_modules');
      if (inProject) queue.push(resolved.resolvedFileName);
      else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return { files, packages };
}

const FORBIDDEN_PACKAGES = ['better-sqlite3-multiple-ciphers', 'better-sqlite3', '@journeyapps/sqlcipher', 'keytar', 'pg'];

describe('the main process never reaches the register', () => {
  it('no import of electron/main, however indirect, reaches SQLite, the keychain or the Workstation', () => {
    const entries = readdirSync(MAIN)
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(MAIN, f));
    expect(entries.map((f) => relative(ROOT, f))).toContain('electron/main/index.ts');
    const { files, packages } = reach(entries);
    const reached = [...files].map((f) => relative(ROOT, f).replaceAll('\\', '/'));
    // It does reach the host side of the core, which is how it talks to it.
    expect(reached).toContain('electron/core/host/core-host.ts');
    expect(reached).toContain('electron/core/host/protocol.ts');
    expect(packages).toContain('electron');
    for (const p of FORBIDDEN_PACKAGES) expect(packages, `electron/main reaches ${p}`).not.toContain(p);
    const coreFiles = reached.filter((f) => f.startsWith('electron/core/'));
    expect(coreFiles.filter((f) => !['electron/core/host/core-host.ts', 'electron/core/host/protocol.ts', 'electron/core/paths.ts'].includes(f))).toEqual([]);
  });

  it('the same walk does see SQLite behind the core runner (the test can fail)', () => {
    const { files, packages } = reach([join(ROOT, 'electron', 'core', 'host', 'utility-entry.ts')]);
    expect(packages).toContain('better-sqlite3-multiple-ciphers');
    expect([...files].map((f) => relative(ROOT, f).replaceAll('\\', '/'))).toContain('electron/core/workstation.ts');
  });
});

describe('lint: electron/main imports neither SQLite nor the Workstation', () => {
  let probe: string | null = null;
  afterEach(() => {
    if (probe) rmSync(probe, { recursive: true, force: true });
    probe = null;
  });

  it('refuses the Workstation, the core runner and better-sqlite3, allows CoreHost', async () => {
    probe = join(MAIN, `lint-probe-${randomBytes(4).toString('hex')}`);
    mkdirSync(probe);
    const file = join(probe, 'a.ts');
    writeFileSync(
      file,
      [
        "import { Workstation } from '../../core/workstation';",
        "import { runCore } from '../../core/host/core-runner';",
        "import Database from 'better-sqlite3-multiple-ciphers';",
        "import { CoreHost } from '../../core/host/core-host';",
        'export const all = [Workstation, runCore, Database, CoreHost];',
        '',
      ].join('\n'),
    );
    const [result] = await new ESLint({ cwd: ROOT }).lintFiles([file]);
    const refused = result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line);
    expect(refused).toEqual([1, 2, 3]);
  });
});
