import type { Letter, LetterDirection, LetterKind } from '@shared/schemas/letter';
import type { Matter } from '@shared/schemas/matter';
import { lettersRegister, mattersRegister } from '@shared/registers';
import { registerScreens } from '../../kit';

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

/** The correspondence list as shown and the letter form's drawer: new, reply, step added to a matter, or edit. */
export const letterScreens = registerScreens<Letter, LetterPreset>(lettersRegister);
export const { useList: useLetterList, useEditor: useLetterEditor } = letterScreens;

/** The matters list as shown and the matter form's drawer. */
export const matterScreens = registerScreens<Matter>(mattersRegister);
export const { useList: useMatterList, useEditor: useMatterEditor } = matterScreens;
