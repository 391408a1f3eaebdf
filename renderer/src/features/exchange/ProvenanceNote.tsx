import { useState, type ReactNode } from 'react';
import { ActionIcon, Alert, Button, Code, CopyButton, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCircleCheck, IconCopy, IconDownload, IconFingerprint, IconRefresh } from '@tabler/icons-react';
import type { Provenance } from '@shared/schemas/export';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useAction } from '../../lib/useAction';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './labels';

type Check = { state: 'same' } | { state: 'changed'; entries: number } | null;

/**
 * What an export carries: which app made it, when and by whom, and the audit chain's head at that
 * moment, with a way to check whether the register has changed since.
 */
export function ProvenanceNote({ provenance: p, heading, onSaveAgain }: { provenance: Provenance; heading: ReactNode; onSaveAgain?(): void }) {
  const t = useFeatureT(NS);
  const { t: tc } = useTranslation();
  const f = useFormatters();
  const [check, setCheck] = useState<Check>(null);
  const { busy: checking, error, run } = useAction();

  const compare = () =>
    run(async () => {
      const now = await api.call('exports.provenance', {});
      setCheck(now.auditHeadHash === p.auditHeadHash ? { state: 'same' } : { state: 'changed', entries: Math.max(0, now.auditEntries - p.auditEntries) });
    });

  return (
    <Paper withBorder p="sm" data-testid="provenance">
      <Stack gap={8}>
        <Group justify="space-between" wrap="wrap" gap="sm" align="flex-start">
          <Group gap={6} wrap="nowrap" style={{ minWidth: 0, flex: '1 1 240px' }} align="flex-start">
            <IconCircleCheck size={18} color="var(--mantine-color-teal-8)" aria-hidden style={{ flex: 'none' }} />
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="export-saved">
              {heading}
            </Text>
          </Group>
          {onSaveAgain && (
            <Button size="compact-sm" variant="subtle" leftSection={<IconDownload size={14} aria-hidden />} onClick={onSaveAgain} style={{ flex: 'none' }}>
              {t('provenance.saveAgain')}
            </Button>
          )}
        </Group>
        <Group gap="lg" align="flex-start" wrap="wrap" style={{ rowGap: 4 }}>
          <Fact label={t('provenance.app')}>{`${p.app} ${p.appVersion}`}</Fact>
          <Fact label={t('provenance.made')}>{t('provenance.madeBy', { at: f.dateTime(p.exportedAt), by: p.exportedBy })}</Fact>
          <Fact label={t('provenance.organisation')}>{p.organisation}</Fact>
          {p.redaction && <Fact label={t('provenance.profile')}>{`${f.lang === 'fr' ? p.redaction.name.fr : p.redaction.name.en} · ${p.redaction.rulesHash}`}</Fact>}
        </Group>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
            {t('provenance.hash', { count: p.auditEntries, entries: f.number(p.auditEntries) })}
          </Text>
          <Group gap={4} wrap="nowrap" align="center">
            <IconFingerprint size={16} aria-hidden style={{ flex: 'none' }} color="var(--mantine-color-gray-7)" />
            <Code style={{ overflowWrap: 'anywhere', fontSize: 12 }} data-testid="provenance-hash">
              {p.auditHeadHash}
            </Code>
            <CopyButton value={p.auditHeadHash}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? tc('common.copied') : t('provenance.copyHash')}>
                  <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('provenance.copyHash')}>
                    {copied ? <IconCheck size={15} /> : <IconCopy size={15} />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text size="xs" c="dimmed" mt={2}>
            {t('provenance.hashHelp')}
          </Text>
        </div>
        <Group gap="sm">
          <Button size="compact-sm" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => void compare()} loading={checking}>
            {t('provenance.compare')}
          </Button>
          {check?.state === 'same' && (
            <Text size="sm" c="teal.8" role="status">
              <IconCircleCheck size={14} aria-hidden style={{ verticalAlign: -2 }} /> {t('provenance.same')}
            </Text>
          )}
          {check?.state === 'changed' && (
            <Text size="sm" c="orange.9" role="status">
              {t('provenance.changed', { count: check.entries, entries: f.number(check.entries) })}
            </Text>
          )}
        </Group>
        {error !== null && <ErrorNotice error={error} />}
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0, flex: '1 1 200px' }}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** A cancelled job: said calmly, it is what the user asked for. */
export function CancelledNotice({ onClose, body }: { onClose(): void; body?: string }) {
  const t = useFeatureT(NS);
  return (
    <Alert color="gray" variant="light" withCloseButton onClose={onClose} title={t('job.cancelledTitle')} role="status">
      <Text size="sm">{body ?? t('job.cancelledBody')}</Text>
    </Alert>
  );
}
