import { useEffect } from 'react';
import { create } from 'zustand';
import type { MemberPermissions } from '@shared/schemas/sync';
import { can as allows, type PermissionAction } from '@shared/sync/permissions';
import { api } from '../api';

/**
 * What this machine's member may change (README › Roles), as the core says (`sync.permissions`),
 * read again whenever the sync status moves (a role statement arrives by sync) or a membership
 * record changes. The UI offers only what is allowed; the core refuses the rest anyway
 * (ROLE_FORBIDDEN): hiding a button is a courtesy, not the control.
 */
interface PermissionsStore {
  permissions: MemberPermissions | null;
  load(): Promise<void>;
}

export const usePermissions = create<PermissionsStore>((set) => ({
  permissions: null,
  async load() {
    try {
      set({ permissions: await api.call('sync.permissions', {}) });
    } catch {
      // Locked or the core restarting: the next status event reads it again.
    }
  },
}));

let subscribers = 0;
let unsubscribe: (() => void) | null = null;

function subscribe(): () => void {
  subscribers++;
  if (subscribers === 1) {
    const reload = () => void usePermissions.getState().load();
    const offStatus = api.on('sync.status', reload);
    const offMember = api.on('record.changed', (c) => c.recordType === 'member' && reload());
    const offApp = api.on('app.status', reload);
    unsubscribe = () => (offStatus(), offMember(), offApp());
    reload();
  }
  return () => {
    subscribers--;
    if (subscribers === 0) {
      unsubscribe?.();
      unsubscribe = null;
    }
  };
}

export type Can = (action: PermissionAction, recordType?: string) => boolean;

/**
 * `can(action, recordType?)`: whether to offer a change (`write` a register's records, `import`,
 * change the workspace's `settings`, manage `members`). Until the core has answered, everything is
 * offered (a register that syncs with nobody has every right; the core refuses in any case).
 */
export function useCan(): Can {
  useEffect(() => subscribe(), []);
  const p = usePermissions((s) => s.permissions);
  return (action, recordType) => (p ? allows(p, action, recordType) : true);
}

/** This machine's member's permissions (null until the core has answered). */
export function useMemberPermissions(): MemberPermissions | null {
  useEffect(() => subscribe(), []);
  return usePermissions((s) => s.permissions);
}
