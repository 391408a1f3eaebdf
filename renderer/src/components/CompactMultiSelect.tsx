import { MultiSelect, Pill, Tooltip, type MultiSelectProps } from '@mantine/core';

type Props = Omit<MultiSelectProps, 'renderPill' | 'value' | 'onChange' | 'data'> & {
  data: { value: string; label: string }[];
  value: string[];
  onChange(value: string[]): void;
};

/**
 * A multi-select for a filter bar: it stays one line high, showing the first choice and "+N"
 * for the rest (all of them on hover), so picking filters does not push the table down.
 */
export function CompactMultiSelect({ data, value, onChange, ...props }: Props) {
  const labelOf = (v: string) => data.find((d) => d.value === v)?.label ?? v;
  return (
    <MultiSelect
      {...props}
      data={data}
      value={value}
      onChange={onChange}
      // The (read-only) input field after the pills must not take the room the first pill needs.
      styles={{
        pillsList: { flexWrap: 'nowrap', overflow: 'hidden' },
        inputField: value.length > 0 ? { minWidth: 0, flex: '0 1 0' } : {},
      }}
      renderPill={({ value: v, onRemove }) => {
        const index = v === undefined ? -1 : value.indexOf(v);
        if (index === 0) {
          return (
            <Pill withRemoveButton onRemove={onRemove} style={{ flex: '0 0 auto', maxWidth: value.length > 1 ? '6rem' : '8.5rem' }}>
              {labelOf(v!)}
            </Pill>
          );
        }
        if (index === 1) {
          return (
            <Tooltip label={value.slice(1).map(labelOf).join(', ')}>
              <Pill style={{ flex: '0 0 auto' }}>+{value.length - 1}</Pill>
            </Tooltip>
          );
        }
        return null;
      }}
    />
  );
}
