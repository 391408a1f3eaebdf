import { useEffect } from 'react';
import { Select } from '@mantine/core';
import { BUILT_IN_PROFILES, hidesAnything } from '@shared/redaction';
import { mayExportInFull } from '@shared/sync/permissions';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useMemberPermissions } from '../../lib/permissions';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordChanges } from '../../state/recordChanges';
import { NS } from './labels';

/**
 * The redaction profile an export is made with (registers, timeline, evidence bundle, report): one
 * select, so every export lists the same profiles — the built-in ones, then the organisation's own
 * from Settings › Redaction — with the same line on what the chosen one hides. A reader exports
 * through a profile only: the profiles that hide nothing are not offered, and the choice moves to
 * the management profile (the core refuses a full export from a reader in any case).
 */
export function ProfileSelect({ value, onChange, testId, w }: { value: string; onChange: (id: string) => void; testId: string; w?: number }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const changes = useRecordChanges((s) => s.epoch + (s.byType.settings ?? 0));
  const { data } = useRemote(() => api.call('redaction.profiles', {}).then((r) => r.profiles), [changes]);
  const permissions = useMemberPermissions();
  const inFull = !permissions || mayExportInFull(permissions);
  const profiles = (data ?? BUILT_IN_PROFILES).filter((p) => inFull || hidesAnything(p));
  const allowed = profiles.some((p) => p.id === value);
  useEffect(() => {
    if (!allowed && !inFull) onChange('management');
  }, [allowed, inFull, onChange]);
  const chosen = profiles.find((p) => p.id === value);
  return (
    <Select
      label={t('profile.label')}
      description={[chosen?.builtIn === false ? t('profile.help.custom') : t(`profile.help.${value}`), inFull ? null : t('profile.readerOnly')].filter(Boolean).join(' ')}
      data={profiles.map((p) => ({ value: p.id, label: f.lang === 'fr' ? p.name.fr : p.name.en }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={w}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
