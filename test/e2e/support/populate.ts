import type { MethodInput, MethodName, MethodOutput } from '@shared/api/contract';
import { buildS1, buildS2, type Api, type S1, type S2 } from '../../fixtures/scenarios';
import type { WebHost } from './webHost';

/**
 * The web host's API as a script uses it (POST /api/<method> with the launch's token), typed by
 * the contract. `at` moves the host's test clock (started with --clock) before the next call, so
 * the scenario builders of test/fixtures play S1 and S2 through the real core over HTTP, each
 * thing entered at its moment, exactly as they do in-process.
 */
export function httpApi(host: WebHost): { api: Api; clock: { set(iso: string): void } } {
  const url = new URL(host.url);
  const token = url.searchParams.get('token')!;
  let pending: Promise<unknown> = Promise.resolve();
  const raw = async (method: string, input: unknown) => {
    const res = await fetch(`${url.origin}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Origin: url.origin },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`${method} → ${res.status}: ${JSON.stringify(body)}`);
    return body;
  };
  const api = (async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> => {
    await pending;
    return (await raw(method, input)) as MethodOutput<M>;
  }) as Api;
  return {
    api,
    clock: {
      set(iso: string) {
        pending = pending.then(() => raw('app.setClock', { at: iso }));
      },
    },
  };
}

export const SETUP_FR = {
  organisation: { name: 'Exemplar Retail SAS', role: 'both', timeZone: 'Europe/Paris', country: 'FR', defaultRegulator: 'FR-CNIL' },
  userName: 'Claire Martin',
  recoveryPassphrase: 'end-to-end recovery passphrase',
} as const;

/** A register set up and filled with S1 and S2 (the host must run in test-clock mode), the clock left at `now`. */
export async function populate(host: WebHost, now: string): Promise<{ api: Api; s1: S1; s2: S2 }> {
  const { api, clock } = httpApi(host);
  await api('app.setup', SETUP_FR as MethodInput<'app.setup'>);
  const s1 = await buildS1(api, clock as never);
  const s2 = await buildS2(api, clock as never);
  clock.set(now);
  await api('app.status', {});
  return { api, s1, s2 };
}
