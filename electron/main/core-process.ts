import type { ForkOptions, UtilityProcess } from 'electron';
import type { CoreChild, SpawnCore } from '../core/host/core-host';
import type { FromCore, ToCore } from '../core/host/protocol';

/**
 * What this module uses of an Electron UtilityProcess. Only the type comes from electron (so this
 * module loads without an Electron binary and is tested with a plain Node child process standing
 * in for the utility process: test/support/utility-process.ts).
 */
export type UtilityLike = Pick<UtilityProcess, 'postMessage' | 'kill'> & {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: string, location: string, report: string) => void): unknown;
  stderr: NodeJS.ReadableStream | null;
};

export type ForkUtility = (modulePath: string, args: string[], options: ForkOptions) => UtilityLike;

/** The last of what the core wrote on stderr is kept to say why it stopped. */
const STDERR_KEPT = 4_000;

/**
 * The desktop host's core: utility-entry (built as out/main/core.js) in an Electron utility
 * process, adapted to the transport CoreHost drives (the web host drives a worker thread the same
 * way). The process's stderr goes on to the main process's stderr; its tail is the message of a
 * crash, so the "core stopped" screen says what the core last said.
 */
export function utilityProcessCore(fork: ForkUtility, entry: string, opts: { forward?: (chunk: string) => void } = {}): SpawnCore {
  const forward = opts.forward ?? ((c: string) => process.stderr.write(c));
  return () => {
    const proc = fork(entry, [], { serviceName: 'PrivacyOps Workstation core', stdio: ['ignore', 'inherit', 'pipe'] });
    let tail = '';
    let fatal: string | undefined;
    proc.stderr?.setEncoding('utf8');
    proc.stderr?.on('data', (chunk: string) => {
      forward(chunk);
      tail = (tail + chunk).slice(-STDERR_KEPT);
    });
    proc.on('error', (type, location) => {
      fatal = `${type} at ${location}`;
    });
    const exitListeners: ((info: { code: number | null; error?: string }) => void)[] = [];
    let exited: { code: number | null; error?: string } | null = null;
    proc.on('exit', (code) => {
      // stderr may still hold the last lines: let them arrive before the exit is reported.
      setImmediate(() => {
        const said = lastLines(tail);
        exited = { code, error: fatal ?? (code !== 0 && said ? said : undefined) };
        for (const l of exitListeners.splice(0)) l(exited);
      });
    });
    const child: CoreChild = {
      post: (m: ToCore) => {
        if (!exited) proc.postMessage(m);
      },
      onMessage: (l) => proc.on('message', (m) => l(m as FromCore)),
      onExit: (l) => {
        if (exited) l(exited);
        else exitListeners.push(l);
      },
      kill: () => void proc.kill(),
    };
    return child;
  };
}

/** The last few non-empty lines, joined: enough to name the error, short enough for a screen. */
function lastLines(text: string, n = 3): string {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(-n)
    .join(' ');
}
