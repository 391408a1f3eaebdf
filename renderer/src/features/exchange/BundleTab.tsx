import { useEffect, useRef, useState } from 'react';
import { Alert, Button, FileButton, Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAlertTriangle, IconCalendar, IconCircleCheck, IconCircleX, IconFileZip, IconPackageExport, IconUpload } from '@tabler/icons-react';
import { fingerprintText, type BundleResult, type BundleScope, type BundleVerifyResult } from '@shared/schemas/bundle';
import type { ExportLang } from '@shared/schemas/export';
import type { Matter } from '@shared/schemas/matter';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../components/records/labels';
import { useFeatureT } from '../../lib/featureT';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { useFormatters } from '../../lib/useFormatters';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { readAsBase64, saveFile, sizeOfBase64 } from './files';
import { IncidentPicker } from './IncidentPicker';
import { JobProgressBar } from './JobProgressBar';
import { ProfileSelect } from './ProfileSelect';
import { exportLangOptions, NS } from './labels';
import { CancelledNotice } from './ProvenanceNote';
import { useExchangeState } from './store';
import { useFileExport } from './useJob';

type Kind = BundleScope['kind'];

/**
 * "Evidence bundle": make one signed ZIP for an incident, a regulator matter or a period, and
 * check one (dropped here): verified, or the first file or audit entry that does not match.
 */
export function BundleTab() {
  const t = useFeatureT(NS);
  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={900}>
        {t('bundle.intro')}
      </Text>
      <MakeBundle />
      <CheckBundle />
    </Stack>
  );
}

function MakeBundle() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const incident = useExchangeState((s) => s.bundleIncident);
  const set = useExchangeState((s) => s.set);
  const [kind, setKind] = useState<Kind>('incident');
  const [matterId, setMatterId] = useState<string | null>(null);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [lang, setLang] = useState<ExportLang>(f.lang);
  const { job, cancel, exportFile, result, error, cancelled, dismissCancelled } = useFileExport<BundleResult>('bundle');

  const scope: BundleScope | null =
    kind === 'incident'
      ? incident
        ? { kind, incidentId: incident.id }
        : null
      : kind === 'matter'
        ? matterId
          ? { kind, matterId }
          : null
        : range[0] && range[1]
          ? { kind, from: startOfLocalDay(range[0], f.zone) ?? '', to: startOfNextLocalDay(range[1], f.zone) ?? '' }
          : null;

  const [profile, setProfile] = useState('full');

  async function make() {
    if (!scope) return;
    await exportFile(t('bundle.what'), (jobId) => api.call('exports.bundle', { scope, lang, profile, jobId }));
  }

  return (
    <Paper withBorder p="md" data-testid="bundle-make">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3">
            {t('bundle.makeTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('bundle.makeHelp')}
          </Text>
        </div>
        <SegmentedControl
          w="fit-content"
          value={kind}
          onChange={(v) => setKind(v as Kind)}
          aria-label={t('bundle.scope')}
          data={(['incident', 'matter', 'period'] as const).map((k) => ({ value: k, label: t(`bundle.scopeKind.${k}`) }))}
          data-testid="bundle-scope"
        />
        {kind === 'incident' && <IncidentPicker label={t('bundle.incident')} value={incident} onChange={(i) => set({ bundleIncident: i })} testId="bundle-incident-picker" />}
        {kind === 'matter' && <MatterPicker value={matterId} onChange={setMatterId} />}
        {kind === 'period' && (
          <DatePickerInput
            type="range"
            label={t('bundle.period')}
            description={t('bundle.periodHelp')}
            valueFormat="DD/MM/YYYY"
            leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
            value={range}
            onChange={([from, to]) => setRange([from, to])}
            allowSingleDateInRange
            popoverProps={{ withinPortal: true }}
            w={300}
            data-testid="bundle-period"
          />
        )}
        <Group gap={6} wrap="nowrap">
          <Text size="sm" id="bundle-lang">
            {t('exportLanguage')}
          </Text>
          <SegmentedControl size="xs" aria-labelledby="bundle-lang" data={exportLangOptions(t)} value={lang} onChange={(v) => setLang(v as ExportLang)} />
        </Group>
        <ProfileSelect value={profile} onChange={setProfile} testId="bundle-profile" w={360} />
        {profile !== 'full' && (
          <Text size="xs" c="orange.8" data-testid="bundle-redacted-note">
            {t('bundle.redactedNote')}
          </Text>
        )}
        <Group>
          <Button leftSection={<IconPackageExport size={16} aria-hidden />} onClick={() => void make()} disabled={!scope || job !== null} data-testid="bundle-make-button">
            {t('bundle.make')}
          </Button>
        </Group>
        {job && <JobProgressBar job={job} onCancel={cancel} />}
        {cancelled && <CancelledNotice onClose={dismissCancelled} />}
        {error !== null && <ErrorNotice error={error} title={t('bundle.failed')} />}
        {result && (
          <Alert color="teal" variant="light" icon={<IconFileZip size={18} />} title={t('bundle.saved', { file: result.file.fileName, size: formatBytes(sizeOfBase64(result.file.contentBase64), f.lang) })} data-testid="bundle-saved">
            <Stack gap={4}>
              <Text size="sm">{t('bundle.savedBody', { files: result.files, entries: result.auditEntries })}</Text>
              <Text size="sm">
                {t('bundle.signedWith')} <code>{fingerprintText(result.fingerprint)}</code>
              </Text>
              <Group>
                <Button size="compact-sm" variant="default" onClick={() => saveFile(result.file)}>
                  {t('provenance.saveAgain')}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function MatterPicker({ value, onChange }: { value: string | null; onChange(id: string | null): void }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [matters, setMatters] = useState<Matter[]>([]);
  const changes = useRecordTypeVersion('matter');
  useEffect(() => {
    let live = true;
    api.call('matters.list', { limit: 500, sort: { field: 'openedAt', dir: 'desc' } }).then(
      (r) => live && setMatters(r.items),
      () => live && setMatters([]),
    );
    return () => {
      live = false;
    };
  }, [changes]);
  return (
    <Select
      label={t('bundle.matter')}
      placeholder={t('bundle.matterPlaceholder')}
      searchable
      data={matters.map((m) => ({ value: m.id, label: `${m.reference} — ${m.title}${m.regulatorRefs.length ? ` (${m.regulatorRefs.join(', ')})` : ''} · ${f.day(m.openedAt)}` }))}
      value={value}
      onChange={onChange}
      w={560}
      maw="100%"
      nothingFoundMessage={t('bundle.noMatter')}
      data-testid="bundle-matter-picker"
    />
  );
}

function CheckBundle() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const [over, setOver] = useState(false);
  const [checking, setChecking] = useState<string | null>(null);
  const [answer, setAnswer] = useState<{ fileName: string; result: BundleVerifyResult } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const resetRef = useRef<() => void>(null);

  async function check(file: File | null) {
    if (!file) return;
    setError(null);
    setAnswer(null);
    setChecking(file.name);
    try {
      const contentBase64 = await readAsBase64(file);
      const result = await api.call('exports.verifyBundle', { fileName: file.name, contentBase64 });
      setAnswer({ fileName: file.name, result });
    } catch (e) {
      setError(e);
    } finally {
      setChecking(null);
    }
  }

  return (
    <Paper withBorder p="md" data-testid="bundle-check">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h3">
            {t('bundle.checkTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('bundle.checkHelp')}
          </Text>
        </div>
        <Paper
          withBorder
          p="lg"
          data-testid="bundle-dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void check(e.dataTransfer.files[0] ?? null);
          }}
          style={{
            borderStyle: 'dashed',
            borderWidth: 2,
            borderColor: over ? 'var(--mantine-color-navy-6)' : 'var(--mantine-color-gray-4)',
            background: over ? 'var(--mantine-color-navy-0)' : 'var(--mantine-color-gray-0)',
            textAlign: 'center',
          }}
        >
          <Stack gap="xs" align="center">
            <IconFileZip size={32} stroke={1.4} color="var(--mantine-color-gray-6)" aria-hidden />
            <Text size="sm" fw={600}>
              {checking ? t('bundle.checking', { file: checking }) : t('bundle.drop')}
            </Text>
            <FileButton
              resetRef={resetRef}
              accept=".zip,application/zip"
              onChange={(file) => {
                void check(file);
                resetRef.current?.();
              }}
            >
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconUpload size={16} aria-hidden />} loading={checking !== null} data-testid="bundle-choose">
                  {t('bundle.choose')}
                </Button>
              )}
            </FileButton>
          </Stack>
        </Paper>
        {error !== null && <ErrorNotice error={error} title={t('bundle.checkFailed')} />}
        {answer && <VerifyAnswer fileName={answer.fileName} r={answer.result} when={answer.result.createdAt ? f.dateTime(answer.result.createdAt) : null} />}
      </Stack>
    </Paper>
  );
}

function VerifyAnswer({ fileName, r, when }: { fileName: string; r: BundleVerifyResult; when: string | null }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const signer = r.signer;
  const otherKey = r.ok && signer?.thisDevice === false;
  const color = !r.ok ? 'red' : otherKey ? 'yellow' : 'teal';
  const icon = !r.ok ? <IconCircleX size={18} /> : otherKey ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />;
  const title = !r.ok ? t('bundle.notVerified', { file: fileName }) : t('bundle.verified', { file: fileName });
  return (
    <Alert color={color} variant="light" icon={icon} title={title} data-testid="bundle-result" data-ok={r.ok ? 'true' : 'false'}>
      <Stack gap={4}>
        {r.problem && (
          <Text size="sm" fw={600} data-testid="bundle-problem">
            {t(`bundle.problem.${r.problem.kind}`, { path: r.problem.path ?? '', seq: r.problem.seq ?? '' })}
          </Text>
        )}
        {r.problem && (
          <Text size="xs" c="dimmed" lang="en">
            {r.problem.detail}
          </Text>
        )}
        {r.ok && <Text size="sm">{t('bundle.verifiedBody', { files: r.files, entries: r.auditEntries })}</Text>}
        {r.redaction && (
          <Text size="sm" data-testid="bundle-redacted">
            {t('bundle.verifiedRedacted', { profile: f.lang === 'fr' ? r.redaction.name.fr : r.redaction.name.en, hash: r.redaction.rulesHash })}
          </Text>
        )}
        {r.scope && (
          <Text size="sm">
            {t('bundle.about', { scope: `${t(`bundle.scopeKind.${r.scope.kind}`)} ${r.scope.label}`, organisation: r.organisation ?? '', by: r.createdBy ?? '', at: when ?? '' })}
          </Text>
        )}
        {signer && (
          <Text size="sm" data-testid="bundle-signer">
            {t('bundle.signer')} <code>{fingerprintText(signer.fingerprint)}</code> —{' '}
            <strong>{signer.thisDevice ? t('bundle.thisDevice') : t('bundle.otherDevice')}</strong>
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
