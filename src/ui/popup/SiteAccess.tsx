/**
 * Says when the browser does not let Give First see a supported site, and offers to ask for it. Firefox
 * lets people switch off an add-on's access to each site (about:addons → Permissions), and Chrome's
 * "site access" menu can too; capture then stops on that site without a sound, so the popup says so.
 * Asked after the first render, so the balance never waits for it.
 */
import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../shared/extension-api.ts';
import { t } from '../../shared/i18n.ts';

/** The first match pattern of each content script: one origin per supported site. */
function siteOrigins(): string[] {
  const origins = (ext().runtime.getManifest().content_scripts ?? []).map((cs) => cs.matches?.[0]).filter((m): m is string => !!m);
  return [...new Set(origins)];
}

async function missingOrigins(): Promise<string[]> {
  const origins = siteOrigins();
  const granted = await Promise.all(origins.map((origin) => ext().permissions.contains({ origins: [origin] }).catch(() => true)));
  return origins.filter((_, i) => !granted[i]);
}

const hostOf = (origin: string): string => /^https:\/\/([^/]+)\//.exec(origin)?.[1] ?? origin;

export function SiteAccess() {
  const [missing, setMissing] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const refresh = (): void => void missingOrigins().then(setMissing, () => setMissing([]));
  useEffect(refresh, []);
  if (missing.length === 0) return null;
  const ask = (): void => {
    // Straight from the click: the browser asks the user only during a user gesture.
    ext().permissions.request({ origins: missing }).then(
      (granted) => {
        setStatus(granted ? t('siteAccessGranted') : t('siteAccessDenied'));
        refresh();
      },
      () => setStatus(t('siteAccessDenied')),
    );
  };
  return (
    <section class="notice" role="alert" data-testid="site-access">
      <p>{t('siteAccessMissing', missing.map(hostOf).join(', '))}</p>
      <button type="button" onClick={ask}>{t('siteAccessAllow')}</button>
      {status && <p class="muted" role="status">{status}</p>}
    </section>
  );
}
