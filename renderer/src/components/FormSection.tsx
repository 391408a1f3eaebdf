import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';

/**
 * One part of a long form or settings page (Organisation, Your name, Automatic lock…): a heading
 * of level 2 under the page's title, an optional dimmed sentence saying what the part is for, an
 * optional button on the right, then its fields. One home so setup and every settings tab read the
 * same and keep the same outline of headings.
 */
export function FormSection({ title, help, action, testId, children }: { title: ReactNode; help?: ReactNode; action?: ReactNode; testId?: string; children?: ReactNode }) {
  // The space before the fields goes under the last line of the heading, or under the row with the button.
  const gap = action || children === undefined ? 0 : 'sm';
  const heading = (
    <Title order={2} size="h3" mb={help ? 4 : gap}>
      {title}
    </Title>
  );
  const helpText = help && (
    <Text size="sm" c="dimmed" mb={gap}>
      {help}
    </Text>
  );
  return (
    <section data-testid={testId}>
      {action ? (
        <Group justify="space-between" align="flex-end" mb="sm">
          <div>
            {heading}
            {helpText}
          </div>
          {action}
        </Group>
      ) : (
        <>
          {heading}
          {helpText}
        </>
      )}
      {children}
    </section>
  );
}
