/**
 * How long the host's event loop is blocked while the app is used: the thread that serves the
 * window (here the web host's, over HTTP and its WebSocket) must stay free while the core works.
 *
 * Builds a register (S4, or a tenth with --quick) through the Workstation, then runs the web host
 * as `npm run serve` does — the core in its worker thread — and drives list, filter, search and
 * save calls against it from another thread, the way a window would, one call after another.
 * The host thread's event-loop delay is sampled every millisecond meanwhile. Prints
 *   main-thread max block ms: <n>            (the goal is under 16: one frame)
 * and, for comparison in the same run, the same calls with the core on the host's own thread
 * (how every host ran it before the core moved to its worker):
 *   core-in-host-thread max block ms: <n>
 *
 * `mainThreadBlock()` is what bench/run.ts calls; `tsx bench/main-thread.ts [--quick]` runs it alone.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { events as eventSchemas, type EventName } from '@shared/api/contract';
import { Workstation } from '../electron/core/workstation';
import { NoKeyStore } from '../electron/core/keys/keychain';
import { createDispatch } from '../electron/core/api/dispatch';
import { CoreHost } from '../electron/core/host/core-host';
import { workerThreadCore } from '../electron/core/host/worker-thread';
import { startWebHost, type CoreConnection } from '../electron/webhost/server';
import { FAST_SCRYPT, PASSPHRASE, SETUP } from '../test/support/workstation';
import { BENCH_NOW, load, S4, SimClock, type Volume } from './generate';
import { Rng } from './prng';
import { OWNERS, searchTerms } from './corpus';

export interface MainThreadOptions {
  quick?: boolean;
  volume?: Volume;
  /** Also measure the core on the host's thread, as before it had a worker (default true). */
  compare?: boolean;
  log?: (msg: string) => void;
  out?: (line: string) => void;
}

interface Call {
  kind: 'list' | 'filter' | 'search' | 'save';
  method: string;
  input: unknown;
}

const PAGE = 50;

/** The calls a window makes, the same for both runs (fixed seed). `save` updates what `create` made. */
function workload(volume: Volume, perKind: number, seed: number): Call[] {
  const rng = new Rng(seed);
  const calls: Call[] = [];
  const regs = ['complaints', 'letters', 'incidents', 'actions'] as const;
  for (let i = 0; i < perKind; i++) {
    const reg = regs[i % regs.length]!;
    const pages = Math.max(1, Math.ceil(volume[reg] / PAGE));
    calls.push({ kind: 'list', method: `${reg}.list`, input: { offset: PAGE * rng.int(pages), limit: PAGE } });
    const filters: Call[] = [
      { kind: 'filter', method: 'complaints.list', input: { status: ['received', 'in_progress', 'awaiting_information'] } },
      { kind: 'filter', method: 'complaints.list', input: { text: searchTerms(rng) } },
      { kind: 'filter', method: 'letters.list', input: { regulator: ['FR-CNIL'], kind: ['complaint_forwarded'] } },
      { kind: 'filter', method: 'actions.list', input: { owner: [rng.pick(OWNERS)] } },
      { kind: 'filter', method: 'incidents.list', input: { status: ['open', 'contained'], sort: { field: 'authorityDue', dir: 'asc' } } },
    ];
    calls.push(filters[i % filters.length]!);
    calls.push({ kind: 'search', method: 'search.query', input: { text: searchTerms(rng), limit: PAGE } });
    calls.push({
      kind: 'save',
      method: 'complaints.create',
      input: { receivedAt: BENCH_NOW.toISOString(), channel: 'email', complainantLabel: `Bench ${i}`, rights: ['access'], summary: `Saved by the main-thread bench, call ${i}` },
    });
  }
  return calls;
}

/**
 * The window's side, in its own thread so that its work is not counted against the host: calls
 * one after another over HTTP (a created complaint is then updated, as a save from a form is),
 * with the event WebSocket open as the page keeps it.
 */
const CLIENT = `
const { workerData, parentPort } = require('node:worker_threads');
const { WebSocket } = require(workerData.wsModule);
const { base, token, calls } = workerData;
(async () => {
  const sock = new WebSocket(base.replace('http', 'ws') + '/api/events', ['privacyops', 'bearer.' + token], { headers: { Origin: base } });
  let events = 0;
  sock.on('message', () => events++);
  await new Promise((ok, ko) => { sock.on('open', ok); sock.on('error', ko); });
  const post = async (method, input) => {
    const res = await fetch(base + '/api/' + method, { method: 'POST', headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    const body = await res.json();
    if (!res.ok) throw new Error(method + ' ' + res.status + ' ' + JSON.stringify(body));
    return body;
  };
  const times = [];
  for (const c of calls) {
    const t = performance.now();
    const out = await post(c.method, c.input);
    if (c.method === 'complaints.create') await post('complaints.update', { id: out.id, patch: { outcome: 'Updated by the bench' } });
    times.push({ kind: c.kind, ms: performance.now() - t });
  }
  sock.close();
  parentPort.postMessage({ times, events });
})().catch((e) => { parentPort.postMessage({ error: String(e && e.stack || e) }); });
`;

/** The core on the host's thread: dispatch and events straight from a Workstation (the old way). */
function inThread(ws: Workstation): CoreConnection {
  const dispatch = createDispatch(ws, () => {});
  return {
    call: (method, input) => dispatch(method, input),
    on: (listener) => {
      const offs = (Object.keys(eventSchemas) as EventName[]).map((e) => ws.on(e, (p) => listener(e, p)));
      return () => offs.forEach((o) => o());
    },
  };
}

async function measure(core: CoreConnection, staticDir: string, calls: Call[], log: (m: string) => void) {
  const host = await startWebHost({ core, staticDir, log: () => {} });
  try {
    const base = `http://127.0.0.1:${host.port}`;
    const unlocked = (await core.call('app.unlock', { passphrase: PASSPHRASE })) as { state: string };
    if (unlocked.state !== 'unlocked') throw new Error('the bench register did not unlock');
    const wsModule = createRequire(import.meta.url).resolve('ws');
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    // A first call of each kind warms the core up (statement caches, JIT) before the sampling.
    const firstOfEach = new Map(calls.filter((c) => c.kind !== 'save').map((c) => [c.method, c] as const));
    for (const c of firstOfEach.values()) await core.call(c.method, c.input);
    histogram.enable();
    const client = new Worker(CLIENT, { eval: true, workerData: { base, token: host.token, calls, wsModule } });
    const result = await new Promise<{ times?: { kind: string; ms: number }[]; events?: number; error?: string }>((resolve, reject) => {
      client.once('message', resolve);
      client.once('error', reject);
    });
    histogram.disable();
    await client.terminate();
    if (result.error) throw new Error(result.error);
    const byKind = new Map<string, number[]>();
    for (const t of result.times!) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t.ms]);
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(0.95 * (xs.length - 1))]!;
    log(`  calls: ${[...byKind].map(([k, xs]) => `${k} p95 ${p95(xs).toFixed(1)} ms`).join(', ')}; ${result.events} events received`);
    return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
  } finally {
    await host.close();
  }
}

export async function mainThreadBlock(opts: MainThreadOptions = {}): Promise<number> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const out = opts.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const quick = opts.quick ?? process.argv.includes('--quick');
  const scale = quick ? 0.1 : 1;
  const volume: Volume = opts.volume ?? {
    complaints: Math.round(S4.complaints * scale),
    letters: Math.round(S4.letters * scale),
    incidents: Math.round(S4.incidents * scale),
    actions: Math.round(S4.actions * scale),
  };
  const root = mkdtempSync(join(tmpdir(), 'privacyops-bench-main-thread-'));
  const dataDir = join(root, 'data');
  const staticDir = join(root, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bench</title>');
  try {
    // 1. The register, built through the Workstation (so it has its profile and opens like any).
    const clock = new SimClock();
    const ws = await Workstation.start({ dataDir, keyStore: new NoKeyStore(), host: 'web', version: 'bench', clock, scryptParams: FAST_SCRYPT, reminderIntervalMs: 0 });
    await ws.setup(SETUP);
    const records = volume.complaints + volume.letters + volume.incidents + volume.actions;
    log(`Main-thread bench: building a register of ${records.toLocaleString('en')} records in ${dataDir}`);
    load(ws.session, clock, volume, 20250101, { daysPerBatch: 7, progress: log });
    await ws.shutdown();

    const calls = workload(volume, quick ? 25 : 50, 7);
    const config = { dataDir, host: 'web' as const, version: 'bench', keychain: false, scryptParams: FAST_SCRYPT };

    // 2. As the app runs now: the core in its worker thread.
    log(`Main-thread bench: ${calls.length} calls (+ an update after each save) through the web host, core in its worker`);
    const core = await CoreHost.start(workerThreadCore(), config, { log });
    let worker: { maxMs: number; p99Ms: number };
    try {
      worker = await measure(core, staticDir, calls, log);
    } finally {
      await core.shutdown();
    }

    // 3. For comparison: the same calls with the core on the host's thread.
    let inHost: { maxMs: number } | null = null;
    if (opts.compare ?? true) {
      log('Main-thread bench: the same calls with the core on the host thread (before the worker)');
      const ws2 = await Workstation.start({ dataDir, keyStore: new NoKeyStore(), host: 'web', version: 'bench', scryptParams: FAST_SCRYPT });
      try {
        inHost = await measure(inThread(ws2), staticDir, calls, log);
      } finally {
        await ws2.shutdown();
      }
    }
    if (inHost) out(`core-in-host-thread max block ms: ${inHost.maxMs.toFixed(1)}`);
    out(`main-thread max block ms: ${worker.maxMs.toFixed(1)}`);
    return worker.maxMs;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await mainThreadBlock();
}
