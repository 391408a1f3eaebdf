import type { ReactNode } from 'react';
import { Alert, Fieldset, Stack } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import type { PermissionAction } from '@shared/sync/permissions';
import { featureT } from '../lib/featureT';
import { useCan, useMemberPermissions } from '../lib/permissions';

/**
 * A part of a screen that changes something (an import, the workspace's settings): shown as it
 * is when this machine's member may do `action`; otherwise shown disabled under a notice naming
 * the role and what it may do (README › Roles). The core refuses it anyway.
 */
export function RoleGate({ action, recordType, children }: { action: PermissionAction; recordType?: string; children: ReactNode }) {
  const can = useCan();
  const p = useMemberPermissions();
  if (can(action, recordType)) return children;
  const role = p?.role ? featureT('sync', `roles.${p.role}`) : featureT('sync', 'roles.unconfirmed');
  return (
    <Stack gap="md">
      <Alert color="gray" variant="light" icon={<IconEye size={18} aria-hidden />} data-testid="role-gate">
        {featureT('sync', 'roles.readOnlyHere', { role, may: featureT('sync', `roles.may.${p?.role ?? 'unconfirmed'}`) })}
      </Alert>
      <Fieldset variant="unstyled" disabled>
        {children}
      </Fieldset>
    </Stack>
  );
}
