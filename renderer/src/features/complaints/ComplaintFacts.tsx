import { DataList, Stack, Text } from '@mantine/core';
import type { Complaint } from '@shared/schemas/complaint';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/useFormatters';
import { DueIndicator } from './DueIndicator';

/** The recorded fields of a complaint, as label / value pairs. */
export function ComplaintFacts({ complaint: c }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const dash = t('common.empty');

  const rows: [string, React.ReactNode][] = [
    [t('fields.receivedAt'), <span className="tabular">{f.dateTime(c.receivedAt)}</span>],
    [
      t('fields.channel'),
      <>
        {t(`channel.${c.channel}`)}
        {c.channel === 'regulator' && c.regulator && (
          <Text span c="dimmed" size="sm">
            {' · '}
            {t('detail.forwardedBy', { regulator: c.regulator })}
          </Text>
        )}
      </>,
    ],
    ...(c.channel === 'regulator' ? [[t('fields.regulatorReference'), <span className="tabular">{c.regulatorReference || dash}</span>] as [string, React.ReactNode]] : []),
    [t('fields.complainantLabel'), c.complainantLabel],
    [t('fields.complainantContact'), c.complainantContact || dash],
    [
      t('fields.rights'),
      <Stack gap={0}>
        {c.rights.map((r) => (
          <span key={r}>{t(`right.${r}`)}</span>
        ))}
      </Stack>,
    ],
    [t('fields.responseDue'), <DueIndicator complaint={c} layout="inline" />],
    [t('fields.extensionNoticeAt'), c.extensionNoticeAt ? <span className="tabular">{f.dateTime(c.extensionNoticeAt)}</span> : t('detail.noExtension')],
    ...(c.extensionNoticeAt ? [[t('fields.extensionReason'), c.extensionReason || dash] as [string, React.ReactNode]] : []),
    [t('fields.answeredAt'), c.answeredAt ? <span className="tabular">{f.dateTime(c.answeredAt)}</span> : t('detail.notAnswered')],
    [t('fields.createdAt'), <span className="tabular">{f.dateTime(c.createdAt)}</span>],
    [t('fields.updatedAt'), <span className="tabular">{f.dateTime(c.updatedAt)}</span>],
  ];

  return (
    <DataList size="sm" labelWidth="11rem" gap={8} data-testid="complaint-facts">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
