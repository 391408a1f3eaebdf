import { EditorDrawer } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { ActionForm } from './ActionForm';
import { NS } from './labels';
import { useActionEditor } from './register';

/** The drawer hosting the action form; a new action opens on its page (unless recorded from the list). */
export function ActionEditor() {
  const t = useFeatureT(NS);
  return (
    <EditorDrawer store={useActionEditor} title={(e) => (e.mode === 'edit' ? t('form.editTitle', { reference: e.record.reference }) : t('form.createTitle'))}>
      {(editor, organisation, close) => (
        <ActionForm
          key={editor.mode === 'edit' ? editor.record.id : 'new'}
          organisation={organisation}
          action={editor.mode === 'edit' ? editor.record : undefined}
          onDone={(saved) => {
            close();
            const nav = useNavigation.getState();
            if (saved && editor.mode === 'create' && nav.view.name !== 'actions') nav.go({ name: 'action', id: saved.id });
          }}
        />
      )}
    </EditorDrawer>
  );
}
