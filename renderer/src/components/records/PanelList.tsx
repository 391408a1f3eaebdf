import type { ReactNode } from 'react';
import { Loader, Stack, Text } from '@mantine/core';
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
