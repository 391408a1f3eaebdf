import { create, type StoreApi, type UseBoundStore } from 'zustand';
import { useAppStatus } from '../state/appStatus';

/** What a register's form drawer shows: a new record (from a preset), or one being edited. */
export type EditorState<R, P = undefined> = { mode: 'create'; preset?: P } | { mode: 'edit'; record: R };

export interface EditorStore<R, P = undefined> {
  editor: EditorState<R, P> | null;
  openCreate(preset?: P): void;
  openEdit(record: R): void;
  close(): void;
}

/** The form drawer of one register; locking the register closes it (no typing stays on screen). */
export function createEditorStore<R, P = undefined>(): UseBoundStore<StoreApi<EditorStore<R, P>>> {
  const store = create<EditorStore<R, P>>((set) => ({
    editor: null,
    openCreate: (preset) => set({ editor: preset === undefined ? { mode: 'create' } : { mode: 'create', preset } }),
    openEdit: (record) => set({ editor: { mode: 'edit', record } }),
    close: () => set({ editor: null }),
  }));
  useAppStatus.subscribe((now, before) => {
    if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') store.setState({ editor: null });
  });
  return store;
}
