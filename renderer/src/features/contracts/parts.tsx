import { Group, Text } from '@mantine/core';
import { IconMail, IconPhone } from '@tabler/icons-react';
import type { Contract } from '@shared/schemas/contract';
import { formatLocalDateLong } from '../../lib/format';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './labels';

/** The contract's notice term: hours and language ("48 h · French"). */
export function NoticeTerms({ contract: c, testId }: { contract: Pick<Contract, 'noticeHours' | 'language'>; testId?: string }) {
  const t = useFeatureT(NS);
  return (
    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
      {t('terms', { hours: c.noticeHours, language: t(`language.${c.language}`) })}
    </Text>
  );
}

/** Where notices go, with the channel's icon and word. */
export function NoticeContact({ contract: c }: { contract: Pick<Contract, 'channel' | 'contacts'> }) {
  const t = useFeatureT(NS);
  const Icon = c.channel === 'email' ? IconMail : IconPhone;
  return (
    <Group gap={6} wrap="nowrap">
      <Icon size={15} stroke={1.6} aria-label={t(`channel.${c.channel}`)} role="img" />
      <Text size="sm" lineClamp={1} title={c.contacts} style={{ wordBreak: 'break-all' }}>
        {c.contacts}
      </Text>
    </Group>
  );
}

/** The day the DPA was signed, or that it is not recorded. */
export function DpaDay({ day }: { day: string | null }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return day ? (
    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
      {formatLocalDateLong(day, f.lang)}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('detail.noDpa')}
    </Text>
  );
}
