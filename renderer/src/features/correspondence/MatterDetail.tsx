import { useEffect, useState } from 'react';
import { Alert, Anchor, Badge, Button, DataList, Grid, Group, Loader, Modal, Paper, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconArrowDownLeft,
  IconArrowLeft,
  IconArrowUpRight,
  IconCircleCheck,
  IconFolderOpen,
  IconMailPlus,
  IconPencil,
} from '@tabler/icons-react';
import type { Clock } from '@shared/schemas/clock';
import type { Letter } from '@shared/schemas/letter';
import type { Matter, MatterDeadline, MatterDetail as MatterDetailData } from '@shared/schemas/matter';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { OrgDateTimeField, type LocalDateTimeValue } from '../../components/OrgDateTimeField';
import { RecordAttachments, RecordClocks, RecordHistory, RecordLinks } from '../../components/records';
import { ReasonModal } from '../../components/records/ReasonModal';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { instantFromLocal, nowLocalParts } from '../../lib/orgTime';
import { useOrgTimeZone } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges, useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { deadlineFactsOf, useMatterClocks, type DeadlineFacts } from './clocks';
import { useLetterFormatters } from './dates';
import { KIND_COLOR, letterDate, NS, regulatorNames } from './labels';
import { PanelTitle } from './LetterDetail';
import { MatterStatusBadge } from './MatterList';
import { AppealLine, DeadlineLine, KindBadge } from './parts';
import { useCorrespondenceEditors } from './stores';

/** A procedure with a regulator: its steps (letters) in order and every deadline the regulator set. */
export function MatterDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const go = useNavigation((s) => s.go);
  // A letter added, answered or extended changes the steps and deadlines.
  const version = useRecordVersion('matter', id) + useRecordTypeVersion('letter');
  const [data, setData] = useState<MatterDetailData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const clocks = useMatterClocks(id, version);

  useEffect(() => {
    let current = true;
    api.call('matters.get', { id }).then(
      (d) => {
        if (!current) return;
        setData(d);
        setError(null);
      },
      (e: unknown) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [id, version]);

  const back = (
    <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'matters' })}>
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('matterDetail.back')}
      </Group>
    </Anchor>
  );
  if (error && !data) {
    return (
      <Stack gap="md">
        {back}
        <ErrorNotice error={error} title={t('matterDetail.loadFailed')} />
      </Stack>
    );
  }
  if (!data) {
    return (
      <Stack gap="md">
        {back}
        <Loader size="sm" />
      </Stack>
    );
  }
  const { matter, letters, deadlines } = data;
  const record = { type: 'matter' as const, id: matter.id };
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="sm" align="center">
            <Title order={1} className="tabular" data-testid="matter-reference">
              {matter.reference}
            </Title>
            <MatterStatusBadge status={matter.status} />
            {matter.archivedAt && (
              <Badge color="gray" variant="filled" size="sm" tt="none">
                {t('list.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" data-testid="matter-title">
            {matter.title}
          </Text>
        </div>
        <MatterButtons matter={matter} onChanged={(m) => setData((d) => (d ? { ...d, matter: m } : d))} />
      </Group>
      {matter.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive size={18} />} title={t('detail.archivedTitle', { date: f.dateTime(matter.archivedAt) })}>
          <Text size="sm">{t('detail.archivedBody', { reason: matter.archiveReason ?? '' })}</Text>
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <MatterFacts matter={matter} letterCount={letters.length} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-label={t('matterDetail.steps')}>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
                  {t('matterDetail.steps')}
                </Title>
              </Group>
              <MatterSteps letters={letters} clocks={clocks} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-label={t('matterDetail.deadlines')}>
              <PanelTitle>{t('matterDetail.deadlines')}</PanelTitle>
              <MatterDeadlines deadlines={deadlines} letters={letters} clocks={clocks} />
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

function MatterButtons({ matter, onChanged }: { matter: Matter; onChanged(m: Matter): void }) {
  const t = useFeatureT(NS);
  const openLetter = useCorrespondenceEditors((s) => s.openLetter);
  const openMatter = useCorrespondenceEditors((s) => s.openMatter);
  const [dialog, setDialog] = useState<'archive' | 'close' | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = (m: Matter) => {
    onChanged(m);
    useRecordChanges.getState().bump('matter', m.id);
  };
  const run = (p: Promise<Matter>, message: (m: Matter) => string) => {
    setBusy(true);
    p.then((m) => {
      notifySuccess(message(m));
      changed(m);
    }, notifyError).finally(() => setBusy(false));
  };

  if (matter.archivedAt) {
    return (
      <Button variant="default" leftSection={<IconArrowBackUp size={16} />} loading={busy} onClick={() => run(api.call('matters.restore', { id: matter.id }), (m) => t('detail.restored', { reference: m.reference }))}>
        {t('detail.restore')}
      </Button>
    );
  }
  return (
    <>
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        <Button
          leftSection={<IconMailPlus size={16} />}
          onClick={() => openLetter({ mode: 'create', preset: { matterId: matter.id, regulator: matter.regulator } })}
        >
          {t('matterDetail.addLetter')}
        </Button>
        {matter.status === 'open' ? (
          <Button variant="default" leftSection={<IconCircleCheck size={16} />} onClick={() => setDialog('close')}>
            {t('matterDetail.close')}
          </Button>
        ) : (
          <Button
            variant="default"
            leftSection={<IconFolderOpen size={16} />}
            loading={busy}
            onClick={() => run(api.call('matters.setStatus', { id: matter.id, status: 'open' }), (m) => t('matterDetail.reopened', { reference: m.reference }))}
          >
            {t('matterDetail.reopen')}
          </Button>
        )}
        <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => openMatter({ mode: 'edit', matter })}>
          {t('detail.edit')}
        </Button>
        <Button variant="subtle" color="red" leftSection={<IconArchive size={16} />} onClick={() => setDialog('archive')}>
          {t('detail.archive')}
        </Button>
      </Group>
      {dialog === 'archive' && (
        <ReasonModal
          title={t('archive.title', { reference: matter.reference })}
          body={t('archive.matterBody')}
          submitLabel={t('detail.archive')}
          reasonHelp={t('archive.reasonHelp')}
          onClose={() => setDialog(null)}
          onSubmit={async (reason) => {
            const m = await api.call('matters.archive', { id: matter.id, reason });
            notifySuccess(t('archive.done', { reference: m.reference }));
            changed(m);
          }}
        />
      )}
      {dialog === 'close' && <CloseMatterModal matter={matter} onClose={(m) => (setDialog(null), m && changed(m))} />}
    </>
  );
}

function CloseMatterModal({ matter, onClose }: { matter: Matter; onClose(m: Matter | null): void }) {
  const t = useFeatureT(NS);
  const zone = useOrgTimeZone();
  const [when, setWhen] = useState<LocalDateTimeValue>(() => nowLocalParts(zone));
  const [whenError, setWhenError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function submit() {
    const at = when.date ? instantFromLocal(when.date, when.time || '00:00', zone) : null;
    if (!at) {
      setWhenError(t('fieldErrors.closedAt'));
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const m = await api.call('matters.setStatus', { id: matter.id, status: 'closed', at });
      notifySuccess(t('matterDetail.closed', { reference: m.reference }));
      onClose(m);
    } catch (e) {
      setError(e);
      setSaving(false);
    }
  }
  return (
    <Modal opened onClose={() => onClose(null)} title={t('matterDetail.closeTitle', { reference: matter.reference })} size="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('matterDetail.closeBody')}</Text>
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
          {error !== null && <ErrorNotice error={error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => onClose(null)}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('matterDetail.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MatterFacts({ matter: m, letterCount }: { matter: Matter; letterCount: number }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const names = regulatorNames(m.regulator);
  const dash = t('common.empty');
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
    [t('fields.matterKind'), t(`matterKind.${m.kind}`)],
    [t('fields.regulatorRefs'), m.regulatorRefs.length ? <span className="tabular">{m.regulatorRefs.join(' · ')}</span> : dash],
    [t('fields.openedAt'), <span className="tabular">{f.dateTime(m.openedAt)}</span>],
    [t('fields.closedAt'), m.closedAt ? <span className="tabular">{f.dateTime(m.closedAt)}</span> : t('matterDetail.stillOpen')],
    [t('matterDetail.letterCount'), t('matterDetail.letters', { count: letterCount })],
    [t('fields.summary'), m.summary ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.summary}</Text> : dash],
    [t('fields.appeal'), m.appeal ? <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{m.appeal}</Text> : t('matterDetail.noAppeal')],
  ];
  return (
    <DataList size="sm" labelWidth="11rem" gap={8} data-testid="matter-facts">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/** The letters of the matter as the steps of the procedure, oldest first. */
function MatterSteps({ letters, clocks }: { letters: Letter[]; clocks: Clock[] | undefined }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  const go = useNavigation((s) => s.go);
  if (letters.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('matterDetail.noSteps')}
      </Text>
    );
  }
  const byId = new Map(letters.map((l) => [l.id, l]));
  const extensionOf = (id: string) => letters.find((x) => x.kind === 'extension_granted' && x.inReplyTo === id);
  const money = new Intl.NumberFormat(f.lang === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR', minimumFractionDigits: 0, maximumFractionDigits: 2 });
  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="matter-steps">
      {letters.map((l) => {
        const d = letterDate(l);
        const parent = l.inReplyTo ? byId.get(l.inReplyTo) : undefined;
        const color = KIND_COLOR[l.kind];
        const facts = deadlineFactsOf(l, clocks);
        return (
          <Timeline.Item
            key={l.id}
            color={color}
            bullet={l.direction === 'inbound' ? <IconArrowDownLeft size={14} aria-hidden /> : <IconArrowUpRight size={14} aria-hidden />}
            title={
              <Group gap={8} wrap="wrap" align="center">
                <Text size="xs" c="dimmed" className="tabular" w={84}>
                  {d ? f.day(d) : t('common.empty')}
                </Text>
                <KindBadge kind={l.kind} />
                <Anchor component="button" type="button" size="sm" fw={600} className="tabular" onClick={() => go({ name: 'letter', id: l.id })}>
                  {l.reference}
                </Anchor>
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
              {facts.reply && (
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('matterDetail.replyBy')}
                  </Text>
                  <DeadlineLine facts={facts.reply} purpose="reply" layout="inline" supersededBy={extensionOf(l.id)?.reference} />
                </Group>
              )}
              {facts.compliance && (
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {t('matterDetail.complyBy')}
                  </Text>
                  <DeadlineLine facts={facts.compliance} purpose="compliance" layout="inline" supersededBy={extensionOf(l.id)?.reference} />
                </Group>
              )}
              {l.amountEur !== null && (
                <Text size="xs" fw={600} className="tabular">
                  {t('matterDetail.amount', { amount: money.format(l.amountEur) })}
                </Text>
              )}
              {facts.appeal && <AppealLine facts={facts.appeal} layout="inline" />}
            </Group>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

const CLOCK_KIND = { reply: 'letter-reply', compliance: 'letter-compliance', appeal: 'conseil-etat-appeal' } as const;

/** Every deadline the regulator set, with the extensions it granted: a superseded one is struck through. */
function MatterDeadlines({ deadlines, letters, clocks }: { deadlines: MatterDeadline[]; letters: Letter[]; clocks: Clock[] | undefined }) {
  const t = useFeatureT(NS);
  const go = useNavigation((s) => s.go);
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
          const clock = clocks?.find((c) => c.recordId === d.letterId && c.kind === CLOCK_KIND[d.kind]);
          // The clock knows what met or stopped it; without it, what the matter says.
          const facts: DeadlineFacts = clock
            ? { due: clock.due ?? d.due, metAt: clock.metAt, stopped: clock.stoppedReason }
            : { due: d.due, metAt: d.metAt, stopped: superseded ? 'superseded' : null };
          return (
            <Table.Tr key={`${d.letterId}:${d.kind}`} style={superseded ? { opacity: 0.75 } : undefined} data-testid="matter-deadline">
              <Table.Td>
                <Text size="sm" td={superseded ? 'line-through' : undefined}>
                  {t(`matterDetail.deadline.${d.kind}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Anchor component="button" type="button" size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }} onClick={() => go({ name: 'letter', id: d.letterId })}>
                  {d.letterReference}
                </Anchor>
              </Table.Td>
              <Table.Td>
                {d.kind === 'appeal' ? (
                  <AppealLine facts={facts} layout="inline" />
                ) : (
                  <DeadlineLine facts={facts} purpose={d.kind} supersededBy={refOf(d.supersededBy)} layout="inline" />
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
