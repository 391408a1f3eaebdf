import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';

/**
 * A period picked as two days (one day allowed), written DD/MM/YYYY with the calendar icon, its
 * calendar above any dialog: the report's period, an export's, a bundle's.
 */
export function PeriodInput(props: Omit<DatePickerInputProps<'range'>, 'type'>) {
  return <DatePickerInput type="range" valueFormat="DD/MM/YYYY" leftSection={<IconCalendar size={16} stroke={1.6} aria-hidden />} allowSingleDateInRange popoverProps={{ withinPortal: true }} {...props} />;
}
