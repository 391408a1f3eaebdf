import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFeatureT } from '../../lib/featureT';
import { useOrganisation } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { IncidentForm } from './IncidentForm';
import { useIncidentEditor } from './incidentStores';
import { NS } from './recordType';

/** The drawer that hosts the incident form, opened from the list (record) or an incident's page (edit). */
export function IncidentEditor() {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const editor = useIncidentEditor((s) => s.editor);
  const close = useIncidentEditor((s) => s.close);
  const organisation = useOrganisation();

  const title = !editor ? '' : editor.mode === 'create' ? t('form.createTitle') : t('form.editTitle', { reference: editor.incident.reference });

  return (
    <Drawer
      opened={editor !== null && organisation !== null}
      onClose={close}
      position="right"
      size={1000}
      title={title}
      closeButtonProps={{ 'aria-label': tc('common.close') }}
      styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      // A long form lost to a stray click or an Escape meant for a dropdown would be costly:
      // it closes with its own Cancel or the close button.
      closeOnClickOutside={false}
      closeOnEscape={false}
    >
      {editor && organisation && (
        <IncidentForm
          // A fresh form per incident: never carry one incident's typing into another.
          key={editor.mode === 'edit' ? editor.incident.id : 'new'}
          organisation={organisation}
          incident={editor.mode === 'edit' ? editor.incident : undefined}
          onDone={(saved) => {
            close();
            // A new incident opens at once: its clocks and notifications are what comes next.
            if (saved && editor.mode === 'create') useNavigation.getState().go({ name: 'incident', id: saved.id });
          }}
        />
      )}
    </Drawer>
  );
}
