import { create } from 'zustand';
import type { Complaint } from '@shared/schemas/complaint';

/** The screens of an unlocked register. A small store instead of a router: there are no URLs to share. */
export type View = { name: 'complaints' } | { name: 'complaint'; id: string };

export type Editor = { mode: 'create' } | { mode: 'edit'; complaint: Complaint };

interface Navigation {
  view: View;
  editor: Editor | null;
  showList(): void;
  showComplaint(id: string): void;
  openCreate(): void;
  openEdit(complaint: Complaint): void;
  closeEditor(): void;
}

export const useNavigation = create<Navigation>((set) => ({
  view: { name: 'complaints' },
  editor: null,
  showList: () => set({ view: { name: 'complaints' } }),
  showComplaint: (id) => set({ view: { name: 'complaint', id } }),
  openCreate: () => set({ editor: { mode: 'create' } }),
  openEdit: (complaint) => set({ editor: { mode: 'edit', complaint } }),
  closeEditor: () => set({ editor: null }),
}));
