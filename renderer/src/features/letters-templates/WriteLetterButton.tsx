import { useState } from 'react';
import { Anchor, Button } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import type { ComposeTarget } from '@shared/schemas/compose';
import { useFeatureT } from '../../lib/featureT';
import { ComposeDialog } from './ComposeDialog';
import { NS } from './ns';

/**
 * "Write a letter" on a record's page (a complaint, a regulator's letter) or, as a link, on an
 * incident's client row: opens the dialog that merges a template with the record.
 */
export function WriteLetterButton({ target, link = false, onDone }: { target: ComposeTarget; link?: boolean; onDone?(): void }) {
  const t = useFeatureT(NS);
  const [open, setOpen] = useState(false);
  return (
    <>
      {link ? (
        <Anchor component="button" type="button" size="xs" onClick={() => setOpen(true)} data-testid="write-letter">
          {t('compose.open')}
        </Anchor>
      ) : (
        <Button variant="default" leftSection={<IconMailForward size={16} aria-hidden />} onClick={() => setOpen(true)} data-testid="write-letter">
          {t('compose.open')}
        </Button>
      )}
      {open && (
        <ComposeDialog
          target={target}
          onClose={(done) => {
            setOpen(false);
            if (done) onDone?.();
          }}
        />
      )}
    </>
  );
}
