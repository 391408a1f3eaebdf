import type { Action } from '@shared/schemas/action';
import { actionsRegister } from '@shared/registers';
import { registerScreens } from '../../kit';

/** The actions list as shown and the action form's drawer. */
export const actionScreens = registerScreens<Action>(actionsRegister);
export const { useList: useActionList, useEditor: useActionEditor } = actionScreens;
