import { create } from 'zustand';
import type { Letter, LetterDirection, LetterKind, LetterListQuery } from '@shared/schemas/letter';
import type { Matter, MatterListQuery } from '@shared/schemas/matter';
import { api } from '../../api';
import { useAppStatus } from '../../state/appStatus';
import { createListStore } from '../../lib/listStore';

export interface LetterFilters {
  text: string;
  regulator: string[];
  kind: LetterKind[];
  direction: LetterDirection | null;
  matterId: string | null;
  includeArchived: boolean;
}
export const EMPTY_LETTER_FILTERS: LetterFilters = { text: '', regulator: [], kind: [], direction: null, matterId: null, includeArchived: false };
export type LetterSortField = NonNullable<LetterListQuery['sort']>['field'];

export function hasLetterFilters(f: LetterFilters): boolean {
  return f.text.trim() !== '' || f.regulator.length > 0 || f.kind.length > 0 || f.direction !== null || f.matterId !== null || f.includeArchived;
}

export const useLetterList = createListStore<LetterFilters, LetterSortField, Letter>({
  emptyFilters: EMPTY_LETTER_FILTERS,
  defaultSort: { field: 'date', dir: 'desc' },
  fetch: ({ filters: f, sort, offset, limit }) =>
    api.call('letters.list', {
      ...(f.text.trim() ? { text: f.text.trim() } : {}),
      ...(f.regulator.length ? { regulator: f.regulator } : {}),
      ...(f.kind.length ? { kind: f.kind } : {}),
      ...(f.direction ? { direction: f.direction } : {}),
      ...(f.matterId ? { matterId: f.matterId } : {}),
      includeArchived: f.includeArchived,
      sort,
      offset,
      limit,
    }),
});

export interface MatterFilters {
  text: string;
  regulator: string[];
  status: ('open' | 'closed')[];
  includeArchived: boolean;
}
export const EMPTY_MATTER_FILTERS: MatterFilters = { text: '', regulator: [], status: [], includeArchived: false };
export type MatterSortField = NonNullable<MatterListQuery['sort']>['field'];

export function hasMatterFilters(f: MatterFilters): boolean {
  return f.text.trim() !== '' || f.regulator.length > 0 || f.status.length > 0 || f.includeArchived;
}

export const useMatterList = createListStore<MatterFilters, MatterSortField, Matter>({
  emptyFilters: EMPTY_MATTER_FILTERS,
  defaultSort: { field: 'openedAt', dir: 'desc' },
  fetch: ({ filters: f, sort, offset, limit }) =>
    api.call('matters.list', {
      ...(f.text.trim() ? { text: f.text.trim() } : {}),
      ...(f.regulator.length ? { regulator: f.regulator } : {}),
      ...(f.status.length ? { status: f.status } : {}),
      includeArchived: f.includeArchived,
      sort,
      offset,
      limit,
    }),
});

/** What a new letter starts from: a reply to a letter, or a step added to a matter. */
export interface LetterPreset {
  direction?: LetterDirection;
  kind?: LetterKind;
  regulator?: string;
  matterId?: string | null;
  inReplyTo?: string | null;
  subject?: string;
  regulatorRefs?: string[];
}

export type LetterEditorState = { mode: 'create'; preset?: LetterPreset } | { mode: 'edit'; letter: Letter };
export type MatterEditorState = { mode: 'create' } | { mode: 'edit'; matter: Matter };

interface Editors {
  letter: LetterEditorState | null;
  matter: MatterEditorState | null;
  openLetter(state: LetterEditorState): void;
  closeLetter(): void;
  openMatter(state: MatterEditorState): void;
  closeMatter(): void;
}

/** The drawers of this feature (mounted once as overlays). */
export const useCorrespondenceEditors = create<Editors>((set) => ({
  letter: null,
  matter: null,
  openLetter: (letter) => set({ letter }),
  closeLetter: () => set({ letter: null }),
  openMatter: (matter) => set({ matter }),
  closeMatter: () => set({ matter: null }),
}));

useAppStatus.subscribe((now, before) => {
  if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') useCorrespondenceEditors.setState({ letter: null, matter: null });
});
