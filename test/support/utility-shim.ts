/**
 * Runs a module the way an Electron utility process does, in a plain Node child process: Electron
 * gives the module `process.parentPort` (postMessage, and 'message' events carrying `{ data }`);
 * here the same is built on the child's IPC channel. Used by utility-process.ts.
 */
import { pathToFileURL } from 'node:url';

const entry = process.argv[2];
if (!entry || !process.send) throw new Error('usage: fork(utility-shim.ts, [module]) with an IPC channel');
const send = process.send.bind(process);
(process as unknown as { parentPort: unknown }).parentPort = {
  postMessage: (m: unknown) => send(m),
  on: (event: string, listener: (e: { data: unknown }) => void) => {
    if (event === 'message') process.on('message', (m) => listener({ data: m }));
  },
};
await import(pathToFileURL(entry).href);
