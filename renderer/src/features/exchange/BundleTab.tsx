import { useEffect, useState } from 'react';
import { Alert, Button, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconCircleX, IconFileZip, IconPackageExport } from '@tabler/icons-react';
import { fingerprintText, type BundleResult, type BundleScope, type BundleVerifyResult } from '@shared/schemas/bundle';
import type { ExportLang } from '@shared/schemas/export';
import type { Matter } from '@shared/schemas/matter';
import { api } from '../../api';
import { PeriodInput } from '../../components/PeriodInput';
import { DropZone } from '../../components/DropZone';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatBytes } from '../../components/records/labels';
import { SectionPanel } from '../../components/SectionPanel';
import { useFeatureT } from '../../lib/featureT';
import { startOfLocalDay, startOfNextLocalDay } from '../../lib/orgTime';
import { useAction } from '../../lib/useAction';
import { useFormatters } from '../../lib/useFormatters';
import { useRecordTypeVersion } from '../../state/recordChanges';
import { ExportLangChoice, ExportPanel } from './ExportPanel';
import { readAsBase64, saveFile, sizeOfBase64 } from './files';
import { IncidentPicker } from './IncidentPicker';
import { ProfileSelect } from './ProfileSelect';
import { NS } from './labels';
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
  const exp = useFileExport<BundleResult>('bundle');

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
    await exp.exportFile(t('bundle.what'), (jobId) => api.call('exports.bundle', { scope, lang, profile, jobId }));
  }

  return (
    <ExportPanel testId="bundle-make" title={t('bundle.makeTitle')} help={t('bundle.makeHelp')} exp={exp} failedTitle={t('bundle.failed')} saved={(result) => <BundleSaved result={result} />}>
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
        <PeriodInput
          label={t('bundle.period')}
          description={t('bundle.periodHelp')}
          value={range}
          onChange={([from, to]) => setRange([from, to])}
          w={300}
          data-testid="bundle-period"
        />
      )}
      <ExportLangChoice id="bundle-lang" value={lang} onChange={setLang} />
      <ProfileSelect value={profile} onChange={setProfile} testId="bundle-profile" w={360} />
      {profile !== 'full' && (
        <Text size="xs" c="orange.8" data-testid="bundle-redacted-note">
          {t('bundle.redactedNote')}
        </Text>
      )}
      <Group>
        <Button leftSection={<IconPackageExport size={16} aria-hidden />} onClick={() => void make()} disabled={!scope || exp.job !== null} data-testid="bundle-make-button">
          {t('bundle.make')}
        </Button>
      </Group>
    </ExportPanel>
  );
}

/** The bundle saved: how much it holds and the key it is signed with (a bundle carries no provenance note: it is its own proof). */
function BundleSaved({ result }: { result: BundleResult }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
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
  // Which file is being checked, to name it while the check runs.
  const { running: checking, error, run } = useAction<string>();
  const [answer, setAnswer] = useState<{ fileName: string; result: BundleVerifyResult } | null>(null);

  async function check(file: File | null) {
    if (!file) return;
    setAnswer(null);
    await run(async () => {
      const contentBase64 = await readAsBase64(file);
      const result = await api.call('exports.verifyBundle', { fileName: file.name, contentBase64 });
      setAnswer({ fileName: file.name, result });
    }, file.name);
  }

  return (
    <SectionPanel testId="bundle-check" title={t('bundle.checkTitle')} help={t('bundle.checkHelp')}>
      <DropZone
        icon={<IconFileZip size={32} stroke={1.4} color="var(--mantine-color-gray-6)" aria-hidden />}
        title={checking ? t('bundle.checking', { file: checking }) : t('bundle.drop')}
        accept=".zip,application/zip"
        chooseLabel={t('bundle.choose')}
        onFile={(file) => void check(file)}
        loading={checking !== null}
        testId="bundle-dropzone"
        chooseTestId="bundle-choose"
      />
      {error !== null && <ErrorNotice error={error} title={t('bundle.checkFailed')} />}
      {answer && <VerifyAnswer fileName={answer.fileName} r={answer.result} when={answer.result.createdAt ? f.dateTime(answer.result.createdAt) : null} />}
    </SectionPanel>
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
