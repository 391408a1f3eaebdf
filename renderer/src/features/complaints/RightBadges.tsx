import { Badge, Group, Tooltip } from '@mantine/core';
import type { DataSubjectRight } from '@shared/schemas/complaint';
import { useFeatureT } from '../../lib/featureT';
import { NS } from './labels';

/** Compact right names in the list; the full name with its article on hover. */
export function RightBadges({ rights }: { rights: readonly DataSubjectRight[] }) {
  const t = useFeatureT(NS);
  return (
    <Group gap={4}>
      {rights.map((r) => (
        <Tooltip key={r} label={t(`right.${r}`)}>
          <Badge variant="outline" color="gray" size="sm" tt="none" fw={500} c="dark.5">
            {t(`rightShort.${r}`)}
          </Badge>
        </Tooltip>
      ))}
    </Group>
  );
}
