import type { Letter, LetterDirection, LetterKind } from '@shared/schemas/letter';
import type { Matter } from '@shared/schemas/matter';
import { lettersRegister, mattersRegister } from '@shared/registers';
import { createEditorStore, createRegisterList } from '../../kit';

/** The correspondence list as shown (kept while the user opens a letter and comes back). */
export const useLetterList = createRegisterList<Letter>(lettersRegister);

/** The matters list as shown. */
export const useMatterList = createRegisterList<Matter>(mattersRegister);

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

/** The letter form's drawer: new, reply, step added to a matter, or edit. */
export const useLetterEditor = createEditorStore<Letter, LetterPreset>();

/** The matter form's drawer. */
export const useMatterEditor = createEditorStore<Matter>();
