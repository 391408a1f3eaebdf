import { useMemo } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconCornerUpLeft } from '@tabler/icons-react';
import { lettersRegister } from '@shared/registers';
import type { Letter } from '@shared/schemas/letter';
import type { Matter } from '@shared/schemas/matter';
import { api } from '../../api';
import { DetailFrame, FactList, Panel, RecordActions } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useNavigation } from '../../state/navigation';
import { useRecordVersion } from '../../state/recordChanges';
import { AppealExplained } from './AppealExplained';
import { letterDeadlinesOf, useLetterClocks } from './clocks';
import { euros, isAppealable, letterDate, NS } from './labels';
import { AppealLine, DeadlineLine, DirectionLabel, KindBadge, LetterLink, RegulatorFact } from './parts';
import { useLetterEditor } from './stores';
import { WriteLetterButton } from '../letters-templates/WriteLetterButton';
import { GeneratedLetters } from '../letters/GeneratedLetters';

interface LetterPage {
  letter: Letter;
  thread: Letter[];
  matter: Matter | null;
}

async function loadLetter(id: string): Promise<LetterPage> {
  const [letter, thread] = await Promise.all([api.call('letters.get', { id }), api.call('letters.thread', { id })]);
  const matter = letter.matterId ? await api.call('matters.get', { id: letter.matterId }).then((d) => d.matter, () => null) : null;
  return { letter, thread: thread.letters, matter };
}

/** One letter: its facts, the deadlines it set and where they stand, its thread, files, links and history. */
export function LetterDetail({ id }: { id: string }) {
  const t = useFeatureT(NS);
  const go = useNavigation((s) => s.go);
  const version = useRecordVersion('letter', id);
  const remote = useRemote(() => loadLetter(id), [id, version]);
  const page = remote.data;
  const setLetter = (letter: Letter) => remote.setData((d) => (d ? { ...d, letter } : d));
  return (
    <DetailFrame<Letter, LetterPage>
      register={lettersRegister}
      remote={remote}
      select={(d) => d.letter}
      render={(letter) => ({
        badges: (
          <>
            <KindBadge kind={letter.kind} />
            <DirectionLabel direction={letter.direction} />
          </>
        ),
        subtitle: letter.subject,
        subtitleTestId: 'letter-subject',
        links: page?.matter && (
          <Anchor component="button" type="button" size="sm" onClick={() => go({ name: 'matter', id: page.matter!.id })}>
            {t('detail.toMatter', { reference: page.matter.reference })}
          </Anchor>
        ),
        actions: <LetterButtons letter={letter} onChanged={setLetter} />,
        facts: <LetterFacts letter={letter} matter={page!.matter} thread={page!.thread} />,
        main: (
          <>
            <Panel title={t('detail.deadlines')}>
              <LetterDeadlines letter={letter} thread={page!.thread} />
            </Panel>
            <Panel title={t('fields.summary')}>
              <Text size="sm" c={letter.summary ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {letter.summary || t('detail.noSummary')}
              </Text>
            </Panel>
            <Panel title={t('detail.thread')}>
              <LetterThread letters={page!.thread} currentId={letter.id} />
            </Panel>
            <GeneratedLetters record={{ type: 'letter', id: letter.id }} />
          </>
        ),
      })}
    />
  );
}

/** Reply (to an inbound letter), then the kit's Edit and Archive; archiving a letter moves its matter's deadlines. */
function LetterButtons({ letter, onChanged }: { letter: Letter; onChanged(l: Letter): void }) {
  const t = useFeatureT(NS);
  const editor = useLetterEditor();
  return (
    <RecordActions
      register={lettersRegister}
      record={letter}
      onChanged={onChanged}
      onEdit={() => editor.openEdit(letter)}
      alsoChanged={(l) => (l.matterId ? [{ type: 'matter', id: l.matterId }] : [])}
    >
      {letter.direction === 'inbound' && (
        <Button
          leftSection={<IconCornerUpLeft size={16} aria-hidden />}
          onClick={() =>
            editor.openCreate({
              direction: 'outbound',
              kind: 'our_reply',
              regulator: letter.regulator,
              matterId: letter.matterId,
              inReplyTo: letter.id,
              regulatorRefs: letter.regulatorRefs,
              subject: t('detail.replySubject', { subject: letter.subject }),
            })
          }
        >
          {t('detail.reply')}
        </Button>
      )}
      {letter.direction === 'inbound' && <WriteLetterButton target={{ type: 'letter', id: letter.id }} />}
    </RecordActions>
  );
}

function LetterFacts({ letter: l, matter, thread }: { letter: Letter; matter: Matter | null; thread: Letter[] }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  const dash = t('common.empty');
  const parent = l.inReplyTo ? thread.find((x) => x.id === l.inReplyTo) : undefined;
  const at = (iso: string | null) => (iso ? <span className="tabular">{f.dateTime(iso)}</span> : dash);
  return (
    <FactList
      testId="letter-facts"
      rows={[
        [t('fields.regulator'), <RegulatorFact id={l.regulator} />],
        [t('fields.direction'), <DirectionLabel direction={l.direction} />],
        [t('fields.kind'), t(`kind.${l.kind}`)],
        [t('fields.regulatorRefs'), l.regulatorRefs.length ? <span className="tabular">{l.regulatorRefs.join(' · ')}</span> : dash],
        [t('fields.sentAt'), at(l.sentAt)],
        [t('fields.receivedAt'), at(l.receivedAt)],
        [t('fields.notifiedAt'), at(l.notifiedAt)],
        l.amountEur !== null && [t('fields.amountEur'), <span className="tabular">{euros(l.amountEur, f.lang)}</span>],
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
      ]}
    />
  );
}

/** The reply date, the compliance date and the appeal window of a letter, each with where it stands. */
function LetterDeadlines({ letter: l, thread }: { letter: Letter; thread: Letter[] }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const clocks = useLetterClocks(useMemo(() => [l], [l]));
  const d = letterDeadlinesOf(l, clocks[l.id]);
  const extension = (field: 'replyDue' | 'complianceDue') => thread.find((x) => x.kind === 'extension_granted' && x.inReplyTo === l.id && x[field] !== null && !x.archivedAt) ?? null;
  const replyExtension = extension('replyDue');
  const complianceExtension = extension('complianceDue');
  const reply = l.answeredAt
    ? thread.filter((x) => x.inReplyTo === l.id && x.direction === 'outbound' && x.sentAt && !x.archivedAt).sort((a, b) => (a.sentAt ?? '').localeCompare(b.sentAt ?? ''))[0]
    : undefined;
  const appealable = l.direction === 'inbound' && isAppealable(l.kind);

  if (!d.reply && !d.compliance && !d.appeal && !appealable) {
    return (
      <Text size="sm" c="dimmed">
        {t('detail.noDeadline')}
      </Text>
    );
  }
  return (
    <Stack gap="md" data-testid="letter-deadlines">
      {d.reply && (
        <div data-testid="reply-deadline">
          <Text size="xs" c="dimmed" fw={600}>
            {t('fields.replyDue')}
          </Text>
          <DeadlineLine deadline={d.reply} purpose="reply" layout="inline" supersededBy={replyExtension?.reference} testId="reply-state" />
          {reply && (
            <Text size="xs" c="dimmed">
              {t('detail.repliedWith', { date: f.day(reply.sentAt!) })} <LetterLink letter={reply} />
            </Text>
          )}
          {replyExtension?.replyDue && (
            <Text size="xs" c="dimmed">
              {t('detail.extendedTo', { date: f.deadlineDay(replyExtension.replyDue) })} <LetterLink letter={replyExtension} />
            </Text>
          )}
        </div>
      )}
      {d.compliance && (
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('fields.complianceDue')}
          </Text>
          <DeadlineLine deadline={d.compliance} purpose="compliance" layout="inline" supersededBy={complianceExtension?.reference} testId="compliance-state" />
          {complianceExtension?.complianceDue && (
            <Text size="xs" c="dimmed">
              {t('detail.extendedTo', { date: f.deadlineDay(complianceExtension.complianceDue) })} <LetterLink letter={complianceExtension} />
            </Text>
          )}
        </div>
      )}
      {appealable && (
        <div data-testid="appeal-window">
          <Text size="xs" c="dimmed" fw={600}>
            {t('appeal.title')}
          </Text>
          {d.appeal && <AppealLine deadline={d.appeal} layout="inline" />}
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
  const f = useFormatters();
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
                  <LetterLink letter={l} size="sm" />
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
