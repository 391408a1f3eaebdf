import { MultiSelect, Pill, Tooltip, type MultiSelectProps } from '@mantine/core';

type Option = { value: string; label: string };
type Group = { group: string; items: Option[] };

type Props = Omit<MultiSelectProps, 'renderPill' | 'value' | 'onChange' | 'data'> & {
  /** The options, or the options under group headings (statuses by register). */
  data: Option[] | Group[];
  value: string[];
  onChange(value: string[]): void;
  /** The placeholder while nothing is picked (a filter's "Any"): a picked value says it itself. */
  any?: string;
};

/**
 * A multi-select for a filter bar: it stays one line high, showing the first choice and "+N"
 * for the rest (all of them on hover), so picking filters does not push the table down. With
 * grouped options a pill names its group too (two registers may share a word, "Closed"), and
 * the first pill shows it whole on hover.
 */
export function CompactMultiSelect({ data, value, onChange, any, ...props }: Props) {
  const grouped = data.some((d) => 'group' in d);
  const labelOf = (v: string) => {
    for (const d of data) {
      if ('group' in d) {
        const o = d.items.find((i) => i.value === v);
        if (o) return `${o.label} (${d.group})`;
      } else if (d.value === v) return d.label;
    }
    return v;
  };
  return (
    <MultiSelect
      {...props}
      {...(any !== undefined ? { placeholder: value.length ? undefined : any } : {})}
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
          const pill = (
            <Pill withRemoveButton onRemove={onRemove} style={{ flex: '0 0 auto', maxWidth: value.length > 1 ? '6rem' : '8.5rem' }}>
              {labelOf(v!)}
            </Pill>
          );
          return grouped ? <Tooltip label={labelOf(v!)}>{pill}</Tooltip> : pill;
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
