import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { setLanguage, UI_LANGUAGES, useUiLanguage } from '../i18n';
import type { UiLanguage } from '../lib/format';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const lang = useUiLanguage();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language.label')}
      value={lang}
      onChange={(v) => setLanguage(v as UiLanguage)}
      data={UI_LANGUAGES.map((l) => ({
        value: l,
        // Each language names itself, so someone who does not read the current one can still switch.
        label: <span title={t(`language.${l}`)}>{t(`language.short_${l}`)}</span>,
      }))}
    />
  );
}
