import { EditorDrawer } from '../../kit';
import { IncidentForm } from './IncidentForm';
import { NS } from './recordType';
import { useIncidentEditor } from './register';

/** The drawer hosting the incident form; a new incident opens at once (its clocks and obligations are what comes next). */
export function IncidentEditor() {
  return (
    <EditorDrawer store={useIncidentEditor} ns={NS} size={1000} opens="incident">
      {(editor, organisation, done) => <IncidentForm organisation={organisation} incident={editor.mode === 'edit' ? editor.record : undefined} onDone={done} />}
    </EditorDrawer>
  );
}
