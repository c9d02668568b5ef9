/** Entry point of the tab: connect to the host (Teams or a plain browser), then render. */
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { connectHost } from './host/host';

const container = document.getElementById('root');
if (!container) throw new Error('PUI Desk: the page has no #root element.');
const root = createRoot(container);
connectHost(window).then(
  (host) => root.render(<App host={host} />),
  (error: unknown) => {
    container.textContent = 'PUI Desk kunde inte starta. Ladda om sidan. / PUI Desk could not start. Reload the page.';
    throw error;
  },
);
