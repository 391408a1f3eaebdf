import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Loader, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowDownLeft, IconArrowLeft, IconArrowUpRight, IconCornerUpLeft, IconPencil } from '@tabler/icons-react';
import type { Letter } from '@shared/schemas/letter';
import type { Matter } from '@shared/schemas/matter';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { RecordAttachments, RecordClocks, RecordHistory, RecordLinks } from '../../components/records';
import { ReasonModal } from '../../components/records/ReasonModal';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges, useRecordVersion } from '../../state/recordChanges';
import { AppealExplained } from './AppealExplained';
import { deadlineFactsOf, useLetterClocks } from './clocks';
import { useLetterFormatters } from './dates';
import { isAppealable, letterDate, NS, regulatorNames } from './labels';
import { AppealLine, DeadlineLine, DirectionLabel, KindBadge } from './parts';
import { useCorrespondenceEditors } from './stores';

/** One letter: its facts, the deadlines it set and where they stand, its thread, files, links and history. */
export function LetterDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const go = useNavigation((s) => s.go);
  const f = useLetterFormatters();
  const version = useRecordVersion('letter', id);
  const [letter, setLetter] = useState<Letter | null>(null);
  const [thread, setThread] = useState<Letter[] | null>(null);
  const [matter, setMatter] = useState<Matter | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    Promise.all([api.call('letters.get', { id }), api.call('letters.thread', { id })])
      .then(async ([l, th]) => {
        const m = l.matterId ? await api.call('matters.get', { id: l.matterId }).then((d) => d.matter, () => null) : null;
        if (!current) return;
        setLetter(l);
        setThread(th.letters);
        setMatter(m);
        setError(null);
      })
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
  }, [id, version]);

  const back = (
    <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'letters' })}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('detail.back')}
      </Group>
    </Anchor>
  );

  if (error && !letter) {
    return (
      <Stack gap="md">
        {back}
        <ErrorNotice error={error} title={t('detail.loadFailed')} />
      </Stack>
    );
  }
  if (!letter || !thread) {
    return (
      <Stack gap="md">
        {back}
        <Loader size="sm" />
      </Stack>
    );
  }

  const record = { type: 'letter' as const, id: letter.id };
  return (
    <Stack gap="md">
      <Group gap="md">
        {back}
        {matter && (
          <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'matter', id: matter.id })}>
            {t('detail.toMatter', { reference: matter.reference })}
          </Anchor>
        )}
      </Group>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1} className="tabular" data-testid="letter-reference">
              {letter.reference}
            </Title>
            <KindBadge kind={letter.kind} />
            <DirectionLabel direction={letter.direction} />
            {letter.archivedAt && (
              <Badge color="gray" variant="filled" size="sm" tt="none">
                {t('list.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="letter-subject">
            {letter.subject}
          </Text>
        </div>
        <LetterButtons letter={letter} onChanged={setLetter} />
      </Group>
      {letter.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} title={t('detail.archivedTitle', { date: f.dateTime(letter.archivedAt) })}>
          <Text size="sm">{t('detail.archivedBody', { reason: letter.archiveReason ?? '' })}</Text>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <LetterFacts letter={letter} matter={matter} thread={thread} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-label={t('detail.deadlines')}>
              <PanelTitle>{t('detail.deadlines')}</PanelTitle>
              <LetterDeadlines letter={letter} thread={thread} />
            </Paper>
            <Paper withBorder p="md">
              <PanelTitle>{t('fields.summary')}</PanelTitle>
              <Text size="sm" c={letter.summary ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {letter.summary || t('detail.noSummary')}
              </Text>
            </Paper>
            <Paper withBorder p="md" component="section" aria-label={t('detail.thread')}>
              <PanelTitle>{t('detail.thread')}</PanelTitle>
              <LetterThread letters={thread} currentId={letter.id} />
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

export function PanelTitle({ children }: { children: React.ReactNode }) {
  return (
    <Title order={2} size="h4" tt="uppercase" c="dimmed" mb="sm" style={{ letterSpacing: '0.04em' }}>
      {children}
    </Title>
  );
}

function LetterButtons({ letter, onChanged }: { letter: Letter; onChanged(l: Letter): void }) {
  const t = useFeatureT(NS);
  const openLetter = useCorrespondenceEditors((s) => s.openLetter);
  const [archiving, setArchiving] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const changed = (l: Letter) => {
    onChanged(l);
    useRecordChanges.getState().bump('letter', l.id);
    if (l.matterId) useRecordChanges.getState().bump('matter', l.matterId);
  };

  if (letter.archivedAt) {
    return (
      <Button
        variant="default"
        leftSection={<IconArrowBackUp size={16} />}
        loading={restoring}
        onClick={() => {
          setRestoring(true);
          api
            .call('letters.restore', { id: letter.id })
            .then((l) => {
              notifySuccess(t('detail.restored', { reference: l.reference }));
              changed(l);
            }, notifyError)
            .finally(() => setRestoring(false));
        }}
      >
        {t('detail.restore')}
      </Button>
    );
  }
  return (
    <>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {letter.direction === 'inbound' && (
          <Button
            leftSection={<IconCornerUpLeft size={16} />}
            onClick={() =>
              openLetter({
                mode: 'create',
                preset: {
                  direction: 'outbound',
                  kind: 'our_reply',
                  regulator: letter.regulator,
                  matterId: letter.matterId,
                  inReplyTo: letter.id,
                  regulatorRefs: letter.regulatorRefs,
                  subject: t('detail.replySubject', { subject: letter.subject }),
                },
              })
            }
          >
            {t('detail.reply')}
          </Button>
        )}
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => openLetter({ mode: 'edit', letter })}>
          {t('detail.edit')}
        </Button>
        <Button variant="subtle" color="red" leftSection={<IconArchive size={16} />} onClick={() => setArchiving(true)}>
          {t('detail.archive')}
        </Button>
      </Group>
      {archiving && (
        <ReasonModal
          title={t('archive.title', { reference: letter.reference })}
          body={t('archive.letterBody')}
          submitLabel={t('detail.archive')}
          reasonHelp={t('archive.reasonHelp')}
          onClose={() => setArchiving(false)}
          onSubmit={async (reason) => {
            const l = await api.call('letters.archive', { id: letter.id, reason });
            notifySuccess(t('archive.done', { reference: l.reference }));
            changed(l);
          }}
        />
      )}
    </>
  );
}

function LetterFacts({ letter: l, matter, thread }: { letter: Letter; matter: Matter | null; thread: Letter[] }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const go = useNavigation((s) => s.go);
  const dash = t('common.empty');
  const names = regulatorNames(l.regulator);
  const parent = l.inReplyTo ? thread.find((x) => x.id === l.inReplyTo) : undefined;
  const at = (iso: string | null) => (iso ? <span className="tabular">{f.dateTime(iso)}</span> : dash);

  const rows: [string, React.ReactNode][] = [
    [
      t('fields.regulator'),
      <>
        {names.short}
        {names.full && (
          <Text span size="sm" c="dimmed">
            {' · '}
            {names.full}
          </Text>
        )}
      </>,
    ],
    [t('fields.direction'), <DirectionLabel direction={l.direction} />],
    [t('fields.kind'), t(`kind.${l.kind}`)],
    [t('fields.regulatorRefs'), l.regulatorRefs.length ? <span className="tabular">{l.regulatorRefs.join(' · ')}</span> : dash],
    [t('fields.sentAt'), at(l.sentAt)],
    [t('fields.receivedAt'), at(l.receivedAt)],
    [t('fields.notifiedAt'), at(l.notifiedAt)],
    ...(l.amountEur !== null ? [[t('fields.amountEur'), <span className="tabular">{new Intl.NumberFormat(f.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(l.amountEur)}</span>] as [string, React.ReactNode]] : []),
    [
      t('fields.matter'),
      matter ? (
        <Anchor component="button" type="button" size="sm" ta="left" onClick={() => go({ name: 'matter', id: matter.id })}>
          {matter.reference} · {matter.title}
        </Anchor>
      ) : (
        t('detail.noMatter')
      ),
    ],
    [
      t('fields.inReplyTo'),
      parent ? (
        <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'letter', id: parent.id })}>
          {parent.reference} · {t(`kind.${parent.kind}`)}
        </Anchor>
      ) : (
        dash
      ),
    ],
    [t('fields.createdAt'), at(l.createdAt)],
    [t('fields.updatedAt'), at(l.updatedAt)],
  ];
  return (
    <DataList size="sm" labelWidth="11rem" gap={8} data-testid="letter-facts">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** The reply date, the compliance date and the appeal window of a letter, each with where it stands. */
function LetterDeadlines({ letter: l, thread }: { letter: Letter; thread: Letter[] }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const go = useNavigation((s) => s.go);
  const clocks = useLetterClocks(useMemo(() => [l], [l]));
  const d = deadlineFactsOf(l, clocks[l.id]);
  const extension = (field: 'replyDue' | 'complianceDue') => thread.find((x) => x.kind === 'extension_granted' && x.inReplyTo === l.id && x[field] !== null && !x.archivedAt) ?? null;
  const replyExtension = extension('replyDue');
  const complianceExtension = extension('complianceDue');
  const reply = l.answeredAt
    ? thread
        .filter((x) => x.inReplyTo === l.id && x.direction === 'outbound' && x.sentAt && !x.archivedAt)
        .sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''))[0]
    : undefined;
  const appealable = l.direction === 'inbound' && isAppealable(l.kind);

  if (!l.replyDue && !l.complianceDue && !l.appealDue && !appealable) {
    return (
      <Text size="sm" c="dimmed">
        {t('detail.noDeadline')}
      </Text>
    );
  }
  const open = (x: Letter) => (
    <Anchor component="button" type="button" size="xs" className="tabular" onClick={() => go({ name: 'letter', id: x.id })}>
      {x.reference}
    </Anchor>
  );
  return (
    <Stack gap="md" data-testid="letter-deadlines">
      {l.replyDue && (
        <div data-testid="reply-deadline">
          <Text size="xs" c="dimmed" fw={600}>
            {t('fields.replyDue')}
          </Text>
          <DeadlineLine facts={d.reply!} purpose="reply" layout="inline" supersededBy={replyExtension?.reference} testId="reply-state" />
          {reply && (
            <Text size="xs" c="dimmed">
              {t('detail.repliedWith', { date: f.day(reply.sentAt!) })} {open(reply)}
            </Text>
          )}
          {replyExtension?.replyDue && (
            <Text size="xs" c="dimmed">
              {t('detail.extendedTo', { date: f.deadlineDay(replyExtension.replyDue) })} {open(replyExtension)}
            </Text>
          )}
        </div>
      )}
      {l.complianceDue && (
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('fields.complianceDue')}
          </Text>
          <DeadlineLine facts={d.compliance!} purpose="compliance" layout="inline" supersededBy={complianceExtension?.reference} testId="compliance-state" />
          {complianceExtension?.complianceDue && (
            <Text size="xs" c="dimmed">
              {t('detail.extendedTo', { date: f.deadlineDay(complianceExtension.complianceDue) })} {open(complianceExtension)}
            </Text>
          )}
        </div>
      )}
      {appealable && (
        <div data-testid="appeal-window">
          <Text size="xs" c="dimmed" fw={600}>
            {t('appeal.title')}
          </Text>
          {d.appeal && <AppealLine facts={d.appeal} layout="inline" />}
          <Paper bg="gray.0" p="xs" mt={6}>
            <AppealExplained facts={l} testId="appeal-explained" />
          </Paper>
        </div>
      )}
    </Stack>
  );
}

/** The letters of a thread, oldest first, each with its direction; the one on screen marked. */
export function LetterThread({ letters, currentId }: { letters: Letter[]; currentId: string }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const go = useNavigation((s) => s.go);
  if (letters.length <= 1) {
    return (
      <Text size="sm" c="dimmed">
        {t('detail.threadAlone')}
      </Text>
    );
  }
  const byId = new Map(letters.map((l) => [l.id, l]));
  return (
    <Timeline bulletSize={22} lineWidth={1} data-testid="letter-thread">
      {letters.map((l) => {
        const d = letterDate(l);
        const parent = l.inReplyTo ? byId.get(l.inReplyTo) : undefined;
        const current = l.id === currentId;
        return (
          <Timeline.Item
            key={l.id}
            bullet={l.direction === 'inbound' ? <IconArrowDownLeft size={13} aria-hidden /> : <IconArrowUpRight size={13} aria-hidden />}
            title={
              <Group gap={8} wrap="wrap">
                <Text size="xs" c="dimmed" className="tabular">
                  {d ? f.day(d) : t('common.empty')}
                </Text>
                {current ? (
                  <Text size="sm" fw={700} className="tabular">
                    {l.reference}
                  </Text>
                ) : (
                  <Anchor component="button" type="button" size="sm" fw={600} className="tabular" onClick={() => go({ name: 'letter', id: l.id })}>
                    {l.reference}
                  </Anchor>
                )}
                <Text size="sm">{t(`kind.${l.kind}`)}</Text>
                <Text size="xs" c="dimmed">
                  {t(`direction.${l.direction}`)}
                </Text>
                {current && (
                  <Badge size="xs" variant="outline" tt="none">
                    {t('detail.thisLetter')}
                  </Badge>
                )}
              </Group>
            }
          >
            <Text size="sm" c="dimmed" lineClamp={2}>
              {l.subject}
            </Text>
            {parent && (
              <Text size="xs" c="dimmed">
                {t('detail.inReplyToShort', { reference: parent.reference })}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
