import type { ApiClient, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { apiErrorFromWire, HostUnreachableError, isWireError } from './errors';
import type { ConnectionListener } from './connection';
import { EventHub } from './eventHub';

/** What electron/preload exposes (contextBridge); declared here because the renderer never imports electron/. */
export interface PrivacyOpsBridge {
  call(method: string, input: unknown): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>;
  onEvent(listener: (msg: { event: string; payload: unknown }) => void): () => void;
}

declare global {
  interface Window {
    privacyops?: PrivacyOpsBridge;
  }
}

/** Electron: calls go through the preload bridge; the main process validates them again. */
export class IpcTransport implements ApiClient {
  readonly transport = 'ipc' as const;
  private readonly hub = new EventHub();

  constructor(private readonly bridge: PrivacyOpsBridge) {
    bridge.onEvent((msg) => this.hub.emit(msg.event, msg.payload));
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    let result: Awaited<ReturnType<PrivacyOpsBridge['call']>>;
    try {
      result = await this.bridge.call(method, input);
    } catch (e) {
      throw new HostUnreachableError((e as Error).message);
    }
    if (result.ok) return result.value as MethodOutput<M>;
    if (isWireError(result.error)) throw apiErrorFromWire(result.error);
    throw new HostUnreachableError('Malformed answer from the main process');
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.hub.on(event, listener);
  }

  onConnection(listener: ConnectionListener): () => void {
    listener('open');
    return () => undefined;
  }
}
