import { create } from 'zustand';
import type { AppStatus, Organisation } from '@shared/schemas/profile';
import { api, ApiError, bootProblem } from '../api';

/**
 * Where the app is before it can show a screen: still asking the core, unable to reach it, or
 * without the web host's token. Once `ready`, `status.state` (needs-setup / locked / unlocked) rules.
 */
export type BootPhase = 'booting' | 'ready' | 'unreachable' | 'no-token' | 'unauthorized';

interface AppStatusState {
  phase: BootPhase;
  status: AppStatus | null;
  /** Shown once after setup when the key could not go into the keychain. */
  passphraseNeededAtStart: boolean;
  load(): Promise<void>;
  apply(status: AppStatus): void;
  setPassphraseNeededAtStart(value: boolean): void;
}

export const useAppStatus = create<AppStatusState>((set) => ({
  phase: bootProblem ?? 'booting',
  status: null,
  passphraseNeededAtStart: false,
  async load() {
    if (bootProblem) return;
    try {
      const status = await api.call('app.status', {});
      set({ phase: 'ready', status });
    } catch (e) {
      set({ phase: e instanceof ApiError && e.code === 'UNAUTHORIZED' ? 'unauthorized' : 'unreachable' });
    }
  },
  apply(status) {
    set({ phase: 'ready', status });
  },
  setPassphraseNeededAtStart(value) {
    set({ passphraseNeededAtStart: value });
  },
}));

/** The organisation of the open register (null while locked or before setup). */
export function useOrganisation(): Organisation | null {
  return useAppStatus((s) => s.status?.profile?.organisation ?? null);
}

/**
 * The zone every date is shown and entered in. Until a register is open there is no organisation;
 * Europe/Paris is the setup form's own default, so nothing shown before setup disagrees with it.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function useOrgTimeZone(): string {
  return useAppStatus((s) => s.status?.profile?.organisation.timeZone ?? DEFAULT_TIME_ZONE);
}

export function currentOrgTimeZone(): string {
  return useAppStatus.getState().status?.profile?.organisation.timeZone ?? DEFAULT_TIME_ZONE;
}
