import type { ReactNode } from 'react';
import { Paper, Text } from '@mantine/core';
import { IconCalendarDue } from '@tabler/icons-react';

/** The framed box beside a form that follows what is typed (the deadlines the entered dates set). */
export function FormAside({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" bg="gray.0">
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={6} style={{ letterSpacing: '0.04em' }}>
        <IconCalendarDue size={14} style={{ verticalAlign: '-2px', marginRight: 6 }} aria-hidden />
        {title}
      </Text>
      {children}
    </Paper>
  );
}
