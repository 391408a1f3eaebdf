import { useState } from 'react';
import { Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar, IconFileSpreadsheet, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import type { ExportLang, ExportResult, RegisterExportFormat, RegisterExportInput, RegisterName } from '@shared/schemas/export';
import { api } from '../../api';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { saveFile, sizeOfBase64 } from './files';
import { JobProgressBar } from './JobProgressBar';
import { ProfileSelect } from './ProfileSelect';
import { exportLangOptions, FORMAT_LABEL, NS, REGISTERS, statusOptions } from './labels';
import { CancelledNotice, ProvenanceNote } from './ProvenanceNote';
import { useFileExport } from './useJob';

const FORMATS: { format: RegisterExportFormat; icon: React.ReactNode }[] = [
  { format: 'pdf', icon: <IconFileTypePdf size={16} aria-hidden /> },
  { format: 'csv', icon: <IconFileTypeCsv size={16} aria-hidden /> },
  { format: 'xlsx', icon: <IconFileSpreadsheet size={16} aria-hidden /> },
];

/** "For a regulator": every register as PDF, CSV or XLSX, the breach register first. */
export function RegisterExports() {
  const t = useFeatureT(NS);
  const [first, ...others] = REGISTERS;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={900}>
        {t('regulator.intro')}
      </Text>
      <RegisterExportCard register={first!} featured />
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        {others.map((r) => (
          <RegisterExportCard key={r} register={r} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function RegisterExportCard({ register, featured = false }: { register: RegisterName; featured?: boolean }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [status, setStatus] = useState<string[]>([]);
  const [includeArchived, setIncludeArchived] = useState(false);
  const [lang, setLang] = useState<ExportLang>(f.lang);
  const [profile, setProfile] = useState('full');
  const { job, cancel, exportFile, result, error, cancelled, dismissCancelled } = useFileExport<ExportResult>(`export-${register}`);

  async function exportAs(format: RegisterExportFormat) {
    const input: RegisterExportInput = {
      register,
      format,
      lang,
      includeArchived,
      profile,
      ...(status.length ? { status } : {}),
      ...(range[0] ? { from: startOfLocalDay(range[0], f.zone) ?? undefined } : {}),
      ...(range[1] ? { to: startOfNextLocalDay(range[1], f.zone) ?? undefined } : {}),
    };
    const what = t('regulator.what', { register: t(`register.${register}`), format: FORMAT_LABEL[format] });
    await exportFile(what, (jobId) => api.call('exports.register', { ...input, jobId }));
  }

  const filters = (
    <>
      <DatePickerInput
        key={`${range[0] ?? ''}|${range[1] ?? ''}`}
        type="range"
        label={t('regulator.period')}
        description={t(`periodOn.${register}`)}
        placeholder={t('regulator.anyDate')}
        valueFormat="DD/MM/YYYY"
        leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
        defaultValue={range}
        onChange={([from, to]) => {
          if (from === null || to !== null) setRange([from, to]);
        }}
        clearable
        allowSingleDateInRange
        popoverProps={{ withinPortal: true }}
        w={featured ? 250 : undefined}
        data-testid={`period-${register}`}
      />
      <CompactMultiSelect
        label={t(register === 'letters' ? 'regulator.letterStatus' : 'regulator.status')}
        description={t('regulator.statusHelp')}
        placeholder={status.length ? undefined : t('regulator.allStatuses')}
        data={statusOptions(register, t) as { value: string; label: string }[]}
        value={status}
        onChange={setStatus}
        w={featured ? 230 : undefined}
        comboboxProps={{ width: 280, position: 'bottom-start' }}
        data-testid={`status-${register}`}
      />
    </>
  );

  const options = (
    <Group gap="md" align="center">
      <Switch size="sm" label={t('regulator.includeArchived')} checked={includeArchived} onChange={(e) => setIncludeArchived(e.currentTarget.checked)} />
      <Group gap={6} wrap="nowrap">
        <Text size="sm" id={`lang-${register}`}>
          {t('exportLanguage')}
        </Text>
        <SegmentedControl size="xs" aria-labelledby={`lang-${register}`} data={exportLangOptions(t)} value={lang} onChange={(v) => setLang(v as ExportLang)} />
      </Group>
    </Group>
  );

  const profileSelect = <ProfileSelect value={profile} onChange={setProfile} testId={`profile-${register}`} w={featured ? 320 : undefined} />;

  const buttons = (
    <Group gap="xs">
      {FORMATS.map(({ format, icon }) => (
        <Button
          key={format}
          variant={format === 'pdf' && featured ? 'filled' : 'default'}
          leftSection={icon}
          onClick={() => void exportAs(format)}
          disabled={job !== null}
          aria-label={t('regulator.exportAs', { register: t(`register.${register}`), format: FORMAT_LABEL[format] })}
          data-testid={`export-${register}-${format}`}
        >
          {FORMAT_LABEL[format]}
        </Button>
      ))}
    </Group>
  );

  return (
    <Paper withBorder p="md" data-testid={`register-export-${register}`} style={featured ? { borderColor: 'var(--mantine-color-navy-3)' } : undefined}>
      <Stack gap="sm">
        <div>
          <Title order={2} size={featured ? 'h2' : 'h3'}>
            {t(`register.${register}`)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`registerContents.${register}`)}
          </Text>
        </div>
        {featured ? (
          <Group gap="sm" align="flex-start" wrap="wrap">
            {filters}
          </Group>
        ) : (
          filters
        )}
        {options}
        {profileSelect}
        {buttons}
        {job && <JobProgressBar job={job} onCancel={cancel} />}
        {cancelled && <CancelledNotice onClose={dismissCancelled} />}
        {error !== null && <ErrorNotice error={error} title={t('regulator.failed')} />}
        {result && (
          <ProvenanceNote
            provenance={result.provenance}
            heading={t('saved', {
              file: result.file.fileName,
              rows: t('rowsOf', { count: result.rows, n: f.number(result.rows) }),
              size: formatBytes(sizeOfBase64(result.file.contentBase64), f.lang),
            })}
            onSaveAgain={() => saveFile(result.file)}
          />
        )}
      </Stack>
    </Paper>
  );
}
