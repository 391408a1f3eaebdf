/**
 * npm run bench [-- --quick] [-- --volume s4|s5]
 *     the registers (list, filter, sort, search, open, save) against their hand-written floors,
 *     encrypted against plain SQLite (bench/registers.ts); the import of a 100,000-row CSV
 *     against plain prepared inserts (bench/import.ts); then how long the host's event loop is
 *     blocked while the app is used (bench/main-thread.ts).
 *     --quick: a tenth of the volume and fewer calls (a smoke test, not a measurement).
 *     --volume s5: ten years (500,000 complaints…), built through the registers' bulk-load seam.
 *     --no-import / --no-main-thread: leave those parts out.
 * npm run bench -- sync [--quick]
 *     sync against PostgreSQL's raw COPY (bench/sync.ts)
 *
 * The summary lines, each printed once, last:
 *   encrypted/plain p95 ratio: <n>   app/floor p95 ratio: <n>   import rows/s: <n>
 *   import/floor ratio: <n>          main-thread max block ms: <n>
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const args = new Set(argv);
const valueOf = (flag: string) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? argv[i + 1] : undefined;
};

if (args.has('sync')) {
  const { runSyncBench } = await import('./sync');
  await runSyncBench();
} else {
  const { registersBench } = await import('./registers');
  const { importBench } = await import('./import');
  const { S4, S5 } = await import('./generate');
  const { consoleReporter, fmt, int } = await import('./report');

  const quick = args.has('--quick');
  const name = (valueOf('--volume') ?? 's4').toLowerCase();
  if (name !== 's4' && name !== 's5') {
    process.stderr.write(`Unknown volume ${name}: use --volume s4 or --volume s5\n`);
    process.exit(2);
  }
  const base = name === 's5' ? S5 : S4;
  const scale = quick ? 0.1 : 1;
  const volume = {
    complaints: Math.round(base.complaints * scale),
    letters: Math.round(base.letters * scale),
    incidents: Math.round(base.incidents * scale),
    actions: Math.round(base.actions * scale),
  };
  const root = mkdtempSync(join(tmpdir(), 'privacyops-bench-'));
  const cleanup = () => rmSync(root, { recursive: true, force: true });
  process.on('exit', cleanup);
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => process.exit(130));
  const key = randomBytes(32);
  const started = performance.now();
  const report = consoleReporter;

  const registers = await registersBench({
    root,
    key,
    volume,
    volumeName: `${name.toUpperCase()} volume${quick ? ' at 1/10 (--quick)' : ''}`,
    // S4 is built as in use, through the registers' own methods; ten years go through their bulk seam.
    build: name === 's5' ? 'bulk' : 'registers',
    iterations: quick ? 60 : 200,
    warmup: quick ? 10 : 20,
    verify: !quick,
    report,
  });
  const imported = args.has('--no-import') ? null : await importBench({ root, key, rows: quick ? 10_000 : 100_000, report });

  // ---------------------------------------------------------------------------------------------
  // MAIN-THREAD BLOCK (bench/main-thread.ts, owned by the `host` worktree): how long the host's
  // event loop is blocked while calls run through the real transport. It prints its own line,
  // `main-thread max block ms: <n>`, exactly once.
  let mainThreadLine: (() => void) | null = null;
  if (!args.has('--no-main-thread')) {
    // In a process of its own: the host thread it measures must not carry this process's heap
    // (an S5 build and an import leave gigabytes for the collector), which the app's host never has.
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const script = fileURLToPath(new URL('./main-thread.ts', import.meta.url));
    const child = spawnSync(process.execPath, [...process.execArgv, script, ...(quick ? ['--quick'] : [])], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`The main-thread bench failed (exit ${child.status ?? child.signal})`);
    const lines = child.stdout.split('\n').filter((l) => l.trim() !== '');
    mainThreadLine = () => lines.forEach((l) => report.out(l));
  }
  // ---------------------------------------------------------------------------------------------

  report.out(`Total run time ${fmt((performance.now() - started) / 1000, 0)} s.`);
  report.out(`encrypted/plain p95 ratio: ${registers.encryptedPlain.toFixed(2)}`);
  report.out(`app/floor p95 ratio: ${registers.appFloor.toFixed(2)}`);
  if (imported) {
    report.out(`import rows/s: ${int(imported.rowsPerSecond).replace(/,/g, '')}`);
    report.out(`import/floor ratio: ${imported.ratio.toFixed(2)}`);
  }
  mainThreadLine?.();
}

export {};
