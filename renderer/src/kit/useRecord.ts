import type { RegisterDeclaration } from '@shared/registers';
import type { MethodName } from '@shared/api/contract';
import { api } from '../api';
import { useRemote, type Remote } from '../lib/useRemote';
import { useRecordVersion } from '../state/recordChanges';

/**
 * One record for its page (`<name>.get`), read again whenever it changes, here or elsewhere
 * (another window, a sync, a write on the page itself).
 */
export function useRecord<R>(register: RegisterDeclaration, id: string): Remote<R> {
  const version = useRecordVersion(register.type, id);
  return useRemote(() => api.call(`${register.name}.get` as MethodName, { id } as never) as unknown as Promise<R>, [id, version]);
}
