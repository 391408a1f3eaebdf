import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CoreChild, SpawnCore } from './core-host';
import type { FromCore, ToCore } from './protocol';

/**
 * The web host's core: a Node worker thread running worker-entry. From source (tsx, vitest) the
 * entry is TypeScript, so the thread first registers tsx's loader with the project's tsconfig.
 */
export function workerThreadCore(entry: URL = new URL('./worker-entry.ts', import.meta.url)): SpawnCore {
  return () => {
    const worker = entry.pathname.endsWith('.ts') ? new Worker(tsBootstrap(entry), { eval: true }) : new Worker(entry);
    let error: string | undefined;
    worker.on('error', (e) => {
      error = e.stack ?? e.message;
    });
    const child: CoreChild = {
      post: (m: ToCore) => worker.postMessage(m),
      onMessage: (l) => worker.on('message', (m: FromCore) => l(m)),
      onExit: (l) => worker.once('exit', (code) => l({ code, error })),
      kill: () => void worker.terminate(),
    };
    return child;
  };
}

function tsBootstrap(entry: URL): string {
  const require = createRequire(import.meta.url);
  const tsxApi = pathToFileURL(join(dirname(require.resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const tsconfig = join(repoRootOf(fileURLToPath(entry)), 'tsconfig.json');
  return `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry.href)}); })`;
}

/** electron/core/host/<file> → the repository root. */
function repoRootOf(file: string): string {
  return join(dirname(file), '..', '..', '..');
}
