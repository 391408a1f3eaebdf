import { useAppStatus } from './state/appStatus';
import { BootScreen } from './features/boot/BootScreen';
import { SetupScreen } from './features/setup/SetupScreen';
import { PassphraseAtStartNotice } from './features/setup/PassphraseAtStartNotice';
import { UnlockScreen } from './features/unlock/UnlockScreen';
import { Shell } from './features/shell/Shell';
import { ConnectionBanner } from './components/ConnectionBanner';
import { CoreStopped } from './features/core/CoreStopped';
import { useCoreStopped } from './features/core/coreState';

/** One screen per state of the register; the core's 'app.status' events move between them. */
export function App() {
  const phase = useAppStatus((s) => s.phase);
  const state = useAppStatus((s) => s.status?.state);
  const noticePending = useAppStatus((s) => s.passphraseNeededAtStart);
  const coreStopped = useCoreStopped();

  let screen;
  if (coreStopped) screen = <CoreStopped />;
  else if (phase !== 'ready' || !state) screen = <BootScreen phase={phase} />;
  else if (state === 'needs-setup') screen = <SetupScreen />;
  else if (state === 'locked') screen = <UnlockScreen />;
  else if (noticePending) screen = <PassphraseAtStartNotice />;
  else screen = <Shell />;

  return (
    <>
      <ConnectionBanner />
      {screen}
    </>
  );
}
