import { Badge, EmptyState, Group, Loader, Stack, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { api } from '../../api';
import { recordTypeLabel } from '../../components/records/labels';
import { SimpleTable } from '../../components/SimpleTable';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { SyncErrorNotice } from './SyncErrorNotice';
import { SectionIntro } from './SectionIntro';

/**
 * What this machine refused from the workspace's log, and why: an operation whose signature does
 * not verify, whose author was not a member at that point, or whose author's role does not allow
 * it; a membership statement that did not verify. None of it was applied; the audit chain is
 * unaffected. Read again after each sync round (`lastSyncedAt` moves).
 */
export function QuarantinePanel({ lastSyncedAt }: { lastSyncedAt: string | null }) {
  const st = useFeatureT('sync');
  const f = useFormatters();
  const { data: items, error } = useRemote(() => api.call('sync.quarantine', {}).then((r) => r.items), [lastSyncedAt]);

  if (error !== null && !items) return <SyncErrorNotice error={error} context="action" title={st('quarantine.loadFailed')} />;
  if (!items) return <Loader size="sm" />;
  return (
    <Stack gap="md">
      <SectionIntro title={st('quarantine.title')} help={st('quarantine.help')} />
      {items.length === 0 ? (
        <EmptyState icon={<IconShieldCheck size={26} stroke={1.5} aria-hidden />} withIndicatorBackground title={st('quarantine.noneTitle')} description={st('quarantine.noneBody')} />
      ) : (
        <SimpleTable
          testId="sync-quarantine"
          rows={items}
          rowKey={(q) => q.opId}
          columns={[
            {
              title: st('quarantine.what'),
              render: (q) => (
                <>
                  <Group gap={6} wrap="nowrap">
                    <Badge size="sm" variant="light" color={q.kind === 'membership' ? 'grape' : 'gray'} tt="none">
                      {st(`quarantine.kind.${q.kind}`)}
                    </Badge>
                    <Text size="sm">{q.kind === 'membership' ? st(`quarantine.statement.${q.action}`) : `${recordTypeLabel(q.recordType)} · ${q.action}`}</Text>
                  </Group>
                  <Text size="xs" c="dimmed" className="tabular">
                    {q.seq !== null ? st('quarantine.position', { seq: f.number(q.seq) }) : ''} {q.at ? f.dateTime(q.at) : ''}
                  </Text>
                </>
              ),
            },
            {
              title: st('quarantine.author'),
              render: (q) => (
                <>
                  <Text size="sm">{q.actor ?? st('quarantine.unknownAuthor')}</Text>
                  {q.authorRole && (
                    <Text size="xs" c="dimmed">
                      {st(`roles.${q.authorRole}`)}
                    </Text>
                  )}
                </>
              ),
            },
            {
              title: st('quarantine.reason'),
              render: (q) => (
                <Text size="sm" data-testid="quarantine-reason">
                  {st(`quarantine.reasons.${q.reason}`, { type: recordTypeLabel(q.recordType), role: q.authorRole ? st(`roles.${q.authorRole}`) : '' })}
                </Text>
              ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
