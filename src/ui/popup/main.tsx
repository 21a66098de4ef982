/**
 * The popup's start: one storage read (settings and snapshot), then one render. Everything the first
 * render needs is already in the page when this runs: the styles are inlined in index.html and the code
 * comes in few chunks (vite.config.ts), because each extra request delays the popup (issue #2).
 */
import { render } from 'preact';
import { t } from '../../shared/i18n.ts';
import { loadStoredState } from '../components/use-stored-state.ts';
import { Popup } from './Popup.tsx';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('extName');
const root = document.getElementById('app');
if (root) {
  void loadStoredState().then((state) => {
    render(<Popup initial={state} now={Date.now()} />, root);
    // Marks the first render for the benchmark and tests.
    performance.mark('give-first-popup-rendered');
  });
}
