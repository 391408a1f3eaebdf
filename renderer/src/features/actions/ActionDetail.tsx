import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowLeft, IconCheck, IconPencil, IconPlayerPlay, IconRotateClockwise, IconShieldCheck, IconX } from '@tabler/icons-react';
import type { Action } from '@shared/schemas/action';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RecordAttachments, RecordClocks, RecordHistory, RecordLinks } from '../../components/records';
import { ReasonModal } from '../../components/records/ReasonModal';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges, useRecordVersion } from '../../state/recordChanges';
import { NS } from './labels';
import { ActionStatusBadge, DueMarker, OriginText, PriorityLabel } from './parts';
import { StatusModal, type Transition } from './StatusModal';
import { useActionEditor } from './stores';

/** One remediation action: who, by when, where from, how far, and the evidence that it was done and checked. */
export function ActionDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const version = useRecordVersion('action', id);
  const [action, setAction] = useState<Action | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    api.call('actions.get', { id }).then(
      (a) => {
        if (!current) return;
        setAction(a);
        setError(null);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [id, version]);

  const back = (
    <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'actions' })}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('detail.back')}
      </Group>
    </Anchor>
  );
  if (error && !action) {
    return (
      <Stack gap="md">
        {back}
        <ErrorNotice error={error} title={t('detail.loadFailed')} />
      </Stack>
    );
  }
  if (!action) {
    return (
      <Stack gap="md">
        {back}
        <Loader size="sm" />
      </Stack>
    );
  }
  const record = { type: 'action' as const, id: action.id };
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1} className="tabular" data-testid="action-reference">
              {action.reference}
            </Title>
            <ActionStatusBadge status={action.status} />
            <PriorityLabel priority={action.priority} />
            {action.archivedAt && (
              <Badge color="gray" variant="filled" size="sm" tt="none">
                {t('list.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="action-title">
            {action.title}
          </Text>
        </div>
        <ActionButtons action={action} onChanged={setAction} />
      </Group>
      {action.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} title={t('detail.archivedTitle', { date: f.dateTime(action.archivedAt) })}>
          <Text size="sm">{t('detail.archivedBody', { reason: action.archiveReason ?? '' })}</Text>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <ActionFacts action={action} />
            </Paper>
            <Paper withBorder p="md">
              <PanelTitle>{t('fields.description')}</PanelTitle>
              <Text size="sm" c={action.description ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {action.description || t('detail.noDescription')}
              </Text>
            </Paper>
            <Paper withBorder p="md" component="section" aria-label={t('detail.evidence')}>
              <PanelTitle>{t('detail.evidence')}</PanelTitle>
              <Text size="xs" c="dimmed" fw={600}>
                {t('fields.evidence')}
              </Text>
              <Text size="sm" c={action.evidence ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} data-testid="action-evidence">
                {action.evidence || t('detail.noEvidence')}
              </Text>
              <Text size="xs" c="dimmed" fw={600} mt="sm">
                {t('fields.verificationNote')}
              </Text>
              <Text size="sm" c={action.verificationNote ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} data-testid="action-verification">
                {action.verificationNote || t('detail.notVerified')}
              </Text>
              <Text size="xs" c="dimmed" mt="sm">
                {t('detail.evidenceFilesHint')}
              </Text>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <RecordClocks record={record} />
            <RecordAttachments record={record} />
            <RecordLinks record={record} />
            <RecordHistory record={record} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function PanelTitle({ children }: { children: React.ReactNode }) {
  return (
    <Title order={2} size="h4" tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.04em' }}>
      {children}
    </Title>
  );
}

const TRANSITIONS: Record<Action['status'], Transition[]> = {
  planned: ['start', 'done', 'cancel'],
  in_progress: ['done', 'cancel'],
  done: ['verify', 'reopen'],
  verified: ['reopen'],
  cancelled: ['reopen'],
};

const TRANSITION_ICON: Record<Transition, React.ReactNode> = {
  start: <IconPlayerPlay size={16} />,
  done: <IconCheck size={16} />,
  verify: <IconShieldCheck size={16} />,
  cancel: <IconX size={16} />,
  reopen: <IconRotateClockwise size={16} />,
};

function ActionButtons({ action, onChanged }: { action: Action; onChanged(a: Action): void }) {
  const t = useFeatureT(NS);
  const openEditor = useActionEditor((s) => s.open);
  const [dialog, setDialog] = useState<Transition | 'archive' | null>(null);
  const [restoring, setRestoring] = useState(false);
  const changed = (a: Action) => {
    onChanged(a);
    useRecordChanges.getState().bump('action', a.id);
  };

  if (action.archivedAt) {
    return (
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        loading={restoring}
        onClick={() => {
          setRestoring(true);
          api
            .call('actions.restore', { id: action.id })
            .then((a) => {
              notifySuccess(t('detail.restored', { reference: a.reference }));
              changed(a);
            }, notifyError)
            .finally(() => setRestoring(false));
        }}
      >
        {t('detail.restore')}
      </Button>
    );
  }
  const moves = TRANSITIONS[action.status];
  return (
    <>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {moves.map((m, i) => (
          <Button
            key={m}
            variant={i === 0 && m !== 'reopen' ? 'filled' : m === 'cancel' ? 'subtle' : 'default'}
            color={m === 'cancel' ? 'red' : undefined}
            leftSection={TRANSITION_ICON[m]}
            onClick={() => setDialog(m)}
          >
            {t(`transition.${m}.button`)}
          </Button>
        ))}
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => openEditor({ mode: 'edit', action })}>
          {t('detail.edit')}
        </Button>
        <Button variant="subtle" color="gray" leftSection={<IconArchive size={16} />} onClick={() => setDialog('archive')}>
          {t('detail.archive')}
        </Button>
      </Group>
      {dialog === 'archive' && (
        <ReasonModal
          title={t('archive.title', { reference: action.reference })}
          body={t('archive.body')}
          submitLabel={t('detail.archive')}
          reasonHelp={t('archive.reasonHelp')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const a = await api.call('actions.archive', { id: action.id, reason });
            notifySuccess(t('archive.done', { reference: a.reference }));
            changed(a);
          }}
        />
      )}
      {dialog && dialog !== 'archive' && (
        <StatusModal
          action={action}
          transition={dialog}
          onClose={(a) => {
            setDialog(null);
            if (a) changed(a);
          }}
        />
      )}
    </>
  );
}

function ActionFacts({ action: a }: { action: Action }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const at = (iso: string | null, none: string) => (iso ? <span className="tabular">{f.dateTime(iso)}</span> : none);
  const rows: [string, React.ReactNode][] = [
    [t('fields.owner'), a.owner],
    [t('fields.dueAt'), <DueMarker action={a} layout="inline" />],
    [t('fields.priority'), <PriorityLabel priority={a.priority} />],
    [t('fields.status'), <ActionStatusBadge status={a.status} />],
    [t('fields.origin'), <OriginText action={a} />],
    [t('fields.doneAt'), at(a.doneAt, t('detail.notDone'))],
    [t('fields.verifiedAt'), at(a.verifiedAt, t('detail.notVerifiedShort'))],
    [t('fields.createdAt'), at(a.createdAt, '')],
    [t('fields.updatedAt'), at(a.updatedAt, '')],
  ];
  return (
    <DataList size="sm" labelWidth="11rem" gap={8} data-testid="action-facts">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
