import { Group, Input } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { DATE_FIELD_ATTR } from '../kit/enterGuard';
import { LocalDateInput } from './LocalDateInput';

export interface LocalDateTimeValue {
  /** 'YYYY-MM-DD' in the organisation's zone, or null when not entered. */
  date: string | null;
  /** 'HH:mm' in the organisation's zone. */
  time: string;
}

interface Props {
  label: string;
  description?: string;
  error?: React.ReactNode;
  required?: boolean;
  value: LocalDateTimeValue;
  onChange(value: LocalDateTimeValue): void;
  /** Prefix for test ids / ids of the two inputs. */
  name: string;
}

/**
 * An instant entered as the wall-clock date and time of the organisation (24-hour clock, whatever
 * the browser's locale). Converting to an instant is the caller's job (lib/orgTime).
 */
export function OrgDateTimeField({ label, description, error, required, value, onChange, name }: Props) {
  const { t } = useTranslation();
  return (
    <Input.Wrapper label={label} description={description} error={error} required={required}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <LocalDateInput
          id={`${name}-date`}
          data-testid={`${name}-date`}
          aria-label={label}
          value={value.date}
          onChange={(date) => onChange({ ...value, date })}
          error={Boolean(error)}
          style={{ flex: '1 1 11rem' }}
          clearable
        />
        {/* The hours and minutes fields, named together ("Time"): a name needs a role to be read. */}
        <TimePicker
          role="group"
          aria-label={t('form.time')}
          format="24h"
          value={value.time}
          onChange={(time) => onChange({ ...value, time })}
          error={Boolean(error)}
          hoursInputLabel={t('form.hours')}
          minutesInputLabel={t('form.minutes')}
          hoursInputProps={{ 'data-testid': `${name}-hours`, [DATE_FIELD_ATTR]: true }}
          minutesInputProps={{ 'data-testid': `${name}-minutes`, [DATE_FIELD_ATTR]: true }}
          w={96}
        />
      </Group>
    </Input.Wrapper>
  );
}
