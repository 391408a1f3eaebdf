import { Badge, Tooltip } from '@mantine/core';
import { IconEye, IconUserShield } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFeatureT } from '../../lib/featureT';
import { useMemberPermissions } from '../../lib/permissions';

/**
 * In the shell's header, for a member whose workspace role does not allow every change: "Read-only:
 * Reader" (nothing may be changed), or the role (a security lead, an editor), with what it may do.
 * Nothing for a register that syncs with nobody, nor for a DPO or an administrator.
 */
export function RoleBadge() {
  const { t } = useTranslation();
  const st = useFeatureT('sync');
  const p = useMemberPermissions();
  if (!p || !p.enforced || p.writes === 'all') return null;
  const role = p.role ? st(`roles.${p.role}`) : st('roles.unconfirmed');
  const readOnly = p.writes.length === 0;
  return (
    <Tooltip label={t('shell.memberRoleHint', { may: st(`roles.may.${p.role ?? 'unconfirmed'}`) })} multiline w={300}>
      <Badge
        variant="light"
        color={readOnly ? 'gray' : 'navy'}
        leftSection={readOnly ? <IconEye size={12} aria-hidden /> : <IconUserShield size={12} aria-hidden />}
        data-testid="member-role-badge"
        data-role={p.role ?? 'unconfirmed'}
        style={{ textTransform: 'none' }}
      >
        {readOnly ? t('shell.readOnly', { role }) : t('shell.memberRole', { role })}
      </Badge>
    </Tooltip>
  );
}
