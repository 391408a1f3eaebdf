import { useMemo, type ReactNode } from 'react';
import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { dayjsLocale, useUiLanguage } from './i18n';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, labelledComponents, theme } from './theme';

/** Mantine, its date pickers in the UI language (weeks start on Monday in both), and notifications. */
export function Providers({ children }: { children: ReactNode }) {
  const lang = useUiLanguage();
  const { t } = useTranslation();
  const close = t('common.close');
  const clear = t('common.clear');
  const labelled = useMemo(() => mergeThemeOverrides(theme, labelledComponents({ close, clear })), [close, clear]);
  return (
    <MantineProvider theme={labelled} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: dayjsLocale(lang), firstDayOfWeek: 1 }}>
        {/* Bottom right, moved to the left while a dialog or a drawer is open (global.css). */}
        <Notifications position="bottom-right" limit={4} />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}
