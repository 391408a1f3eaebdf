import { useState } from 'react';
import { Anchor, Box, Group, Text, Timeline } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconFilePlus, IconPencil, IconProgressCheck, IconSettings } from '@tabler/icons-react';
import type { AuditAction, AuditEntry, FieldChange } from '@shared/schemas/audit';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../lib/useFormatters';
import { formatHistoryValue, historyFieldLabel, isEmptyHistoryValue } from './historyValues';

const ACTION_ICON: Record<AuditAction, React.ReactNode> = {
  create: <IconFilePlus size={13} />,
  update: <IconPencil size={13} />,
  status: <IconProgressCheck size={13} />,
  archive: <IconArchive size={13} />,
  restore: <IconArrowBackUp size={13} />,
  profile: <IconSettings size={13} />,
  import: <IconFilePlus size={13} />,
};

/** A creation lists many fields; past this many the rest waits behind "Show all". */
const FIELDS_SHOWN = 5;

/** Who changed what and when, newest first, from the append-only audit log. */
export function ComplaintHistory({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  if (entries.length === 0) return <Text size="sm" c="dimmed">{t('detail.historyEmpty')}</Text>;
  const newestFirst = [...entries].sort((a, b) => b.seq - a.seq);
  return (
    <Timeline bulletSize={22} lineWidth={1} data-testid="complaint-history">
      {newestFirst.map((entry) => (
        <Timeline.Item key={entry.opId} bullet={ACTION_ICON[entry.action]} title={<EntryTitle entry={entry} />}>
          <EntryChanges entry={entry} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function EntryTitle({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {t(`history.actions.${entry.action}`)}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        {f.dateTime(entry.at)} · {t('history.by', { actor: entry.actor })}
      </Text>
    </Group>
  );
}

function EntryChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  // A creation has no "before": list what was set, leaving out the fields left empty.
  const changes = entry.action === 'create' ? entry.changes.filter((c) => !isEmptyHistoryValue(c.new)) : entry.changes;
  const shown = expanded ? changes : changes.slice(0, FIELDS_SHOWN);
  const hidden = changes.length - shown.length;
  return (
    <Box mt={4}>
      {shown.map((change) => (
        // A note annotates the entry; it never had a previous value worth showing.
        <ChangeLine key={change.field} change={change} withPrevious={entry.action !== 'create' && change.field !== 'note'} />
      ))}
      {hidden > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('history.moreFields', { count: hidden })} ·{' '}
          <Anchor component="button" type="button" size="xs" onClick={() => setExpanded(true)}>
            {t('history.showAll')}
          </Anchor>
        </Text>
      )}
    </Box>
  );
}

function ChangeLine({ change, withPrevious }: { change: FieldChange; withPrevious: boolean }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const next = formatHistoryValue(change.field, change.new, t, f);
  const previous = formatHistoryValue(change.field, change.old, t, f);
  return (
    <Text size="xs" lh={1.5} data-testid="history-change">
      <Text span size="xs" c="dimmed">
        {t('history.fieldLabel', { field: historyFieldLabel(change.field) })}{' '}
      </Text>
      {withPrevious && (
        <>
          <Text span size="xs" td="line-through" c="dimmed" style={{ wordBreak: 'break-word' }}>
            {previous}
          </Text>
          {' → '}
        </>
      )}
      <Text span size="xs" style={{ wordBreak: 'break-word' }}>
        {next}
      </Text>
    </Text>
  );
}
