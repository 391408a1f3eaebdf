import { useEffect } from 'react';
import { Stack, Tabs } from '@mantine/core';
import { IconFileImport, IconFileText, IconPackageExport, IconScale, IconTimelineEvent } from '@tabler/icons-react';
import { api } from '../../api';
import { useFeatureT } from '../../lib/featureT';
import { BundleTab } from './BundleTab';
import { DraftTab } from './DraftTab';
import { ImportWizard } from './ImportWizard';
import { RoleGate } from '../../components/RoleGate';
import { NS } from './labels';
import { RegisterExports } from './RegisterExports';
import { isTab, TABS, useExchangeState, type ExchangeTab } from './store';
import { TimelineTab } from './TimelineTab';
import { PageHeader } from '../../components/PageHeader';

const ICONS: Record<ExchangeTab, React.ReactNode> = {
  regulator: <IconScale size={16} aria-hidden />,
  timeline: <IconTimelineEvent size={16} aria-hidden />,
  draft: <IconFileText size={16} aria-hidden />,
  bundle: <IconPackageExport size={16} aria-hidden />,
  import: <IconFileImport size={16} aria-hidden />,
};

/**
 * Exports and imports: registers for a regulator, incident timelines for management, the CNIL
 * notification draft, evidence bundles (made and checked), and spreadsheets coming in. Params: tab, incident (an incident's id, picked
 * for the timeline or draft tab).
 */
export function ExchangeView({ params }: { params?: Record<string, string> }) {
  const t = useFeatureT(NS);
  const tab = useExchangeState((s) => s.tab);
  const set = useExchangeState((s) => s.set);

  // Opened from elsewhere with a tab and an incident (e.g. an incident's page): show them.
  const wantedTab = params?.tab;
  const wantedIncident = params?.incident;
  useEffect(() => {
    if (isTab(wantedTab)) set({ tab: wantedTab });
    if (!wantedIncident) return;
    let current = true;
    api.call('incidents.get', { id: wantedIncident }).then(
      (d) => {
        if (!current) return;
        if (wantedTab === 'draft') set({ draftIncident: d.incident });
        else if (wantedTab === 'bundle') set({ bundleIncident: d.incident });
        else set({ timelineIncident: d.incident });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [wantedTab, wantedIncident, set]);

  return (
    <Stack gap="md">
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Tabs value={tab} onChange={(v) => isTab(v ?? undefined) && set({ tab: v as ExchangeTab })} keepMounted>
        <Tabs.List mb="md">
          {TABS.map((k) => (
            <Tabs.Tab key={k} value={k} leftSection={ICONS[k]} data-testid={`tab-${k}`}>
              {t(`tabs.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="regulator">
          <RegisterExports />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <TimelineTab />
        </Tabs.Panel>
        <Tabs.Panel value="draft">
          <DraftTab />
        </Tabs.Panel>
        <Tabs.Panel value="bundle">
          {/* Mounted while shown: its file input is not one more on the page under the import wizard's. */}
          {tab === 'bundle' && <BundleTab />}
        </Tabs.Panel>
        <Tabs.Panel value="import">
          <RoleGate action="import">
            <ImportWizard />
          </RoleGate>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
