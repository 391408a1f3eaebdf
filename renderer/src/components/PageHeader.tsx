import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

/**
 * The top of a page: its one heading of level 1 (the page's outline starts here) and the dimmed
 * sentence saying what the page is for, with the page's own buttons on the right when it has some.
 * One home so every page opens the same way for the eye and for a screen reader.
 */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle: ReactNode; actions?: ReactNode }) {
  const heading = (
    <div>
      <Title order={1}>{title}</Title>
      <Text size="sm" c="dimmed">
        {subtitle}
      </Text>
    </div>
  );
  if (!actions) return heading;
  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap">
      {heading}
      <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
        {actions}
      </Group>
    </Group>
  );
}
