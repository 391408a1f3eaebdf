import type { ComponentType, ReactNode } from 'react';
import { ActionIcon, Group, Loader, Stack, Text, Tooltip } from '@mantine/core';
import { useFeatureT } from '../../lib/featureT';
import { RECORDS_NS } from './labels';

/**
 * The body of a record panel that lists what the core returned (links, clocks, attachments): a
 * loader until the first answer (none after a failure: the panel shows its own notice), the
 * panel's empty sentence, or the rows as a plain list. One home so every panel reads the same to
 * a screen reader (a list of rows, a labelled loader).
 */
export function PanelList<T>({ items, error, empty, children }: { items: readonly T[] | null; error: unknown; empty: string | null; children(item: T): ReactNode }) {
  const t = useFeatureT(RECORDS_NS);
  if (items === null) return error === null ? <Loader size="xs" aria-label={t('loading')} /> : null;
  if (items.length === 0)
    return (
      empty !== null && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )
    );
  return (
    <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map(children)}
    </Stack>
  );
}

/** One row of a PanelList: a list item with a rule above it; `faded` for what is withdrawn (archived, unlinked). */
export function PanelRow({ faded, py = 6, gap = 'sm', testId, children }: { faded?: number | false; py?: number; gap?: 'sm' | 'md'; testId: string; children: ReactNode }) {
  return (
    <Group component="li" gap={gap} wrap="nowrap" align="flex-start" py={py} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', opacity: faded || undefined }} data-testid={testId}>
      {children}
    </Group>
  );
}

/** A row's small icon button: the tooltip says what it does, the accessible name says to what. */
export function RowAction({ tip, label, icon: Icon, onClick, loading }: { tip: string; label: string; icon: ComponentType<{ size?: number; stroke?: number }>; onClick(): void; loading?: boolean }) {
  return (
    <Tooltip label={tip}>
      <ActionIcon variant="subtle" color="gray" size="sm" loading={loading} onClick={onClick} aria-label={label}>
        <Icon size={15} stroke={1.6} />
      </ActionIcon>
    </Tooltip>
  );
}
