import { MultiSelect, Pill, Tooltip, type MultiSelectProps } from '@mantine/core';

type Option = { value: string; label: string };
type Props = Omit<MultiSelectProps, 'renderPill' | 'value' | 'onChange' | 'data'> & {
  groups: { group: string; items: Option[] }[];
  value: string[];
  onChange(value: string[]): void;
};

/**
 * components/CompactMultiSelect with options listed under group headings (statuses by register):
 * one line high, the first choice and "+N" (all of them on hover). A pill names its group too,
 * since two registers may share a word ("Closed").
 */
export function GroupedCompactMultiSelect({ groups, value, onChange, ...props }: Props) {
  const labelOf = (v: string) => {
    for (const g of groups) {
      const o = g.items.find((i) => i.value === v);
      if (o) return `${o.label} (${g.group})`;
    }
    return v;
  };
  return (
    <MultiSelect
      {...props}
      data={groups}
      value={value}
      onChange={onChange}
      styles={{
        pillsList: { flexWrap: 'nowrap', overflow: 'hidden' },
        inputField: value.length > 0 ? { minWidth: 0, flex: '0 1 0' } : {},
      }}
      renderPill={({ value: v, onRemove }) => {
        const index = v === undefined ? -1 : value.indexOf(v);
        if (index === 0) {
          return (
            <Tooltip label={labelOf(v!)}>
              <Pill withRemoveButton onRemove={onRemove} style={{ flex: '0 0 auto', maxWidth: value.length > 1 ? '6rem' : '8.5rem' }}>
                {labelOf(v!)}
              </Pill>
            </Tooltip>
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
