import type { ReactNode } from 'react';
import { Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens shown before the register is open: setup, unlock, boot problems. */
export function CenteredPanel({ title, width = 560, children }: { title: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100%" py={40} px="md">
      <Stack maw={width} mx="auto" gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <IconShieldLock size={22} stroke={1.6} color="var(--mantine-color-navy-8)" aria-hidden />
            <div>
              <Text fw={600} size="sm" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text c="dimmed" size="xs" lh={1.2}>
                {t('app.tagline')}
              </Text>
            </div>
          </Group>
          <LanguageSwitch />
        </Group>
        <Paper withBorder p="xl" radius="sm" shadow="xs">
          <Title order={1} mb="md">
            {title}
          </Title>
          {children}
        </Paper>
      </Stack>
    </Box>
  );
}
