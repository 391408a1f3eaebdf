// npm run serve -- --data-dir DIR [--port N]: builds the renderer if it is missing or older than
// its sources (warnings go to stderr; a second run skips the build), then starts the web host,
// which prints one line: the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when every output exists and is newer than every source (paths relative to the repo). */
export function upToDate(outputs, sources) {
  const newestSource = Math.max(...sources.map((s) => newestMtime(join(root, s))));
  return outputs.every((o) => existsSync(join(root, o)) && statSync(join(root, o)).mtimeMs >= newestSource);
}

// What the renderer build reads: its sources, shared/, its config and the installed packages.
const RENDERER_SOURCES = ['renderer', 'shared', 'postcss.config.cjs', 'package-lock.json'];

export function ensureRendererBuilt() {
  if (upToDate(['out/renderer/index.html'], RENDERER_SOURCES)) return;
  process.stderr.write('Building the app (first run or sources changed)…\n');
  const r = spawnSync('npx', ['vite', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (r.status !== 0) {
    process.stderr.write('The renderer build failed (see above).\n');
    process.exit(r.status ?? 1);
  }
}

export function serve(args) {
  ensureRendererBuilt();
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'electron', 'webhost', 'cli.ts'), ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) serve(process.argv.slice(2));
