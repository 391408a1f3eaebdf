import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { dayjsLocale, useUiLanguage } from './i18n';
import { theme } from './theme';

/** Mantine, its date pickers in the UI language (weeks start on Monday in both), and notifications. */
export function Providers({ children }: { children: ReactNode }) {
  const lang = useUiLanguage();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <DatesProvider settings={{ locale: dayjsLocale(lang), firstDayOfWeek: 1 }}>
        {/* Bottom right, moved to the left while a dialog or a drawer is open (global.css). */}
        <Notifications position="bottom-right" limit={4} />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}
