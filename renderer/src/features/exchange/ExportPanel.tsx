import type { CSSProperties, ReactNode } from 'react';
import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import type { ExportLang, FileOut, Provenance } from '@shared/schemas/export';
import { ErrorNotice } from '../../components/ErrorNotice';
import { SectionPanel } from '../../components/SectionPanel';
import { useFeatureT } from '../../lib/featureT';
import { saveFile } from './files';
import { JobProgressBar } from './JobProgressBar';
import { exportLangOptions, NS } from './labels';
import { CancelledNotice, ProvenanceNote } from './ProvenanceNote';
import type { useFileExport } from './useJob';

export type FileExport<T extends { file: FileOut }> = ReturnType<typeof useFileExport<T>>;

/**
 * The one shape of an export panel (a register for a regulator, the annual report, an evidence
 * bundle): a bordered part of the page with its heading and what it makes, the choices, then what
 * the export is doing or did. One home so every export reads and behaves alike.
 */
export function ExportPanel<T extends { file: FileOut }>({
  testId,
  title,
  help,
  style,
  children,
  ...outcome
}: { testId: string; title: string; help: string; style?: CSSProperties; children: ReactNode } & OutcomeProps<T>) {
  return (
    <SectionPanel testId={testId} title={title} help={help} style={style}>
      {children}
      <ExportOutcome {...outcome} />
    </SectionPanel>
  );
}

interface OutcomeProps<T extends { file: FileOut }> {
  exp: FileExport<T>;
  /** The failure's heading; without it the error's own words head it. */
  failedTitle?: string;
  /** What "cancelled" means here, when the general sentence does not fit. */
  cancelledBody?: string;
  /** The notice for the saved file (SavedFile when the export carries its provenance). */
  saved(result: T): ReactNode;
}

/** A running export's progress and Cancel, then "cancelled", the failure in words, or the saved file. */
export function ExportOutcome<T extends { file: FileOut }>({ exp, failedTitle, cancelledBody, saved }: OutcomeProps<T>) {
  return (
    <>
      {exp.job && <JobProgressBar job={exp.job} onCancel={exp.cancel} />}
      {exp.cancelled && <CancelledNotice onClose={exp.dismissCancelled} body={cancelledBody} />}
      {exp.error !== null && <ErrorNotice error={exp.error} title={failedTitle} />}
      {exp.result && saved(exp.result)}
    </>
  );
}

/** A saved file over the provenance it carries, with a way to save it again. */
export function SavedFile({ result, heading }: { result: { file: FileOut; provenance: Provenance }; heading: ReactNode }) {
  return <ProvenanceNote provenance={result.provenance} heading={heading} onSaveAgain={() => saveFile(result.file)} />;
}

/** One button per file format, the main one filled; each named in full for a screen reader. */
export function FormatButtons<F extends string>({
  formats,
  primary,
  disabled,
  onExport,
  label,
  ariaLabel,
  testId,
}: {
  formats: readonly { format: F; icon: ReactNode }[];
  primary: F | null;
  disabled: boolean;
  onExport(format: F): void;
  label(format: F): string;
  ariaLabel(format: F): string;
  testId(format: F): string;
}) {
  return (
    <Group gap="xs">
      {formats.map(({ format, icon }) => (
        <Button
          key={format}
          variant={format === primary ? 'filled' : 'default'}
          leftSection={icon}
          onClick={() => onExport(format)}
          disabled={disabled}
          aria-label={ariaLabel(format)}
          data-testid={testId(format)}
        >
          {label(format)}
        </Button>
      ))}
    </Group>
  );
}

/** The language the file is written in (the UI's by default), named by its visible label. */
export function ExportLangChoice({ id, value, onChange, testId }: { id: string; value: ExportLang; onChange(lang: ExportLang): void; testId?: string }) {
  const t = useFeatureT(NS);
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" id={id}>
        {t('exportLanguage')}
      </Text>
      <SegmentedControl size="xs" aria-labelledby={id} data={exportLangOptions(t)} value={value} onChange={(v) => onChange(v as ExportLang)} data-testid={testId} />
    </Group>
  );
}
