import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowDownLeft,
  IconArrowUpRight,
  IconCircleCheck,
  IconClock,
  IconClockExclamation,
  IconGavel,
  IconLock,
  IconArrowForward,
  IconPlayerStop,
} from '@tabler/icons-react';
import { STOP_REASON_TEXT } from '@shared/clocks';
import type { Clock } from '@shared/schemas/clock';
import type { Letter, LetterDirection, LetterKind } from '@shared/schemas/letter';
import { formatLocalDateLong } from '../../lib/format';
import { useFeatureT, type FeatureT } from '../../lib/featureT';
import { lastDayOfDeadline } from '../../lib/orgTime';
import { useAppNow } from '../../lib/appClock';
import { deadlineFactsOf, type DeadlineFacts } from './clocks';
import { deadlineState, useLetterFormatters, type DeadlineState } from './dates';
import { KIND_COLOR, NS, regulatorNames } from './labels';

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

export function KindBadge({ kind }: { kind: LetterKind }) {
  const t = useFeatureT(NS);
  return (
    <Badge color={KIND_COLOR[kind] ?? 'gray'} variant="light" size="sm" tt="none" fw={600} style={{ whiteSpace: 'nowrap' }}>
      {t(`kind.${kind}`)}
    </Badge>
  );
}

type Purpose = 'reply' | 'compliance';

/** The words, icon and colour for a deadline's state; `purpose` chooses "answered" or "met". */
export function stateWording(state: DeadlineState, purpose: Purpose, t: FeatureT, lang: 'en' | 'fr', supersededBy?: string | null) {
  switch (state.kind) {
    case 'stopped':
      if (state.reason === 'superseded') {
        return { icon: <IconArrowForward size={14} aria-hidden />, text: supersededBy ? t('deadline.extendedBy', { reference: supersededBy }) : t('deadline.superseded'), color: 'dimmed', struck: true };
      }
      return { icon: <IconPlayerStop size={14} aria-hidden />, text: t('deadline.stopped', { reason: STOP_REASON_TEXT[state.reason][lang] }), color: 'dimmed', struck: false };
    case 'met':
      if (state.late === 0) return { icon: <IconCircleCheck size={14} aria-hidden />, text: t(`deadline.${purpose}.metInTime`), color: 'teal.8' };
      return { icon: <IconAlertTriangle size={14} aria-hidden />, text: t(`deadline.${purpose}.metLate`, { count: state.late }), color: 'orange.9' };
    case 'overdue':
      return { icon: <IconAlertTriangle size={14} aria-hidden />, text: t(`deadline.${purpose}.overdue`, { count: state.days }), color: 'red.8', strong: true };
    case 'today':
      return { icon: <IconClockExclamation size={14} aria-hidden />, text: t(`deadline.${purpose}.today`), color: 'orange.8' };
    case 'open':
      return {
        icon: state.days <= 7 ? <IconClockExclamation size={14} aria-hidden /> : <IconClock size={14} aria-hidden />,
        text: t(`deadline.${purpose}.open`, { count: state.days }),
        color: state.days <= 7 ? 'orange.8' : 'dimmed',
      };
  }
}

/** A deadline: its last day, then where it stands in icon and words (readable without colour). */
export function DeadlineLine({
  facts,
  purpose,
  supersededBy,
  layout = 'stacked',
  testId,
}: {
  facts: DeadlineFacts;
  purpose: Purpose;
  supersededBy?: string | null;
  layout?: 'stacked' | 'inline';
  testId?: string;
}) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  // The core's time (its test clock in test mode), as the clocks and reminders use.
  const now = new Date(useAppNow());
  const state = deadlineState(facts.due, facts.metAt, now, f.zone, facts.stopped);
  const w = stateWording(state, purpose, t, f.lang, supersededBy);
  const endOfDay = t('deadline.endOfDay', { date: formatLocalDateLong(lastDayOfDeadline(facts.due, f.zone), f.lang), zone: f.zone });
  return (
    <Group
      gap={layout === 'inline' ? 8 : 0}
      wrap={layout === 'inline' ? 'wrap' : 'nowrap'}
      align={layout === 'inline' ? 'center' : 'flex-start'}
      style={{ flexDirection: layout === 'inline' ? 'row' : 'column' }}
      data-testid={testId}
    >
      <Tooltip label={endOfDay}>
        <Text size="sm" className="tabular" td={w.struck ? 'line-through' : undefined} c={w.struck ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {f.deadlineDay(facts.due)}
        </Text>
      </Tooltip>
      <Group gap={4} wrap="nowrap" c={w.color} align="flex-start">
        <span style={{ display: 'inline-flex', marginTop: 2 }}>{w.icon}</span>
        <Text size="xs" c={w.color} fw={w.strong ? 600 : 400}>
          {w.text}
        </Text>
      </Group>
    </Group>
  );
}

/**
 * The window to appeal a decision: open until its last day, then closed (a right not used, not a
 * duty missed), or used when an appeal was lodged.
 */
export function AppealLine({ facts, layout = 'stacked' }: { facts: DeadlineFacts; layout?: 'stacked' | 'inline' }) {
  const t = useFeatureT(NS);
  const f = useLetterFormatters();
  // The core's time (its test clock in test mode), as the clocks and reminders use.
  const now = new Date(useAppNow());
  const state = deadlineState(facts.due, null, now, f.zone);
  let icon = <IconGavel size={14} aria-hidden />;
  let text: string;
  let color = 'indigo.8';
  if (facts.metAt) {
    text = t('appeal.lodged', { date: f.day(facts.metAt) });
  } else if (facts.stopped && facts.stopped !== 'window_closed') {
    icon = <IconPlayerStop size={14} aria-hidden />;
    text = t('deadline.stopped', { reason: STOP_REASON_TEXT[facts.stopped][f.lang] });
    color = 'dimmed';
  } else if (state.kind === 'overdue' || facts.stopped === 'window_closed') {
    icon = <IconLock size={14} aria-hidden />;
    text = t('appeal.closed');
    color = 'dimmed';
  } else if (state.kind === 'today') {
    text = t('appeal.lastDay');
    color = 'orange.8';
  } else {
    text = t('appeal.open', { count: state.kind === 'open' ? state.days : 0 });
  }
  return (
    <Group gap={layout === 'inline' ? 8 : 0} wrap={layout === 'inline' ? 'wrap' : 'nowrap'} align={layout === 'inline' ? 'center' : 'flex-start'} style={{ flexDirection: layout === 'inline' ? 'row' : 'column' }} data-testid="appeal-line">
      <Tooltip label={t('deadline.endOfDay', { date: formatLocalDateLong(lastDayOfDeadline(facts.due, f.zone), f.lang), zone: f.zone })}>
        <Text size="xs" className="tabular" style={{ whiteSpace: 'nowrap' }}>
          {t('appeal.until', { date: f.deadlineDay(facts.due) })}
        </Text>
      </Tooltip>
      <Group gap={4} wrap="nowrap" c={color} align="flex-start">
        <span style={{ display: 'inline-flex', marginTop: 1 }}>{icon}</span>
        <Text size="xs" c={color}>
          {text}
        </Text>
      </Group>
    </Group>
  );
}

/** A letter's own deadlines in a list cell: the reply date, the compliance date, and the appeal window when there is one. */
export function LetterDueCell({ letter, clocks }: { letter: Letter; clocks: readonly Clock[] | undefined }) {
  const t = useFeatureT(NS);
  const d = deadlineFactsOf(letter, clocks);
  if (!d.reply && !d.compliance && !d.appeal) {
    return (
      <Text size="sm" c="dimmed">
        {t('list.noDeadline')}
      </Text>
    );
  }
  return (
    <Stack gap={4} data-testid="letter-due">
      {d.reply && <DeadlineLine facts={d.reply} purpose="reply" />}
      {d.compliance && (
        <div>
          <Text size="xs" c="dimmed">
            {t('deadline.complianceShort')}
          </Text>
          <DeadlineLine facts={d.compliance} purpose="compliance" />
        </div>
      )}
      {d.appeal && <AppealLine facts={d.appeal} />}
    </Stack>
  );
}
