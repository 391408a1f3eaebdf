import { EditorDrawer } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { NS } from './labels';
import { LetterForm } from './LetterForm';
import { MatterForm } from './MatterForm';
import { useLetterEditor, useMatterEditor } from './stores';

/** The letter drawer: new, reply, step added to a matter, or edit. A new letter opens on its page. */
export function LetterEditor() {
  const t = useFeatureT(NS);
  return (
    <EditorDrawer
      store={useLetterEditor}
      size={980}
      title={(e) =>
        e.mode === 'edit' ? t('form.editTitle', { reference: e.record.reference }) : e.preset?.inReplyTo && e.preset.direction === 'outbound' ? t('form.replyTitle') : t('form.createTitle')
      }
    >
      {(editor, organisation, close) => (
        <LetterForm
          key={editor.mode === 'edit' ? editor.record.id : `new:${editor.preset?.inReplyTo ?? ''}:${editor.preset?.matterId ?? ''}`}
          organisation={organisation}
          letter={editor.mode === 'edit' ? editor.record : undefined}
          preset={editor.mode === 'create' ? editor.preset : undefined}
          onDone={(saved) => {
            close();
            if (saved && editor.mode === 'create') useNavigation.getState().go({ name: 'letter', id: saved.id });
          }}
        />
      )}
    </EditorDrawer>
  );
}

/** The matter drawer; a new matter opens on its page. */
export function MatterEditor() {
  const t = useFeatureT(NS);
  return (
    <EditorDrawer store={useMatterEditor} title={(e) => (e.mode === 'edit' ? t('matterForm.editTitle', { reference: e.record.reference }) : t('matterForm.createTitle'))}>
      {(editor, organisation, close) => (
        <MatterForm
          key={editor.mode === 'edit' ? editor.record.id : 'new'}
          organisation={organisation}
          matter={editor.mode === 'edit' ? editor.record : undefined}
          onDone={(saved) => {
            close();
            if (saved && editor.mode === 'create') useNavigation.getState().go({ name: 'matter', id: saved.id });
          }}
        />
      )}
    </EditorDrawer>
  );
}
