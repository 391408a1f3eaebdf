import { Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconCircleCheck, IconFolderOpen, IconGavel, IconLock } from '@tabler/icons-react';
import type { Clock } from '@shared/schemas/clock';
import type { Letter, LetterDirection, LetterKind } from '@shared/schemas/letter';
import type { Matter } from '@shared/schemas/matter';
import { api } from '../../api';
import { DueLine, labelsFor, StatusBadge, statusTone, type DueWords } from '../../kit';
import type { DayDeadline, DayDueState } from '../../lib/dueState';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useNavigation } from '../../state/navigation';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { letterDeadlinesOf } from './clocks';
import { NS, regulatorNames } from './labels';

/** Inbound or outbound: an arrow and the word, never the arrow alone. */
export function DirectionLabel({ direction, size = 'sm' }: { direction: LetterDirection; size?: 'xs' | 'sm' }) {
  const t = useFeatureT(NS);
  const Icon = direction === 'inbound' ? IconArrowDownLeft : IconArrowUpRight;
  return (
    <Group gap={4} wrap="nowrap" c={direction === 'inbound' ? 'blue.8' : 'grape.8'}>
      <Icon size={size === 'xs' ? 14 : 16} stroke={1.8} aria-hidden />
      <Text size={size} c="var(--mantine-color-text)" style={{ whiteSpace: 'nowrap' }}>
        {t(`direction.${direction}`)}
      </Text>
    </Group>
  );
}

export function RegulatorName({ id, size = 'sm' }: { id: string; size?: 'xs' | 'sm' }) {
  const names = regulatorNames(id);
  const text = (
    <Text size={size} lineClamp={2} style={{ wordBreak: 'break-word' }}>
      {names.short}
    </Text>
  );
  return names.full ? <Tooltip label={names.full}>{text}</Tooltip> : text;
}

/** The regulator's short name, then its full name when it is a listed authority (a fact line). */
export function RegulatorFact({ id }: { id: string }) {
  const names = regulatorNames(id);
  return (
    <>
      {names.short}
      {names.full && (
        <Text span size="sm" c="dimmed">
          {' · '}
          {names.full}
        </Text>
      )}
    </>
  );
}

/** A letter's reference as a link to its page. */
export function LetterLink({ letter, size = 'xs' }: { letter: Pick<Letter, 'id' | 'reference'>; size?: 'xs' | 'sm' }) {
  const go = useNavigation((s) => s.go);
  return (
    <Anchor component="button" type="button" size={size} fw={size === 'sm' ? 600 : undefined} className="tabular" style={{ whiteSpace: 'nowrap' }} onClick={() => go({ name: 'letter', id: letter.id })}>
      {letter.reference}
    </Anchor>
  );
}

/** A letter's kind: decisions (reprimand, formal notice, sanction) stand out, in the one status-colour map. */
export function KindBadge({ kind }: { kind: LetterKind }) {
  const t = useFeatureT(NS);
  return (
    <Badge color={statusTone('letter', kind)} variant="light" size="sm" tt="none" fw={600} style={{ whiteSpace: 'nowrap' }}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}

/** A matter's status: open (a procedure under way) or closed. */
export function MatterStatus({ status }: { status: Matter['status'] }) {
  return <StatusBadge type="matter" status={status} icon={<MatterStatusIcon status={status} />} testId="matter-status" />;
}

export function MatterStatusIcon({ status }: { status: Matter['status'] }) {
  return status === 'open' ? <IconFolderOpen size={12} aria-hidden /> : <IconCircleCheck size={12} aria-hidden />;
}

/** A reply or compliance date: its last day, then where it stands ("answered in time", "late: no reply"). */
export function DeadlineLine({
  deadline,
  purpose,
  supersededBy,
  layout = 'stacked',
  testId,
}: {
  deadline: DayDeadline;
  purpose: 'reply' | 'compliance';
  supersededBy?: string | null;
  layout?: 'stacked' | 'inline';
  testId?: string;
}) {
  const t = useFeatureT(NS);
  return (
    <DueLine
      deadline={deadline}
      labels={labelsFor(NS, `deadline.${purpose}`, 'due')}
      layout={layout}
      supersededText={supersededBy ? t('deadline.extendedBy', { reference: supersededBy }) : t('deadline.superseded')}
      testId={testId}
    />
  );
}

/**
 * The window to appeal a decision: open until its last day, then closed (a right not used, not a
 * duty missed), or used when an appeal was lodged.
 */
export function AppealLine({ deadline, layout = 'stacked' }: { deadline: DayDeadline; layout?: 'stacked' | 'inline' }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const gavel = <IconGavel size={14} aria-hidden />;
  const words = (state: DayDueState, kit: DueWords): DueWords => {
    if (deadline.metAt) return { icon: gavel, text: t('appeal.lodged', { date: f.day(deadline.metAt) }), color: 'indigo.8' };
    if (state.kind === 'stopped' && state.reason === 'window_closed') return { icon: <IconLock size={14} aria-hidden />, text: t('appeal.closed'), color: 'dimmed' };
    if (state.kind === 'open') return { icon: gavel, text: kit.text, color: 'indigo.8' };
    if (state.kind === 'today') return { icon: gavel, text: kit.text, color: 'orange.8' };
    return kit;
  };
  return (
    <DueLine
      deadline={{ ...deadline, obligation: false }}
      labels={labelsFor(NS, 'appeal', 'due')}
      layout={layout}
      prefix={(day) => t('appeal.until', { date: day })}
      words={words}
      testId="appeal-line"
    />
  );
}

/** A letter's own deadlines in a list cell: the reply date, the compliance date, and the appeal window when there is one. */
export function LetterDueCell({ letter, clocks }: { letter: Letter; clocks: readonly Clock[] | undefined }) {
  const t = useFeatureT(NS);
  const d = letterDeadlinesOf(letter, clocks);
  if (!d.reply && !d.compliance && !d.appeal) {
    return (
      <Text size="sm" c="dimmed">
        {t('list.noDeadline')}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="letter-due">
      {d.reply && <DeadlineLine deadline={d.reply} purpose="reply" />}
      {d.compliance && (
        <div>
          <Text size="xs" c="dimmed">
            {t('deadline.complianceShort')}
          </Text>
          <DeadlineLine deadline={d.compliance} purpose="compliance" />
        </div>
      )}
      {d.appeal && <AppealLine deadline={d.appeal} />}
    </Stack>
  );
}

/** A letter's subject or a matter's title, with the regulator's references under it. */
export function TitleWithRefs({ title, refs }: { title: string; refs: readonly string[] }) {
  return (
    <div>
      <Text size="sm" lineClamp={2} title={title}>
        {title}
      </Text>
      {refs.length > 0 && (
        <Text size="xs" c="dimmed" className="tabular" lineClamp={1}>
          {refs.join(' · ')}
        </Text>
      )}
    </div>
  );
}

/** Matters to pick from (the most recent 500; a filter, not a browser), read again when a matter changes. */
export function useMatterOptions(): { value: string; label: string }[] {
  const version = useRecordTypeVersion('matter');
  const remote = useRemote(() => api.call('matters.list', { limit: 500, sort: { field: 'openedAt', dir: 'desc' } }), [version]);
  return (remote.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.reference} · ${m.title}` }));
}

/** The button from one of the correspondence lists to the other (letters ↔ matters). */
export function ToList({ view, label }: { view: 'letters' | 'matters'; label: string }) {
  const go = useNavigation((s) => s.go);
  return (
    <Button variant="default" onClick={() => go({ name: view })}>
      {label}
    </Button>
  );
}
