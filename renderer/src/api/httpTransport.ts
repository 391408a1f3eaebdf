import { ApiErrorBody, type ApiClient, type EventName, type EventPayload, type MethodInput, type MethodName, type MethodOutput } from '@shared/api/contract';
import { apiErrorFromWire, HostUnreachableError } from './errors';
import type { ConnectionListener, ConnectionState } from './connection';
import { EventHub } from './eventHub';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

/**
 * The loopback web host: POST /api/<method> with the per-launch bearer token, events over a
 * WebSocket at /api/events. Browsers cannot set headers on a WebSocket, so the token travels as the
 * subprotocol "bearer.<token>" next to "privacyops".
 */
export class HttpTransport implements ApiClient {
  readonly transport = 'http' as const;
  private readonly hub = new EventHub();
  private readonly connectionListeners = new Set<ConnectionListener>();
  private connection: ConnectionState = 'connecting';
  private socket: WebSocket | null = null;
  private retryMs = FIRST_RETRY_MS;

  constructor(private readonly token: string) {
    this.connect();
  }

  async call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
    let res: Response;
    try {
      res = await fetch(`/api/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.token}` },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch (e) {
      throw new HostUnreachableError((e as Error).message);
    }
    const body: unknown = await res.json().catch(() => null);
    if (res.ok) return body as MethodOutput<M>;
    const parsed = ApiErrorBody.safeParse(body);
    if (parsed.success) throw apiErrorFromWire(parsed.data.error);
    throw new HostUnreachableError(`HTTP ${res.status} without an API error body`);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.hub.on(event, listener);
  }

  /** Listeners hear the current state at once, then every change. */
  onConnection(listener: ConnectionListener): () => void {
    this.connectionListeners.add(listener);
    listener(this.connection);
    return () => this.connectionListeners.delete(listener);
  }

  private setConnection(state: ConnectionState) {
    if (state === this.connection) return;
    this.connection = state;
    for (const l of this.connectionListeners) l(state);
  }

  private connect() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/api/events`, ['privacyops', `bearer.${this.token}`]);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      this.setConnection('open');
    };
    socket.onmessage = (msg) => {
      let data: unknown;
      try {
        data = JSON.parse(String(msg.data));
      } catch {
        return;
      }
      if (typeof data === 'object' && data !== null && typeof (data as { event?: unknown }).event === 'string') {
        const { event, payload } = data as { event: string; payload: unknown };
        this.hub.emit(event, payload);
      }
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.setConnection('reconnecting');
      // Exponential backoff with jitter, so a restarted host is not hammered by every open tab at once.
      const delay = this.retryMs * (0.75 + Math.random() * 0.5);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
      window.setTimeout(() => this.connect(), delay);
    };
  }
}
