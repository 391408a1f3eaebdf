import { runCore } from './core-runner';
import type { FromCore, ToCore } from './protocol';

/**
 * The desktop host's core: an Electron utility process (a Node process Electron starts and
 * watches). Electron gives it `process.parentPort`; nothing here imports electron, so the type is
 * written out as far as it is used.
 */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) throw new Error('utility-entry.ts runs as an Electron utility process (see electron/main/core-process.ts).');
const port = parentPort;
runCore(
  { post: (m: FromCore) => port.postMessage(m), onMessage: (l) => port.on('message', (e) => l(e.data as ToCore)) },
  (code) => process.exit(code),
);
