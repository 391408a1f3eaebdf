import type { ReactNode } from 'react';
import { Group, Paper, Text, Title } from '@mantine/core';

/** The frame of a record panel: a small uppercase title, an optional count and action, the content. */
export function RecordPanel({
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
  title: string;
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
      component="section"
      aria-label={title}
      data-testid={testId}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      style={highlighted ? { borderColor: 'var(--mantine-color-navy-6)', boxShadow: '0 0 0 1px var(--mantine-color-navy-6)' } : undefined}
    >
      <Group justify="space-between" align="center" mb="sm" wrap="nowrap" gap="sm" mih={26}>
        <Group gap={6} align="baseline" wrap="nowrap">
          <Title order={2} size="h4" tt="uppercase" c="dimmed" style={{ letterSpacing: '0.04em' }}>
            {title}
          </Title>
          {count != null && count > 0 && (
            <Text size="xs" c="dimmed" className="tabular">
              ({count})
            </Text>
          )}
        </Group>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
