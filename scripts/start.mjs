// npm start: the desktop app when an Electron binary is installed; otherwise one line saying so,
// then the same app served on loopback (the web host).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';

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

const args = process.argv.slice(2);
const bin = electronBinary();
if (!bin) {
  process.stderr.write('No Electron binary is installed here, so PrivacyOps Workstation runs as a web app on this computer only: open the URL below.\n');
  serve(args);
} else {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(bin, [root, ...args], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
