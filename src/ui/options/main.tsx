import { render } from 'preact';
import { t } from '../../shared/i18n.ts';
import { loadStoredState } from '../components/use-stored-state.ts';
import { Options } from './Options.tsx';
import './options.css';

document.documentElement.lang = t('@@ui_locale').replace('_', '-');
document.title = t('optionsTitle');
const root = document.getElementById('app');
if (root) void loadStoredState().then(({ settings }) => render(<Options settings={settings} />, root));
