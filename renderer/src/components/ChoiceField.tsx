import { Input, SegmentedControl, type SegmentedControlItem } from '@mantine/core';

/**
 * A choice among a few words shown at once (priority, language, direction, phase) as a form
 * field: the label and help above it, the same label as the control's accessible name.
 */
export function ChoiceField<T extends string>({
  label,
  description,
  required,
  data,
  value,
  onChange,
  fullWidth,
  testId,
}: {
  label: string;
  description?: string;
  required?: boolean;
  data: (SegmentedControlItem | string)[];
  value: T;
  onChange(value: T): void;
  /** Across the field's width; else as wide as its words. */
  fullWidth?: boolean;
  testId?: string;
}) {
  const control = <SegmentedControl fullWidth={fullWidth} aria-label={label} data={data} value={value} onChange={(v) => onChange(v as T)} data-testid={testId} />;
  return (
    <Input.Wrapper label={label} description={description} required={required}>
      {fullWidth ? control : <div>{control}</div>}
    </Input.Wrapper>
  );
}
