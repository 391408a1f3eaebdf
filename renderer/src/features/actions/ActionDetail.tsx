import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { IconCheck, IconPlayerPlay, IconRotateClockwise, IconShieldCheck, IconX } from '@tabler/icons-react';
import { actionsRegister } from '@shared/registers';
import type { Action } from '@shared/schemas/action';
import { FactList, LongText, Panel, RecordActions, recordChangedHandler, StatusBadge, recordPage } from '../../kit';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useRemote } from '../../lib/useRemote';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './labels';
import { DueMarker, OriginText, PriorityLabel } from './parts';
import { useActionEditor } from './register';
import { StatusModal, type Transition } from './StatusModal';

/** One remediation action: who, by when, where from, how far, and the evidence that it was done and checked. */
export const ActionDetail = recordPage<Action>(actionsRegister, (action, { t, changed }) => ({
  badges: <PriorityLabel priority={action.priority} />,
  subtitle: action.title,
  subtitleTestId: 'action-title',
  actions: <ActionButtons action={action} onChanged={changed} />,
  facts: <ActionFacts action={action} />,
  texts: [{ title: t('fields.description'), text: action.description, none: t('detail.noDescription') }],
  main: (
    <>
      <Panel title={t('detail.evidence')}>
        <Text size="xs" c="dimmed" fw={600}>
          {t('fields.evidence')}
        </Text>
        <LongText text={action.evidence} none={t('detail.noEvidence')} testId="action-evidence" />
        <Text size="xs" c="dimmed" fw={600} mt="sm">
          {t('fields.verificationNote')}
        </Text>
        <LongText text={action.verificationNote} none={t('detail.notVerified')} testId="action-verification" />
        <Text size="xs" c="dimmed" mt="sm">
          {t('detail.evidenceFilesHint')}
        </Text>
      </Panel>
    </>
  ),
}));

const TRANSITIONS: Record<Action['status'], Transition[]> = {
  planned: ['start', 'done', 'cancel'],
  in_progress: ['done', 'cancel'],
  done: ['verify', 'reopen'],
  verified: ['reopen'],
  cancelled: ['reopen'],
};

const TRANSITION_ICON: Record<Transition, React.ReactNode> = {
  start: <IconPlayerPlay size={16} aria-hidden />,
  done: <IconCheck size={16} aria-hidden />,
  verify: <IconShieldCheck size={16} aria-hidden />,
  cancel: <IconX size={16} aria-hidden />,
  reopen: <IconRotateClockwise size={16} aria-hidden />,
};

function ActionButtons({ action, onChanged }: { action: Action; onChanged(a: Action): void }) {
  const t = useFeatureT(NS);
  const openEdit = useActionEditor((s) => s.openEdit);
  const [dialog, setDialog] = useState<Transition | null>(null);
  const changed = recordChangedHandler(actionsRegister, onChanged);
  // Separation of duties: who marked it done (this machine) does not verify it; the core refuses anyway.
  const { data: duties } = useRemote(() => (action.status === 'done' ? api.call('actions.duties', { id: action.id }) : Promise.resolve(null)), [action.id, action.status, action.updatedAt]);
  const moves = TRANSITIONS[action.status].filter((m) => !(m === 'verify' && duties?.doneHere));
  return (
    <RecordActions register={actionsRegister} record={action} onChanged={onChanged} onEdit={() => openEdit(action)}>
      {duties?.doneHere && (
        <Text size="xs" c="dimmed" maw={260} data-testid="action-verify-other">
          {t('detail.verifyByOther')}
        </Text>
      )}
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
      {dialog && (
        <StatusModal
          action={action}
          transition={dialog}
          onClose={(a) => {
            setDialog(null);
            if (a) changed(a);
          }}
        />
      )}
    </RecordActions>
  );
}

function ActionFacts({ action: a }: { action: Action }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const at = (iso: string | null, none: string) => (iso ? <span className="tabular">{f.dateTime(iso)}</span> : none);
  return (
    <FactList
      testId="action-facts"
      rows={[
        [t('fields.owner'), a.owner],
        [t('fields.dueAt'), <DueMarker action={a} layout="inline" />],
        [t('fields.priority'), <PriorityLabel priority={a.priority} />],
        [t('fields.status'), <StatusBadge type="action" status={a.status} testId="action-status" />],
        [t('fields.origin'), <OriginText action={a} />],
        [t('fields.doneAt'), at(a.doneAt, t('detail.notDone'))],
        [t('fields.verifiedAt'), at(a.verifiedAt, t('detail.notVerifiedShort'))],
        [t('fields.createdAt'), at(a.createdAt, '')],
        [t('fields.updatedAt'), at(a.updatedAt, '')],
      ]}
    />
  );
}
