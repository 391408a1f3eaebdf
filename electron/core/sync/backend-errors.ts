import { connect as tcpConnect } from 'node:net';
import { ApiError } from '@shared/api/contract';

/**
 * What went wrong with the shared backend, in words a DPO (or their IT team) can act on.
 *
 * The rule for the two codes that are easy to confuse: a connection that is refused, times out,
 * or is lost at any point of the protocol is BACKEND_UNAVAILABLE (work goes on offline and sync
 * retries). Only a server that answers, and answers as something other than PostgreSQL, is
 * BACKEND_NOT_POSTGRES — decided by asking it (see speaksPostgres), never guessed from the
 * wording of a socket error.
 */

/** Where the error happened: during the handshake, or on a connection that had worked. */
export type Phase = 'connect' | 'session';

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'ECONNABORTED', 'EPIPE', 'ENETDOWN']);
const TLS = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID', 'CERT_HAS_EXPIRED', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']);

interface PgLikeError {
  code?: string;
  message?: string;
  severity?: string;
}

/** A PostgreSQL error (SQLSTATE) as opposed to a socket or client-library error. */
function sqlState(err: PgLikeError): string | null {
  return typeof err.code === 'string' && /^[0-9A-Z]{5}$/.test(err.code) && typeof err.severity === 'string' ? err.code : null;
}

function unavailable(where: string, detail: string): ApiError {
  return new ApiError('BACKEND_UNAVAILABLE', `The shared backend at ${where} cannot be reached (${detail}). Work goes on offline; changes go up when it is back.`);
}

/**
 * Classifies an error from pg or the network. `isPostgres` is the answer of speaksPostgres()
 * when the handshake failed without a SQLSTATE (null on a connection that had already worked).
 */
export function classifyBackendError(e: unknown, where: string, phase: Phase, isPostgres: boolean | null = null): ApiError {
  if (e instanceof ApiError) return e;
  const err = (e ?? {}) as PgLikeError;
  const msg = err.message ?? String(e);
  const state = sqlState(err);
  if (state) {
    if (state === '28P01' || state === '28000') return new ApiError('BACKEND_AUTH', `The backend at ${where} refused the user name or password.`);
    if (state === '3D000') {
      return new ApiError('BACKEND_UNAVAILABLE', `The database named in ${where} does not exist. Ask your IT team to create it (see the README, "Setting up the shared backend").`);
    }
    if (state === '42501') {
      return new ApiError('BACKEND_PERMISSION', `The database role lacks a right PrivacyOps needs at ${where}: ${msg}. See the README, "Setting up the shared backend", for the exact GRANTs.`);
    }
    // Connection exceptions, a server shutting down or starting, too many connections, out of
    // resources: the backend is there but cannot serve now.
    if (state.startsWith('08') || state.startsWith('57P') || state.startsWith('53') || state === '57014') return unavailable(where, `${state}: ${msg}`);
    // The server answered with a SQLSTATE: it is PostgreSQL, and it refused what we asked.
    return new ApiError('INTERNAL', `The backend at ${where} refused an operation (SQLSTATE ${state}: ${msg}).`);
  }
  if (err.code && TLS.has(err.code)) {
    return new ApiError('BACKEND_PERMISSION', `The backend's TLS certificate could not be verified (${err.code}). Give the CA certificate, or fix the server certificate; verification stays on.`);
  }
  if (/server does not support SSL/i.test(msg)) {
    return new ApiError('BACKEND_PERMISSION', `The backend at ${where} does not offer TLS. Ask IT to enable it, or choose "TLS off" if this is a trusted local network.`);
  }
  if (err.code && NETWORK.has(err.code)) return unavailable(where, err.code);
  // A connection that had worked and then failed in any other way was lost on the way.
  if (phase === 'session' || isPostgres !== false) return unavailable(where, msg);
  return new ApiError('BACKEND_NOT_POSTGRES', `The server at ${where} did not answer as PostgreSQL does (${msg}).`);
}

/**
 * Asks a server whether it speaks PostgreSQL's protocol: sends the SSLRequest that opens every
 * PostgreSQL session, to which a PostgreSQL server answers with one byte, 'S' or 'N' (or an
 * error message, 'E', from very old servers). true: PostgreSQL; false: it answered something
 * else; null: it did not answer at all (refused, reset, silent).
 */
export function speaksPostgres(host: string, port: number, timeoutMs = 3_000): Promise<boolean | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: boolean | null) => {
      if (settled) return;
      settled = true;
      sock.destroy();
      resolve(v);
    };
    const sock = tcpConnect({ host, port });
    sock.setTimeout(timeoutMs, () => done(null));
    sock.on('error', () => done(null));
    sock.on('close', () => done(null));
    sock.on('connect', () => {
      const req = Buffer.alloc(8);
      req.writeInt32BE(8, 0);
      req.writeInt32BE(80877103, 4);
      sock.write(req);
    });
    sock.once('data', (d: Buffer) => done(d[0] === 0x53 || d[0] === 0x4e || d[0] === 0x45));
  });
}
