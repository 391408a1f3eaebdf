import { describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:net';
import { ApiError } from '@shared/api/contract';
import { classifyBackendError, speaksPostgres } from '../../electron/core/sync/backend-errors';
import { Backend } from '../../electron/core/sync/backend';
import { freePort } from '../support/postgres';

const where = 'u@127.0.0.1:5432/privacyops';

/** The words pg and Node use for a connection that went away, at every point of the protocol. */
const lostConnection = [
  new Error('Connection terminated unexpectedly'),
  new Error('Connection terminated'),
  new Error('Client has encountered a connection error and is not queryable'),
  new Error('Client was closed and is not queryable'),
  new Error('Query read timeout'),
  Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }),
  Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01', severity: 'FATAL' }),
  Object.assign(new Error('the database system is shutting down'), { code: '57P03', severity: 'FATAL' }),
  Object.assign(new Error('sorry, too many clients already'), { code: '53300', severity: 'FATAL' }),
];

async function listen(onConnection: (sock: import('node:net').Socket) => void): Promise<{ port: number; server: Server }> {
  const port = await freePort();
  const server = createServer(onConnection);
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  return { port, server };
}

const conn = (port: number) => ({ connection: { host: '127.0.0.1', port, database: 'x', user: 'x', sslMode: 'disable' as const, caCertificate: null }, password: 'x' });

describe('backend faults are classified by what happened, not by wording', () => {
  it('a connection lost after it had worked is "unavailable", whatever pg says', () => {
    for (const e of lostConnection) expect(classifyBackendError(e, where, 'session').code, e.message).toBe('BACKEND_UNAVAILABLE');
  });

  it('during the handshake too, unless the server answered as something else', () => {
    for (const e of lostConnection) {
      expect(classifyBackendError(e, where, 'connect', true).code, e.message).toBe('BACKEND_UNAVAILABLE');
      expect(classifyBackendError(e, where, 'connect', null).code, e.message).toBe('BACKEND_UNAVAILABLE');
    }
    expect(classifyBackendError(new Error('Connection terminated unexpectedly'), where, 'connect', false).code).toBe('BACKEND_NOT_POSTGRES');
  });

  it('a server that answers with a SQLSTATE is PostgreSQL: refusals keep their own codes', () => {
    const pgErr = (code: string) => Object.assign(new Error(code), { code, severity: 'ERROR' });
    expect(classifyBackendError(pgErr('28P01'), where, 'connect').code).toBe('BACKEND_AUTH');
    expect(classifyBackendError(pgErr('42501'), where, 'session').code).toBe('BACKEND_PERMISSION');
    expect(classifyBackendError(pgErr('23505'), where, 'session').code).toBe('INTERNAL');
    expect(classifyBackendError(pgErr('23505'), where, 'connect', false).code).toBe('INTERNAL');
  });

  it('our own errors pass through unchanged', () => {
    const own = new ApiError('BACKEND_INCOMPATIBLE', 'newer');
    expect(classifyBackendError(own, where, 'session')).toBe(own);
  });

  it('asks the server: PostgreSQL answers the SSL request with one byte; an HTTP server does not; a closed port says nothing', async () => {
    const http = await listen((sock) => sock.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    const pgLike = await listen((sock) => sock.once('data', () => sock.end('N')));
    const mute = await listen((sock) => sock.destroy());
    try {
      expect(await speaksPostgres('127.0.0.1', http.port)).toBe(false);
      expect(await speaksPostgres('127.0.0.1', pgLike.port)).toBe(true);
      expect(await speaksPostgres('127.0.0.1', mute.port)).toBe(null);
      expect(await speaksPostgres('127.0.0.1', await freePort())).toBe(null);
    } finally {
      for (const s of [http, pgLike, mute]) s.server.close();
    }
  });

  it('connecting: an HTTP server is "not PostgreSQL"; a refused port or a server that hangs up is "unavailable"', async () => {
    const http = await listen((sock) => sock.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    const hangUp = await listen((sock) => sock.destroy());
    try {
      await expect(Backend.connect(conn(http.port))).rejects.toMatchObject({ code: 'BACKEND_NOT_POSTGRES', message: expect.stringMatching(/127\.0\.0\.1/) });
      await expect(Backend.connect(conn(hangUp.port))).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
      await expect(Backend.connect(conn(await freePort()))).rejects.toMatchObject({ code: 'BACKEND_UNAVAILABLE' });
    } finally {
      http.server.close();
      hangUp.server.close();
    }
  });
});
