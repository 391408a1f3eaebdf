import { useEffect, useRef, useState } from 'react';
import { Alert, Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconKey, IconLock, IconMail, IconUsersGroup, IconUserPlus, type Icon } from '@tabler/icons-react';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useAction } from '../../lib/useAction';
import { ConnectionFields, machineText, type SyncFormValues } from './ConnectionFields';
import { emptyConnection, toConnectInput, withInvitedConnection } from './connectionForm';
import { SyncErrorNotice } from './SyncErrorNotice';
import { useSyncStatus } from './syncStore';

type Path = 'create' | 'join';
const PATHS: { path: Path; icon: Icon }[] = [
  { path: 'create', icon: IconUsersGroup },
  { path: 'join', icon: IconUserPlus },
];

/** Sync is not set up on this machine: what it does, and the two ways in. */
export function SyncSetup() {
  const st = useFeatureT('sync');
  const [path, setPath] = useState<Path | null>(null);
  return (
    <Stack gap="md" maw={880}>
      <Paper withBorder p="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <IconLock size={20} stroke={1.6} color="var(--mantine-color-navy-8)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
          <div>
            <Text size="sm">{st('setup.intro1')}</Text>
            <Text size="sm" mt={4}>
              {st('setup.intro2')}
            </Text>
          </div>
        </Group>
      </Paper>
      <SimpleGrid cols={2} spacing="md" role="radiogroup" aria-label={st('setup.choose')}>
        {PATHS.map(({ path: p, icon: PathIcon }) => (
          <Choice key={p} selected={path === p} onSelect={() => setPath(p)} icon={<PathIcon size={22} stroke={1.6} />} title={st(`setup.${p}Title`)} body={st(`setup.${p}Body`)} />
        ))}
      </SimpleGrid>
      {path === 'create' && <CreateForm key="create" />}
      {path === 'join' && <JoinForm key="join" />}
      {path === null && (
        <Text size="xs" c="dimmed">
          {st('setup.itTeam')}
        </Text>
      )}
    </Stack>
  );
}

function Choice({ selected, onSelect, icon, title, body }: { selected: boolean; onSelect(): void; icon: React.ReactNode; title: string; body: string }) {
  return (
    <UnstyledButton
      role="radio"
      aria-checked={selected}
      onClick={onSelect}
      p="md"
      style={{
        border: `1px solid ${selected ? 'var(--mantine-color-navy-7)' : 'var(--mantine-color-gray-3)'}`,
        boxShadow: selected ? '0 0 0 1px var(--mantine-color-navy-7) inset' : undefined,
        borderRadius: 'var(--mantine-radius-sm)',
        background: selected ? 'var(--mantine-color-navy-0)' : 'white',
      }}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Box c="navy.8" style={{ flexShrink: 0 }}>
          {icon}
        </Box>
        <div style={{ flex: 1 }}>
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600} size="sm">
              {title}
            </Text>
            {selected && <IconCircleCheck size={16} color="var(--mantine-color-navy-7)" aria-hidden />}
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {body}
          </Text>
        </div>
      </Group>
    </UnstyledButton>
  );
}

function useSyncForm() {
  return useForm<SyncFormValues>({ mode: 'controlled', initialValues: { ...emptyConnection(), invitation: '', code: '' } });
}

/** The first member: connect, let the core create (or check) its schema, create the workspace. */
function CreateForm() {
  const st = useFeatureT('sync');
  const form = useSyncForm();
  const { busy, error, setError, run } = useAction();

  async function submit(values: SyncFormValues) {
    setError(null);
    const checked = toConnectInput(values, st);
    if ('errors' in checked) {
      form.setErrors(checked.errors);
      return;
    }
    await run(async () => {
      useSyncStatus.getState().apply(await api.call('sync.createWorkspace', checked.input));
      notifySuccess(st('setup.created'));
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sync-create-title">
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack gap="md">
          <div>
            <Title order={2} size="h3" id="sync-create-title">
              {st('setup.createFormTitle')}
            </Title>
            <Text size="xs" c="dimmed">
              {st('setup.createFormHelp')}
            </Text>
          </div>
          <ConnectionFields form={form} disabled={busy} />
          {error !== null && <SyncErrorNotice error={error} context="connect" />}
          <Group justify="flex-end">
            <Button type="submit" loading={busy} leftSection={<IconUsersGroup size={16} />}>
              {st('setup.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

/** The envelope and the key: which of the two channels each part of an invitation came by. */
function IconLabel({ icon: FieldIcon, text }: { icon: Icon; text: string }) {
  return (
    <>
      <FieldIcon size={14} aria-hidden style={{ verticalAlign: -2, marginRight: 6 }} />
      {text}
    </>
  );
}

interface ReadInvitation {
  workspaceId: string;
  where: string | null;
}

/** A colleague's invitation (by email), the code (by phone or SMS), and the database login. */
function JoinForm() {
  const st = useFeatureT('sync');
  const form = useSyncForm();
  const { busy, error, setError, run } = useAction();
  const [read, setRead] = useState<ReadInvitation | null>(null);
  const [readError, setReadError] = useState<unknown>(null);
  const lastRead = useRef('');
  const invitation = form.getValues().invitation;

  // Reading an invitation is local (no backend): done as soon as something that looks like one is there.
  useEffect(() => {
    const text = invitation.trim();
    if (text === lastRead.current) return;
    lastRead.current = text;
    if (!text) return;
    let current = true;
    const timer = window.setTimeout(() => {
      api.call('sync.readInvitation', { invitation: text }).then(
        (r) => {
          if (!current) return;
          setReadError(null);
          const c = withInvitedConnection(form.getValues(), r.connection);
          if (c) form.setValues({ mode: c.mode, host: c.host, port: c.port, database: c.database, user: c.user, sslMode: c.sslMode, caCertificate: c.caCertificate });
          setRead({ workspaceId: r.workspaceId, where: c ? `${c.host}:${c.port}/${c.database}` : null });
        },
        (e: unknown) => {
          if (!current) return;
          setRead(null);
          setReadError(e);
        },
      );
    }, 250);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
    // The form object is stable; only the invitation text triggers a read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [invitation]);

  async function submit(values: SyncFormValues) {
    setError(null);
    const errors: Record<string, string> = {};
    if (!values.invitation.trim()) errors.invitation = st('form.errors.invitation');
    if (values.code.trim().split(/[\s\-_]+/).filter(Boolean).length < 6) errors.code = st('form.errors.code');
    const checked = toConnectInput(values, st);
    if ('errors' in checked) Object.assign(errors, checked.errors);
    if (Object.keys(errors).length > 0 || 'errors' in checked) {
      form.setErrors(errors);
      return;
    }
    await run(async () => {
      useSyncStatus.getState().apply(await api.call('sync.join', { ...checked.input, invitation: values.invitation.trim(), code: values.code.trim() }));
      notifySuccess(st('setup.joined'));
    });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sync-join-title">
      <form onSubmit={form.onSubmit((v) => void submit(v))} noValidate>
        <Stack gap="md">
          <Title order={2} size="h3" id="sync-join-title">
            {st('setup.joinFormTitle')}
          </Title>
          <Textarea
            label={<IconLabel icon={IconMail} text={st('join.invitation')} />}
            description={st('join.invitationHelp')}
            placeholder="PRIVACYOPS-INVITE-1.…"
            required
            autosize
            minRows={3}
            maxRows={6}
            spellCheck={false}
            disabled={busy}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12, wordBreak: 'break-all' } }}
            {...form.getInputProps('invitation')}
          />
          {read && invitation.trim() && (
            <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} data-testid="invitation-read">
              <Text size="sm">{read.where ? st('join.readWith', { where: read.where }) : st('join.readWithout')}</Text>
              <Text size="xs" c="dimmed">
                {st('join.workspace', { id: read.workspaceId })}
              </Text>
            </Alert>
          )}
          {readError !== null && invitation.trim() && <SyncErrorNotice error={readError} context="join" title={st('join.unreadable')} />}
          <TextInput
            label={<IconLabel icon={IconKey} text={st('join.code')} />}
            description={st('join.codeHelp')}
            placeholder={st('join.codePlaceholder')}
            required
            {...machineText(busy)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            {...form.getInputProps('code')}
          />
          <Box>
            <Group gap="xs" mb={6}>
              <Text size="sm" fw={600}>
                {st('join.connectionTitle')}
              </Text>
              {read?.where && invitation.trim() && (
                <Badge size="sm" variant="light" color="teal" tt="none">
                  {st('join.filled')}
                </Badge>
              )}
            </Group>
            <ConnectionFields form={form} disabled={busy} />
          </Box>
          {error !== null && <SyncErrorNotice error={error} context="join" />}
          <Group justify="space-between">
            <Text size="xs" c="dimmed" maw={520}>
              {st('join.after')}
            </Text>
            <Button type="submit" loading={busy} leftSection={<IconUserPlus size={16} />}>
              {st('setup.joinSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
