import { Alert, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { computeDeadline, isExtensionNoticeInTime, type OrgCalendar } from '@shared/deadlines';
import { FormAside } from '../../kit';
import { formatLocalDateLong } from '../../lib/format';
import { lastDayOfDeadline } from '../../lib/orgTime';
import { useUiLanguage } from '../../i18n';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './labels';

interface Props {
  receivedAt: string | null;
  extensionNoticeAt: string | null;
  calendar: OrgCalendar;
}

/**
 * The Art. 12(3) deadline as the user types, from the same rules engine the core uses: the one-month
 * rule, or the extended one once an extension notice is entered (as the core does), with the
 * engine's own explanation. A notice sent after the first month is flagged: it cannot extend.
 */
export function DeadlinePreview({ receivedAt, extensionNoticeAt, calendar }: Props) {
  const t = useFeatureT(NS);
  const lang = useUiLanguage();

  if (!receivedAt) {
    return <Frame><Text size="sm" c="dimmed">{t('form.dueUnknown')}</Text></Frame>;
  }
  let result;
  let lateNotice: string | null = null;
  try {
    result = computeDeadline(extensionNoticeAt ? 'gdpr-12-extended' : 'gdpr-12-response', receivedAt, calendar);
    if (extensionNoticeAt && !isExtensionNoticeInTime(receivedAt, extensionNoticeAt, calendar)) {
      const first = computeDeadline('gdpr-12-response', receivedAt, calendar).deadline;
      if (first) lateNotice = formatLocalDateLong(lastDayOfDeadline(first, calendar.timeZone), lang);
    }
  } catch (e) {
    return (
      <Frame>
        <Text size="sm" c="red.8">
          {t('form.dueUnavailable', { message: (e as Error).message })}
        </Text>
      </Frame>
    );
  }
  return (
    <Frame>
      <Stack gap={6}>
        {result.deadline && (
          <Text fw={600} size="md" data-testid="deadline-preview">
            {formatLocalDateLong(lastDayOfDeadline(result.deadline, calendar.timeZone), lang)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {result.explanation[lang]}
        </Text>
        <Text size="xs" c="dimmed" fs="italic">
          {result.basis[lang]}
        </Text>
        {lateNotice && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />}>
            <Text size="xs">{t('form.extensionLate', { date: lateNotice })}</Text>
          </Alert>
        )}
      </Stack>
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  const t = useFeatureT(NS);
  return <FormAside title={t('form.dueTitle')}>{children}</FormAside>;
}
