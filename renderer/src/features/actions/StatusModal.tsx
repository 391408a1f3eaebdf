import type { Action } from '@shared/schemas/action';
import { api } from '../../api';
import { statusLabel } from '../../components/records/labels';
import { ChangeDialog } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
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
  const words = (key: string) => t(`transition.${transition}.${key}`);
  return (
    <ChangeDialog
      title={t(`transition.${transition}.title`, { reference: action.reference })}
      intro={words('body')}
      submitLabel={words('submit')}
      submitColor={transition === 'cancel' ? 'red' : undefined}
      // A day is enough for when it was done or checked: an empty time reads as midnight.
      when={asks.when ? { name: 'when', label: words('when'), description: t('form.zoneHelp', { zone }), message: t('fieldErrors.when'), blankTime: '00:00' } : null}
      text={{
        label: words('note'),
        description: words('noteHelp'),
        maxLength: 10_000,
        initial: transition === 'verify' ? action.verificationNote : '',
        required: asks.note === 'required' ? { min: 1, message: words('noteRequired') } : undefined,
      }}
      onClose={() => onClose(null)}
      onSubmit={async ({ at, text: note }) => {
        const updated = await api.call('actions.setStatus', { id: action.id, status: target, ...(at ? { at } : {}), ...(note ? { note } : {}) });
        notifySuccess(t('transition.moved', { reference: updated.reference, status: statusLabel('action', updated.status) }));
        onClose(updated);
      }}
    />
  );
}
