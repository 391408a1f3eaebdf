import { useState } from 'react';
import { Button, Group, Text, Timeline } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconCircleCheck, IconFolderOpen, IconMailPlus } from '@tabler/icons-react';
import { mattersRegister } from '@shared/registers';
import type { Clock } from '@shared/schemas/clock';
import type { Letter } from '@shared/schemas/letter';
import type { Matter, MatterDeadline } from '@shared/schemas/matter';
import { api } from '../../api';
import { SimpleTable } from '../../components/SimpleTable';
import { CallButton, ChangeDialog, DetailFrame, FactList, Panel, RecordActions, recordChangedHandler, statusTone } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { notifySuccess } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useOrgTimeZone } from '../../state/appStatus';
import { useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { deadlineOf, letterDeadlinesOf, useMatterClocks } from './clocks';
import { euros, letterDate, NS } from './labels';
import { AppealLine, DeadlineLine, KindBadge, LetterLink, MatterStatusIcon, RegulatorFact } from './parts';
import { useLetterEditor, useMatterEditor } from './stores';

/** A procedure with a regulator: its steps (letters) in order and every deadline the regulator set. */
export function MatterDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  // A letter added, answered or extended changes the steps and deadlines.
  const version = useRecordVersion('matter', id) + useRecordTypeVersion('letter');
  const remote = useRemote(() => api.call('matters.get', { id }), [id, version]);
  const clocks = useMatterClocks(id, version);
  const data = remote.data;
  return (
    <DetailFrame
      register={mattersRegister}
      labels={{ ns: NS, section: 'matterDetail' }}
      remote={remote}
      select={(d) => d.matter}
      render={(matter) => ({
        status: { icon: <MatterStatusIcon status={matter.status} /> },
        subtitle: matter.title,
        subtitleTestId: 'matter-title',
        actions: <MatterButtons matter={matter} onChanged={(m) => remote.setData((d) => (d ? { ...d, matter: m } : d))} />,
        facts: <MatterFacts matter={matter} letterCount={data!.letters.length} />,
        main: (
          <>
            <Panel title={t('matterDetail.steps')}>
              <MatterSteps letters={data!.letters} clocks={clocks} />
            </Panel>
            <Panel title={t('matterDetail.deadlines')}>
              <MatterDeadlines deadlines={data!.deadlines} letters={data!.letters} clocks={clocks} />
            </Panel>
          </>
        ),
      })}
    />
  );
}

/** Add a letter, close or reopen, then the kit's Edit and Archive. */
function MatterButtons({ matter, onChanged }: { matter: Matter; onChanged(m: Matter): void }) {
  const t = useFeatureT(NS);
  const openLetter = useLetterEditor((s) => s.openCreate);
  const openEdit = useMatterEditor((s) => s.openEdit);
  const [closing, setClosing] = useState(false);
  const changed = recordChangedHandler(mattersRegister, onChanged);
  return (
    <RecordActions register={mattersRegister} archiveSection="matterArchive" record={matter} onChanged={onChanged} onEdit={() => openEdit(matter)}>
      <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={() => openLetter({ matterId: matter.id, regulator: matter.regulator })}>
        {t('matterDetail.addLetter')}
      </Button>
      {matter.status === 'open' ? (
        <Button variant="default" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setClosing(true)}>
          {t('matterDetail.close')}
        </Button>
      ) : (
        <CallButton
          icon={<IconFolderOpen size={16} aria-hidden />}
          call={() => api.call('matters.setStatus', { id: matter.id, status: 'open' })}
          done={(m) => {
            notifySuccess(t('matterDetail.reopened', { reference: m.reference }));
            changed(m);
          }}
        >
          {t('matterDetail.reopen')}
        </CallButton>
      )}
      {closing && <CloseMatterDialog matter={matter} onClose={(m) => (setClosing(false), m && changed(m))} />}
    </RecordActions>
  );
}

/** Closing asks when (it stops the matter's running deadlines); now, on the app's clock, unless said otherwise. */
function CloseMatterDialog({ matter, onClose }: { matter: Matter; onClose(m: Matter | null): void }) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  return (
    <ChangeDialog
      title={t('matterDetail.closeTitle', { reference: matter.reference })}
      intro={t('matterDetail.closeBody')}
      submitLabel={t('matterDetail.close')}
      when={{ name: 'closed', label: t('fields.closedAt'), description: t('form.zoneHelp', { zone }), message: t('fieldErrors.closedAt'), blankTime: '00:00' }}
      onClose={() => onClose(null)}
      onSubmit={async ({ at }) => {
        const m = await api.call('matters.setStatus', { id: matter.id, status: 'closed', at: at! });
        notifySuccess(t('matterDetail.closed', { reference: m.reference }));
        onClose(m);
      }}
    />
  );
}

function MatterFacts({ matter: m, letterCount }: { matter: Matter; letterCount: number }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const dash = t('common.empty');
  const long = (text: string) => (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {text}
    </Text>
  );
  return (
    <FactList
      testId="matter-facts"
      rows={[
        [t('fields.regulator'), <RegulatorFact id={m.regulator} />],
        [t('fields.matterKind'), t(`matterKind.${m.kind}`)],
        [t('fields.regulatorRefs'), m.regulatorRefs.length ? <span className="tabular">{m.regulatorRefs.join(' · ')}</span> : dash],
        [t('fields.openedAt'), <span className="tabular">{f.dateTime(m.openedAt)}</span>],
        [t('fields.closedAt'), m.closedAt ? <span className="tabular">{f.dateTime(m.closedAt)}</span> : t('matterDetail.stillOpen')],
        [t('matterDetail.letterCount'), t('matterDetail.letters', { count: letterCount })],
        [t('fields.summary'), m.summary ? long(m.summary) : dash],
        [t('fields.appeal'), m.appeal ? long(m.appeal) : t('matterDetail.noAppeal')],
      ]}
    />
  );
}

/** The dates a step answers to, in the order a step shows them, with the words before each. */
const STEP_DUES = [
  ['reply', 'matterDetail.replyBy'],
  ['compliance', 'matterDetail.complyBy'],
] as const;

/** The letters of the matter as the steps of the procedure, oldest first, each dated by its letter. */
function MatterSteps({ letters, clocks }: { letters: Letter[]; clocks: Clock[] | undefined }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  if (letters.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('matterDetail.noSteps')}
      </Text>
    );
  }
  const byId = new Map(letters.map((l) => [l.id, l]));
  const extensionOf = (id: string) => letters.find((x) => x.kind === 'extension_granted' && x.inReplyTo === id);
  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="matter-steps">
      {letters.map((l) => {
        const d = letterDate(l);
        const parent = l.inReplyTo ? byId.get(l.inReplyTo) : undefined;
        const due = letterDeadlinesOf(l, clocks);
        const extension = extensionOf(l.id)?.reference;
        return (
          <Timeline.Item
            key={l.id}
            color={statusTone('letter', l.kind)}
            bullet={l.direction === 'inbound' ? <IconArrowDownLeft size={14} aria-hidden /> : <IconArrowUpRight size={14} aria-hidden />}
            title={
              <Group gap={8} wrap="wrap" align="center">
                <Text size="xs" c="dimmed" className="tabular" w={84}>
                  {d ? f.day(d) : t('common.empty')}
                </Text>
                <KindBadge kind={l.kind} />
                <LetterLink letter={l} size="sm" />
                <Text size="xs" c="dimmed">
                  {t(`direction.${l.direction}`)}
                </Text>
              </Group>
            }
            data-testid="matter-step"
          >
            <Text size="sm" lineClamp={2}>
              {l.subject}
            </Text>
            <Group gap="lg" mt={4} wrap="wrap">
              {parent && (
                <Text size="xs" c="dimmed">
                  {t('detail.inReplyToShort', { reference: parent.reference })}
                </Text>
              )}
              {STEP_DUES.map(([purpose, words]) => {
                const deadline = due[purpose];
                return (
                  deadline && (
                    <Group key={purpose} gap={6} wrap="nowrap">
                      <Text size="xs" c="dimmed">
                        {t(words)}
                      </Text>
                      <DeadlineLine deadline={deadline} purpose={purpose} layout="inline" supersededBy={extension} />
                    </Group>
                  )
                );
              })}
              {l.amountEur !== null && (
                <Text size="xs" fw={600} className="tabular">
                  {t('matterDetail.amount', { amount: euros(l.amountEur, f.lang) })}
                </Text>
              )}
              {due.appeal && <AppealLine deadline={due.appeal} layout="inline" />}
            </Group>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

/** Every deadline the regulator set, with the extensions it granted: a superseded one is struck through. */
function MatterDeadlines({ deadlines, letters, clocks }: { deadlines: MatterDeadline[]; letters: Letter[]; clocks: Clock[] | undefined }) {
  const t = useFeatureT(NS);
  if (deadlines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('matterDetail.noDeadlines')}
      </Text>
    );
  }
  const refOf = (id: string | null) => (id ? (letters.find((l) => l.id === id)?.reference ?? null) : null);
  const superseded = (d: MatterDeadline) => d.supersededBy !== null;
  return (
    <SimpleTable
      dense
      testId="matter-deadlines"
      rows={deadlines}
      rowKey={(d) => `${d.letterId}:${d.kind}`}
      rowTestId={() => 'matter-deadline'}
      rowStyle={(d) => (superseded(d) ? { opacity: 0.75 } : undefined)}
      columns={[
        {
          title: t('matterDetail.deadlineKind'),
          render: (d) => (
            <Text size="sm" td={superseded(d) ? 'line-through' : undefined}>
              {t(`matterDetail.deadline.${d.kind}`)}
            </Text>
          ),
        },
        { title: t('matterDetail.setBy'), render: (d) => <LetterLink letter={{ id: d.letterId, reference: d.letterReference }} size="sm" /> },
        {
          title: t('matterDetail.dueAndState'),
          render: (d) => {
            // The clock knows what met or stopped it; without it, what the matter says.
            const deadline = deadlineOf(d.kind, d.letterId, d.due, clocks, { metAt: d.metAt, stopped: superseded(d) ? 'superseded' : null });
            return d.kind === 'appeal' ? <AppealLine deadline={deadline} layout="inline" /> : <DeadlineLine deadline={deadline} purpose={d.kind} supersededBy={refOf(d.supersededBy)} layout="inline" />;
          },
        },
      ]}
    />
  );
}
