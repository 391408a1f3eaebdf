import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { DATE_FIELD_ATTR } from '../kit/enterGuard';

/**
 * A calendar date typed or picked as day/month/year — the order both UI languages use (en-GB, fr) —
 * and handed over as 'YYYY-MM-DD'. The date means a day in the organisation's zone; callers convert.
 */
const DISPLAY_FORMAT = 'DD/MM/YYYY';
const ACCEPTED = ['d/M/yyyy', 'd.M.yyyy', 'd-M-yyyy', 'yyyy-MM-dd', 'd/M/yy'];

export function parseLocalDate(text: string): string | null {
  const trimmed = text.trim();
  for (const format of ACCEPTED) {
    const dt = DateTime.fromFormat(trimmed, format);
    if (dt.isValid) return dt.toISODate();
  }
  return null;
}

export function LocalDateInput(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat={DISPLAY_FORMAT}
      dateParser={parseLocalDate}
      placeholder={t('form.datePlaceholder')}
      leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />}
      popoverProps={{ withinPortal: true }}
      // Enter confirms the typed date; it does not send the form (kit/DialogForm guardEnter).
      {...{ [DATE_FIELD_ATTR]: true }}
      {...props}
    />
  );
}
