/** Entry point of the Outlook task pane bundle. */
import { createRoot } from 'react-dom/client';
import { App } from './components/app';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
createRoot(container).render(<App deps={{ href: window.location.href }} />);
