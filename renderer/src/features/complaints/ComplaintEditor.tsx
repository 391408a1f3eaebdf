import { EditorDrawer } from '../../kit';
import { ComplaintForm } from './ComplaintForm';
import { NS } from './labels';
import { useComplaintEditor } from './register';

/** The drawer hosting the complaint form, opened from the list (new) or a complaint's page (edit). */
export function ComplaintEditor() {
  return (
    <EditorDrawer store={useComplaintEditor} ns={NS} size={960}>
      {(editor, organisation, close) => <ComplaintForm organisation={organisation} complaint={editor.mode === 'edit' ? editor.record : undefined} onDone={close} />}
    </EditorDrawer>
  );
}
