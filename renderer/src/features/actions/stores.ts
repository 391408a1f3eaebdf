import { create } from 'zustand';
import type { Action, ActionListQuery } from '@shared/schemas/action';
import { api } from '../../api';
import { startOfNextLocalDay } from '../../lib/orgTime';
import { currentOrgTimeZone, useAppStatus } from '../../state/appStatus';
import type { Status } from './labels';
import { createListStore } from '../../lib/listStore';

export interface ActionFilters {
  text: string;
  status: Status[];
  owner: string[];
  /** Local 'YYYY-MM-DD', included: open actions due by the end of that day. */
  dueBy: string | null;
  includeArchived: boolean;
}
export const EMPTY_FILTERS: ActionFilters = { text: '', status: [], owner: [], dueBy: null, includeArchived: false };
export type ActionSortField = NonNullable<ActionListQuery['sort']>['field'];

export function hasActiveFilters(f: ActionFilters): boolean {
  return f.text.trim() !== '' || f.status.length > 0 || f.owner.length > 0 || f.dueBy !== null || f.includeArchived;
}

export const useActionList = createListStore<ActionFilters, ActionSortField, Action>({
  emptyFilters: EMPTY_FILTERS,
  defaultSort: { field: 'dueAt', dir: 'asc' },
  fetch: ({ filters: f, sort, offset, limit }) => {
    const dueBefore = f.dueBy ? startOfNextLocalDay(f.dueBy, currentOrgTimeZone()) : null;
    return api.call('actions.list', {
      ...(f.text.trim() ? { text: f.text.trim() } : {}),
      ...(f.status.length ? { status: f.status } : {}),
      ...(f.owner.length ? { owner: f.owner } : {}),
      ...(dueBefore ? { dueBefore } : {}),
      includeArchived: f.includeArchived,
      sort,
      offset,
      limit,
    });
  },
});

export type ActionEditorState = { mode: 'create' } | { mode: 'edit'; action: Action };

export const useActionEditor = create<{ editor: ActionEditorState | null; open(e: ActionEditorState): void; close(): void }>((set) => ({
  editor: null,
  open: (editor) => set({ editor }),
  close: () => set({ editor: null }),
}));

useAppStatus.subscribe((now, before) => {
  if (before.status?.state === 'unlocked' && now.status?.state !== 'unlocked') useActionEditor.setState({ editor: null });
});
