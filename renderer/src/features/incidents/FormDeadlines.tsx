import { Divider, Stack, Text } from '@mantine/core';
import { formatCountdown } from '@shared/clocks';
import { computeDeadline, DEFAULT_PROCESSOR_HOURS, type OrgCalendar } from '@shared/deadlines';
import { FormAside } from '../../kit';
import { useAppNow } from '../../lib/appClock';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useUiLanguage } from '../../i18n';
import { NS } from './recordType';

interface Props {
  awareAt: string | null;
  detectedAt: string | null;
  authority: string;
  /** The controller's duty applies (we are controller or joint, or the processor decided to notify). */
  authorityClock: boolean;
  processor: boolean;
  /** The first notification to the authority already recorded (edit), or null. */
  authorityNotifiedAt: string | null;
  nis2InScope: boolean;
  calendar: OrgCalendar;
}

/**
 * The clocks the incident will run, computed as the user types with the same rules engine the core
 * uses: Art. 33(1) from awareness (UK GDPR with the ICO), the processor's notice to its clients from
 * detection, NIS2 where in scope.
 */
export function FormDeadlines({ awareAt, detectedAt, authority, authorityClock, processor, authorityNotifiedAt, nis2InScope, calendar }: Props) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const lang = useUiLanguage();
  const now = useAppNow();

  if (!awareAt) {
    return (
      <Frame>
        <Text size="sm" c="dimmed">
          {t('form.deadlinesUnknown')}
        </Text>
      </Frame>
    );
  }
  const rule = authority === 'GB-ICO' ? 'uk-gdpr-33-ico' : 'gdpr-33-authority';
  const art33 = computeDeadline(rule, awareAt, calendar);
  const due = art33.deadline!;
  const left = Date.parse(due) - now;
  const clientStart = detectedAt ?? awareAt;
  const clientDue = computeDeadline('processor-to-controller', clientStart, calendar, { hours: DEFAULT_PROCESSOR_HOURS }).deadline;

  return (
    <Frame>
      <Stack gap={8}>
        {authorityClock ? (
          <div>
            <Text size="xs" c="dimmed">
              {t('form.authorityDue')}
            </Text>
            <Text fw={600} size="md" className="tabular" data-testid="form-authority-due">
              {f.dateTime(due)}
            </Text>
            {!authorityNotifiedAt && (
              <Text size="xs" c={left < 0 ? 'red.8' : 'dimmed'} fw={left < 0 ? 600 : 400} className="tabular">
                {left < 0 ? t('form.authorityPassed', { time: formatCountdown(-left, f.lang) }) : t('clock.left', { time: formatCountdown(left, f.lang) })}
              </Text>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {art33.explanation[lang]}
            </Text>
          </div>
        ) : (
          <Text size="xs" c="dimmed">
            {t('form.processorNoAuthorityClock')}
          </Text>
        )}
        {processor && clientDue && (
          <>
            <Divider />
            <div>
              <Text size="xs" c="dimmed">
                {t('form.clientsDue', { hours: DEFAULT_PROCESSOR_HOURS })}
              </Text>
              <Text fw={600} size="sm" className="tabular" data-testid="form-clients-due">
                {f.dateTime(clientDue)}
              </Text>
              <Text size="xs" c="dimmed">
                {detectedAt ? t('form.clientsFromDetection') : t('form.clientsFromAwareness')}
              </Text>
            </div>
          </>
        )}
        {nis2InScope && (
          <>
            <Divider />
            <div>
              <Text size="xs" c="dimmed">
                {t('form.nis2Due')}
              </Text>
              <Text size="sm" className="tabular">
                {t('form.nis2Early', { date: f.dateTime(computeDeadline('nis2-early-warning', awareAt, calendar).deadline!) })}
              </Text>
              <Text size="sm" className="tabular">
                {t('form.nis2Notification', { date: f.dateTime(computeDeadline('nis2-notification', awareAt, calendar).deadline!) })}
              </Text>
            </div>
          </>
        )}
      </Stack>
    </Frame>
  );
}

function Frame({ children }: { children: React.ReactNode }) {
  const t = useFeatureT(NS);
  return <FormAside title={t('form.deadlinesTitle')}>{children}</FormAside>;
}
