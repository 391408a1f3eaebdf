// npm start: the desktop app when an Electron binary is installed; otherwise one line saying so,
// then the same app served on loopback (the web host).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, upToDate } from './serve.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const p = require('electron'); // the electron package exports the binary's path
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const bin = electronBinary();
if (!bin) {
  process.stderr.write('No Electron binary is installed here, so PrivacyOps Workstation runs as a web app on this computer only: open the URL below.\n');
  serve(args);
} else {
  // The native modules (SQLCipher, keytar) are built for Node; Electron needs its own build, once.
  const stamp = join(root, 'node_modules', '.privacyops-electron-abi');
  const version = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== version) {
    run('npx', ['electron-builder', 'install-app-deps']);
    writeFileSync(stamp, version);
    // The Node build is gone now: the next `npm run setup` (before npm test) restores it.
    rmSync(join(root, 'node_modules', '.privacyops-setup'), { force: true });
  }
  // Built once; rebuilt only when a source is newer than the output, so a second start is quick.
  const outputs = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  const sources = ['electron', 'shared', 'renderer', 'electron.vite.config.ts', 'postcss.config.cjs', 'package-lock.json'];
  if (!upToDate(outputs, sources)) {
    process.stderr.write('Building the app (first run or sources changed)…\n');
    run('npx', ['electron-vite', 'build', '--logLevel', 'warn']);
  }
  const child = spawn(bin, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
