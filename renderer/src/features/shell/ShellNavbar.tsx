import { AppShell, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { navEntries, type NavGroup } from '../registry';
import { featureT } from '../../lib/featureT';
import { useAppStatus } from '../../state/appStatus';
import { useNavigation } from '../../state/navigation';
import { AuditStatus } from './AuditStatus';

const GROUPS: NavGroup[] = ['work', 'registers', 'tools'];

/** The features' entries, by group; a feature gets an entry when it exists, not before. */
export function ShellNavbar() {
  const { t } = useTranslation();
  const status = useAppStatus((s) => s.status);
  const view = useNavigation((s) => s.view);
  const go = useNavigation((s) => s.go);
  const entries = navEntries();
  const org = status?.profile?.organisation;

  return (
    <AppShell.Navbar p="sm" bg="gray.0">
      <AppShell.Section grow component="nav" aria-label={t('shell.navLabel')}>
        {GROUPS.map((g) => {
          const items = entries.filter((e) => e.group === g);
          if (items.length === 0) return null;
          return (
            <div key={g} style={{ marginBottom: 12 }}>
              <Text size="xs" fw={600} c="dimmed" tt="uppercase" px="sm" mb={6} style={{ letterSpacing: '0.04em' }}>
                {t(`shell.navGroups.${g}`)}
              </Text>
              {items.map((e) => {
                const active = view.name === e.view || (e.alsoActiveFor ?? []).includes(view.name);
                return (
                  <NavLink
                    key={`${e.ns}:${e.view}`}
                    component="button"
                    active={active}
                    variant="light"
                    label={featureT(e.ns, e.labelKey)}
                    leftSection={e.icon}
                    onClick={() => go({ name: e.view })}
                    aria-current={active ? 'page' : undefined}
                    style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                  />
                );
              })}
            </div>
          );
        })}
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
