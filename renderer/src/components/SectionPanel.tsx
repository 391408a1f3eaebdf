import type { CSSProperties, ReactNode } from 'react';
import { Paper, Stack } from '@mantine/core';
import { FormSection } from './FormSection';

/**
 * A bordered part of a tools page (an export, checking a bundle): the heading and the sentence
 * saying what it does (FormSection, so the outline of headings is the settings' one), then its
 * content, evenly spaced.
 */
export function SectionPanel({ title, help, testId, style, children }: { title: string; help: string; testId: string; style?: CSSProperties; children: ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId} style={style}>
      <FormSection title={title} help={help}>
        <Stack gap="sm">{children}</Stack>
      </FormSection>
    </Paper>
  );
}
