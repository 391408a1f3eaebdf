import { Anchor } from '@mantine/core';

/**
 * A record's reference (INC-2026-0007) as a button that opens it: bold, tabular figures, never
 * broken across lines, named for a screen reader by `label` ("Open incident INC-2026-0007").
 * In a table or card whose own click does something else, the click stops here.
 */
export function ReferenceLink({ reference, label, onOpen }: { reference: string; label: string; onOpen(): void }) {
  return (
    <Anchor
      component="button"
      type="button"
      fw={600}
      size="sm"
      className="tabular"
      style={{ whiteSpace: 'nowrap' }}
      aria-label={label}
      onClick={(e: React.MouseEvent) => {
        e.stopPropagation();
        onOpen();
      }}
    >
      {reference}
    </Anchor>
  );
}
