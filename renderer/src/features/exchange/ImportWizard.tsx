import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Badge,
  Box,
  Button,
  Collapse,
  Group,
  Paper,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAlertCircle,
  IconAlertTriangle,
  IconArrowLeft,
  IconChevronDown,
  IconChevronRight,
  IconCircleCheck,
  IconFileSpreadsheet,
  IconHandClick,
  IconHistory,
  IconInfoCircle,
  IconLock,
  IconWand,
} from '@tabler/icons-react';
import { registerNamed } from '@shared/registers';
import type { RegisterName } from '@shared/schemas/export';
import { MAX_IMPORT_BYTES, type ColumnMapping, type ImportCommitResult, type ImportField, type ImportIssue, type ImportPreview } from '@shared/schemas/import';
import { api } from '../../api';
import { DropZone } from '../../components/DropZone';
import { ErrorNotice } from '../../components/ErrorNotice';
import { LabelledSegments } from '../../components/LabelledSegments';
import { formatBytes } from '../../components/records/labels';
import { SimpleTable } from '../../components/SimpleTable';
import { useFeatureT, type FeatureT } from '../../lib/featureT';
import type { UiLanguage } from '../../lib/format';
import { useFormatters } from '../../lib/useFormatters';
import { useNavigation } from '../../state/navigation';
import { useRecordChanges } from '../../state/recordChanges';
import { viewComponent } from '../registry';
import { readAsBase64 } from './files';
import { JobProgressBar } from './JobProgressBar';
import { IMPORT_REGISTERS, NS } from './labels';
import { CancelledNotice } from './ProvenanceNote';
import { useJob } from './useJob';

const NONE = '__none__';
const ACCEPT = '.csv,.txt,.tsv,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface PickedFile {
  name: string;
  size: number;
  base64: string;
}

/** Where a column's mapping came from, for the user to trust or correct it. */
type Origin = 'remembered' | 'suggested' | 'unrecognised' | 'given';

const lang = (s: { en: string; fr: string }, l: UiLanguage) => (l === 'fr' ? s.fr : s.en);

/**
 * "Import": a register, a CSV or XLSX file, a preview with the column mapping and every row
 * checked, and only then, on confirmation, one transaction.
 */
export function ImportWizard() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [register, setRegister] = useState<RegisterName>('complaints');
  const [fields, setFields] = useState<ImportField[]>([]);
  const [file, setFile] = useState<PickedFile | null>(null);
  const [sheet, setSheet] = useState<string | undefined>(undefined);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  /** The mapping the app proposed for this file (remembered or suggested), to tell the user's changes apart. */
  const [proposed, setProposed] = useState<{ mapping: ColumnMapping; source: 'remembered' | 'suggested' } | null>(null);
  const [result, setResult] = useState<ImportCommitResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [cancelled, setCancelled] = useState(false);
  const [showFields, setShowFields] = useState(false);
  const { job, run, cancel } = useJob('import');

  useEffect(() => {
    let current = true;
    api.call('imports.fields', { register }).then(
      (r) => current && setFields(r.fields),
      () => current && setFields([]),
    );
    return () => {
      current = false;
    };
  }, [register]);

  const step = result ? 2 : preview ? 1 : 0;

  async function runPreview(target: PickedFile, options: { mapping?: ColumnMapping; sheet?: string; fresh: boolean }) {
    setError(null);
    setCancelled(false);
    const out = await run(t('import.checking', { file: target.name }), (jobId) =>
      api.call('imports.preview', {
        register,
        fileName: target.name,
        contentBase64: target.base64,
        jobId,
        ...(options.sheet ? { sheet: options.sheet } : {}),
        ...(options.mapping ? { mapping: options.mapping } : {}),
      }),
    );
    if (out.status === 'done') {
      setPreview(out.value);
      if (options.fresh || !proposed) {
        setProposed({ mapping: out.value.mapping, source: out.value.mappingSource === 'remembered' ? 'remembered' : 'suggested' });
      }
    } else if (out.status === 'cancelled') setCancelled(true);
    else setError(out.error);
  }

  async function choose(picked: File | null) {
    if (!picked) return;
    setError(null);
    setResult(null);
    setPreview(null);
    setProposed(null);
    setSheet(undefined);
    if (picked.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setError(new Error(t('import.tooLarge', { size: formatBytes(picked.size, f.lang), max: formatBytes(MAX_IMPORT_BYTES, f.lang) })));
      return;
    }
    const base64 = await readAsBase64(picked);
    const next = { name: picked.name, size: picked.size, base64 };
    setFile(next);
    await runPreview(next, { fresh: true });
  }

  function restart() {
    setFile(null);
    setPreview(null);
    setProposed(null);
    setResult(null);
    setError(null);
    setCancelled(false);
    setSheet(undefined);
  }

  async function commit() {
    if (!file || !preview) return;
    setError(null);
    setCancelled(false);
    const out = await run(t('import.importing', { count: preview.toCreate, n: f.number(preview.toCreate) }), (jobId) =>
      api.call('imports.commit', {
        register,
        fileName: file.name,
        contentBase64: file.base64,
        mapping: preview.mapping,
        expectSha256: preview.sha256,
        jobId,
        ...(sheet ? { sheet } : {}),
      }),
    );
    if (out.status === 'done') {
      setResult(out.value);
      // The lists open elsewhere learn of the new records on the next 'record.changed'; make sure.
      useRecordChanges.getState().bump(registerNamed(register).type, out.value.importId);
    } else if (out.status === 'cancelled') setCancelled(true);
    else setError(out.error);
  }

  return (
    <Stack gap="md">
      <Alert color="navy" variant="light" icon={<IconLock size={18} />} title={t('import.safeTitle')} data-testid="import-safe">
        <Text size="sm">{t('import.safeBody')}</Text>
      </Alert>
      <Stepper active={step} size="sm" allowNextStepsSelect={false} onStepClick={(s) => s === 0 && !job && restart()}>
        <Stepper.Step label={t('import.step1')} description={t('import.step1Help')} />
        <Stepper.Step label={t('import.step2')} description={t('import.step2Help')} />
        <Stepper.Step label={t('import.step3')} description={t('import.step3Help')} />
      </Stepper>

      {step === 0 && (
        <Stack gap="md">
          <LabelledSegments
            id="import-register-label"
            label={t('import.register')}
            value={register}
            onChange={(v) => setRegister(v as RegisterName)}
            data={IMPORT_REGISTERS.map((r) => ({ value: r, label: t(`registerShort.${r}`) }))}
            disabled={job !== null}
            data-testid="import-register"
          />
          <DropZone
            icon={<IconFileSpreadsheet size={34} stroke={1.4} color="var(--mantine-color-gray-6)" aria-hidden />}
            title={t('import.dropTitle')}
            help={t('import.dropHelp')}
            accept={ACCEPT}
            chooseLabel={t('import.choose')}
            onFile={(file) => void choose(file)}
            disabled={job !== null}
            primary
            testId="import-dropzone"
            chooseTestId="import-choose"
          />
          <div>
            <UnstyledButton onClick={() => setShowFields((v) => !v)} aria-expanded={showFields}>
              <Group gap={4}>
                {showFields ? <IconChevronDown size={14} aria-hidden /> : <IconChevronRight size={14} aria-hidden />}
                <Text size="sm" fw={600}>
                  {t('import.fieldsTitle', { register: t(`registerShort.${register}`) })}
                </Text>
              </Group>
            </UnstyledButton>
            <Collapse expanded={showFields}>
              <FieldsTable fields={fields} />
            </Collapse>
          </div>
        </Stack>
      )}

      {job && <JobProgressBar job={job} onCancel={cancel} />}
      {cancelled && <CancelledNotice onClose={() => setCancelled(false)} />}
      {error !== null && <ErrorNotice error={error} title={t('import.failed')} />}

      {step === 1 && preview && file && (
        <PreviewStep
          preview={preview}
          file={file}
          proposed={proposed}
          busy={job !== null}
          onMapping={(mapping) => void runPreview(file, { mapping, sheet, fresh: false })}
          onSheet={(s) => {
            setSheet(s);
            setProposed(null);
            void runPreview(file, { sheet: s, fresh: true });
          }}
          onBack={restart}
          onCommit={() => void commit()}
        />
      )}

      {step === 2 && result && <ResultStep result={result} onAgain={restart} />}
    </Stack>
  );
}

/* ------------------------------------------------------------------------------------------ */

function FieldsTable({ fields }: { fields: ImportField[] }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <Box mt="xs">
      <SimpleTable
        striped
        rows={fields.filter((x) => !x.exportOnly)}
        rowKey={(x) => x.field}
        columns={[
          { title: t('import.field'), render: (x) => lang(x.label, f.lang) },
          { title: t('import.fieldType'), render: (x) => t(`fieldType.${x.type}`) },
          { title: t('import.fieldRequired'), render: (x) => (x.required ? t('import.yes') : '') },
        ]}
      />
    </Box>
  );
}

/* ------------------------------------------------------------------------------------------ */

function originOf(header: string, current: ColumnMapping, proposed: { mapping: ColumnMapping; source: 'remembered' | 'suggested' } | null): Origin {
  const now = current[header] ?? null;
  if (!proposed) return 'given';
  const before = proposed.mapping[header] ?? null;
  if (now !== before) return 'given';
  if (now === null) return 'unrecognised';
  return proposed.source;
}

function OriginBadge({ origin }: { origin: Origin }) {
  const t = useFeatureT(NS);
  const look = {
    remembered: { color: 'navy', icon: <IconHistory size={12} aria-hidden /> },
    suggested: { color: 'teal', icon: <IconWand size={12} aria-hidden /> },
    unrecognised: { color: 'gray', icon: null },
    given: { color: 'grape', icon: <IconHandClick size={12} aria-hidden /> },
  }[origin];
  return (
    <Tooltip label={t(`origin.${origin}Help`)} multiline w={260}>
      <Badge size="sm" variant="light" color={look.color} tt="none" leftSection={look.icon} data-testid="mapping-origin">
        {t(`origin.${origin}`)}
      </Badge>
    </Tooltip>
  );
}

function Severity({ issue }: { issue: ImportIssue }) {
  const t = useFeatureT(NS);
  return issue.severity === 'error' ? (
    <Marked color="red.8" icon={<IconAlertCircle size={15} aria-hidden />} label={t('import.error')} strong />
  ) : (
    <Marked color="orange.9" icon={<IconAlertTriangle size={15} aria-hidden />} label={t('import.warning')} />
  );
}

/** A word in its colour after its icon (a row's status, an issue's severity): the colour never says it alone. */
function Marked({ color, icon, label, strong }: { color: string; icon: ReactNode; label: string; strong?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap" c={color}>
      {icon}
      <Text size="sm" c={color} fw={strong ? 600 : undefined}>
        {label}
      </Text>
    </Group>
  );
}

function Stat({ label, value, color, icon, testId }: { label: string; value: string; color?: string; icon?: React.ReactNode; testId: string }) {
  return (
    <Paper withBorder p="xs" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap" c={color}>
        {icon}
        <Text size="xl" fw={700} className="tabular" c={color} data-testid={`${testId}-value`}>
          {value}
        </Text>
      </Group>
    </Paper>
  );
}

function fieldLabel(fields: ImportField[], field: string | null, l: UiLanguage): string {
  if (!field) return '';
  const x = fields.find((y) => y.field === field);
  return x ? lang(x.label, l) : field;
}

function PreviewStep({
  preview: p,
  file,
  proposed,
  busy,
  onMapping,
  onSheet,
  onBack,
  onCommit,
}: {
  preview: ImportPreview;
  file: PickedFile;
  proposed: { mapping: ColumnMapping; source: 'remembered' | 'suggested' } | null;
  busy: boolean;
  onMapping(m: ColumnMapping): void;
  onSheet(s: string): void;
  onBack(): void;
  onCommit(): void;
}) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const fileErrors = p.warnings.filter((w) => w.severity === 'error' && w.code !== 'missing_column');
  const notices = p.warnings.filter((w) => w.severity === 'warning');
  const blocking = p.missingRequired.length > 0 || p.invalid > 0 || fileErrors.length > 0;
  const canImport = !blocking && p.toCreate > 0 && !busy;
  const taken = new Map<string, string>();
  for (const [h, fld] of Object.entries(p.mapping)) if (fld) taken.set(fld, h);

  function setColumn(header: string, field: string | null) {
    const next: ColumnMapping = {};
    for (const c of p.columns) next[c.header] = p.mapping[c.header] ?? null;
    next[header] = field;
    onMapping(next);
  }

  return (
    <Stack gap="md" data-testid="import-preview">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {file.name}
          </Title>
          <Text size="sm" c="dimmed">
            {t('import.fileFacts', {
              register: t(`registerShort.${p.register}`),
              format: p.format.toUpperCase(),
              size: formatBytes(file.size, f.lang),
            })}
            {p.encoding && <> · {t('import.encoding', { encoding: p.encoding.toUpperCase() })}</>}
            {' · '}
            <Tooltip label={p.sha256}>
              <span className="tabular">{t('import.digest', { digest: p.sha256.slice(0, 12) })}</span>
            </Tooltip>
          </Text>
        </div>
        <Group gap="sm">
          {p.sheets.length > 1 && (
            <Select
              label={t('import.sheet')}
              data={p.sheets}
              value={p.sheet}
              onChange={(s) => s && onSheet(s)}
              disabled={busy}
              w={220}
            />
          )}
          <Button variant="default" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={onBack} disabled={busy} data-testid="import-back">
            {t('import.another')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t('import.statRows')} value={f.number(p.rows)} testId="stat-rows" />
        <Stat label={t('import.statNew')} value={f.number(p.toCreate)} color="teal.8" icon={<IconCircleCheck size={18} aria-hidden />} testId="stat-new" />
        <Stat label={t('import.statDuplicates')} value={f.number(p.duplicates)} color="gray.7" icon={<IconHistory size={18} aria-hidden />} testId="stat-duplicates" />
        <Stat label={t('import.statInvalid')} value={f.number(p.invalid)} color={p.invalid ? 'red.8' : 'gray.7'} icon={<IconAlertCircle size={18} aria-hidden />} testId="stat-invalid" />
      </SimpleGrid>

      {p.missingRequired.length > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('import.missingTitle')} data-testid="import-missing">
          <Text size="sm">
            {t('import.missingBody', { fields: p.missingRequired.map((x) => fieldLabel(p.fields, x, f.lang)).join(', ') })}
          </Text>
        </Alert>
      )}
      {fileErrors.length > 0 && (
        <MessageList
          color="red"
          icon={<IconAlertCircle size={18} />}
          title={t('import.fileErrorsTitle')}
          testId="import-file-errors"
          lines={fileErrors.map((w) => `${w.row != null ? `${t('import.rowN', { row: w.row })} — ` : ''}${lang(w.message, f.lang)}`)}
        />
      )}
      {p.missingRequired.length === 0 && fileErrors.length === 0 && p.invalid > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('import.invalidTitle', { count: p.invalid, n: f.number(p.invalid) })} data-testid="import-invalid">
          <Text size="sm">{t('import.invalidBody')}</Text>
        </Alert>
      )}
      {notices.length > 0 && (
        <MessageList color="yellow" icon={<IconInfoCircle size={18} />} title={t('import.noticesTitle')} testId="import-notices" lines={notices.map((w) => lang(w.message, f.lang))} />
      )}

      <TableSection id="mapping-heading" title={t('import.mappingTitle')} intro={t(p.mappingSource === 'remembered' && proposed?.source === 'remembered' ? 'import.mappingRemembered' : 'import.mappingHelp')} introGap="xs" mah={520}>
        <Table withTableBorder verticalSpacing={4} fz="sm" stickyHeader data-testid="mapping-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">{t('import.column')}</Table.Th>
              <Table.Th>{t('import.samples')}</Table.Th>
              <Table.Th w={300}>{t('import.mapsTo')}</Table.Th>
              <Table.Th w={150}>{t('import.origin')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {p.columns.map((c) => {
              const value = p.mapping[c.header] ?? null;
              const data = [
                { value: NONE, label: t('import.notImported') },
                ...p.fields.map((x) => {
                  const other = taken.get(x.field);
                  const usedElsewhere = other !== undefined && other !== c.header;
                  const suffix = x.exportOnly ? ` — ${t('import.computed')}` : usedElsewhere ? ` — ${t('import.usedBy', { column: other })}` : x.required ? ' *' : '';
                  return { value: x.field, label: `${lang(x.label, f.lang)}${suffix}`, disabled: x.exportOnly || usedElsewhere };
                }),
              ];
              const missing = value !== null && p.missingRequired.includes(value);
              return (
                <Table.Tr key={c.header} data-testid="mapping-row">
                  <Table.Td fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {c.header || <Text span c="dimmed" size="sm">{t('import.noHeader')}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2} style={{ overflowWrap: 'anywhere' }} title={c.samples.join(' | ')}>
                      {c.samples.filter(Boolean).join(' · ') || t('import.emptySamples')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('import.mapsToColumn', { column: c.header })}
                      size="xs"
                      data={data}
                      value={value ?? NONE}
                      onChange={(v) => setColumn(c.header, !v || v === NONE ? null : v)}
                      disabled={busy}
                      searchable
                      error={missing}
                      comboboxProps={{ width: 340, position: 'bottom-start' }}
                      maxDropdownHeight={320}
                    />
                  </Table.Td>
                  <Table.Td>
                    <OriginBadge origin={originOf(c.header, p.mapping, proposed)} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </TableSection>

      {p.issues.length > 0 && (
        <TableSection
          id="issues-heading"
          title={t('import.issuesTitle', { count: p.issuesTotal, n: f.number(p.issuesTotal) })}
          intro={p.issuesTotal > p.issues.length ? t('import.issuesFirst', { shown: f.number(p.issues.length), total: f.number(p.issuesTotal) }) : undefined}
          mah={380}
        >
          <Table withTableBorder striped verticalSpacing={4} fz="sm" stickyHeader data-testid="issues-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>{t('import.row')}</Table.Th>
                <Table.Th w="18%">{t('import.column')}</Table.Th>
                <Table.Th>{t('import.message')}</Table.Th>
                <Table.Th w="18%">{t('import.value')}</Table.Th>
                <Table.Th w={110}>{t('import.severity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.issues.map((i, k) => (
                <Table.Tr key={k} data-testid="issue-row">
                  <Table.Td className="tabular">{i.row ?? '—'}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{i.column ?? fieldLabel(p.fields, i.field, f.lang) ?? '—'}</Table.Td>
                  <Table.Td>{lang(i.message, f.lang)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {i.value ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Severity issue={i} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableSection>
      )}

      {p.sample.length > 0 && <SampleTable preview={p} />}

      <Paper withBorder p="md" bg={blocking ? 'red.0' : 'gray.0'} data-testid="import-confirm">
        <Group justify="space-between" wrap="wrap" gap="sm">
          <Group gap={8} wrap="nowrap" style={{ flex: '1 1 420px' }}>
            {blocking ? <IconAlertCircle size={20} color="var(--mantine-color-red-8)" aria-hidden /> : <IconLock size={20} aria-hidden />}
            <Text size="sm" data-testid="import-confirm-text">
              {blocking
                ? t('import.blocked')
                : p.toCreate === 0
                  ? t('import.nothingNew', { count: p.duplicates, n: f.number(p.duplicates) })
                  : t('import.ready', { count: p.toCreate, n: f.number(p.toCreate), skipped: f.number(p.duplicates) })}
            </Text>
          </Group>
          <Button size="md" onClick={onCommit} disabled={!canImport} leftSection={<IconCircleCheck size={18} aria-hidden />} data-testid="import-commit">
            {t('import.commit', { count: p.toCreate, n: f.number(p.toCreate) })}
          </Button>
        </Group>
      </Paper>
    </Stack>
  );
}

/** What the file check found about the file as a whole (errors, notices): one line each under a heading. */
function MessageList({ color, icon, title, testId, lines }: { color: string; icon: ReactNode; title: string; testId: string; lines: string[] }) {
  return (
    <Alert color={color} variant="light" icon={icon} title={title} data-testid={testId}>
      <Stack gap={2}>
        {lines.map((line, k) => (
          <Text size="sm" key={k}>
            {line}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

function SampleTable({ preview: p }: { preview: ImportPreview }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const mapped = p.fields.filter((x) => Object.values(p.mapping).includes(x.field) && !x.exportOnly).slice(0, 5);
  return (
    <TableSection id="sample-heading" title={t('import.sampleTitle', { count: p.sample.length })}>
      <Table withTableBorder verticalSpacing={4} fz="sm" data-testid="sample-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={70}>{t('import.row')}</Table.Th>
            <Table.Th w={170}>{t('import.rowStatus')}</Table.Th>
            {mapped.map((x) => (
              <Table.Th key={x.field}>{lang(x.label, f.lang)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.sample.map((s) => (
            <Table.Tr key={s.row}>
              <Table.Td className="tabular">{s.row}</Table.Td>
              <Table.Td>
                <RowStatus status={s.status} t={t} />
              </Table.Td>
              {mapped.map((x) => (
                <Table.Td key={x.field}>
                  <Text size="sm" lineClamp={1} title={s.values[x.field] ?? ''}>
                    {s.values[x.field] ?? ''}
                  </Text>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableSection>
  );
}

/** One of the preview's tables under its small heading (and a line saying what it shows), scrolling within `mah`. */
function TableSection({ id, title, intro, introGap = 4, mah, children }: { id: string; title: string; intro?: string; introGap?: 4 | 'xs'; mah?: number; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" tt="uppercase" c="dimmed" mb={4} id={id} style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="dimmed" mb={introGap}>
          {intro}
        </Text>
      )}
      <ScrollArea.Autosize mah={mah} type="auto">
        {children}
      </ScrollArea.Autosize>
    </section>
  );
}

function RowStatus({ status, t }: { status: 'new' | 'duplicate' | 'invalid'; t: FeatureT }) {
  const look = {
    new: { color: 'teal.8', icon: <IconCircleCheck size={15} aria-hidden /> },
    duplicate: { color: 'gray.7', icon: <IconHistory size={15} aria-hidden /> },
    invalid: { color: 'red.8', icon: <IconAlertCircle size={15} aria-hidden /> },
  }[status];
  return <Marked color={look.color} icon={look.icon} label={t(`rowStatus.${status}`)} />;
}

/* ------------------------------------------------------------------------------------------ */

function ResultStep({ result, onAgain }: { result: ImportCommitResult; onAgain(): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const go = useNavigation((s) => s.go);
  // Each register's list view is named after it.
  const view = registerNamed(result.register).name;
  return (
    <Paper withBorder p="md" data-testid="import-result">
      <Stack gap="sm">
        <Group gap={8}>
          <IconCircleCheck size={22} color="var(--mantine-color-teal-8)" aria-hidden />
          <Title order={2} size="h3">
            {t('import.doneTitle', { file: result.fileName })}
          </Title>
        </Group>
        <Text size="sm" data-testid="import-result-text">
          {t('import.doneBody', { count: result.created, created: f.number(result.created), skipped: f.number(result.duplicates) })}
        </Text>
        <Text size="xs" c="dimmed">
          {t('import.doneAudit', { seq: f.number(result.auditSeq), digest: result.sha256.slice(0, 12) })}
        </Text>
        <Group gap="sm">
          {viewComponent(view) && (
            <Button onClick={() => go({ name: view })} data-testid="import-open-register">
              {t('import.openRegister', { register: t(`registerShort.${result.register}`) })}
            </Button>
          )}
          <Button variant="default" onClick={onAgain}>
            {t('import.again')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
