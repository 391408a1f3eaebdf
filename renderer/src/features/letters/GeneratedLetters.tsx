import { useState } from 'react';
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconDeviceFloppy, IconExternalLink, IconFileText, IconFileTypePdf } from '@tabler/icons-react';
import type { ComposedLetter } from '@shared/schemas/compose';
import type { RecordRef } from '@shared/schemas/record-types';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { PanelList, PanelRow, RowAction } from '../../components/records/PanelList';
import { Panel } from '../../kit';
import { useFeatureT } from '../../lib/featureT';
import { base64ToBlob, openBlob, saveBlob } from '../../lib/files';
import { notifyError } from '../../lib/notify';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordTypeVersion, useRecordVersion } from '../../state/recordChanges';
import { NS } from './ns';

/**
 * The letters generated from templates for a record (compose.of): each with the template and the
 * version it used, its language, when it went out and what it did to the record, and its PDF to
 * open or download (the plain text too). On a regulator's letter it lists our replies to it.
 */
export function GeneratedLetters({ record }: { record: Pick<RecordRef, 'type' | 'id'> }) {
  const t = useFeatureT(NS);
  // A reply is written on the outbound letter it creates: any letter or file written reloads the list.
  // A colleague's letter arrives as its list entry (composed_letter); a template version as letter_template.
  const version = useRecordVersion(record.type, record.id) + useRecordTypeVersion('attachment') + useRecordTypeVersion('letter') + useRecordTypeVersion('composed_letter') + useRecordTypeVersion('letter_template');
  const { data, error } = useRemote(() => api.call('compose.of', { record: { type: record.type, id: record.id } as RecordRef }).then((r) => r.letters), [record.type, record.id, version]);
  // The templates' names, in the reader's language (a letter keeps only its template's id and version).
  const templates = useRemote(() => api.call('templates.list', {}).then((r) => r.templates), [version]);
  const nameOf = (l: ComposedLetter, lang: 'en' | 'fr') => templates.data?.find((x) => x.id === l.templateId)?.name[lang] ?? l.templateId;
  return (
    <Panel title={t('generated.title')} count={data?.length ?? null} testId="generated-letters">
      {error !== null && <ErrorNotice error={error} title={t('generated.loadFailed')} />}
      <PanelList items={data} error={error} empty={t('generated.none')}>
        {(l) => <GeneratedLetterRow key={l.id} letter={l} templateName={(lang) => nameOf(l, lang)} />}
      </PanelList>
    </Panel>
  );
}

function GeneratedLetterRow({ letter: l, templateName }: { letter: ComposedLetter; templateName(lang: 'en' | 'fr'): string }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [busy, setBusy] = useState<'open' | 'pdf' | 'text' | null>(null);
  const pdfName = `${l.fileName}.pdf`;
  const textName = `${l.fileName}.txt`;
  async function fetchFile(id: string): Promise<Blob | null> {
    try {
      const { contentBase64, attachment } = await api.call('attachments.get', { id });
      return base64ToBlob(contentBase64, attachment.mimeType);
    } catch (e) {
      // Withdrawn, or not all here yet from a colleague's machine: said in words.
      notifyError(e);
      return null;
    }
  }
  const run = async (what: 'open' | 'pdf' | 'text', id: string, deliver: (b: Blob) => void) => {
    setBusy(what);
    try {
      const blob = await fetchFile(id);
      if (blob) deliver(blob);
    } finally {
      setBusy(null);
    }
  };
  const open = () => void run('open', l.pdfAttachmentId, (b) => openBlob(b, pdfName));
  return (
    <PanelRow testId="generated-letter">
      <IconFileTypePdf size={20} stroke={1.5} color="var(--mantine-color-gray-7)" aria-hidden style={{ flex: '0 0 auto', marginTop: 2 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Anchor component="button" type="button" size="sm" fw={600} onClick={open} title={pdfName} style={{ maxWidth: '100%', textAlign: 'left', display: 'block' }} data-testid="generated-letter-subject">
          {l.subject}
        </Anchor>
        <Group gap={6} wrap="wrap" mt={2}>
          <Text size="xs" c="dimmed" data-testid="generated-letter-template">
            {t('generated.template', { name: templateName(f.lang), version: l.templateVersion })}
            {/* A colleague's version saved apart came first: the PDF and file name give the number it had then. */}
            {l.printedVersion !== l.templateVersion && ` (${t('generated.printedAs', { version: l.printedVersion })})`}
          </Text>
          <Badge size="xs" variant="outline" color="gray" tt="none">
            {t(`generated.lang.${l.lang}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" className="tabular">
          {t('generated.sent', { date: f.dateTime(l.sentAt), who: l.createdBy })}
        </Text>
        {l.effect.applies && (
          <Text size="xs" c="dimmed" data-testid="generated-letter-effect">
            {l.effect.text[f.lang]}
          </Text>
        )}
      </div>
      <Group gap={2} wrap="nowrap">
        <RowAction tip={t('generated.open')} label={t('generated.openLabel', { file: pdfName })} icon={IconExternalLink} loading={busy === 'open'} onClick={open} />
        <RowAction tip={t('generated.savePdf')} label={t('generated.saveLabel', { file: pdfName })} icon={IconDeviceFloppy} loading={busy === 'pdf'} onClick={() => void run('pdf', l.pdfAttachmentId, (b) => saveBlob(b, pdfName))} />
        <RowAction tip={t('generated.saveText')} label={t('generated.saveLabel', { file: textName })} icon={IconFileText} loading={busy === 'text'} onClick={() => void run('text', l.textAttachmentId, (b) => saveBlob(b, textName))} />
      </Group>
    </PanelRow>
  );
}
