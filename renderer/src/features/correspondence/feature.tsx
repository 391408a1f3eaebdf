import { IconFolders, IconMail } from '@tabler/icons-react';
import type { Feature } from '../registry';
import { LetterEditor, MatterEditor } from './Editors';
import { LetterDetail } from './LetterDetail';
import { LetterList } from './LetterList';
import { MatterDetail } from './MatterDetail';
import { MatterList } from './MatterList';

export const feature: Feature = {
  name: 'correspondence',
  views: {
    letters: () => <LetterList />,
    letter: ({ id }) => (id ? <LetterDetail key={id} id={id} /> : null),
    matters: () => <MatterList />,
    matter: ({ id }) => (id ? <MatterDetail key={id} id={id} /> : null),
  },
  nav: [
    { view: 'letters', labelKey: 'nav.letters', icon: <IconMail size={18} stroke={1.6} />, group: 'registers', order: 20, alsoActiveFor: ['letter'] },
    { view: 'matters', labelKey: 'nav.matters', icon: <IconFolders size={18} stroke={1.6} />, group: 'registers', order: 21, alsoActiveFor: ['matter'] },
  ],
  overlays: [LetterEditor, MatterEditor],
};
