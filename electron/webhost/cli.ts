import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { Workstation } from '../core/workstation';
import { NoKeyStore, OsKeyStore } from '../core/keys/keychain';
import { resolveDataDir } from '../core/paths';
import { findRepoRoot, packageVersion } from '../core/version';
import { startWebHost } from './server';

/**
 * npm run serve -- --data-dir DIR [--port N] [--no-keychain]
 * Prints exactly one line on stdout: the URL to open (with the per-launch token).
 * Everything else goes to stderr.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string' },
      'no-keychain': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stderr.write('Usage: npm run serve -- [--data-dir DIR] [--port N] [--no-keychain]\n');
    return;
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number, not "${values.port}"`);

  const root = findRepoRoot(import.meta.url);
  const dataDir = resolveDataDir(values['data-dir']);
  const workstation = await Workstation.start({
    dataDir,
    keyStore: values['no-keychain'] ? new NoKeyStore() : new OsKeyStore(),
    host: 'web',
    version: packageVersion(root),
  });
  const host = await startWebHost({ workstation, staticDir: join(root, 'out', 'renderer') });
  process.stdout.write(host.url + '\n');
  process.stderr.write(`PrivacyOps Workstation web host: data in ${dataDir}; Ctrl+C to stop.\n`);

  const stop = async () => {
    await host.close();
    workstation.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  process.stderr.write(`privacyops serve: ${(e as Error).message}\n`);
  process.exit(1);
});
