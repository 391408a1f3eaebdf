import type { Action } from '@shared/schemas/action';
import { actionsRegister } from '@shared/registers';
import { createEditorStore, createRegisterList } from '../../kit';

/** The actions list as shown (kept while the user opens an action and comes back). */
export const useActionList = createRegisterList<Action>(actionsRegister);

/** The action form's drawer. */
export const useActionEditor = createEditorStore<Action>();
