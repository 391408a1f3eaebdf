import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

/**
 * A sync section's heading and the sentence that says what it holds; `id` lets the section be named
 * by its heading, `action` puts the section's button on the right.
 */
export function SectionIntro({ title, help, id, action }: { title: string; help: string; id?: string; action?: ReactNode }) {
  const intro = (
    <div>
      <Title order={2} size="h3" id={id}>
        {title}
      </Title>
      <Text size="xs" c="dimmed" maw={760}>
        {help}
      </Text>
    </div>
  );
  if (!action) return intro;
  return (
    <Group justify="space-between" align="flex-start" mb="xs" wrap="nowrap">
      {intro}
      {action}
    </Group>
  );
}
