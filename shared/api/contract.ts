import { z } from 'zod';
import { ArchiveInput, Empty, IdInput, Ok } from '../schemas/common';
import {
  AppStatus,
  ChangePassphraseInput,
  Profile,
  ProfileUpdate,
  SetupInput,
  SetupResult,
  SuggestedPassphrase,
  UnlockInput,
} from '../schemas/profile';
import {
  Complaint,
  ComplaintCreate,
  ComplaintListQuery,
  ComplaintListResult,
  ComplaintSetStatus,
  ComplaintUpdate,
} from '../schemas/complaint';
import { AuditVerifyResult, HistoryInput, HistoryResult } from '../schemas/audit';

/**
 * The one API contract between the UI and the core. Both transports (Electron IPC and the
 * loopback web host) carry exactly these methods; the core validates every input and output
 * against these schemas at the boundary.
 */
export const methods = {
  'app.status': { input: Empty, output: AppStatus, summary: 'Where the register is: needs setup, locked or unlocked.' },
  'app.suggestPassphrase': { input: Empty, output: SuggestedPassphrase, summary: 'A strong random recovery passphrase (not stored).' },
  'app.setup': { input: SetupInput, output: SetupResult, summary: 'First run: create the encrypted register, its key and the recovery passphrase.' },
  'app.unlock': { input: UnlockInput, output: AppStatus, summary: 'Open the register with the recovery passphrase (when the keychain cannot).' },
  'app.retryKeychain': { input: Empty, output: AppStatus, summary: 'Try the OS keychain again to unlock.' },
  'app.lock': { input: Empty, output: AppStatus, summary: 'Close the register; the next unlock needs the keychain or the passphrase.' },
  'app.changePassphrase': { input: ChangePassphraseInput, output: Ok, summary: 'Replace the recovery passphrase (the register must be unlocked).' },

  'profile.get': { input: Empty, output: Profile, summary: 'The organisation and the local user.' },
  'profile.update': { input: ProfileUpdate, output: Profile, summary: 'Change organisation settings or the local user name.' },

  'complaints.list': { input: ComplaintListQuery, output: ComplaintListResult, summary: 'Page, sort, filter and full-text search complaints.' },
  'complaints.get': { input: IdInput, output: Complaint, summary: 'One complaint.' },
  'complaints.create': { input: ComplaintCreate, output: Complaint, summary: 'Record a complaint.' },
  'complaints.update': { input: ComplaintUpdate, output: Complaint, summary: 'Edit a complaint.' },
  'complaints.setStatus': { input: ComplaintSetStatus, output: Complaint, summary: 'Move a complaint to another status.' },
  'complaints.archive': { input: ArchiveInput, output: Complaint, summary: 'Withdraw a complaint from the active register, with a reason (never deleted).' },
  'complaints.restore': { input: IdInput, output: Complaint, summary: 'Bring an archived complaint back.' },

  'audit.verify': { input: Empty, output: AuditVerifyResult, summary: 'Check the hash chain; reports the first altered, removed or reordered entry.' },
  'audit.history': { input: HistoryInput, output: HistoryResult, summary: "A record's history from the audit log." },
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** Events pushed from the core to every connected UI. */
export const events = {
  'app.status': AppStatus,
  'record.changed': z.object({ recordType: z.string(), id: z.string() }),
} as const;
export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const EventMessage = z.object({ event: z.string(), payload: z.unknown() });

/** Error codes and the HTTP status each maps to on the web host. */
export const errorStatus = {
  BAD_REQUEST: 400,
  VALIDATION_FAILED: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  NEEDS_SETUP: 409,
  ALREADY_SET_UP: 409,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  WRONG_PASSPHRASE: 422,
  WRONG_KEY: 422,
  LOCKED: 423,
  KEYCHAIN_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export const ApiErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** The error both transports deliver to the UI. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

/** What any transport offers: call a method, listen to events. */
export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
