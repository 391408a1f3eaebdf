import { Text, Title } from '@mantine/core';

/** A sync section's heading and the sentence that says what it holds. */
export function SectionIntro({ title, help }: { title: string; help: string }) {
  return (
    <div>
      <Title order={2} size="h3">
        {title}
      </Title>
      <Text size="xs" c="dimmed" maw={760}>
        {help}
      </Text>
    </div>
  );
}
