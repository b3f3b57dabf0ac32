/**
 * The renderer's composition root: pick the API for this host, build the store, start the
 * bridge that mirrors the services into it, and render the shell.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { selectApi } from './api/select-api';
import { MissingToken } from './components/missing-token';
import { AppShell } from './containers/app-shell';
import { startBridge } from './state/bridge';
import { createInloopStore } from './state/store';
import { StoreProvider } from './state/use-inloop';
import './styles/index.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
const selection = selectApi(window);

if (selection.ok) {
  const { api, connection } = selection.handle;
  const store = createInloopStore(api);
  startBridge(api, connection, store);
  root.render(
    <StrictMode>
      <StoreProvider store={store}>
        <AppShell />
      </StoreProvider>
    </StrictMode>,
  );
} else {
  root.render(<MissingToken />);
}
