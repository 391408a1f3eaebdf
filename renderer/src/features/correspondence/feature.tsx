import { IconFolders, IconMail } from '@tabler/icons-react';
import { registerFeature } from '../registerFeature';
import { LetterEditor, MatterEditor } from './Editors';
import { LetterDetail } from './LetterDetail';
import { LetterList } from './LetterList';
import { MatterDetail } from './MatterDetail';
import { MatterList } from './MatterList';

export const feature = registerFeature(
  'correspondence',
  { list: 'letters', record: 'letter', List: LetterList, Detail: LetterDetail, Editor: LetterEditor, icon: IconMail, order: 20, labelKey: 'nav.letters' },
  { list: 'matters', record: 'matter', List: MatterList, Detail: MatterDetail, Editor: MatterEditor, icon: IconFolders, order: 21, labelKey: 'nav.matters' },
);
