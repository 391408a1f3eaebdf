import { SegmentedControl, Stack, Text, type SegmentedControlProps } from '@mantine/core';

/**
 * A segmented choice with a visible label above it that is also its accessible name (a
 * SegmentedControl has no label of its own): the report's language, the import's register, how to
 * give a connection.
 */
export function LabelledSegments({ id, label, ...control }: { id: string; label: string } & Omit<SegmentedControlProps, 'aria-labelledby'>) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl aria-labelledby={id} {...control} />
    </Stack>
  );
}
