import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/charts/styles.css';
import '@mantine/notifications/styles.css';
import 'mantine-datatable/styles.css';
import './global.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n';
import { wireStores } from './state/wire';
import { useAppStatus } from './state/appStatus';
import { Providers } from './Providers';
import { App } from './App';
import { wireCoreState } from './features/core/coreState';
import { reportUserActivity } from './features/core/activity';

async function start() {
  await initI18n();
  wireStores();
  wireCoreState();
  reportUserActivity();
  void useAppStatus.getState().load();
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <Providers>
        <App />
      </Providers>
    </StrictMode>,
  );
}

void start();
