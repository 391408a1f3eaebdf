import { Alert, Badge } from '@mantine/core';
import { IconTargetArrow } from '@tabler/icons-react';
import { DRILL_MARK, DRILL_NOTICE } from '@shared/drills';
import { useUiLanguage } from '../i18n';

/**
 * A breach exercise, marked the same way wherever one shows (incident list and page, clocks,
 * reminders, timeline): a badge with a word, never a colour alone, and on a page the sentence that
 * says what a drill is. The words are shared/drills.ts's, the same as the exports'.
 */
export function DrillBadge({ size = 'sm' }: { size?: 'xs' | 'sm' | 'md' }) {
  const lang = useUiLanguage();
  return (
    <Badge size={size} color="grape.9" variant="outline" leftSection={<IconTargetArrow size={12} aria-hidden />} data-testid="drill-badge" style={{ flexShrink: 0 }}>
      {DRILL_MARK[lang].replace(/[[\]]/g, '')}
    </Badge>
  );
}

export function DrillNotice() {
  const lang = useUiLanguage();
  return (
    <Alert color="grape" variant="light" icon={<IconTargetArrow size={18} aria-hidden />} data-testid="drill-notice" py="xs">
      {DRILL_NOTICE[lang]}
    </Alert>
  );
}
