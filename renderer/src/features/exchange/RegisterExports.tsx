import { useState } from 'react';
import { Group, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypeCsv, IconFileTypePdf } from '@tabler/icons-react';
import type { ExportLang, ExportResult, RegisterExportFormat, RegisterExportInput, RegisterName } from '@shared/schemas/export';
import { api } from '../../api';
import { PeriodInput } from '../../components/PeriodInput';
import { CompactMultiSelect } from '../../components/CompactMultiSelect';
import { formatBytes } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { ExportLangChoice, ExportPanel, FormatButtons, SavedFile } from './ExportPanel';
import { sizeOfBase64 } from './files';
import { ProfileSelect } from './ProfileSelect';
import { FORMAT_LABEL, NS, REGISTERS, statusOptions } from './labels';
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
  const exp = useFileExport<ExportResult>(`export-${register}`);

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
    await exp.exportFile(what, (jobId) => api.call('exports.register', { ...input, jobId }));
  }

  const filters = (
    <>
      <PeriodInput
        key={`${range[0] ?? ''}|${range[1] ?? ''}`}
        label={t('regulator.period')}
        description={t(`periodOn.${register}`)}
        placeholder={t('regulator.anyDate')}
        defaultValue={range}
        onChange={([from, to]) => {
          if (from === null || to !== null) setRange([from, to]);
        }}
        clearable
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
      <ExportLangChoice id={`lang-${register}`} value={lang} onChange={setLang} />
    </Group>
  );

  const profileSelect = <ProfileSelect value={profile} onChange={setProfile} testId={`profile-${register}`} w={featured ? 320 : undefined} />;

  return (
    <ExportPanel
      testId={`register-export-${register}`}
      // The breach register comes first and stands out: it is what a regulator asks for first.
      style={featured ? { borderColor: 'var(--mantine-color-navy-3)' } : undefined}
      title={t(`register.${register}`)}
      help={t(`registerContents.${register}`)}
      exp={exp}
      failedTitle={t('regulator.failed')}
      saved={(result) => (
        <SavedFile
          result={result}
          heading={t('saved', {
            file: result.file.fileName,
            rows: t('rowsOf', { count: result.rows, n: f.number(result.rows) }),
            size: formatBytes(sizeOfBase64(result.file.contentBase64), f.lang),
          })}
        />
      )}
    >
      {featured ? (
        <Group gap="sm" align="flex-start" wrap="wrap">
          {filters}
        </Group>
      ) : (
        filters
      )}
      {options}
      {profileSelect}
      <FormatButtons
        formats={FORMATS}
        primary={featured ? 'pdf' : null}
        disabled={exp.job !== null}
        onExport={(format) => void exportAs(format)}
        label={(format) => FORMAT_LABEL[format]}
        ariaLabel={(format) => t('regulator.exportAs', { register: t(`register.${register}`), format: FORMAT_LABEL[format] })}
        testId={(format) => `export-${register}-${format}`}
      />
    </ExportPanel>
  );
}
