import { create } from 'zustand';
import type { CoreState } from '@shared/schemas/core';
import { api } from '../../api';
import { useAppStatus } from '../../state/appStatus';
import { useRecordChanges } from '../../state/recordChanges';

/** The core as its host reports it (core.state events); null until the host has said. */
export const useCoreState = create<{ core: CoreState | null }>(() => ({ core: null }));

export function useCoreStopped(): boolean {
  return useCoreState((s) => s.core?.state === 'stopped');
}

/** Follows the core's state; back from a stop, the status is read again and every view reloads. */
export function wireCoreState(): void {
  const apply = (core: CoreState) => {
    const before = useCoreState.getState().core;
    useCoreState.setState({ core });
    if (core.state === 'running' && before?.state === 'stopped') {
      void useAppStatus.getState().load();
      useRecordChanges.getState().bumpAll();
    }
  };
  api.on('core.state', apply);
  api.call('core.state', {}).then(apply, () => undefined);
}
