import type { ReactNode } from 'react';
import { Group, Text } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';

/** A short warning under a value (reasons for a delay missing): its icon and words in one colour, never colour alone. */
export function WarningLine({ Icon, color, bold, children }: { Icon: Icon; color: string; bold?: boolean; children: ReactNode }) {
  return (
    <Group gap={4} wrap="nowrap" c={color}>
      <Icon size={13} aria-hidden />
      <Text size="xs" c={color} fw={bold ? 600 : undefined}>
        {children}
      </Text>
    </Group>
  );
}
