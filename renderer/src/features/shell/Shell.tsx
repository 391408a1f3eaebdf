import { AppShell } from '@mantine/core';
import { useNavigation } from '../../state/navigation';
import { ComplaintList } from '../complaints/ComplaintList';
import { ComplaintDetail } from '../complaints/ComplaintDetail';
import { ComplaintEditor } from '../complaints/ComplaintEditor';
import { ShellHeader } from './ShellHeader';
import { ShellNavbar } from './ShellNavbar';

/** The open register: header, registers on the left, the current view, and the complaint editor. */
export function Shell() {
  const view = useNavigation((s) => s.view);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 232, breakpoint: 0 }} padding="lg">
      <ShellHeader />
      <ShellNavbar />
      <AppShell.Main bg="white">
        {view.name === 'complaints' ? <ComplaintList /> : <ComplaintDetail key={view.id} id={view.id} />}
      </AppShell.Main>
      <ComplaintEditor />
    </AppShell>
  );
}
