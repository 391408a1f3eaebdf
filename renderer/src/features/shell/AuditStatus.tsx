import { useCallback, useEffect, useRef, useState } from 'react';
import { Anchor, Group, Loader, Text } from '@mantine/core';
import { IconAlertOctagon, IconShieldCheck } from '@tabler/icons-react';
import type { AuditVerifyResult } from '@shared/schemas/audit';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useRecordChanges } from '../../state/recordChanges';
import { describeError } from '../../lib/errors';

/**
 * The audit log's hash chain, verified when the register opens and on demand: the register's
 * evidence value rests on it, so its state is always in sight.
 */
export function AuditStatus() {
  const { t } = useTranslation();
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [checking, setChecking] = useState(false);

  const verify = useCallback(async () => {
    setChecking(true);
    try {
      setResult(await api.call('audit.verify', {}));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setChecking(false);
    }
  }, []);

  // Every write appends to the chain: re-check after changes, once they settle.
  const changes = useRecordChanges((s) => s.epoch + Object.values(s.byType).reduce((a, b) => a + b, 0));
  const verifiedOnce = useRef(false);
  useEffect(() => {
    const delay = verifiedOnce.current ? 1500 : 0;
    verifiedOnce.current = true;
    const timer = window.setTimeout(() => void verify(), delay);
    return () => window.clearTimeout(timer);
  }, [verify, changes]);

  let line: React.ReactNode = t('shell.auditNotChecked');
  let icon: React.ReactNode = null;
  if (error) line = describeError(t, error).message;
  else if (result?.ok) {
    icon = <IconShieldCheck size={14} color="var(--mantine-color-teal-7)" style={{ flexShrink: 0 }} aria-hidden />;
    line = t('shell.auditIntact', { count: result.count });
  } else if (result?.firstBad) {
    icon = <IconAlertOctagon size={14} color="var(--mantine-color-red-7)" style={{ flexShrink: 0 }} aria-hidden />;
    const { problem, seq } = result.firstBad;
    // The sealed head's own absence is not a break at an entry: it says what can no longer be seen.
    line = problem === 'anchor_missing' || problem === 'anchor_unsealed' ? t(`shell.auditAnchorProblems.${problem}`) : t('shell.auditBroken', { seq, problem: t(`shell.auditProblems.${problem}`) });
  }
  // How the chain's end was checked against the heads this machine signed at its pushes.
  const signed = error ? null : result?.signedHead;
  const signedLines = signed
    ? [
        signed.state === 'checked' || signed.state === 'local_copy' ? t(`shell.auditSignedHead.${signed.state}`, { count: signed.entries ?? 0 }) : t(`shell.auditSignedHead.${signed.state}`),
        ...(signed.refused > 0 ? [t('shell.auditSignedHead.refused', { count: signed.refused })] : []),
      ]
    : [];

  return (
    <div>
      <Group gap={6} justify="space-between" wrap="nowrap">
        <Text size="xs" fw={600}>
          {t('shell.auditTitle')}
        </Text>
        {checking ? (
          <Loader size={12} />
        ) : (
          <Anchor component="button" type="button" size="xs" onClick={() => void verify()}>
            {t('shell.auditCheck')}
          </Anchor>
        )}
      </Group>
      <Group gap={4} wrap="nowrap" align="flex-start" mt={2}>
        {icon}
        <Text size="xs" c={result && !result.ok ? 'red.8' : 'dimmed'} data-testid="audit-status">
          {line}
        </Text>
      </Group>
      {signedLines.map((l) => (
        <Text key={l} size="xs" c="dimmed" mt={2} data-testid="audit-signed-head">
          {l}
        </Text>
      ))}
    </div>
  );
}
