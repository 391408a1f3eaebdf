import { ApiError, errorStatus, type ErrorCode } from '@shared/api/contract';

/**
 * The transport could not reach the core at all (web host stopped, network error). It is not an
 * ApiError because the core never answered: the UI says "cannot reach the workstation", not
 * "the workstation refused".
 */
export class HostUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostUnreachableError';
  }
}

interface WireError {
  code: string;
  message: string;
  issues?: { path: string; message: string }[];
}

function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(errorStatus, code);
}

/** Rebuilds an ApiError from what either transport carries; an unknown code stays visible in the message. */
export function apiErrorFromWire(error: WireError): ApiError {
  if (isErrorCode(error.code)) return new ApiError(error.code, error.message, error.issues);
  return new ApiError('INTERNAL', `${error.code}: ${error.message}`, error.issues);
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}
