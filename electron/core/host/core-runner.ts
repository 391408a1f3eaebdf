import { events as eventSchemas, type EventName } from '@shared/api/contract';
import { Workstation } from '../workstation';
import { NoKeyStore, OsKeyStore } from '../keys/keychain';
import { TestClock } from '../clocks/test-clock';
import { createDispatch } from '../api/dispatch';
import { errorToMessage, type CoreConfig, type CorePort, type ToCore } from './protocol';

/**
 * The core's side of the channel, the same in a worker thread and in a utility process: waits
 * for `start`, opens the Workstation, answers calls in order of arrival (each one's answer is
 * sent after its transaction committed: an answer is an acknowledgement), forwards every event,
 * and closes the register on `shutdown`.
 */
export function runCore(port: CorePort, exit: (code: number) => void, log: (msg: string) => void = (m) => process.stderr.write(m + '\n')): void {
  let workstation: Workstation | null = null;
  let dispatch: ReturnType<typeof createDispatch> | null = null;
  const early: ToCore[] = [];

  async function start(config: CoreConfig) {
    try {
      workstation = await Workstation.start({
        dataDir: config.dataDir,
        keyStore: config.keychain ? new OsKeyStore() : new NoKeyStore(),
        host: config.host,
        version: config.version,
        clock: config.clock ? new TestClock(config.clock) : undefined,
        scryptParams: config.scryptParams,
        reminderIntervalMs: config.reminderIntervalMs,
        autoLock: true,
      });
    } catch (e) {
      port.post({ type: 'start-failed', message: (e as Error).message ?? String(e) });
      return;
    }
    const ws = workstation;
    for (const event of Object.keys(eventSchemas) as EventName[]) {
      ws.on(event, (payload) => port.post({ type: 'event', event, payload }));
    }
    dispatch = createDispatch(ws, log);
    port.post({ type: 'ready', status: ws.status() });
    for (const m of early.splice(0)) handle(m);
  }

  function handle(m: ToCore) {
    if (m.type === 'start') {
      void start(m.config);
      return;
    }
    if (!workstation || !dispatch) {
      early.push(m);
      return;
    }
    const ws = workstation;
    switch (m.type) {
      case 'call':
        dispatch(m.method, m.input).then(
          (value) => port.post({ type: 'result', id: m.id, ok: true, value }),
          (e: unknown) => port.post({ type: 'result', id: m.id, ok: false, error: errorToMessage(e) }),
        );
        return;
      case 'lock':
        ws.lock(m.reason);
        return;
      case 'shutdown':
        void ws.shutdown().finally(() => {
          port.post({ type: 'closed' });
          exit(0);
        });
        return;
    }
  }

  port.onMessage(handle);
}
