import { useRef, useState } from 'react';
import {Alert, Anchor, Badge, Button, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArchive,
  IconDeviceFloppy,
  IconExternalLink,
  IconFile,
  IconFileText,
  IconFileTypePdf,
  IconPaperclip,
  IconPhoto,
  IconTextScan2,
  IconUpload,
} from '@tabler/icons-react';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '@shared/schemas/attachment';
import type { RecordRef } from '@shared/schemas/record-types';
import { api, ApiError } from '../../api';
import { describeError } from '../../lib/errors';
import { useFeatureT } from '../../lib/featureT';
import { notifyError, notifySuccess } from '../../lib/notify';
import { useCan } from '../../lib/permissions';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordChanges, useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../ErrorNotice';
import { base64ToBlob, mimeTypeOf, openBlob, readAsBase64, saveBlob } from '../../lib/files';
import { formatBytes, RECORDS_NS } from './labels';
import { PanelList, PanelRow, RowAction } from './PanelList';
import { ReasonModal } from './ReasonModal';
import { Panel } from '../../kit/Panel';

type Ref = Pick<RecordRef, 'type' | 'id'>;

/** A file refused before or while sending, with why, in the reader's language. */
interface Refusal {
  key: string;
  message: string;
}

function FileIcon({ mimeType }: { mimeType: string }) {
  const props = { size: 20, stroke: 1.5, color: 'var(--mantine-color-gray-7)', 'aria-hidden': true, style: { flex: '0 0 auto', marginTop: 2 } } as const;
  if (mimeType === 'application/pdf') return <IconFileTypePdf {...props} />;
  if (mimeType.startsWith('text/') || mimeType === 'message/rfc822') return <IconFileText {...props} />;
  if (mimeType.startsWith('image/')) return <IconPhoto {...props} />;
  return <IconFile {...props} />;
}

/** "PDF", "TXT", "DOCX": what people call a file's type. */
function typeWord(a: Pick<Attachment, 'fileName' | 'mimeType'>): string {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(a.fileName)?.[1];
  if (ext) return ext.toUpperCase();
  return a.mimeType.split('/')[1]?.toUpperCase() ?? a.mimeType;
}

/**
 * The files attached to a record, stored encrypted in the register: add by dialog or drag and
 * drop (refused before sending when too large or empty), open, save, archive with a reason.
 */
export function RecordAttachments({ record }: { record: Ref }) {
  const t = useFeatureT(RECORDS_NS);
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const version = useRecordVersion(record.type, record.id) + useRecordTypeVersion('attachment');
  const [showArchived, setShowArchived] = useState(false);
  const { data: items, error, setData: setItems } = useRemote(
    () => api.call('attachments.list', { record: { type: record.type, id: record.id } as RecordRef, includeArchived: showArchived }).then((r) => r.attachments),
    [record.type, record.id, version, showArchived],
  );
  const [uploading, setUploading] = useState<string[]>([]);
  // Adding or withdrawing a file is a change (README › Roles): only for a role that may make it.
  const writable = useCan()('write', 'attachment');
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const [incomplete, setIncomplete] = useState<Record<string, string>>({});
  const [dragging, setDragging] = useState(false);
  const [archiving, setArchiving] = useState<Attachment | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const maxSize = formatBytes(MAX_ATTACHMENT_BYTES, f.lang);

  async function addFiles(files: readonly File[]) {
    if (files.length === 0) return;
    const refused: Refusal[] = [];
    const accepted: File[] = [];
    for (const file of files) {
      if (file.size > MAX_ATTACHMENT_BYTES) {
        refused.push({ key: `${file.name}:${file.size}`, message: t('attachments.tooLarge', { name: file.name, size: formatBytes(file.size, f.lang), max: maxSize }) });
      } else if (file.size === 0) {
        refused.push({ key: `${file.name}:0`, message: t('attachments.emptyFile', { name: file.name }) });
      } else {
        accepted.push(file);
      }
    }
    setRefusals(refused);
    setUploading(accepted.map((a) => a.name));
    const added: string[] = [];
    for (const file of accepted) {
      try {
        let contentBase64: string;
        try {
          contentBase64 = await readAsBase64(file);
        } catch {
          refused.push({ key: `${file.name}:read`, message: t('attachments.unreadable', { name: file.name }) });
          continue;
        }
        const a = await api.call('attachments.add', { record: { type: record.type, id: record.id } as RecordRef, fileName: file.name, mimeType: mimeTypeOf(file), contentBase64 });
        added.push(a.fileName);
        setItems((prev) => [...(prev ?? []).filter((x) => x.id !== a.id), a]);
      } catch (e) {
        const { message, detail } = describeError(tc, e);
        refused.push({ key: `${file.name}:api`, message: t('attachments.addFailed', { name: file.name, reason: detail ?? message }) });
      } finally {
        setUploading((u) => u.filter((n) => n !== file.name));
      }
    }
    setRefusals([...refused]);
    if (added.length > 0) {
      notifySuccess(added.length === 1 ? t('attachments.added', { name: added[0] }) : t('attachments.addedMany', { count: added.length }));
      useRecordChanges.getState().bump(record.type, record.id);
    }
  }

  async function fetchContent(a: Attachment): Promise<Blob | null> {
    try {
      const { contentBase64, attachment } = await api.call('attachments.get', { id: a.id });
      setIncomplete(({ [a.id]: _gone, ...rest }) => rest);
      return base64ToBlob(contentBase64, attachment.mimeType);
    } catch (e) {
      // The bytes do not match the digest: still arriving from a colleague's machine, or altered.
      if (e instanceof ApiError && e.code === 'CONFLICT') {
        setIncomplete((m) => ({ ...m, [a.id]: e.message }));
        return null;
      }
      notifyError(e);
      return null;
    }
  }

  const onDragOver = (e: React.DragEvent) => {
    if (!Array.from(e.dataTransfer.types).includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (e: React.DragEvent) => {
    // Leaving for a child of the panel is not leaving the panel.
    if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
    setDragging(false);
  };
  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void addFiles(Array.from(e.dataTransfer.files));
  };

  return (
    <Panel
      title={t('attachments.title')}
      count={items?.filter((a) => !a.archivedAt).length ?? null}
      testId="record-attachments"
      onDragOver={writable ? onDragOver : undefined}
      onDragLeave={writable ? onDragLeave : undefined}
      onDrop={writable ? onDrop : undefined}
      highlighted={dragging}
      action={
        writable && (
          <Button variant="default" size="compact-sm" leftSection={<IconPaperclip size={14} />} onClick={() => input.current?.click()}>
            {t('attachments.add')}
          </Button>
        )
      }
    >
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="attachment-input"
        aria-label={t('attachments.add')}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // The same file chosen again must fire a change.
          e.currentTarget.value = '';
          void addFiles(files);
        }}
      />
      <Stack gap="xs">
        {error !== null && <ErrorNotice error={error} title={t('attachments.loadFailed')} />}
        {refusals.length > 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('attachments.refusedTitle')} withCloseButton onClose={() => setRefusals([])} role="alert" closeButtonLabel={tc('common.close')}>
            <Stack gap={2}>
              {refusals.map((r) => (
                <Text key={r.key} size="sm">
                  {r.message}
                </Text>
              ))}
            </Stack>
          </Alert>
        )}
        {/* No empty sentence: the drop area below says what to do when there is no file. */}
        <PanelList items={items} error={error} empty={writable ? null : t('attachments.none')}>
          {(a) => (
            <AttachmentRow
              key={a.id}
              attachment={a}
              incomplete={incomplete[a.id] ?? null}
              onOpen={async () => {
                const blob = await fetchContent(a);
                if (blob) openBlob(blob, a.fileName);
              }}
              onSave={async () => {
                const blob = await fetchContent(a);
                if (blob) saveBlob(blob, a.fileName);
              }}
              onArchive={writable ? () => setArchiving(a) : undefined}
            />
          )}
        </PanelList>
        {uploading.map((name) => (
          <Group key={name} gap="xs" wrap="nowrap" role="status">
            <Loader size={14} />
            <Text size="sm" c="dimmed">
              {t('attachments.adding', { name })}
            </Text>
          </Group>
        ))}
        {writable && <DropArea dragging={dragging} maxSize={maxSize} onChoose={() => input.current?.click()} empty={items !== null && items.length === 0} />}
        <Group justify="flex-end">
          <Anchor component="button" type="button" size="xs" c="dimmed" onClick={() => setShowArchived((v) => !v)}>
            {showArchived ? t('attachments.hideArchived') : t('attachments.showArchived')}
          </Anchor>
        </Group>
      </Stack>
      {archiving && (
        <ReasonModal
          title={t('attachments.archiveTitle', { name: archiving.fileName })}
          body={t('attachments.archiveBody')}
          reasonHelp={t('attachments.archiveReasonHelp')}
          submitLabel={t('attachments.archiveSubmit')}
          onClose={() => setArchiving(null)}
          onSubmit={async (reason) => {
            const updated = await api.call('attachments.archive', { id: archiving.id, reason });
            notifySuccess(t('attachments.archived', { name: updated.fileName }));
            setItems((prev) => (prev ?? []).flatMap((x) => (x.id !== updated.id ? [x] : showArchived ? [updated] : [])));
            useRecordChanges.getState().bump(record.type, record.id);
          }}
        />
      )}
    </Panel>
  );
}

/** Where files can be dropped, or chosen: says the limit before anyone tries. */
function DropArea({ dragging, maxSize, onChoose, empty }: { dragging: boolean; maxSize: string; onChoose(): void; empty: boolean }) {
  const t = useFeatureT(RECORDS_NS);
  return (
    <Group
      gap="sm"
      wrap="nowrap"
      justify="center"
      px="md"
      py={empty ? 'lg' : 'sm'}
      data-testid="attachment-drop"
      style={{
        border: `1px dashed ${dragging ? 'var(--mantine-color-navy-6)' : 'var(--mantine-color-gray-4)'}`,
        borderRadius: 'var(--mantine-radius-sm)',
        background: dragging ? 'var(--mantine-color-navy-0)' : 'var(--mantine-color-gray-0)',
      }}
    >
      <IconUpload size={20} stroke={1.5} color="var(--mantine-color-gray-6)" aria-hidden style={{ flex: '0 0 auto' }} />
      {dragging ? (
        <Text size="sm" fw={600} c="navy.8">
          {t('attachments.dropNow')}
        </Text>
      ) : (
        <div>
          <Text size="sm" c="dimmed">
            {empty ? t('attachments.emptyDrop') : t('attachments.drop')}{' '}
            <Anchor component="button" type="button" size="sm" onClick={onChoose}>
              {t('attachments.choose')}
            </Anchor>
          </Text>
          <Text size="xs" c="dimmed">
            {t('attachments.limit', { max: maxSize })}
          </Text>
        </div>
      )}
    </Group>
  );
}

function AttachmentRow({
  attachment: a,
  incomplete,
  onOpen,
  onSave,
  onArchive,
}: {
  attachment: Attachment;
  incomplete: string | null;
  onOpen(): Promise<void>;
  onSave(): Promise<void>;
  /** Absent: the member's role may not withdraw files. */
  onArchive?(): void;
}) {
  const t = useFeatureT(RECORDS_NS);
  const f = useFormatters();
  const [busy, setBusy] = useState<'open' | 'save' | null>(null);
  const run = async (what: 'open' | 'save', fn: () => Promise<void>) => {
    setBusy(what);
    try {
      await fn();
    } finally {
      setBusy(null);
    }
  };
  return (
    <PanelRow faded={a.archivedAt !== null && 0.7} testId="attachment-row">
      <FileIcon mimeType={a.mimeType} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Anchor component="button" type="button" size="sm" fw={600} onClick={() => void run('open', onOpen)} title={a.fileName} style={{ maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block', textAlign: 'left' }}>
          {a.fileName}
        </Anchor>
        <Group gap={6} wrap="wrap" mt={2}>
          <Text size="xs" c="dimmed" className="tabular">
            {typeWord(a)} · {formatBytes(a.size, f.lang)} · {t('attachments.addedOn', { date: f.dateTime(a.createdAt) })}
          </Text>
          {a.textIndexed ? (
            <Tooltip label={t('attachments.searchableHint')}>
              <Badge size="xs" variant="light" color="teal" tt="none" leftSection={<IconTextScan2 size={11} aria-hidden />} data-testid="attachment-searchable">
                {t('attachments.searchable')}
              </Badge>
            </Tooltip>
          ) : (
            <Tooltip label={t('attachments.notSearchableHint')}>
              <Badge size="xs" variant="outline" color="gray" tt="none">
                {t('attachments.notSearchable')}
              </Badge>
            </Tooltip>
          )}
          {incomplete !== null && (
            <Tooltip label={incomplete} multiline w={320}>
              <Badge size="xs" variant="light" color="orange" tt="none" leftSection={<IconAlertTriangle size={11} aria-hidden />} data-testid="attachment-incomplete">
                {t('attachments.incomplete')}
              </Badge>
            </Tooltip>
          )}
        </Group>
        {incomplete !== null && (
          <Text size="xs" c="orange.9" mt={2}>
            {t('attachments.incompleteBody')}
          </Text>
        )}
        {a.archivedAt && (
          <Text size="xs" c="dimmed" mt={2}>
            <IconArchive size={12} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('attachments.archivedOn', { date: f.dateTime(a.archivedAt), reason: a.archiveReason ?? '' })}
          </Text>
        )}
      </div>
      <Group gap={2} wrap="nowrap">
        <RowAction tip={t('attachments.open')} label={t('attachments.openLabel', { name: a.fileName })} icon={IconExternalLink} loading={busy === 'open'} onClick={() => void run('open', onOpen)} />
        <RowAction tip={t('attachments.saveAs')} label={t('attachments.saveLabel', { name: a.fileName })} icon={IconDeviceFloppy} loading={busy === 'save'} onClick={() => void run('save', onSave)} />
        {!a.archivedAt && onArchive && <RowAction tip={t('attachments.archive')} label={t('attachments.archiveLabel', { name: a.fileName })} icon={IconArchive} onClick={onArchive} />}
      </Group>
    </PanelRow>
  );
}
