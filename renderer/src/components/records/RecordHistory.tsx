import { useEffect, useMemo, useState } from 'react';
import { Anchor, Box, Group, Loader, Text, Timeline, Tooltip } from '@mantine/core';
import {
  IconArchive,
  IconArrowBackUp,
  IconFilePlus,
  IconLink,
  IconLinkOff,
  IconPaperclip,
  IconPencil,
  IconProgressCheck,
  IconSettings,
} from '@tabler/icons-react';
import type { AuditAction, AuditEntry, FieldChange } from '@shared/schemas/audit';
import { RecordRef, type RecordHeader } from '@shared/schemas/record-types';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useAppStatus } from '../../state/appStatus';
import { useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { ErrorNotice } from '../ErrorNotice';
import { formatHistoryValue, historyFieldLabel, isEmptyHistoryValue, recordRefLabel } from './historyValues';
import { hasRecordsKey, RECORDS_NS, recordTypeLabel, shortDevice } from './labels';
import { fetchRecordHeaders, refKey } from './recordHeaders';
import { Panel } from '../../kit/Panel';

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

type Ref = Pick<RecordRef, 'type' | 'id'>;

/** What the entries of related things (links, attachments…) are about, gathered from the history itself. */
interface Context {
  record: Ref;
  headers: ReadonlyMap<string, RecordHeader>;
  /** attachment / notification / client id → the name its creation gave it. */
  names: ReadonlyMap<string, string>;
  /** link id → the record at its other end. */
  linkOther: ReadonlyMap<string, RecordRef>;
}

function isSelf(value: unknown, record: Ref): boolean {
  const ref = RecordRef.safeParse(value);
  return ref.success && ref.data.type === record.type && ref.data.id === record.id;
}

/** Records an entry points to (other than this one): the far side of links. */
function referencedRecords(entries: readonly AuditEntry[], record: Ref): RecordRef[] {
  const out: RecordRef[] = [];
  for (const e of entries) {
    for (const c of e.changes) {
      for (const v of [c.new, c.old]) {
        const ref = RecordRef.safeParse(v);
        if (ref.success && !isSelf(ref.data, record)) out.push(ref.data);
      }
    }
  }
  return out;
}

function buildContext(entries: readonly AuditEntry[], record: Ref, headers: ReadonlyMap<string, RecordHeader>): Context {
  const names = new Map<string, string>();
  const linkOther = new Map<string, RecordRef>();
  for (const e of entries) {
    const value = (field: string) => e.changes.find((c) => c.field === field)?.new;
    if (e.recordType === 'link') {
      for (const field of ['from', 'to']) {
        const ref = RecordRef.safeParse(value(field));
        if (ref.success && !isSelf(ref.data, record)) linkOther.set(e.recordId, ref.data);
      }
    } else if (e.action === 'create' || e.action === 'import') {
      const name = value('fileName') ?? value('name') ?? value('recipientName');
      if (typeof name === 'string' && name !== '') names.set(e.recordId, name);
    }
  }
  return { record, headers, names, linkOther };
}

/**
 * Who changed what, when and on which machine, newest first, from the append-only audit log: the
 * record's own entries and those of its links, attachments, notifications and affected clients.
 */
export function RecordHistory({ record, testId }: { record: Ref; testId?: string }) {
  const t = useFeatureT(RECORDS_NS);
  const own = useRecordVersion(record.type, record.id);
  // Links, attachments, notifications and clients announce changes under their own ids.
  const related =
    useRecordTypeVersion('link') + useRecordTypeVersion('attachment') + useRecordTypeVersion('notification') + useRecordTypeVersion('client');
  const [state, setState] = useState<{ entries: AuditEntry[]; headers: Map<string, RecordHeader> } | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let current = true;
    const ref = { type: record.type, id: record.id } as RecordRef;
    Promise.all([api.call('audit.history', { recordType: record.type, recordId: record.id }), api.call('links.of', { record: ref }).catch(() => ({ links: [] }))])
      .then(async ([h, l]) => {
        const known = new Map(l.links.map((link) => [refKey(link.other), link.other] as const));
        const headers = await fetchRecordHeaders(referencedRecords(h.entries, record), known);
        if (!current) return;
        setState({ entries: h.entries, headers });
        setError(null);
      })
      .catch((e: unknown) => current && setError(e));
    return () => {
      current = false;
    };
    // record is compared by value: a new object with the same record must not reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record.type, record.id, own, related]);

  return (
    <Panel title={t('history.title')} count={state?.entries.length ?? null}>
      {error !== null && <ErrorNotice error={error} title={t('history.loadFailed')} />}
      {state === null ? error === null && <Loader size="xs" aria-label={t('loading')} /> : <HistoryTimeline entries={state.entries} context={buildContext(state.entries, record, state.headers)} testId={testId} />}
    </Panel>
  );
}

function HistoryTimeline({ entries, context, testId }: { entries: readonly AuditEntry[]; context: Context; testId?: string }) {
  const t = useFeatureT(RECORDS_NS);
  const newestFirst = useMemo(() => [...entries].sort((a, b) => b.seq - a.seq), [entries]);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {t('history.empty')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={22} lineWidth={1} data-testid={testId}>
      {newestFirst.map((entry) => (
        <Timeline.Item key={entry.opId} bullet={bulletOf(entry)} title={<EntryTitle entry={entry} context={context} />}>
          <EntryChanges entry={entry} context={context} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function bulletOf(entry: AuditEntry): React.ReactNode {
  if (entry.recordType === 'link') return entry.action === 'archive' ? <IconLinkOff size={13} /> : <IconLink size={13} />;
  if (entry.recordType === 'attachment') return entry.action === 'archive' ? <IconArchive size={13} /> : <IconPaperclip size={13} />;
  return ACTION_ICON[entry.action];
}

/** "Status changed", or for a related thing "Link added", "Attachment archived", "Notification corrected"… */
function entryHeading(entry: AuditEntry, context: Context, t: ReturnType<typeof useFeatureT>): string {
  if (entry.recordType === context.record.type && entry.recordId === context.record.id) return t(`history.actions.${entry.action}`);
  const key = `history.related.${entry.recordType}.${entry.action}`;
  const heading = hasRecordsKey(key) ? t(key) : t('history.relatedFallback', { type: recordTypeLabel(entry.recordType), action: t(`history.actions.${entry.action}`) });
  const name = context.names.get(entry.recordId);
  return name ? t('history.headingWithName', { heading, name }) : heading;
}

function EntryTitle({ entry, context }: { entry: AuditEntry; context: Context }) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const thisDevice = useAppStatus((s) => s.status?.profile?.deviceId ?? null);
  const device = shortDevice(entry.device);
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {entryHeading(entry, context, t)}
      </Text>
      <Text size="xs" c="dimmed" className="tabular">
        {f.dateTime(entry.at)} · {t('history.by', { actor: entry.actor })} ·{' '}
        <Tooltip label={t('history.deviceFull', { device: entry.device })}>
          <span data-testid="history-device">{entry.device === thisDevice ? t('history.onThisDevice', { device }) : t('history.onDevice', { device })}</span>
        </Tooltip>
      </Text>
    </Group>
  );
}

/** Fields an entry of a related thing repeats without telling the reader anything. */
function shownChanges(entry: AuditEntry, context: Context): FieldChange[] {
  const own = entry.recordType === context.record.type && entry.recordId === context.record.id;
  let changes = entry.changes;
  if (!own) {
    changes = changes.filter(
      (c) =>
        // The record this page is about, and ids tying the thing to it.
        !isSelf(c.new, context.record) &&
        !(c.field === 'incidentId' && c.new === context.record.id) &&
        // An archive entry's own instant is the entry's.
        !(entry.action === 'archive' && c.field === 'archivedAt') &&
        // The file's, client's or recipient's name is already in the heading.
        !((c.field === 'fileName' || c.field === 'name' || c.field === 'recipientName') && c.new === context.names.get(entry.recordId)),
    );
    if (entry.recordType === 'link') {
      // Both ends of a link are in the entry; the far one is what the reader wants.
      changes = changes.filter((c) => c.field !== 'from' && c.field !== 'to');
      const other = context.linkOther.get(entry.recordId);
      if (other) changes = [{ field: 'linkedRecord', old: null, new: other }, ...changes];
    }
  }
  // A creation has no "before": list what was set, leaving out the fields left empty.
  return entry.action === 'create' || entry.action === 'import' ? changes.filter((c) => !isEmptyHistoryValue(c.new)) : changes;
}

function EntryChanges({ entry, context }: { entry: AuditEntry; context: Context }) {
  const t = useFeatureT(RECORDS_NS);
  const [expanded, setExpanded] = useState(false);
  const changes = shownChanges(entry, context);
  const shown = expanded ? changes : changes.slice(0, FIELDS_SHOWN);
  const hidden = changes.length - shown.length;
  const own = entry.recordType === context.record.type && entry.recordId === context.record.id;
  return (
    <Box mt={4}>
      {shown.map((change) => (
        <ChangeLine
          key={change.field}
          recordType={entry.recordType}
          change={change}
          context={context}
          // A creation has no previous value; a note or a reason annotates the entry and never had one.
          withPrevious={
            entry.action !== 'create' &&
            entry.action !== 'import' &&
            change.field !== 'note' &&
            change.field !== 'linkedRecord' &&
            !(/reason$/i.test(change.field) && isEmptyHistoryValue(change.old)) &&
            (own || entry.action === 'update')
          }
        />
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

function ChangeLine({ recordType, change, withPrevious, context }: { recordType: string; change: FieldChange; withPrevious: boolean; context: Context }) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const linked = change.field === 'linkedRecord' ? RecordRef.safeParse(change.new) : null;
  const next = linked?.success ? recordRefLabel(linked.data, context.headers) : formatHistoryValue(recordType, change.field, change.new, f, context.headers);
  const previous = formatHistoryValue(recordType, change.field, change.old, f, context.headers);
  const label = change.field === 'linkedRecord' ? t('history.linkedRecord') : historyFieldLabel(recordType, change.field);
  return (
    <Text size="xs" lh={1.5} data-testid="history-change">
      <Text span size="xs" c="dimmed">
        {t('history.fieldLabel', { field: label })}{' '}
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
