import { useRef, useState, type ReactNode } from 'react';
import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';

/**
 * A file dropped here or picked with the button (a spreadsheet to import, a bundle to check): the
 * dashed box lights up while a file is over it; the picker is reset so the same file can be picked
 * twice in a row. While `disabled`, a drop is refused.
 */
export function DropZone({
  icon,
  title,
  help,
  accept,
  chooseLabel,
  onFile,
  disabled = false,
  loading = false,
  primary = false,
  testId,
  chooseTestId,
}: {
  icon: ReactNode;
  title: string;
  help?: string;
  accept: string;
  chooseLabel: string;
  onFile(file: File | null): void;
  disabled?: boolean;
  loading?: boolean;
  /** The page's main action: a filled button. */
  primary?: boolean;
  testId: string;
  chooseTestId: string;
}) {
  const [over, setOver] = useState(false);
  const resetRef = useRef<() => void>(null);
  return (
    <Paper
      withBorder
      p="xl"
      data-testid={testId}
      onDragOver={(e) => {
        e.preventDefault();
        if (!disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) onFile(e.dataTransfer.files[0] ?? null);
      }}
      style={{
        borderStyle: 'dashed',
        borderWidth: 2,
        borderColor: over ? 'var(--mantine-color-navy-6)' : 'var(--mantine-color-gray-4)',
        background: over ? 'var(--mantine-color-navy-0)' : 'var(--mantine-color-gray-0)',
        textAlign: 'center',
      }}
    >
      <Stack gap="xs" align="center">
        {icon}
        <Text size="sm" fw={600}>
          {title}
        </Text>
        {help && (
          <Text size="sm" c="dimmed" maw={560}>
            {help}
          </Text>
        )}
        <FileButton
          resetRef={resetRef}
          accept={accept}
          onChange={(file) => {
            onFile(file);
            resetRef.current?.();
          }}
          disabled={disabled}
        >
          {(props) => (
            <Button {...props} variant={primary ? 'filled' : 'default'} leftSection={<IconUpload size={16} aria-hidden />} loading={loading} data-testid={chooseTestId}>
              {chooseLabel}
            </Button>
          )}
        </FileButton>
      </Stack>
    </Paper>
  );
}
