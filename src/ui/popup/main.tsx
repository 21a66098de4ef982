import { render } from 'preact';
import { t } from '../../shared/i18n.ts';
import { loadStoredState } from '../components/use-stored-state.ts';
import { Popup } from './Popup.tsx';
import './popup.css';

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
