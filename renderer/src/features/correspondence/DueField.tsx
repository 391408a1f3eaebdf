import { Group, Input, NumberInput, SegmentedControl, Select, Stack } from '@mantine/core';
import type { LetterDateField, LetterPeriod } from '@shared/schemas/letter';
import { LocalDateInput } from '../../components/LocalDateInput';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './labels';
import type { PeriodValue } from './letterForm';

const UNITS: readonly LetterPeriod['unit'][] = ['days', 'weeks', 'months'];
const FROM: readonly LetterDateField[] = ['notifiedAt', 'receivedAt', 'sentAt'];

interface Props {
  name: 'replyDue' | 'complianceDue';
  help: string;
  /** The last day typed by hand ('YYYY-MM-DD'), used when no period is set. */
  date: string | null;
  period: PeriodValue | null;
  onDate(d: string | null): void;
  onPeriod(p: PeriodValue | null): void;
  /** A period to start from when the user switches to "a period". */
  newPeriod(): PeriodValue;
  error?: string;
  periodError?: string;
}

/**
 * A deadline the regulator set, as the letter states it: a date written in the letter, or a
 * period ("within three months of notification") the engine counts from one of its dates. The
 * counted date and its reasoning are in the form's deadlines preview.
 */
export function DueField({ name, help, date, period, onDate, onPeriod, newPeriod, error, periodError }: Props) {
  const t = useFeatureT(NS);
  const label = t(`fields.${name}`);
  const testId = name === 'replyDue' ? 'reply-due' : 'compliance-due';
  return (
    <Input.Wrapper label={label} description={help} error={period ? periodError : error}>
      <Stack gap={6} mt={4}>
        <SegmentedControl
          size="xs"
          data={[
            { value: 'date', label: t('form.dueBy.date') },
            { value: 'period', label: t('form.dueBy.period') },
          ]}
          value={period ? 'period' : 'date'}
          onChange={(mode) => onPeriod(mode === 'period' ? newPeriod() : null)}
          aria-label={t('form.dueBy.aria', { field: label })}
          data-testid={`${testId}-mode`}
        />
        {period ? (
          <Stack gap={6} data-testid={`${testId}-period`}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <NumberInput
                aria-label={t('form.dueBy.amount')}
                value={period.amount}
                onChange={(amount) => onPeriod({ ...period, amount })}
                min={1}
                max={366}
                allowDecimal={false}
                allowNegative={false}
                w={88}
              />
              <Select
                aria-label={t('form.dueBy.unit')}
                data={UNITS.map((u) => ({ value: u, label: t(`form.dueBy.units.${u}`) }))}
                value={period.unit}
                onChange={(unit) => unit && onPeriod({ ...period, unit: unit as LetterPeriod['unit'] })}
                allowDeselect={false}
                style={{ flex: 1 }}
              />
            </Group>
            <Select
              aria-label={t('form.dueBy.from')}
              data={FROM.map((f) => ({ value: f, label: t(`form.dueBy.fromOptions.${f}`) }))}
              value={period.from}
              onChange={(from) => from && onPeriod({ ...period, from: from as LetterDateField })}
              allowDeselect={false}
            />
          </Stack>
        ) : (
          <LocalDateInput data-testid={testId} aria-label={label} value={date} onChange={onDate} clearable />
        )}
      </Stack>
    </Input.Wrapper>
  );
}
