/** The options page: settings, data ownership and the privacy promise. */
import { t } from '../../shared/i18n.ts';
import type { Settings } from '../../shared/settings.ts';
import { DataSection } from './DataSection.tsx';
import { InstancesSection } from './InstancesSection.tsx';
import { SettingsForm } from './SettingsForm.tsx';

export function Options({ settings }: { settings: Settings }) {
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <SettingsForm initial={settings} />
      <InstancesSection />
      <DataSection />
      <section aria-labelledby="privacy-title">
        <h2 id="privacy-title">{t('privacyTitle')}</h2>
        <ul>
          <li>{t('privacyStored')}</li>
          <li>{t('privacyLocal')}</li>
          <li>{t('privacyNever')}</li>
          <li>{t('privacyText')}</li>
        </ul>
      </section>
    </main>
  );
}
