import { useState } from 'react';
import { Button, Group, Table, Text, Timeline } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconCircleCheck, IconFolderOpen, IconMailPlus } from '@tabler/icons-react';
import { mattersRegister } from '@shared/registers';
import type { Clock } from '@shared/schemas/clock';
import type { Letter } from '@shared/schemas/letter';
import type { Matter, MatterDeadline } from '@shared/schemas/matter';
import { api } from '../../api';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { DetailFrame, DialogForm, FactList, Panel, RecordActions, recordChangedHandler, statusTone } from '../../kit';
import { appDate } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
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
  const [reopening, setReopening] = useState(false);
  const changed = recordChangedHandler(mattersRegister, onChanged);
  return (
    <RecordActions register={mattersRegister} ns={NS} archiveSection="matterArchive" record={matter} onChanged={onChanged} onEdit={() => openEdit(matter)}>
      <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={() => openLetter({ matterId: matter.id, regulator: matter.regulator })}>
        {t('matterDetail.addLetter')}
      </Button>
      {matter.status === 'open' ? (
        <Button variant="default" leftSection={<IconCircleCheck size={16} aria-hidden />} onClick={() => setClosing(true)}>
          {t('matterDetail.close')}
        </Button>
      ) : (
        <Button
          variant="default"
          leftSection={<IconFolderOpen size={16} aria-hidden />}
          loading={reopening}
          onClick={() => {
            setReopening(true);
            api
              .call('matters.setStatus', { id: matter.id, status: 'open' })
              .then((m) => {
                notifySuccess(t('matterDetail.reopened', { reference: m.reference }));
                changed(m);
              }, notifyError)
              .finally(() => setReopening(false));
          }}
        >
          {t('matterDetail.reopen')}
        </Button>
      )}
      {closing && <CloseMatterDialog matter={matter} onClose={(m) => (setClosing(false), m && changed(m))} />}
    </RecordActions>
  );
}

/** Closing asks when (it stops the matter's running deadlines); now, on the app's clock, unless said otherwise. */
function CloseMatterDialog({ matter, onClose }: { matter: Matter; onClose(m: Matter | null): void }) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  const [when, setWhen] = useState<LocalDateTimeValue>(() => nowLocalParts(zone, appDate()));
  const [whenError, setWhenError] = useState<string | null>(null);
  return (
    <DialogForm
      title={t('matterDetail.closeTitle', { reference: matter.reference })}
      intro={t('matterDetail.closeBody')}
      submitLabel={t('matterDetail.close')}
      onClose={() => onClose(null)}
      onSubmit={async () => {
        const at = when.date ? instantFromLocal(when.date, when.time || '00:00', zone) : null;
        if (!at) {
          setWhenError(t('fieldErrors.closedAt'));
          return false;
        }
        const m = await api.call('matters.setStatus', { id: matter.id, status: 'closed', at });
        notifySuccess(t('matterDetail.closed', { reference: m.reference }));
        onClose(m);
      }}
    >
      <OrgDateTimeField
        name="closed"
        label={t('fields.closedAt')}
        description={t('form.zoneHelp', { zone })}
        required
        value={when}
        onChange={(v) => {
          setWhen(v);
          setWhenError(null);
        }}
        error={whenError}
      />
    </DialogForm>
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
              {due.reply && (
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('matterDetail.replyBy')}
                  </Text>
                  <DeadlineLine deadline={due.reply} purpose="reply" layout="inline" supersededBy={extension} />
                </Group>
              )}
              {due.compliance && (
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('matterDetail.complyBy')}
                  </Text>
                  <DeadlineLine deadline={due.compliance} purpose="compliance" layout="inline" supersededBy={extension} />
                </Group>
              )}
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
  return (
    <Table verticalSpacing={6} horizontalSpacing="sm" withTableBorder data-testid="matter-deadlines">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('matterDetail.deadlineKind')}</Table.Th>
          <Table.Th>{t('matterDetail.setBy')}</Table.Th>
          <Table.Th>{t('matterDetail.dueAndState')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deadlines.map((d) => {
          const superseded = d.supersededBy !== null;
          // The clock knows what met or stopped it; without it, what the matter says.
          const deadline = deadlineOf(d.kind, d.letterId, d.due, clocks, { metAt: d.metAt, stopped: superseded ? 'superseded' : null });
          return (
            <Table.Tr key={`${d.letterId}:${d.kind}`} style={superseded ? { opacity: 0.75 } : undefined} data-testid="matter-deadline">
              <Table.Td>
                <Text size="sm" td={superseded ? 'line-through' : undefined}>
                  {t(`matterDetail.deadline.${d.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <LetterLink letter={{ id: d.letterId, reference: d.letterReference }} size="sm" />
              </Table.Td>
              <Table.Td>
                {d.kind === 'appeal' ? (
                  <AppealLine deadline={deadline} layout="inline" />
                ) : (
                  <DeadlineLine deadline={deadline} purpose={d.kind} supersededBy={refOf(d.supersededBy)} layout="inline" />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
