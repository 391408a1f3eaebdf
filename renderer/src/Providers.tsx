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
        {/* Top centre, under the header: clear of every dialog's and drawer's buttons (bottom right),
            and of the drawer's close button (top right). */}
        <Notifications position="top-center" limit={4} containerWidth={460} style={{ top: 56 }} />
        {children}
      </DatesProvider>
    </MantineProvider>
  );
}
