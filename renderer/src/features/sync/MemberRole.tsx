import { useState } from 'react';
import { Select, Text, Tooltip } from '@mantine/core';
import { MEMBER_ROLES, type Member, type MemberRole } from '@shared/schemas/sync';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';

/** The roles as choices, in their translated names. */
export function useRoleOptions(): { value: MemberRole; label: string }[] {
  const st = useFeatureT('sync');
  return MEMBER_ROLES.map((r) => ({ value: r, label: st(`roles.${r}`) }));
}

/** A role chooser (for an invitation, or a member's role). */
export function RoleSelect({ value, onChange, label, disabled }: { value: MemberRole; onChange(r: MemberRole): void; label: string; disabled?: boolean }) {
  const options = useRoleOptions();
  return (
    <Select
      size="xs"
      w={200}
      data={options}
      value={value}
      onChange={(v) => v && onChange(v as MemberRole)}
      aria-label={label}
      allowDeselect={false}
      disabled={disabled}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/**
 * A member's role: changeable by an administrator (a signed statement every machine verifies),
 * read-only for everyone else; "awaiting confirmation" while the signed membership has not
 * reached this machine.
 */
export function MemberRoleCell({ member, canManage, onChanged }: { member: Member; canManage: boolean; onChanged(): void }) {
  const st = useFeatureT('sync');
  const [busy, setBusy] = useState(false);
  if (member.removedAt) return null;
  if (!member.role) {
    return (
      <Tooltip label={st('roles.unconfirmedHelp')} multiline w={280}>
        <Text size="sm" c="dimmed" data-testid="member-role">
          {st('roles.unconfirmed')}
        </Text>
      </Tooltip>
    );
  }
  if (!canManage) {
    return (
      <Text size="sm" data-testid="member-role">
        {st(`roles.${member.role}`)}
      </Text>
    );
  }
  async function change(role: MemberRole) {
    setBusy(true);
    try {
      await api.call('sync.setRole', { memberId: member.memberId, role });
      notifySuccess(st('roles.changed', { label: member.label, role: st(`roles.${role}`) }));
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  }
  return <RoleSelect value={member.role} onChange={(r) => void change(r)} label={st('roles.of', { label: member.label })} disabled={busy} />;
}
