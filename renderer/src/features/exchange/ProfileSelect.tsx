import { Select } from '@mantine/core';
import { BUILT_IN_PROFILES } from '@shared/redaction';
import { useFeatureT } from '../../lib/featureT';
import { useFormatters } from '../../lib/useFormatters';
import { NS } from './labels';

/**
 * The redaction profile an export is made with (registers, timeline, evidence bundle): one select,
 * so every export lists the same profiles with the same line on what each one hides.
 */
export function ProfileSelect({ value, onChange, testId, w }: { value: string; onChange: (id: string) => void; testId: string; w?: number }) {
  const t = useFeatureT(NS);
  const f = useFormatters();
  return (
    <Select
      label={t('profile.label')}
      description={t(`profile.help.${value}`)}
      data={BUILT_IN_PROFILES.map((p) => ({ value: p.id, label: f.lang === 'fr' ? p.name.fr : p.name.en }))}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={w}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
