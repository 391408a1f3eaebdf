import { CoreHost } from '../../electron/core/host/core-host';
import { workerThreadCore } from '../../electron/core/host/worker-thread';
import type { CoreConfig } from '../../electron/core/host/protocol';
import { FAST_SCRYPT } from './workstation';

/** The core in its worker thread, as the web host runs it (cheap scrypt, no keychain unless asked). */
export function startCore(dataDir: string, over: Partial<CoreConfig> = {}, opts: { testMode?: boolean; log?: (m: string) => void } = {}): Promise<CoreHost> {
  return CoreHost.start(
    workerThreadCore(),
    { dataDir, host: 'web', version: '0.0.0-test', keychain: false, scryptParams: FAST_SCRYPT, ...over },
    { log: () => {}, ...opts },
  );
}
