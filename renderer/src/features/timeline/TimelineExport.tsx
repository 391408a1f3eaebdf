import { useState } from 'react';
import { Button, Checkbox, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileText, IconFileTypeCsv, IconFileTypePdf, IconJson, IconMarkdown } from '@tabler/icons-react';
import type { ExportLang, ExportResult } from '@shared/schemas/export';
import type { TimelineFilter } from '@shared/schemas/timeline';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { saveFile, sizeOfBase64 } from '../../lib/files';
import { JobProgressBar } from '../exchange/JobProgressBar';
import { exportLangOptions, FORMAT_LABEL, NS as EXCHANGE_NS } from '../exchange/labels';
import { ProfileSelect } from '../exchange/ProfileSelect';
import { CancelledNotice, ProvenanceNote } from '../exchange/ProvenanceNote';
import { useFileExport } from '../exchange/useJob';
import { NS } from './labels';

type TimelineFormat = 'pdf' | 'csv' | 'json' | 'md';

const FORMATS: { format: TimelineFormat; icon: React.ReactNode }[] = [
  { format: 'pdf', icon: <IconFileTypePdf size={16} aria-hidden /> },
  { format: 'csv', icon: <IconFileTypeCsv size={16} aria-hidden /> },
  { format: 'json', icon: <IconJson size={16} aria-hidden /> },
  { format: 'md', icon: <IconMarkdown size={16} aria-hidden /> },
];

/**
 * An incident's timeline as a file for management (PDF) or for other tools (CSV, JSON, Markdown),
 * in either language, with progress, Cancel, and the provenance the file carries.
 */
export function TimelineExport({ incidentId, reference, filter }: { incidentId: string; reference: string; filter?: TimelineFilter }) {
  const t = useFeatureT(NS);
  const tx = useFeatureT(EXCHANGE_NS);
  const f = useFormatters();
  const [lang, setLang] = useState<ExportLang>(f.lang);
  const [onlyShown, setOnlyShown] = useState(false);
  const [profile, setProfile] = useState('full');
  const { job, cancel, exportFile, result, error, cancelled, dismissCancelled } = useFileExport<ExportResult>('timeline');

  async function exportAs(format: TimelineFormat) {
    const what = t('export.what', { reference, format: FORMAT_LABEL[format] });
    await exportFile(what, (jobId) => api.call('exports.timeline', { incidentId, format, lang, profile, jobId, ...(filter && onlyShown ? { filter } : {}) }));
  }

  return (
    <Stack gap="sm" data-testid="timeline-export">
      <Group gap="md" align="center" wrap="wrap">
        <Group gap="xs" wrap="nowrap">
          {FORMATS.map(({ format, icon }) => (
            <Button
              key={format}
              variant={format === 'pdf' ? 'filled' : 'default'}
              leftSection={icon}
              onClick={() => void exportAs(format)}
              disabled={job !== null}
              aria-label={t('export.as', { format: FORMAT_LABEL[format] })}
              data-testid={`timeline-export-${format}`}
            >
              {FORMAT_LABEL[format]}
            </Button>
          ))}
        </Group>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" id={`timeline-lang-${incidentId}`}>
            {tx('exportLanguage')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby={`timeline-lang-${incidentId}`}
            data={exportLangOptions(tx)}
            value={lang}
            onChange={(v) => setLang(v as ExportLang)}
            data-testid="timeline-export-lang"
          />
        </Group>
        {filter && (
          <Checkbox size="sm" label={t('export.onlyShown')} checked={onlyShown} onChange={(e) => setOnlyShown(e.currentTarget.checked)} />
        )}
      </Group>
      <ProfileSelect value={profile} onChange={setProfile} testId="timeline-export-profile" w={360} />
      <Text size="xs" c="dimmed">
        <IconFileText size={13} aria-hidden style={{ verticalAlign: -2 }} /> {t('export.pdfHelp')}
      </Text>
      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {cancelled && <CancelledNotice onClose={dismissCancelled} />}
      {error !== null && <ErrorNotice error={error} title={t('export.failed')} />}
      {result && (
        <ProvenanceNote
          provenance={result.provenance}
          heading={tx('saved', {
            file: result.file.fileName,
            rows: t('export.events', { count: result.rows, n: f.number(result.rows) }),
            size: formatBytes(sizeOfBase64(result.file.contentBase64), f.lang),
          })}
          onSaveAgain={() => saveFile(result.file)}
        />
      )}
    </Stack>
  );
}
