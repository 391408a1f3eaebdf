/**
 * A client process for the kill test: opens a data folder, unlocks it, syncs once, printing
 * each progress step on stdout so the parent can kill it at a chosen moment.
 */
import { Workstation } from '../../electron/core/workstation';
import { NoKeyStore } from '../../electron/core/keys/keychain';
import { FAST_SCRYPT, PASSPHRASE } from './workstation';

const dataDir = process.argv[2]!;
const ws = await Workstation.start({ dataDir, keyStore: new NoKeyStore(), host: 'web', version: 'test', scryptParams: FAST_SCRYPT });
await ws.unlock(PASSPHRASE);
ws.on('sync.status', (s) => {
  if (s.progress) process.stdout.write(`progress ${s.progress.phase} ${s.progress.done}\n`);
});
await ws.sync.syncNow();
process.stdout.write('done\n');
await ws.shutdown();
