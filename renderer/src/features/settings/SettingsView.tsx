import { Stack, Tabs } from '@mantine/core';
import { IconBell, IconBuilding, IconEyeOff, IconGavel, IconKey, IconMail, IconSend } from '@tabler/icons-react';
import type { ComponentType, ReactNode } from 'react';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation } from '../../state/navigation';
import { NotificationsTab } from './NotificationsTab';
import { OrganisationTab } from './OrganisationTab';
import { RemindersTab } from './RemindersTab';
import { RedactionTab } from './RedactionTab';
import { RulesTab } from './RulesTab';
import { SecurityTab } from './SecurityTab';
import { NS } from './ns';
import { PageHeader } from '../../components/PageHeader';
import { RoleGate } from '../../components/RoleGate';
import { LettersTab } from '../letters-templates/LettersTab';

/**
 * The tabs of the settings screen, in order. A constant on purpose: a feature with settings of its
 * own (sync, say) gets its own navigation entry rather than a tab here.
 */
const TABS = [
  { value: 'organisation', icon: <IconBuilding size={15} />, Panel: OrganisationTab },
  { value: 'notifications', icon: <IconSend size={15} />, Panel: NotificationsTab },
  // The workspace's settings: an administrator's or a DPO's (README › Roles).
  { value: 'reminders', icon: <IconBell size={15} />, Panel: RemindersTab, workspace: true },
  { value: 'rules', icon: <IconGavel size={15} />, Panel: RulesTab, workspace: true },
  { value: 'redaction', icon: <IconEyeOff size={15} />, Panel: RedactionTab, workspace: true },
  { value: 'letters', icon: <IconMail size={15} />, Panel: LettersTab, workspace: true },
  { value: 'security', icon: <IconKey size={15} />, Panel: SecurityTab },
] as const satisfies readonly { value: string; icon: ReactNode; Panel: ComponentType; workspace?: true }[];

type TabName = (typeof TABS)[number]['value'];

function isTab(v: string | undefined | null): v is TabName {
  return TABS.some((t) => t.value === v);
}

/** Settings of the register: the organisation, reminders, deadline rules and the recovery passphrase. */
export function SettingsView({ params }: { params?: Record<string, string> }) {
  const t = useFeatureT(NS);
  const tab: TabName = isTab(params?.tab) ? params.tab : 'organisation';

  // A tab is part of the view (Back returns to it) but changing tabs is not a step of its own.
  const select = (v: string | null) => {
    if (!isTab(v)) return;
    useNavigation.setState((s) => ({ view: { ...s.view, params: { ...s.view.params, tab: v } } }));
  };

  return (
    <Stack gap="md" maw={1040}>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs value={tab} onChange={select} keepMounted={false}>
        <Tabs.List>
          {TABS.map((x) => (
            <Tabs.Tab key={x.value} value={x.value} leftSection={x.icon}>
              {t(`tabs.${x.value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map(({ value, Panel, ...x }) => (
          <Tabs.Panel key={value} value={value} pt="lg">
            {'workspace' in x ? (
              <RoleGate action="settings">
                <Panel />
              </RoleGate>
            ) : (
              <Panel />
            )}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
