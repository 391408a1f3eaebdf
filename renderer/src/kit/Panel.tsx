import type { ReactNode } from 'react';
import { DataList, Group, Paper, Text, Title } from '@mantine/core';

/** A panel's title: small, uppercase, dimmed (a heading of level 2 for the page's outline). */
export function PanelTitle({ children, mb = 'sm' }: { children: ReactNode; mb?: string | number }) {
  return (
    <Title order={2} size="h4" tt="uppercase" c="dimmed" mb={mb} style={{ letterSpacing: '0.04em' }}>
      {children}
    </Title>
  );
}

/**
 * The frame of every panel on a record's page (facts, deadlines, history, links…): a titled
 * section with an optional count and action. Without a title it is a plain bordered box.
 */
export function Panel({
  title,
  count,
  action,
  children,
  testId,
  onDragOver,
  onDragLeave,
  onDrop,
  highlighted,
}: {
  title?: string;
  count?: number | null;
  action?: ReactNode;
  children: ReactNode;
  testId?: string;
  onDragOver?: React.DragEventHandler;
  onDragLeave?: React.DragEventHandler;
  onDrop?: React.DragEventHandler;
  highlighted?: boolean;
}) {
  return (
    <Paper
      withBorder
      p="md"
      component={title ? 'section' : 'div'}
      aria-label={title}
      data-testid={testId}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      style={highlighted ? { borderColor: 'var(--mantine-color-navy-6)', boxShadow: '0 0 0 1px var(--mantine-color-navy-6)' } : undefined}
    >
      {title && (
        <Group justify="space-between" align="center" mb="sm" wrap="nowrap" gap="sm" mih={26}>
          <Group gap={6} align="baseline" wrap="nowrap">
            <PanelTitle mb={0}>{title}</PanelTitle>
            {count != null && count > 0 && (
              <Text size="xs" c="dimmed" className="tabular">
                ({count})
              </Text>
            )}
          </Group>
          {action}
        </Group>
      )}
      {children}
    </Paper>
  );
}

/**
 * A record's facts as label / value pairs; rows that are null are left out (fields shown only when
 * they apply). A row's third element is its test id.
 */
export function FactList({ rows, testId, labelWidth = '11rem' }: { rows: (FactRow | null | false)[]; testId?: string; labelWidth?: string }) {
  return (
    <DataList size="sm" labelWidth={labelWidth} gap={8} data-testid={testId}>
      {rows
        .filter((r): r is FactRow => Boolean(r))
        .map(([label, value, rowTestId]) => (
          <DataList.Item key={label} data-testid={rowTestId}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue>{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
    </DataList>
  );
}

/** A free-text field as written (line breaks kept), or a dimmed word when it is empty. */
export function LongText({ text, none, testId }: { text: string; none?: string; testId?: string }) {
  return (
    <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {text || none}
    </Text>
  );
}

export type FactRow = [label: string, value: ReactNode, testId?: string];
