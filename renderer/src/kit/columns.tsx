import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useFormatters } from '../lib/useFormatters';
import { kitT } from './labels';
import { StatusBadge } from './StatusBadge';

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

/** A list column of free text cut to `lines` lines, the whole of it on hover; `sub` adds a line under it (where it comes from, its number). */
export function textColumn<R>(
  accessor: keyof R & string,
  title: string,
  opts: { width?: number; lines?: number; sub?(record: R): ReactNode; /** A mark before the text (e.g. a drill's badge), or null. */ lead?(record: R): ReactNode } = {},
): DataTableColumn<R> {
  return {
    accessor,
    title,
    width: opts.width,
    render: (r) => {
      const text = String(r[accessor] ?? '');
      const lead = opts.lead?.(r);
      const line = (
        <Text size="sm" lineClamp={opts.lines ?? 1} title={text}>
          {text}
        </Text>
      );
      const main = lead ? (
        <Group gap={6} wrap="nowrap">
          {lead}
          {line}
        </Group>
      ) : (
        line
      );
      return opts.sub ? (
        <div>
          {main}
          {opts.sub(r)}
        </div>
      ) : (
        main
      );
    },
  };
}

/** A list column of the record's status badge (words and colour from the one status vocabulary). */
export function statusColumn<R extends { status: string }>(type: string, title: string, opts: { width?: number; testId?: string } = {}): DataTableColumn<R> {
  return { accessor: 'status', title, width: opts.width ?? 110, render: (r) => <StatusBadge type={type} status={r.status} testId={opts.testId} /> };
}
