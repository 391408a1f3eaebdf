/** What every paged list store shares (the registers' lists in kit/listStore, built on it). */
import { useAppStatus } from '../state/appStatus';

/**
 * One page read into a list store: only the latest request's answer counts (answers can come
 * back out of order while typing), and a page a change elsewhere emptied (archiving its last
 * row) steps back to the last page there is.
 */
export async function loadPage<T>(
  get: () => { page: number; pageSize: number },
  set: (patch: object) => void,
  isLatest: () => boolean,
  fetch: () => Promise<{ items: T[]; total: number; totalCapped?: boolean }>,
  /** The store says whether the core stopped counting (registers' lists). */
  capped = false,
): Promise<void> {
  set({ loading: true });
  try {
    const result = await fetch();
    if (!isLatest()) return;
    if (result.items.length === 0 && result.total > 0 && get().page > 1) {
      set({ page: Math.ceil(result.total / get().pageSize) });
      return;
    }
    set({ items: result.items, total: result.total, ...(capped ? { totalCapped: result.totalCapped === true } : {}), loading: false, error: null, loaded: true });
  } catch (error) {
    if (!isLatest()) return;
    set({ loading: false, error });
  }
}

/** Locking the register empties a list store: no record stays on screen or in memory. */
export function forgetOnLock<S extends { getState(): { forgetRecords(): void } }>(store: S): S {
  useAppStatus.subscribe((now, before) => {
    if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') store.getState().forgetRecords();
  });
  return store;
}
