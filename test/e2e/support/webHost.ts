import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BUILT_RENDERER = join(REPO_ROOT, 'out', 'renderer', 'index.html');

export function assertRendererBuilt(): void {
  if (!existsSync(BUILT_RENDERER)) {
    throw new Error(`${BUILT_RENDERER} is missing: build the renderer first (npx vite build --config renderer/vite.config.ts).`);
  }
}

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'privacyops-e2e-'));
}

export interface WebHost {
  /** The address the host printed, with its per-launch token. */
  url: string;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 45_000;

/**
 * Starts the web host the way a user does (npx tsx electron/webhost/cli.ts) and reads the URL from
 * its first stdout line. The host runs in its own process group so stop() reaches tsx's child too.
 * `extraArgs` go to the CLI as they are (e.g. ['--clock', '2026-03-27T22:35:00+01:00'] for test mode).
 */
export async function startWebHost(dataDir: string, opts: { keychain: boolean }, extraArgs: readonly string[] = []): Promise<WebHost> {
  const args = ['tsx', 'electron/webhost/cli.ts', '--data-dir', dataDir, ...(opts.keychain ? [] : ['--no-keychain']), ...extraArgs];
  const child = spawn('npx', args, { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`The web host printed no URL within ${START_TIMEOUT_MS} ms.\n${stderr}`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      done(line.trim());
    });
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`The web host exited (code ${code}) before printing its URL.\n${stderr}`));
    });
  });
  if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=/.test(url)) throw new Error(`Unexpected first line from the web host: ${url}\n${stderr}`);

  return {
    url,
    stop: async () => {
      if (child.exitCode === null) killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Calls the web host's API as a script would (its token from the URL); a refusal throws with the method and the body. */
export async function callApi<T>(host: WebHost, method: string, input: unknown = {}): Promise<T> {
  const url = new URL(host.url);
  const res = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${url.searchParams.get('token')!}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${method} → ${res.status}: ${JSON.stringify(body)}`);
  return body;
}
