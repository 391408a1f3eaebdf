import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconCloudOff, IconDeviceDesktop, IconUserMinus } from '@tabler/icons-react';
import { managesMembers, type Member } from '@shared/schemas/sync';
import { api, ApiError } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { ConfirmDialog } from './ConfirmDialog';
import { DutiesSetting } from './DutiesSetting';
import { InvitationPanel } from './InvitationPanel';
import { MemberRoleCell } from './MemberRole';
import { SyncErrorNotice } from './SyncErrorNotice';
import { useRemote } from '../../lib/useRemote';

/** Who is in the workspace (read from the backend), inviting a colleague, removing a member. */
export function MembersPanel({ canReachBackend }: { canReachBackend: boolean }) {
  const st = useFeatureT('sync');
  const f = useFormatters();
  const [removing, setRemoving] = useState<Member | null>(null);
  // Coming back online is a good moment to read the list again; "loading" is a request not answered yet.
  const { data: members, error, pending: loading, reload } = useRemote(() => api.call('sync.members', {}).then((r) => r.members), [canReachBackend]);

  const active = members?.filter((m) => !m.removedAt) ?? [];
  // What the UI offers follows this machine's role; the core refuses the rest all the same.
  const canManage = managesMembers(members?.find((m) => m.isMe)?.role);
  const sorted = members ? [...members].sort((a, b) => Number(Boolean(a.removedAt)) - Number(Boolean(b.removedAt)) || a.joinedAt.localeCompare(b.joinedAt)) : [];

  return (
    <Stack gap="lg">
      {canManage ? (
        <InvitationPanel canReachBackend={canReachBackend} />
      ) : (
        members && (
          <Text size="sm" c="dimmed" data-testid="members-not-admin">
            {st('roles.onlyAdministrators')}
          </Text>
        )
      )}
      <section aria-labelledby="sync-members-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h3" id="sync-members-title">
            {st('members.title')}
            {members && (
              <Text span c="dimmed" fw={400} size="sm" ml={8}>
                {st('members.activeCount', { count: active.length, n: f.number(active.length) })}
              </Text>
            )}
          </Title>
          <Button variant="subtle" size="xs" onClick={reload} loading={loading}>
            {st('members.reload')}
          </Button>
        </Group>
        {error !== null &&
          (isUnreachable(error) ? (
            <Alert color="gray" variant="light" icon={<IconCloudOff size={18} />} data-testid="members-offline">
              <Text size="sm">{st('members.offline')}</Text>
            </Alert>
          ) : (
            <SyncErrorNotice error={error} context="action" title={st('members.loadFailed')} />
          ))}
        {!members && !error && <Loader size="sm" />}
        {members && (
          <Table verticalSpacing={6} striped={false} highlightOnHover withTableBorder data-testid="sync-members">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('members.label')}</Table.Th>
                <Table.Th w={220}>{st('roles.title')}</Table.Th>
                <Table.Th w={190}>{st('members.joined')}</Table.Th>
                <Table.Th w={270}>{st('members.state')}</Table.Th>
                <Table.Th w={130} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((m) => (
                <Table.Tr key={m.memberId} c={m.removedAt ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Group gap={8} wrap="nowrap">
                      <Text size="sm" fw={m.isMe ? 600 : 400} td={m.removedAt ? 'line-through' : undefined}>
                        {m.label}
                      </Text>
                      {m.isMe && (
                        <Badge size="sm" variant="light" color="navy" tt="none" leftSection={<IconDeviceDesktop size={12} />}>
                          {st('members.me')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <MemberRoleCell member={m} canManage={canManage} onChanged={reload} />
                  </Table.Td>
                  <Table.Td className="tabular">
                    <Text size="sm">{f.dateTime(m.joinedAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {m.removedAt ? (
                      <Text size="sm">{st('members.removedOn', { date: f.dateTime(m.removedAt) })}</Text>
                    ) : (
                      <Text size="sm">{st('members.active')}</Text>
                    )}
                  </Table.Td>
                  <Table.Td ta="right">
                    {canManage && !m.isMe && !m.removedAt && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconUserMinus size={14} />}
                        onClick={() => setRemoving(m)}
                        aria-label={st('members.removeWho', { label: m.label })}
                      >
                        {st('members.remove')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <DutiesSetting />
      <RemoveMemberModal member={removing} onClose={() => setRemoving(null)} onRemoved={reload} />
    </Stack>
  );
}

/** The backend cannot be reached: expected while offline, not an error to alarm anyone with. */
function isUnreachable(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'BACKEND_UNAVAILABLE';
}

function RemoveMemberModal({ member, onClose, onRemoved }: { member: Member | null; onClose(): void; onRemoved(): void }) {
  const st = useFeatureT('sync');

  async function remove() {
    if (!member) return;
    await api.call('sync.removeMember', { memberId: member.memberId });
    notifySuccess(st('members.removed', { label: member.label }));
    onRemoved();
    onClose();
  }

  return (
    <ConfirmDialog
      opened={member !== null}
      onClose={onClose}
      title={member ? st('members.confirmTitle', { label: member.label }) : ''}
      confirmLabel={st('members.confirm')}
      confirmIcon={<IconUserMinus size={16} />}
      onConfirm={remove}
    >
      <Text size="sm">{st('members.confirmBody1', { label: member?.label ?? '' })}</Text>
      <Text size="sm">{st('members.confirmBody2')}</Text>
      <Text size="sm" c="dimmed">
        {st('members.confirmBody3')}
      </Text>
    </ConfirmDialog>
  );
}
