import { create } from 'zustand';
import type { SyncStatus } from '@shared/schemas/sync';
import { api } from '../../api';

/**
 * The sync status of this machine, as the core last said it: loaded once, then kept up to date by
 * the 'sync.status' events (and re-read after local changes, which move the pending count without
 * an event, and after the page's link to the core came back).
 */
interface SyncStore {
  status: SyncStatus | null;
  error: unknown;
  load(): Promise<void>;
  apply(status: SyncStatus): void;
}

export const useSyncStatus = create<SyncStore>((set) => ({
  status: null,
  error: null,
  async load() {
    try {
      set({ status: await api.call('sync.status', {}), error: null });
    } catch (e) {
      set({ error: e });
    }
  },
  apply(status) {
    set({ status, error: null });
  },
}));

let subscribers = 0;
let unsubscribe: (() => void) | null = null;

/** Keeps the store live while at least one component needs it (the indicator always does). */
export function subscribeSyncStatus(): () => void {
  subscribers++;
  if (subscribers === 1) {
    unsubscribe = api.on('sync.status', (s) => useSyncStatus.getState().apply(s));
    void useSyncStatus.getState().load();
  }
  return () => {
    subscribers--;
    if (subscribers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}
