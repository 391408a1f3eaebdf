import { useState } from 'react';
import { Alert, Box, Button, CopyButton, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconDeviceMobileMessage, IconMail, IconUserPlus } from '@tabler/icons-react';
import type { Invitation, MemberRole } from '@shared/schemas/sync';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useAction } from '../../lib/useAction';
import { useFormatters } from '../../lib/useFormatters';
import { SyncErrorNotice } from './SyncErrorNotice';
import { RoleSelect } from './MemberRole';
import { SectionIntro } from './SectionIntro';

/**
 * A new invitation: the text to send by email, and — apart, and prominently — the code that
 * unwraps the workspace key, to send by another channel (the CNIL asks that credentials never
 * travel in the same message). Shown once; not kept.
 */
export function InvitationPanel({ canReachBackend }: { canReachBackend: boolean }) {
  const st = useFeatureT('sync');
  const f = useFormatters();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  // Least privilege unless the administrator chooses otherwise.
  const [role, setRole] = useState<MemberRole>('reader');
  const { busy, error, run } = useAction();
  const invite = () => run(async () => setInvitation(await api.call('sync.invite', { role })));

  return (
    <section aria-labelledby="sync-invite-title">
      <SectionIntro
        id="sync-invite-title"
        title={st('invite.title')}
        help={st('invite.help')}
        action={
          !invitation && (
            <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
              <RoleSelect value={role} onChange={setRole} label={st('invite.role')} />
              <Tooltip label={st('invite.offline')} disabled={canReachBackend} multiline w={260}>
                <Button leftSection={<IconUserPlus size={16} />} onClick={() => void invite()} loading={busy} disabled={!canReachBackend} style={{ flexShrink: 0 }}>
                  {st('invite.create')}
                </Button>
              </Tooltip>
            </Group>
          )
        }
      />
      {error !== null && <SyncErrorNotice error={error} context="action" title={st('invite.failed')} />}
      {invitation && (
        <Paper withBorder p="md" data-testid="invitation">
          <Stack gap="md">
            <Box>
              <Group justify="space-between" mb={4} wrap="nowrap">
                <Group gap={6} wrap="nowrap">
                  <IconMail size={16} aria-hidden />
                  <Text size="sm" fw={600}>
                    {st('invite.step1')}
                  </Text>
                </Group>
                <CopyValue value={invitation.invitation} label={st('invite.copyInvitation')} />
              </Group>
              <Textarea
                value={invitation.invitation}
                readOnly
                autosize
                minRows={2}
                maxRows={4}
                aria-label={st('invite.invitationText')}
                data-testid="invitation-text"
                onFocus={(e) => e.currentTarget.select()}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12, wordBreak: 'break-all' } }}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {st('invite.step1Help')}
              </Text>
            </Box>
            <Alert
              color="orange"
              variant="light"
              icon={<IconDeviceMobileMessage size={20} />}
              title={st('invite.step2')}
              styles={{ root: { borderLeft: '4px solid var(--mantine-color-orange-6)' } }}
            >
              <Group justify="space-between" align="center" wrap="nowrap" mt={4}>
                <Text
                  ff="monospace"
                  fz={20}
                  fw={600}
                  c="dark.8"
                  data-testid="invitation-code"
                  aria-label={st('invite.codeLabel')}
                  style={{ letterSpacing: '0.02em', wordBreak: 'break-word', userSelect: 'all' }}
                >
                  {invitation.code}
                </Text>
                <CopyValue value={invitation.code} label={st('invite.copyCode')} />
              </Group>
              <Text size="sm" mt="xs" fw={500}>
                {st('invite.step2Help')}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                {st('invite.cnil')}
              </Text>
            </Alert>
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm" data-testid="invitation-expiry">
                {st('invite.expires', { date: f.dateTime(invitation.expiresAt) })} {st('invite.gives', { role: st(`roles.${role}`) })}
              </Text>
              <Button variant="default" size="xs" onClick={() => setInvitation(null)}>
                {st('invite.done')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
    </section>
  );
}

function CopyValue({ value, label }: { value: string; label: string }) {
  const st = useFeatureT('sync');
  return (
    <CopyButton value={value} timeout={2500}>
      {({ copied, copy }) => (
        <Button
          size="xs"
          variant={copied ? 'light' : 'default'}
          color={copied ? 'teal' : undefined}
          leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
          onClick={copy}
          style={{ flexShrink: 0 }}
        >
          {copied ? st('invite.copied') : label}
        </Button>
      )}
    </CopyButton>
  );
}
