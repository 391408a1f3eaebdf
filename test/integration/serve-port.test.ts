import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/workstation';

/** `npm run serve -- --port N`, through the real web host CLI. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: ChildProcess[] = [];
const servers: Server[] = [];
const dirs: { cleanup(): void }[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  for (const d of dirs) d.cleanup();
});

function dataDir(): string {
  const d = tempDir('privacyops-serve-port-');
  dirs.push(d);
  return d.dir;
}

function cli(args: string[]): { child: ChildProcess; stdout: () => string; stderr: () => string; exit: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/webhost/cli.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** A port held by another program on 127.0.0.1 for the rest of the file. */
async function takenPort(): Promise<number> {
  const s = createServer();
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return (s.address() as { port: number }).port;
}

/** A port free a moment ago (listened on, then released). */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

describe('npm run serve -- --port N', () => {
  it('listens on that port and prints its URL as the one line on stdout', async () => {
    const port = await freePort();
    const run = cli(['--data-dir', dataDir(), '--no-keychain', '--port', String(port)]);
    const line = await new Promise<string>((resolve, reject) => {
      run.child.stdout!.on('data', () => {
        if (run.stdout().includes('\n')) resolve(run.stdout().split('\n')[0]!);
      });
      void run.exit.then((code) => reject(new Error(`web host exited with ${code}: ${run.stderr()}`)));
    });
    const url = new URL(line);
    expect(url.origin).toBe(`http://127.0.0.1:${port}`);
    expect(url.searchParams.get('token')).toBeTruthy();
    const res = await fetch(`http://127.0.0.1:${port}/api`, { headers: { Authorization: `Bearer ${url.searchParams.get('token')}` } });
    expect(res.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('refuses a port in use with one line on stderr, nothing on stdout, and exit code 1', async () => {
    const port = await takenPort();
    const run = cli(['--data-dir', dataDir(), '--no-keychain', '--port', String(port)]);
    expect(await run.exit).toBe(1);
    expect(run.stdout()).toBe('');
    const lines = run.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^privacyops serve: port ${port} on 127\\.0\\.0\\.1 is already in use`));
  });

  it('refuses a --port that is not a port number in one line', async () => {
    const run = cli(['--data-dir', dataDir(), '--no-keychain', '--port', 'eighty']);
    expect(await run.exit).toBe(1);
    expect(run.stderr().trim()).toBe('privacyops serve: --port must be a port number, not "eighty"');
  });
});
