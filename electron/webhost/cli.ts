import { parseArgs } from 'node:util';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { resolveDataDir } from '../core/paths';
import { findRepoRoot, packageVersion } from '../core/version';
import { CoreHost } from '../core/host/core-host';
import { workerThreadCore } from '../core/host/worker-thread';
import { PortInUseError, startWebHost } from './server';
import { CLOCK_ENV, TestClock } from '../core/clocks/test-clock';

/**
 * npm run serve -- --data-dir DIR [--port N] [--no-keychain] [--clock ISO]
 * Prints exactly one line on stdout: the URL to open (with the per-launch token).
 * Everything else goes to stderr. --port N listens on N (refused in one line when N is taken);
 * without it a free port is picked. The core (the register and its services) runs in a worker
 * thread: this thread only serves HTTP and the WebSocket, so it never waits on SQLite.
 *
 * Test mode: --clock <ISO instant with offset> (or PRIVACYOPS_CLOCK=<instant>) starts the app's
 * clock at that instant; it then runs forward in real time, and the API method app.setClock
 * ({ "at": "<instant>" }) jumps it (e.g. to just before a reminder threshold; reminders are
 * checked at once and then fire on time). Without it, the clock is the system clock and
 * app.setClock does not exist.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-keychain': { type: 'boolean', default: false },
      clock: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write('Usage: npm run serve -- [--data-dir DIR] [--port N] [--no-keychain] [--clock ISO-INSTANT (test mode)]\n');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);

  // A taken port is refused now, before the core spends seconds starting (the real listen below
  // still reports one taken in between).
  if (port !== 0) await assertPortFree(port);

  const clockStart = values.clock ?? process.env[CLOCK_ENV];
  let clock: TestClock | undefined;
  if (clockStart) {
    try {
      clock = new TestClock(clockStart);
    } catch (e) {
      throw new Error(`--clock: ${(e as Error).message}`, { cause: e });
    }
  }

  const root = findRepoRoot(import.meta.url);
  const dataDir = resolveDataDir(values['data-dir']);
  const core = await CoreHost.start(
    workerThreadCore(),
    { dataDir, host: 'web', version: packageVersion(root), keychain: !values['no-keychain'], clock: clock ? clockStart : undefined },
    { testMode: clock !== undefined },
  );
  const first = core.state();
  if (first.state !== 'running') throw new Error(`the core could not start: ${first.message ?? 'unknown cause'}`);
  let host;
  try {
    host = await startWebHost({ core, staticDir: join(root, 'out', 'renderer'), port });
  } catch (e) {
    await core.shutdown();
    throw e;
  }
  process.stdout.write(host.url + '\n');
  process.stderr.write(`PrivacyOps Workstation web host: data in ${dataDir}; Ctrl+C to stop.\n`);
  if (clock) process.stderr.write(`Test mode: the app clock started at ${clock.now().toISOString()}; app.setClock moves it.\n`);

  const web = host;
  const stop = async () => {
    await web.close();
    await core.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) => reject(e.code === 'EADDRINUSE' ? new PortInUseError(port) : e));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

main().catch((e: unknown) => {
  process.stderr.write(`privacyops serve: ${(e as Error).message}\n`);
  process.exit(1);
});
