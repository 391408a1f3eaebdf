import { createElement } from 'react';
import { AppShell, Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigation } from '../../state/navigation';
import { features, viewComponent } from '../registry';
import { ShellHeader } from './ShellHeader';
import { ShellNavbar } from './ShellNavbar';

/** The open register: header, navigation on the left, the current view, and feature overlays. */
export function Shell() {
  const view = useNavigation((s) => s.view);
  const { t } = useTranslation();
  // Home is the dashboard; until a dashboard exists, the complaints list.
  const component = viewComponent(view.name) ?? (view.name === 'dashboard' ? viewComponent('complaints') : null);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 232, breakpoint: 0 }} padding="lg">
      <ShellHeader />
      <ShellNavbar />
      <AppShell.Main bg="white">
        {component ? createElement(component, { key: `${view.name}:${view.id ?? ''}`, id: view.id, params: view.params }) : <Alert color="red">{t('shell.unknownView', { view: view.name })}</Alert>}
      </AppShell.Main>
      {features.flatMap((f) => (f.overlays ?? []).map((O, i) => <O key={`${f.name}-${i}`} />))}
    </AppShell>
  );
}
