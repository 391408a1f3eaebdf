import { EditorDrawer } from '../../kit';
import { ActionForm } from './ActionForm';
import { NS } from './labels';
import { useActionEditor } from './register';

/** The drawer hosting the action form; a new action opens on its page (unless recorded from the list). */
export function ActionEditor() {
  return (
    <EditorDrawer store={useActionEditor} ns={NS} opens="action" stayOn="actions">
      {(editor, organisation, done) => <ActionForm organisation={organisation} action={editor.mode === 'edit' ? editor.record : undefined} onDone={done} />}
    </EditorDrawer>
  );
}
