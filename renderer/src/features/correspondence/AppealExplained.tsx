import { Stack, Text } from '@mantine/core';
import { appealWindow, type AppealFacts } from '@shared/correspondence/deadlines';
import { formatLocalDateLong } from '../../lib/format';
import { useFeatureT } from '../../lib/featureT';
import { lastDayOfDeadline } from '../../lib/orgTime';
import { useUiLanguage } from '../../i18n';
import { isAppealable, NS } from './labels';

/** The Conseil d'État window the core stores (shared/correspondence/deadlines.ts), or null when none applies or it cannot be counted. */
function appealOf(l: AppealFacts) {
  try {
    return appealWindow(l);
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
