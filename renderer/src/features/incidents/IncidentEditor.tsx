import { EditorDrawer } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { IncidentForm } from './IncidentForm';
import { NS } from './recordType';
import { useIncidentEditor } from './register';

/** The drawer hosting the incident form; a new incident opens at once (its clocks and obligations are what comes next). */
export function IncidentEditor() {
  const t = useFeatureT(NS);
  return (
    <EditorDrawer store={useIncidentEditor} size={1000} title={(e) => (e.mode === 'edit' ? t('form.editTitle', { reference: e.record.reference }) : t('form.createTitle'))}>
      {(editor, organisation, close) => (
        <IncidentForm
          // A fresh form per incident: never carry one incident's typing into another.
          key={editor.mode === 'edit' ? editor.record.id : 'new'}
          organisation={organisation}
          incident={editor.mode === 'edit' ? editor.record : undefined}
          onDone={(saved) => {
            close();
            if (saved && editor.mode === 'create') useNavigation.getState().go({ name: 'incident', id: saved.id });
          }}
        />
      )}
    </EditorDrawer>
  );
}
