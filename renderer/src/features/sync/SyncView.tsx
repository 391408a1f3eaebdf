import { useEffect, useState, type ReactNode } from 'react';
import { Badge, Group, Loader, Stack, Tabs } from '@mantine/core';
import { IconAlertTriangle, IconDeviceDesktop, IconShieldX, IconUsers } from '@tabler/icons-react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useFeatureT } from '../../lib/featureT';
import { useNavigation, type View } from '../../state/navigation';
import { ConflictsPanel } from './ConflictsPanel';
import { MachinePanel } from './MachinePanel';
import { MembersPanel } from './MembersPanel';
import { QuarantinePanel } from './QuarantinePanel';
import { SyncSetup } from './SyncSetup';
import { SyncStatusPanel } from './SyncStatusPanel';
import { subscribeSyncStatus, useSyncStatus } from './syncStore';
import { PageHeader } from '../../components/PageHeader';

const SECTIONS = ['conflicts', 'members', 'quarantine', 'machine'] as const;
type Section = (typeof SECTIONS)[number];
function isSection(v: string | undefined): v is Section {
  return SECTIONS.includes(v as Section);
}

/** Sync with colleagues: set it up, or see where it stands, the conflicts, the members, this machine. */
export function SyncView({ params }: { params?: Record<string, string> }) {
  const st = useFeatureT('sync');
  const status = useSyncStatus((s) => s.status);
  const error = useSyncStatus((s) => s.error);
  // A section picked here holds until the page is opened again (the indicator opens it on a section).
  const view = useNavigation((s) => s.view);
  const [picked, setPicked] = useState<{ view: View; section: Section } | null>(null);
  // Opened plainly, the page starts on the conflicts when there are some; it does not switch by itself later.
  const [opening] = useState<Section>(() => ((useSyncStatus.getState().status?.openConflicts ?? 0) > 0 ? 'conflicts' : 'members'));
  const section = picked && picked.view === view ? picked.section : isSection(params?.section) ? params.section : opening;
  const setSection = (s: Section) => setPicked({ view, section: s });

  useEffect(() => subscribeSyncStatus(), []);
  // Fresh from the core each time the page opens.
  useEffect(() => {
    void useSyncStatus.getState().load();
  }, []);

  const header = <PageHeader title={st('title')} subtitle={st('subtitle')} />;

  if (!status) {
    return (
      <Stack gap="md">
        {header}
        {error ? <ErrorNotice error={error} title={st('loadFailed')} /> : <Loader size="sm" />}
      </Stack>
    );
  }
  if (!status.configured) {
    return (
      <Stack gap="md">
        {header}
        <SyncSetup />
      </Stack>
    );
  }

  const reachable = status.state === 'online' || status.state === 'syncing';
  const panels: Record<Section, ReactNode> = {
    conflicts: <ConflictsPanel openCount={status.openConflicts} />,
    members: <MembersPanel canReachBackend={reachable} />,
    quarantine: <QuarantinePanel lastSyncedAt={status.lastSyncedAt} />,
    machine: <MachinePanel status={status} />,
  };
  return (
    <Stack gap="md">
      {header}
      <SyncStatusPanel status={status} onShowConflicts={() => setSection('conflicts')} />
      <Tabs value={section} onChange={(v) => isSection(v ?? undefined) && setSection(v as Section)} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="conflicts" leftSection={<IconAlertTriangle size={15} />}>
            <Group gap={6} wrap="nowrap">
              {st('tabs.conflicts')}
              {status.openConflicts > 0 && (
                <Badge size="sm" color="orange" variant="filled" circle={status.openConflicts < 10}>
                  {status.openConflicts}
                </Badge>
              )}
            </Group>
          </Tabs.Tab>
          <Tabs.Tab value="members" leftSection={<IconUsers size={15} />}>
            {st('tabs.members')}
          </Tabs.Tab>
          <Tabs.Tab value="quarantine" leftSection={<IconShieldX size={15} />}>
            {st('tabs.quarantine')}
          </Tabs.Tab>
          <Tabs.Tab value="machine" leftSection={<IconDeviceDesktop size={15} />}>
            {st('tabs.machine')}
          </Tabs.Tab>
        </Tabs.List>
        {SECTIONS.map((s) => (
          <Tabs.Panel key={s} value={s} pt="md">
            {panels[s]}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
