import { useState } from 'react';
import { Textarea } from '@mantine/core';
import type { Action } from '@shared/schemas/action';
import { api } from '../../api';
import { statusLabel } from '../../components/records/labels';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { DialogForm } from '../../kit';
import { appDate } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
import { useOrgTimeZone } from '../../state/appStatus';
import { NS } from './labels';

export type Transition = 'start' | 'done' | 'verify' | 'cancel' | 'reopen';

const TARGET: Record<Transition, Action['status']> = { start: 'in_progress', done: 'done', verify: 'verified', cancel: 'cancelled', reopen: 'in_progress' };

/** What each move asks: when it happened, and for verifying or cancelling, words that the history keeps. */
const ASKS: Record<Transition, { when: boolean; note: 'required' | 'optional' }> = {
  start: { when: false, note: 'optional' },
  done: { when: true, note: 'optional' },
  verify: { when: true, note: 'required' },
  cancel: { when: false, note: 'required' },
  reopen: { when: false, note: 'optional' },
};

/** Moves an action on: start, done (when), verify (what was checked), cancel (why), reopen. */
export function StatusModal({ action, transition, onClose }: { action: Action; transition: Transition; onClose(updated: Action | null): void }) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  const asks = ASKS[transition];
  const target = transition === 'reopen' && action.status === 'cancelled' ? 'planned' : TARGET[transition];
  const [when, setWhen] = useState<LocalDateTimeValue>(() => nowLocalParts(zone, appDate()));
  const [whenError, setWhenError] = useState<string | null>(null);
  const [note, setNote] = useState(transition === 'verify' ? action.verificationNote : '');
  const [noteError, setNoteError] = useState<string | null>(null);

  async function submit() {
    const at = asks.when ? instantFromLocal(when.date, when.time || '00:00', zone) : null;
    const badWhen = asks.when && !at;
    const badNote = asks.note === 'required' && note.trim().length === 0;
    setWhenError(badWhen ? t('fieldErrors.when') : null);
    setNoteError(badNote ? t(`transition.${transition}.noteRequired`) : null);
    if (badWhen || badNote) return false;
    const updated = await api.call('actions.setStatus', { id: action.id, status: target, ...(at ? { at } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
    notifySuccess(t('transition.moved', { reference: updated.reference, status: statusLabel('action', updated.status) }));
    onClose(updated);
  }

  return (
    <DialogForm
      title={t(`transition.${transition}.title`, { reference: action.reference })}
      intro={t(`transition.${transition}.body`)}
      submitLabel={t(`transition.${transition}.submit`)}
      submitColor={transition === 'cancel' ? 'red' : undefined}
      onClose={() => onClose(null)}
      onSubmit={submit}
    >
      {asks.when && (
        <OrgDateTimeField
          name="when"
          label={t(`transition.${transition}.when`)}
          description={t('form.zoneHelp', { zone })}
          required
          value={when}
          onChange={(v) => {
            setWhen(v);
            setWhenError(null);
          }}
          error={whenError}
        />
      )}
      <Textarea
        label={t(`transition.${transition}.note`)}
        description={t(`transition.${transition}.noteHelp`)}
        required={asks.note === 'required'}
        autosize
        minRows={2}
        maxLength={10_000}
        data-autofocus
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          setNoteError(null);
        }}
        error={noteError}
      />
    </DialogForm>
  );
}
