import { Drawer } from '@mantine/core';
import { useFeatureT } from '../../lib/featureT';
import { useOrganisation } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { NS } from './labels';
import { LetterForm } from './LetterForm';
import { MatterForm } from './MatterForm';
import { useCorrespondenceEditors } from './stores';

const drawerProps = {
  position: 'right' as const,
  styles: { title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } },
  // A long form lost to a stray click or an Escape meant for a dropdown would be costly.
  closeOnClickOutside: false,
  closeOnEscape: false,
};

/** The letter drawer: new, reply, step added to a matter, or edit. A new letter opens on its page. */
export function LetterEditor() {
  const t = useFeatureT(NS);
  const editor = useCorrespondenceEditors((s) => s.letter);
  const close = useCorrespondenceEditors((s) => s.closeLetter);
  const organisation = useOrganisation();
  const go = useNavigation((s) => s.go);
  const title = !editor
    ? ''
    : editor.mode === 'edit'
      ? t('form.editTitle', { reference: editor.letter.reference })
      : editor.preset?.inReplyTo && editor.preset.direction === 'outbound'
        ? t('form.replyTitle')
        : t('form.createTitle');
  return (
    <Drawer {...drawerProps} opened={editor !== null && organisation !== null} onClose={close} size={980} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {editor && organisation && (
        <LetterForm
          key={editor.mode === 'edit' ? editor.letter.id : `new:${editor.preset?.inReplyTo ?? ''}:${editor.preset?.matterId ?? ''}`}
          organisation={organisation}
          letter={editor.mode === 'edit' ? editor.letter : undefined}
          preset={editor.mode === 'create' ? editor.preset : undefined}
          onDone={(saved) => {
            close();
            if (saved && editor.mode === 'create') go({ name: 'letter', id: saved.id });
          }}
        />
      )}
    </Drawer>
  );
}

export function MatterEditor() {
  const t = useFeatureT(NS);
  const editor = useCorrespondenceEditors((s) => s.matter);
  const close = useCorrespondenceEditors((s) => s.closeMatter);
  const organisation = useOrganisation();
  const go = useNavigation((s) => s.go);
  const title = !editor ? '' : editor.mode === 'edit' ? t('matterForm.editTitle', { reference: editor.matter.reference }) : t('matterForm.createTitle');
  return (
    <Drawer {...drawerProps} opened={editor !== null && organisation !== null} onClose={close} size={760} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {editor && organisation && (
        <MatterForm
          key={editor.mode === 'edit' ? editor.matter.id : 'new'}
          organisation={organisation}
          matter={editor.mode === 'edit' ? editor.matter : undefined}
          onDone={(saved) => {
            close();
            if (saved && editor.mode === 'create') go({ name: 'matter', id: saved.id });
          }}
        />
      )}
    </Drawer>
  );
}
