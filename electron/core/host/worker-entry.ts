import { parentPort } from 'node:worker_threads';
import { runCore } from './core-runner';
import type { FromCore, ToCore } from './protocol';

// The web host's core: a worker thread. process.exit in a worker ends the thread, not the host.
if (!parentPort) throw new Error('worker-entry.ts runs as a worker thread (see core-host.ts).');
const port = parentPort;
runCore(
  { post: (m: FromCore) => port.postMessage(m), onMessage: (l) => port.on('message', (m: ToCore) => l(m)) },
  (code) => process.exit(code),
);
