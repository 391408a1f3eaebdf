import { Badge, Group, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { api } from '../../api';
import { recordTypeLabel } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { EmptyNotice } from './EmptyNotice';
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
        <EmptyNotice icon={<IconShieldCheck size={18} />} title={st('quarantine.noneTitle')} body={st('quarantine.noneBody')} />
      ) : (
        <Paper withBorder>
          <Table verticalSpacing={6} data-testid="sync-quarantine">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{st('quarantine.what')}</Table.Th>
                <Table.Th>{st('quarantine.author')}</Table.Th>
                <Table.Th>{st('quarantine.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((q) => (
                <Table.Tr key={q.opId}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Badge size="sm" variant="light" color={q.kind === 'membership' ? 'grape' : 'gray'} tt="none">
                        {st(`quarantine.kind.${q.kind}`)}
                      </Badge>
                      <Text size="sm">
                        {q.kind === 'membership' ? st(`quarantine.statement.${q.action}`) : `${recordTypeLabel(q.recordType)} · ${q.action}`}
                      </Text>
                    </Group>
                    <Text size="xs" c="dimmed" className="tabular">
                      {q.seq !== null ? st('quarantine.position', { seq: f.number(q.seq) }) : ''} {q.at ? f.dateTime(q.at) : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{q.actor ?? st('quarantine.unknownAuthor')}</Text>
                    {q.authorRole && (
                      <Text size="xs" c="dimmed">
                        {st(`roles.${q.authorRole}`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" data-testid="quarantine-reason">
                      {st(`quarantine.reasons.${q.reason}`, { type: recordTypeLabel(q.recordType), role: q.authorRole ? st(`roles.${q.authorRole}`) : '' })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}
