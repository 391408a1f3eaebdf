import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ForkUtility, UtilityLike } from '../../electron/main/core-process';

const SHIM = fileURLToPath(new URL('./utility-shim.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A stand-in for Electron's utilityProcess.fork where there is no Electron binary: a Node child
 * process (structured-clone messages, its own stderr) running the module with the parentPort an
 * Electron utility process has (utility-shim.ts). What runs inside is the product's own
 * utility-entry.ts, unchanged.
 */
export const forkNodeUtility: ForkUtility = (modulePath, args) => {
  const child = fork(SHIM, [modulePath, ...args], {
    cwd: ROOT,
    execArgv: ['--import', 'tsx'],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  const proc: UtilityLike = {
    postMessage: (m: unknown) => void child.send(m as never),
    kill: () => child.kill('SIGKILL'),
    stderr: child.stderr,
    on: ((event: string, listener: (...a: unknown[]) => void) => {
      if (event === 'message') child.on('message', (m) => listener(m));
      // Electron reports a kill as an exit with a code; Node gives the signal instead.
      else if (event === 'exit') child.on('exit', (code, signal) => listener(code ?? (signal ? 1 : 0)));
      return proc;
    }) as UtilityLike['on'],
  };
  return proc;
};
