import { Stack, Text } from '@mantine/core';
import { computeDeadline } from '@shared/deadlines';
import { findRegulator } from '@shared/reference/regulators';
import type { LetterDirection, LetterKind } from '@shared/schemas/letter';
import { formatLocalDateLong } from '../../lib/format';
import { useFeatureT } from '../../lib/featureT';
import { lastDayOfDeadline } from '../../lib/orgTime';
import { useUiLanguage } from '../../i18n';
import { isAppealable, NS } from './labels';

export interface AppealFacts {
  direction: LetterDirection;
  kind: LetterKind;
  regulator: string;
  notifiedAt: string | null;
  receivedAt: string | null;
}

/**
 * The Conseil d'État window the core computes for a CNIL decision (two months, délai franc, from
 * notification, or receipt when no notification is recorded), with the rules engine's own words.
 * Null when no appeal window applies.
 */
export function appealOf(l: AppealFacts) {
  if (l.direction !== 'inbound' || !isAppealable(l.kind) || l.regulator !== 'FR-CNIL') return null;
  const from = l.notifiedAt ?? l.receivedAt;
  if (!from) return { from: null, result: null } as const;
  const reg = findRegulator('FR-CNIL')!;
  try {
    const result = computeDeadline('conseil-etat-appeal', from, { timeZone: reg.timeZone, country: reg.holidayCountry });
    return { from: l.notifiedAt ? ('notified' as const) : ('received' as const), result } as const;
  } catch {
    return null;
  }
}

/** The appeal window in words: its last day and how it was counted. */
export function AppealExplained({ facts, testId }: { facts: AppealFacts; testId?: string }) {
  const t = useFeatureT(NS);
  const lang = useUiLanguage();
  const appeal = appealOf(facts);
  if (!appeal) {
    if (facts.direction === 'inbound' && isAppealable(facts.kind)) {
      return (
        <Text size="xs" c="dimmed">
          {t('appeal.notComputed')}
        </Text>
      );
    }
    return null;
  }
  if (!appeal.result || !appeal.result.deadline) {
    return (
      <Text size="xs" c="dimmed">
        {t('appeal.needsDate')}
      </Text>
    );
  }
  const zone = 'Europe/Paris';
  const day = formatLocalDateLong(lastDayOfDeadline(appeal.result.deadline, zone), lang);
  return (
    <Stack gap={4} data-testid={testId}>
      <Text fw={600} size="sm" data-testid={testId ? `${testId}-date` : undefined}>
        {t('appeal.lastDayLong', { date: day })}
      </Text>
      <Text size="xs" c="dimmed">
        {t(appeal.from === 'notified' ? 'appeal.fromNotified' : 'appeal.fromReceived')}
      </Text>
      <Text size="xs" c="dimmed">
        {appeal.result.explanation[lang]}
      </Text>
      <Text size="xs" c="dimmed" fs="italic">
        {appeal.result.basis[lang]}
      </Text>
    </Stack>
  );
}
