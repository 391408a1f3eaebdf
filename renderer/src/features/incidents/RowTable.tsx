import type { ReactNode } from 'react';
import { ActionIcon, Menu, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useFormatters } from '../../lib/useFormatters';

export interface RowColumn<T> {
  key: string;
  title: string;
  render(row: T): ReactNode;
}

export interface RowMenuItem {
  label: string;
  icon?: ReactNode;
  color?: string;
  onClick(): void;
}

/**
 * The small tables of an incident's page (its affected clients, the filings of an obligation): a
 * header, one row per item, and a "…" menu per row when the incident can still be changed.
 */
export function RowTable<T extends { id: string }>({
  rows,
  columns,
  testId,
  rowTestId,
  minWidth,
  verticalSpacing = 8,
  mt,
  menu,
}: {
  rows: readonly T[];
  columns: RowColumn<T>[];
  testId: string;
  rowTestId: string;
  minWidth: number;
  verticalSpacing?: number;
  mt?: string;
  /** The row's menu: its accessible name ("Actions for …") and items. */
  menu?: { title: string; label(row: T): string; items(row: T): RowMenuItem[] };
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth} mt={mt}>
      <Table verticalSpacing={verticalSpacing} horizontalSpacing="xs" highlightOnHover data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key}>{c.title}</Table.Th>
            ))}
            {menu && (
              <Table.Th w={40}>
                <VisuallyHidden>{menu.title}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.id} data-testid={rowTestId}>
              {columns.map((c) => (
                <Table.Td key={c.key}>{c.render(r)}</Table.Td>
              ))}
              {menu && (
                <Table.Td>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={menu.label(r)}>
                        <IconDots size={16} aria-hidden />
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      {menu.items(r).map((item) => (
                        <Menu.Item key={item.label} color={item.color} leftSection={item.icon} onClick={item.onClick}>
                          {item.label}
                        </Menu.Item>
                      ))}
                    </Menu.Dropdown>
                  </Menu>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** An instant on one line, in the organisation's zone; `none` (dimmed) when there is none. */
export function Instant({ at, none, size = 'sm' }: { at: string | null; none?: string; size?: 'xs' | 'sm' }) {
  const f = useFormatters();
  if (!at) {
    return none ? (
      <Text span size={size} c="dimmed">
        {none}
      </Text>
    ) : null;
  }
  return (
    <Text size={size} className="tabular" style={{ whiteSpace: 'nowrap' }}>
      {f.dateTime(at)}
    </Text>
  );
}
