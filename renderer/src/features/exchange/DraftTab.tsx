import { useEffect, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, CopyButton, Group, Input, Loader, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import type { NotificationDraft } from '@shared/schemas/export';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { DpoContactField } from '../settings/DpoContactField';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRecordVersion } from '../../state/recordChanges';
import { saveFile } from './files';
import { IncidentPicker } from './IncidentPicker';
import { NS } from './labels';
import { useExchangeState } from './store';
import { useAppStatus } from '../../state/appStatus';

type Phase = 'auto' | 'initial' | 'complementary';
type Layout = 'both' | 'fr' | 'en';
type DraftText = NotificationDraft['fr'];

/**
 * "Notification draft": the sections of the CNIL online breach notification, filled from the
 * register, in French and English, each ready to copy, with what is still missing.
 */
export function DraftTab() {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const incident = useExchangeState((s) => s.draftIncident);
  const set = useExchangeState((s) => s.set);
  // The organisation's DPO contact (Settings › Notifications); edited here for this draft only.
  const orgContact = useAppStatus((s) => s.status?.profile?.organisation.dpoContact ?? '');
  const [dpoContact, setDpoContact] = useState(orgContact);
  const [contact] = useDebouncedValue(dpoContact.trim(), 400);
  const [phase, setPhase] = useState<Phase>('auto');
  const [layout, setLayout] = useState<Layout>('both');
  const [answer, setAnswer] = useState<{ key: string; draft: NotificationDraft | null; error: unknown } | null>(null);
  const version = useRecordVersion('incident', incident?.id ?? '');
  const requestKey = incident ? JSON.stringify([incident.id, contact, phase, version]) : null;
  // A draft for another incident never shows; the last one for this incident stays while the next loads.
  const current = answer && incident && answer.key.startsWith(`["${incident.id}"`) ? answer : null;
  const draft = current?.draft ?? null;
  const error = current && current.key === requestKey ? current.error : null;
  const loading = requestKey !== null && answer?.key !== requestKey;

  useEffect(() => {
    if (!incident || !requestKey) return;
    let live = true;
    api
      .call('exports.notificationDraft', { incidentId: incident.id, ...(contact ? { dpoContact: contact } : {}), ...(phase !== 'auto' ? { phase } : {}) })
      .then(
        (d) => live && setAnswer({ key: requestKey, draft: d, error: null }),
        (e: unknown) => live && setAnswer({ key: requestKey, draft: null, error: e }),
      );
    return () => {
      live = false;
    };
  }, [incident, contact, phase, requestKey]);

  const texts: { lang: 'fr' | 'en'; text: DraftText }[] = draft
    ? (layout === 'both' ? (['fr', 'en'] as const) : ([layout] as const)).map((lang) => ({ lang, text: draft[lang] }))
    : [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={900}>
        {t('draft.intro')}
      </Text>
      <Group gap="md" align="flex-start" wrap="wrap">
        <IncidentPicker label={t('draft.incident')} value={incident} onChange={(i) => set({ draftIncident: i })} testId="draft-incident-picker" />
        <Input.Wrapper label={t('draft.phase')} description={t('draft.phaseHelp')} id="draft-phase">
          <div>
            <SegmentedControl
              aria-labelledby="draft-phase-label"
              value={phase}
              onChange={(v) => setPhase(v as Phase)}
              data={[
                { value: 'auto', label: t('draft.phaseAuto') },
                { value: 'initial', label: t('draft.phaseInitial') },
                { value: 'complementary', label: t('draft.phaseComplementary') },
              ]}
            />
          </div>
        </Input.Wrapper>
      </Group>
      <DpoContactField
        description={t('draft.dpoHelp')}
        maxLength={1_000}
        value={dpoContact}
        onChange={(e) => setDpoContact(e.currentTarget.value)}
        maw={760}
        data-testid="draft-dpo"
      />

      {!incident && (
        <Text size="sm" c="dimmed">
          {t('draft.pick')}
        </Text>
      )}
      {loading && !draft && <Loader size="sm" aria-label={t('draft.loading')} />}
      {error !== null && error !== undefined && <ErrorNotice error={error} title={t('draft.failed')} />}

      {draft && (
        <Stack gap="md" data-testid="draft">
          <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
            <div>
              <Title order={2} size="h3">
                {t(`draft.heading.${draft.phase}`, { reference: draft.reference })}
              </Title>
              <Group gap={6} mt={4}>
                <Text size="sm" c="dimmed">
                  {t('draft.decision')}
                </Text>
                <Badge size="sm" variant="light" tt="none" color={draft.decision === 'yes' ? 'teal' : 'yellow'}>
                  {t(`draft.decisionValue.${draft.decision}`)}
                </Badge>
                {loading && <Loader size={12} aria-hidden />}
              </Group>
            </div>
            <SegmentedControl
              value={layout}
              onChange={(v) => setLayout(v as Layout)}
              aria-label={t('draft.layout')}
              data={[
                { value: 'both', label: t('draft.sideBySide') },
                { value: 'fr', label: t('draft.french') },
                { value: 'en', label: t('draft.english') },
              ]}
              data-testid="draft-layout"
            />
          </Group>

          {draft.warnings.length > 0 && (
            <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title={t('draft.warnings', { count: draft.warnings.length })} data-testid="draft-warnings">
              <Stack gap={2}>
                {draft.warnings.map((w) => (
                  <Text size="sm" key={w.en}>
                    • {f.lang === 'fr' ? w.fr : w.en}
                  </Text>
                ))}
              </Stack>
            </Alert>
          )}

          <SimpleGrid cols={texts.length} spacing="md">
            {texts.map(({ lang, text }) => (
              <Group key={lang} justify="space-between" wrap="nowrap" gap="xs">
                <Title order={3} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
                  {lang === 'fr' ? t('draft.french') : t('draft.english')}
                </Title>
                <Group gap={6} wrap="nowrap">
                  <CopyAll text={text.text} label={t('draft.copyAll')} />
                  <Button size="compact-sm" variant="default" leftSection={<IconDownload size={14} aria-hidden />} onClick={() => saveFile(text.file)}>
                    {t('draft.download')}
                  </Button>
                </Group>
              </Group>
            ))}
          </SimpleGrid>
          {/* Sections side by side stay level: the same section of each language on one row. */}
          {(texts[0]?.text.sections ?? []).map((_, k) => (
            <SimpleGrid key={k} cols={texts.length} spacing="md">
              {texts.map(({ lang, text }) => {
                const s = text.sections[k];
                return s ? <Section key={lang} index={k + 1} title={s.title} body={s.body} lang={lang} /> : <div key={lang} />;
              })}
            </SimpleGrid>
          ))}
          <Text size="xs" c="dimmed">
            {t('draft.provenance', { at: f.dateTime(draft.provenance.exportedAt), by: draft.provenance.exportedBy, hash: draft.provenance.auditHeadHash.slice(0, 16) })}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}

function Section({ index, title, body, lang }: { index: number; title: string; body: string; lang: 'fr' | 'en' }) {
  const t = useFeatureT(NS);
  const missing = /\[(to be completed|à compléter)\]/.test(body);
  return (
    <Paper withBorder p="sm" lang={lang} data-testid={`draft-section-${lang}`} style={missing ? { borderColor: 'var(--mantine-color-yellow-5)' } : undefined}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs" mb={4}>
        <Text size="sm" fw={700}>
          {index}. {title}
        </Text>
        <CopyAll text={body} label={t('draft.copySection', { title })} iconOnly />
      </Group>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {body}
      </Text>
      {missing && (
        <Text size="xs" c="yellow.9" mt={4}>
          <IconAlertTriangle size={12} aria-hidden style={{ verticalAlign: -1 }} /> {t('draft.toComplete')}
        </Text>
      )}
    </Paper>
  );
}

function CopyAll({ text, label, iconOnly = false }: { text: string; label: string; iconOnly?: boolean }) {
  const { t: tc } = useTranslation();
  return (
    <CopyButton value={text}>
      {({ copied, copy }) =>
        iconOnly ? (
          <Tooltip label={copied ? tc('common.copied') : label}>
            <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
              {copied ? <IconCheck size={15} /> : <IconCopy size={15} />}
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button size="compact-sm" variant="default" color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />} onClick={copy}>
            {copied ? tc('common.copied') : label}
          </Button>
        )
      }
    </CopyButton>
  );
}
