import { EditorDrawer } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
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
      ns={NS}
      size={980}
      opens="letter"
      title={(e) => (e.mode === 'create' && e.preset?.inReplyTo && e.preset.direction === 'outbound' ? t('form.replyTitle') : e.mode === 'edit' ? t('form.editTitle', { reference: e.record.reference }) : t('form.createTitle'))}
    >
      {(editor, organisation, done) => (
        <LetterForm
          // A reply and a step of a matter are new letters of their own.
          key={editor.mode === 'edit' ? editor.record.id : `new:${editor.preset?.inReplyTo ?? ''}:${editor.preset?.matterId ?? ''}`}
          organisation={organisation}
          letter={editor.mode === 'edit' ? editor.record : undefined}
          preset={editor.mode === 'create' ? editor.preset : undefined}
          onDone={done}
        />
      )}
    </EditorDrawer>
  );
}

/** The matter drawer; a new matter opens on its page. */
export function MatterEditor() {
  return (
    <EditorDrawer store={useMatterEditor} ns={NS} section="matterForm" opens="matter">
      {(editor, organisation, done) => <MatterForm organisation={organisation} matter={editor.mode === 'edit' ? editor.record : undefined} onDone={done} />}
    </EditorDrawer>
  );
}
