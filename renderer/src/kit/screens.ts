import type { StoreApi, UseBoundStore } from 'zustand';
import type { RegisterDeclaration } from '@shared/registers';
import { createEditorStore, type EditorStore } from './editorStore';
import { createRegisterList, type RegisterListStore } from './listStore';

/**
 * What a register's screens share, made once from its declaration: the list as shown (kept while
 * the user opens a record and comes back) and the form's drawer (new, or edit).
 */
export interface RegisterScreens<R, P = undefined> {
  register: RegisterDeclaration;
  useList: RegisterListStore<R>;
  useEditor: UseBoundStore<StoreApi<EditorStore<R, P>>>;
}

export function registerScreens<R, P = undefined>(register: RegisterDeclaration): RegisterScreens<R, P> {
  return { register, useList: createRegisterList<R>(register), useEditor: createEditorStore<R, P>() };
}
