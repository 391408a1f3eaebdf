/**
 * One running client of the sync benchmark's live phase, in its own process as on its own
 * machine: opens its data folder, keeps syncing, and prints `complaints <n>` whenever its
 * register changed. Stops when its stdin closes.
 */
import { Workstation } from '../electron/core/workstation';
import { NoKeyStore } from '../electron/core/keys/keychain';
import { FAST_SCRYPT, PASSPHRASE } from '../test/support/workstation';

const ws = await Workstation.start({ dataDir: process.argv[2]!, keyStore: new NoKeyStore(), host: 'web', version: 'bench', scryptParams: FAST_SCRYPT });
await ws.unlock(PASSPHRASE);
let scheduled = false;
const report = () => {
  scheduled = false;
  process.stdout.write(`complaints ${ws.complaints.list({ limit: 1 }).total}\n`);
};
ws.on('record.changed', () => {
  if (!scheduled) {
    scheduled = true;
    setImmediate(report);
  }
});
ws.sync.start();
await ws.sync.syncNow();
report();
process.stdout.write('ready\n');
process.stdin.resume();
process.stdin.on('end', () => {
  void ws.shutdown().then(() => process.exit(0));
});
