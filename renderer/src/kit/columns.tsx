import { Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useFormatters } from '../lib/useFormatters';
import { kitT } from './labels';

/** An instant as a list cell: in the organisation's zone, in tabular figures, on one line; a dash when absent. */
export function InstantText({ iso, as = 'dateTime' }: { iso: string | null; as?: 'dateTime' | 'day' }) {
  const f = useFormatters();
  return (
    <Text size="sm" className="tabular" style={{ whiteSpace: 'nowrap' }}>
      {iso === null ? kitT('common.empty') : as === 'day' ? f.day(iso) : f.dateTime(iso)}
    </Text>
  );
}

/** A list column showing one of the record's instants (received, opened…), to the minute or the day. */
export function instantColumn<R>(accessor: keyof R & string, title: string, opts: { width?: number; as?: 'dateTime' | 'day' } = {}): DataTableColumn<R> {
  return { accessor, title, width: opts.width ?? 150, render: (r) => <InstantText iso={r[accessor] as string | null} as={opts.as} /> };
}

/** A list column of free text cut to `lines` lines, the whole of it on hover. */
export function textColumn<R>(accessor: keyof R & string, title: string, opts: { width?: number; lines?: number } = {}): DataTableColumn<R> {
  return {
    accessor,
    title,
    width: opts.width,
    render: (r) => {
      const text = String(r[accessor] ?? '');
      return (
        <Text size="sm" lineClamp={opts.lines ?? 1} title={text}>
          {text}
        </Text>
      );
    },
  };
}
