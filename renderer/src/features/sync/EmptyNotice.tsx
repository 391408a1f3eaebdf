import type { ReactNode } from 'react';
import { Group, Paper, Text, ThemeIcon } from '@mantine/core';

/** A quiet "nothing here" line with its reason. */
export function EmptyNotice({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <Paper withBorder p="md" bg="gray.0">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color="teal" size={32}>
          {icon}
        </ThemeIcon>
        <div>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {body}
          </Text>
        </div>
      </Group>
    </Paper>
  );
}
