import { useState } from 'react';
import { AppShell, Button, Divider, Group, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconLock, IconShieldLock, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { notifyError } from '../../lib/notify';
import { useAppStatus } from '../../state/appStatus';
import { RoleBadge } from '../sync/RoleBadge';

export function ShellHeader() {
  const { t } = useTranslation();
  const profile = useAppStatus((s) => s.status?.profile);
  const [locking, setLocking] = useState(false);

  async function lock() {
    setLocking(true);
    try {
      useAppStatus.getState().apply(await api.call('app.lock', {}));
    } catch (e) {
      notifyError(e);
      setLocking(false);
    }
  }

  return (
    <AppShell.Header px="md">
      <Group h="100%" justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap" miw={0}>
          <IconShieldLock size={22} stroke={1.6} color="var(--mantine-color-navy-8)" aria-hidden />
          <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }}>
            {t('app.name')}
          </Text>
          <Divider orientation="vertical" />
          <Text size="sm" truncate="end" data-testid="organisation-name">
            {profile?.organisation.name}
          </Text>
        </Group>
        <Group gap="md" wrap="nowrap">
          {/* A plain group cannot carry a name (aria-label on a generic element is ignored): screen
              readers read the hidden sentence, sighted users see the icon and the name. */}
          <Group gap={6} wrap="nowrap">
            <IconUser size={16} stroke={1.6} aria-hidden />
            <VisuallyHidden>{t('shell.user', { name: profile?.userName ?? '' })}</VisuallyHidden>
            <Text size="sm" data-testid="user-name" aria-hidden style={{ whiteSpace: 'nowrap' }}>
              {profile?.userName}
            </Text>
          </Group>
          <RoleBadge />
          <LanguageSwitch />
          <Tooltip label={t('shell.lockHint')} multiline w={260}>
            <Button variant="default" size="xs" leftSection={<IconLock size={14} />} loading={locking} onClick={() => void lock()}>
              {t('shell.lock')}
            </Button>
          </Tooltip>
        </Group>
      </Group>
    </AppShell.Header>
  );
}
