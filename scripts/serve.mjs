// npm run serve -- --data-dir DIR [--port N]: builds the renderer if it is missing or older than
// its sources (build output goes to stderr), then starts the web host, which prints one line:
// the URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function ensureRendererBuilt() {
  const built = join(root, 'out', 'renderer', 'index.html');
  const sources = Math.max(newestMtime(join(root, 'renderer')), newestMtime(join(root, 'shared')));
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
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
