import { Stack, Text } from '@mantine/core';
import type { Complaint } from '@shared/schemas/complaint';
import { FactList, kitT } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { DueIndicator } from './DueIndicator';
import { NS } from './labels';

/** The recorded fields of a complaint, as label / value pairs; the regulator's and the extension's only where they apply. */
export function ComplaintFacts({ complaint: c }: { complaint: Complaint }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const dash = kitT('common.empty');
  const at = (iso: string) => <span className="tabular">{f.dateTime(iso)}</span>;
  const forwarded = c.channel === 'regulator';
  return (
    <FactList
      testId="complaint-facts"
      rows={[
        [t('fields.receivedAt'), at(c.receivedAt)],
        [
          t('fields.channel'),
          <>
            {t(`channel.${c.channel}`)}
            {forwarded && c.regulator && (
              <Text span c="dimmed" size="sm">
                {' · '}
                {t('detail.forwardedBy', { regulator: c.regulator })}
              </Text>
            )}
          </>,
        ],
        forwarded && [t('fields.regulatorReference'), <span className="tabular">{c.regulatorReference || dash}</span>],
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
        [t('fields.extensionNoticeAt'), c.extensionNoticeAt ? at(c.extensionNoticeAt) : t('detail.noExtension')],
        c.extensionNoticeAt !== null && [t('fields.extensionReason'), c.extensionReason || dash],
        [t('fields.answeredAt'), c.answeredAt ? at(c.answeredAt) : t('detail.notAnswered')],
        [t('fields.createdAt'), at(c.createdAt)],
        [t('fields.updatedAt'), at(c.updatedAt)],
      ]}
    />
  );
}
