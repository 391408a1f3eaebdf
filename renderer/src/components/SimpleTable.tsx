import type { CSSProperties, ReactNode } from 'react';
import { Table, Text } from '@mantine/core';

export interface SimpleColumn<T> {
  title: string;
  render(row: T): ReactNode;
  /** Figures are right-aligned so they line up. */
  align?: 'right';
  testId?(row: T): string;
  bold?: boolean;
}

/**
 * A read-only table of a few columns (a report's tables, a matter's steps): a header and one row
 * per item, nothing to click. Lists of records use the register kit's table instead.
 */
export function SimpleTable<T>({
  rows,
  columns,
  rowKey,
  rowTestId,
  rowStyle,
  striped,
  dense,
  testId,
}: {
  rows: readonly T[];
  columns: SimpleColumn<T>[];
  rowKey(row: T): string;
  rowTestId?(row: T): string;
  /** A row that no longer counts (a superseded deadline) can be shown fainter. */
  rowStyle?(row: T): CSSProperties | undefined;
  striped?: boolean;
  /** Tighter rows, for a table inside a record's panel. */
  dense?: boolean;
  testId?: string;
}) {
  return (
    <Table withTableBorder striped={striped} fz="sm" data-testid={testId} {...(dense ? { verticalSpacing: 6, horizontalSpacing: 'sm' } : {})}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c) => (
            <Table.Th key={c.title} ta={c.align}>
              {c.title}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={rowKey(r)} data-testid={rowTestId?.(r)} style={rowStyle?.(r)}>
            {columns.map((c) => (
              <Table.Td key={c.title} ta={c.align} fw={c.bold ? 700 : undefined} data-testid={c.testId?.(r)}>
                {c.render(r)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A record's reference over its title (and what else names it), in a table cell. */
export function RefCell({ reference, sub }: { reference: string; sub: string }) {
  return (
    <>
      <Text size="sm" fw={600}>
        {reference}
      </Text>
      <Text size="xs" c="dimmed">
        {sub}
      </Text>
    </>
  );
}
