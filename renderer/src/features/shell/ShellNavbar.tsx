import { AppShell, NavLink, Stack, Text } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { AuditStatus } from './AuditStatus';

/**
 * The registers. Only Complaints exists today: the other registers (correspondence, incidents,
 * actions) get their entry when they exist, not before.
 */
export function ShellNavbar() {
  const { t } = useTranslation();
  const status = useAppStatus((s) => s.status);
  const showList = useNavigation((s) => s.showList);
  const org = status?.profile?.organisation;

  return (
    <AppShell.Navbar p="sm" bg="gray.0">
      <AppShell.Section grow component="nav" aria-label={t('shell.navLabel')}>
        <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={6} style={{ letterSpacing: '0.04em' }}>
          {t('shell.navLabel')}
        </Text>
        <NavLink
          component="button"
          active
          variant="light"
          label={t('shell.complaints')}
          leftSection={<IconMessageReport size={18} stroke={1.6} />}
          onClick={showList}
          aria-current="page"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      </AppShell.Section>
      <AppShell.Section>
        <Stack gap={10} px="sm" pb={4}>
          <AuditStatus />
          {org && (
            <Text size="xs" c="dimmed">
              {t('shell.timeZone', { zone: org.timeZone })}
              <br />
              {t('shell.roleLabel', { role: t(`setup.roles.${org.role}`) })}
            </Text>
          )}
          {status && (
            <Text size="xs" c="dimmed">
              {t('shell.version', { version: status.version })}
            </Text>
          )}
        </Stack>
      </AppShell.Section>
    </AppShell.Navbar>
  );
}
