import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { ApiError, errorStatus, type EventName, type EventPayload } from '@shared/api/contract';
import { describeApi } from '../core/api/describe';
import { contentType, staticFile } from './static-files';
import { SECURITY_HEADERS, bearerToken, hostAllowed, isLoopbackAddress, originAllowed, tokenMatches, websocketToken } from './security';

/** What the web host needs of the core: calls and events (a CoreHost: the core in its worker). */
export interface CoreConnection {
  call(method: string, input: unknown): Promise<unknown>;
  on(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void;
}

export interface WebHostOptions {
  core: CoreConnection;
  /** The built renderer (out/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; a random one per launch otherwise. */
  token?: string;
  log?: (msg: string) => void;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The port asked for (--port) is taken: the host refuses rather than pick another one. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} on 127.0.0.1 is already in use (another web host or program); choose another with --port, or leave it out for a free one`);
    this.name = 'PortInUseError';
  }
}

// Attachments travel base64 in JSON: 25 MiB of file is about 34 MiB of body.
const MAX_BODY = 40 * 1024 * 1024;

/**
 * Serves the renderer and the API on 127.0.0.1 only. Every request must name this host (Host),
 * come from this origin (Origin, when a browser sends one) and, for the API, carry the per-launch
 * token. The same API is the app's scripting interface.
 */
export async function startWebHost(opts: WebHostOptions): Promise<WebHost> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const dispatch = (method: string, input: unknown) => opts.core.call(method, input);
  let port = 0;

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      log(`[webhost] ${(e as Error).stack ?? String(e)}`);
      if (!res.headersSent) sendError(res, new ApiError('INTERNAL', 'Internal error'));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!isLoopbackAddress(req.socket.remoteAddress)) return sendError(res, new ApiError('FORBIDDEN', 'Only this computer may connect.'));
    if (!hostAllowed(req, port)) return sendError(res, new ApiError('FORBIDDEN', 'Unexpected Host header.'));
    if (!originAllowed(req, port)) return sendError(res, new ApiError('FORBIDDEN', 'Requests from other origins are refused.'));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);

    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) {
      if (!tokenMatches(bearerToken(req), token)) {
        return sendError(res, new ApiError('UNAUTHORIZED', 'Missing or wrong token: send Authorization: Bearer <token> from the URL the host printed.'));
      }
      if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, describeApi());
      if (req.method !== 'POST') return sendError(res, new ApiError('BAD_REQUEST', 'API methods are called with POST /api/<method>.'));
      const ctype = req.headers['content-type'] ?? '';
      if (!/^application\/json\b/i.test(ctype)) return sendError(res, new ApiError('BAD_REQUEST', 'Send the input as a JSON body (Content-Type: application/json).'));
      const method = decodeURIComponent(url.pathname.slice('/api/'.length));
      let body: unknown;
      try {
        body = await readJson(req);
      } catch (e) {
        return sendError(res, e instanceof ApiError ? e : new ApiError('BAD_REQUEST', 'The body is not valid JSON.'));
      }
      try {
        return sendJson(res, 200, await dispatch(method, body));
      } catch (e) {
        return sendError(res, e instanceof ApiError ? e : new ApiError('INTERNAL', (e as Error).message));
      }
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, new ApiError('BAD_REQUEST', 'Only GET is served outside /api.'));
    return serveStatic(opts.staticDir, url.pathname, res);
  }

  const wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (protocols) => (protocols.has('privacyops') ? 'privacyops' : false),
  });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const ok =
      url.pathname === '/api/events' &&
      isLoopbackAddress(req.socket.remoteAddress) &&
      hostAllowed(req, port) &&
      originAllowed(req, port) &&
      tokenMatches(websocketToken(req), token);
    if (!ok) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });

  const unsubscribe = opts.core.on((event, payload) => {
    const msg = JSON.stringify({ event, payload });
    for (const client of wss.clients as Set<WebSocket>) if (client.readyState === client.OPEN) client.send(msg);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (e) {
    unsubscribe();
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new PortInUseError(opts.port ?? 0);
    throw e;
  }
  const addr = server.address();
  port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      unsubscribe();
      for (const c of wss.clients) c.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(data);
}

function sendError(res: ServerResponse, e: ApiError) {
  sendJson(res, errorStatus[e.code] ?? 500, e.toBody());
}

function readJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new ApiError('PAYLOAD_TOO_LARGE', `The request body is over ${MAX_BODY / 1024 / 1024} MiB.`));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve(text.trim() === '' ? {} : JSON.parse(text));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    req.on('error', reject);
  });
}

async function serveStatic(root: string, pathname: string, res: ServerResponse) {
  const file = await staticFile(root, pathname);
  if (!file) return sendError(res, new ApiError('NOT_FOUND', 'Not found'));
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch {
    return sendError(res, new ApiError('NOT_FOUND', `The app is not built: ${join(root, 'index.html')} is missing. Run npm run build.`));
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': contentType(file),
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  res.end(data);
}
