import type { ReactNode } from 'react';
import { Code, Table } from '@mantine/core';

/**
 * A few facts about this machine as a two-column table, the label on the left (where the register
 * is kept, the signing key, the workspace this machine belongs to). A record's facts use the kit's
 * FactList instead.
 */
export function FactTable({ rows, maw }: { rows: [label: string, value: ReactNode][]; maw?: number }) {
  return (
    <Table withTableBorder variant="vertical" layout="fixed" verticalSpacing={6} maw={maw}>
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Th w={220}>{label}</Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** A path, an id or a key: monospace, and broken anywhere rather than overflowing the cell. */
export function MachineValue({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <Code fz="xs" style={{ wordBreak: 'break-all' }} data-testid={testId}>
      {children}
    </Code>
  );
}
