import { Select } from '@mantine/core';
import { BUILT_IN_PROFILES } from '@shared/redaction';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { useRemote } from '../../lib/useRemote';
import { useRecordChanges } from '../../state/recordChanges';
import { NS } from './labels';

/**
 * The redaction profile an export is made with (registers, timeline, evidence bundle): one select,
 * so every export lists the same profiles — the built-in ones, then the organisation's own from
 * Settings › Redaction — with the same line on what the chosen one hides.
 */
export function ProfileSelect({ value, onChange, testId, w }: { value: string; onChange: (id: string) => void; testId: string; w?: number }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  const changes = useRecordChanges((s) => s.epoch + (s.byType.settings ?? 0));
  const { data } = useRemote(() => api.call('redaction.profiles', {}).then((r) => r.profiles), [changes]);
  const profiles = data ?? BUILT_IN_PROFILES;
  const chosen = profiles.find((p) => p.id === value);
  return (
    <Select
      label={t('profile.label')}
      description={chosen?.builtIn === false ? t('profile.help.custom') : t(`profile.help.${value}`)}
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
