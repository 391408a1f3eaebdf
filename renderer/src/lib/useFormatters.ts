import { useMemo } from 'react';
import { useUiLanguage } from '../i18n';
import { useOrgTimeZone } from '../state/appStatus';
import { formatDateTime, formatDay, formatDeadlineDay, formatNumber, type UiLanguage } from './format';

/** The formatters bound to the current UI language and the organisation's time zone. */
export function useFormatters() {
  const lang = useUiLanguage();
  const zone = useOrgTimeZone();
  return useMemo(
    () => ({
      lang: lang satisfies UiLanguage,
      zone,
      dateTime: (iso: string) => formatDateTime(iso, zone, lang),
      day: (iso: string) => formatDay(iso, zone, lang),
      deadlineDay: (iso: string) => formatDeadlineDay(iso, zone, lang),
      number: (n: number) => formatNumber(n, lang),
    }),
    [lang, zone],
  );
}
