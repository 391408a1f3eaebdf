import { z } from 'zod';
import { ApiError, isMethodName, methods, type MethodName, type MethodOutput, type Methods } from '@shared/api/contract';
import type { Workstation } from '../workstation';
import { suggestPassphrase } from '../keys/passphrase';

type Handlers = { [M in MethodName]: (input: z.infer<Methods[M]['input']>) => Promise<MethodOutput<M>> | MethodOutput<M> };

/** Every method of the contract, implemented against the core. */
export function createHandlers(ws: Workstation): Handlers {
  return {
    'app.status': () => ws.status(),
    'app.suggestPassphrase': () => ({ passphrase: suggestPassphrase() }),
    'app.setup': (input) => ws.setup(input),
    'app.unlock': (input) => ws.unlock(input.passphrase),
    'app.retryKeychain': () => ws.tryKeychainUnlock(),
    'app.lock': () => ws.lock(),
    'app.changePassphrase': async (input) => {
      await ws.changePassphrase(input.newPassphrase);
      return { ok: true as const };
    },
    'profile.get': () => ws.profile(),
    'profile.update': (input) => ws.updateProfile(input),
    'complaints.list': (input) => ws.complaints.list(input),
    'complaints.get': (input) => ws.complaints.get(input.id),
    'complaints.create': (input) => ws.complaints.create(input),
    'complaints.update': (input) => ws.complaints.update(input),
    'complaints.setStatus': (input) => ws.complaints.setStatus(input),
    'complaints.archive': (input) => ws.complaints.archive(input),
    'complaints.restore': (input) => ws.complaints.restore(input.id),
    'audit.verify': () => ws.audit.verify(),
    'audit.history': (input) => ({ entries: ws.audit.history(input.recordType, input.recordId) }),
  };
}

export type Dispatch = (method: string, input: unknown) => Promise<unknown>;

/**
 * The boundary both transports share: unknown method → UNKNOWN_METHOD, bad input →
 * VALIDATION_FAILED with every issue, anything unexpected → INTERNAL (details logged, not sent).
 */
export function createDispatch(ws: Workstation, log: (msg: string) => void = (m) => console.error(m)): Dispatch {
  const handlers = createHandlers(ws);
  return async (method, rawInput) => {
    if (!isMethodName(method)) throw new ApiError('UNKNOWN_METHOD', `There is no API method called "${method}". GET /api lists them.`);
    const spec = methods[method];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      throw new ApiError('VALIDATION_FAILED', issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '), issues);
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const out = await handler(parsed.data);
      return spec.output.parse(out);
    } catch (e) {
      if (e instanceof ApiError) throw e;
      log(`[api] ${method} failed: ${(e as Error).stack ?? String(e)}`);
      throw new ApiError('INTERNAL', `Something went wrong in ${method}: ${(e as Error).message}`);
    }
  };
}

/** The contract as JSON Schema, for GET /api and the README. */
export function describeApi() {
  return {
    methods: Object.fromEntries(
      Object.entries(methods).map(([name, m]) => [
        name,
        {
          summary: m.summary,
          input: z.toJSONSchema(m.input, { io: 'input', unrepresentable: 'any' }),
          output: z.toJSONSchema(m.output, { unrepresentable: 'any' }),
        },
      ]),
    ),
  };
}
