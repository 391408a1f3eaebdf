import { useState } from 'react';
import { Select, Stack, TextInput } from '@mantine/core';
import type { LetterKind } from '@shared/schemas/letter';
import type { Matter, MatterKind } from '@shared/schemas/matter';
import { api } from '../../api';
import { DialogForm } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useRecordChanges } from '../../state/recordChanges';
import { appDate } from '../../lib/appClock';
import { notifySuccess } from '../../lib/notify';
import { matterKindOptions, NS } from './labels';

/** The procedure a letter usually opens: a formal notice opens a formal-notice procedure, and so on. */
const MATTER_OF_LETTER: Partial<Record<LetterKind, MatterKind>> = {
  complaint_forwarded: 'complaint',
  inspection_notice: 'inspection_on_site',
  formal_notice: 'formal_notice',
  sanction: 'sanction_procedure',
  findings: 'sanction_procedure',
};

export interface LetterFacts {
  regulator: string;
  kind: LetterKind;
  subject: string;
  /** The letter's date: the matter opens with it. */
  openedAt: string | null;
  regulatorRefs: string[];
}

/** Opens a matter from the letter being recorded (regulator, title, references and date taken from it). */
export function NewMatterDialog({ letter, onCreated, onClose }: { letter: LetterFacts; onCreated(m: Matter): void; onClose(): void }) {
  const t = useFeatureT(NS);
  const [kind, setKind] = useState<MatterKind>(MATTER_OF_LETTER[letter.kind] ?? 'other');
  const [title, setTitle] = useState(letter.subject);
  const [titleError, setTitleError] = useState<string | null>(null);
  return (
    <DialogForm
      title={t('form.matterNewTitle')}
      intro={t('form.matterNewHelp')}
      submitLabel={t('matterForm.create')}
      testId="new-matter-dialog"
      onClose={onClose}
      onSubmit={async () => {
        if (!title.trim()) {
          setTitleError(t('fieldErrors.title'));
          return false;
        }
        const m = await api.call('matters.create', {
          regulator: letter.regulator,
          kind,
          title: title.trim(),
          openedAt: letter.openedAt ?? appDate().toISOString(),
          regulatorRefs: letter.regulatorRefs,
        });
        useRecordChanges.getState().bump('matter', m.id);
        notifySuccess(t('form.matterCreated', { reference: m.reference }));
        onCreated(m);
        return true;
      }}
    >
      <Stack gap="sm">
        <Select label={t('fields.matterKind')} data={matterKindOptions(t)} value={kind} onChange={(k) => k && setKind(k as MatterKind)} allowDeselect={false} />
        <TextInput label={t('fields.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} error={titleError} required data-autofocus />
      </Stack>
    </DialogForm>
  );
}
