/**
 * Mastodon instances beyond those the extension ships with: the user adds a domain, the browser asks
 * for that one site (an optional host permission, requested here because the request needs the click),
 * and the background registers the Mastodon content scripts for it (src/background/instances.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../../shared/i18n.ts';
import { normalizeInstanceDomain } from '../../shared/instance-domain.ts';

/** Hosts the manifest's content scripts already cover. */
function shippedHosts(): string[] {
  const hosts = new Set<string>();
  for (const cs of browser.runtime.getManifest().content_scripts ?? []) {
    if (!cs.js?.some((f) => /mastodon/.test(f))) continue;
    for (const pattern of cs.matches ?? []) {
      const host = /^https:\/\/([^/*]+)\//.exec(pattern)?.[1];
      if (host) hosts.add(host);
    }
  }
  return [...hosts].sort();
}

/** Origins granted beyond the manifest's own: the instances the user added. */
async function addedInstances(): Promise<string[]> {
  const all = new Set((browser.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []));
  const origins = (await browser.permissions.getAll()).origins ?? [];
  return origins
    .filter((o) => !all.has(o))
    .map((o) => /^https:\/\/([^/*]+)\/\*$/.exec(o)?.[1])
    .filter((h): h is string => !!h)
    .sort();
}

/**
 * Adding an instance needs an optional host permission and content scripts registered at run time;
 * a browser without either gets a note instead of a form that cannot work.
 */
const canAddInstances = typeof browser.permissions?.request === 'function' && typeof browser.scripting?.registerContentScripts === 'function';

export function InstancesSection() {
  const [added, setAdded] = useState<string[]>([]);
  const [domain, setDomain] = useState('');
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });
  const refresh = (): void => void addedInstances().then(setAdded, () => setAdded([]));
  useEffect(refresh, []);

  const add = (event: Event): void => {
    event.preventDefault();
    const host = normalizeInstanceDomain(domain);
    if (!host) {
      setStatus({ text: t('instancesInvalid'), error: true });
      return;
    }
    if (shippedHosts().includes(host)) {
      setStatus({ text: t('instancesShipped', host), error: false });
      return;
    }
    // Called straight from the submit: the permission request needs the user's gesture.
    browser.permissions.request({ origins: [`https://${host}/*`] }).then(
      (granted) => {
        setStatus(granted ? { text: t('instancesAdded', host), error: false } : { text: t('instancesDenied', host), error: true });
        if (granted) setDomain('');
        refresh();
      },
      (error: unknown) => setStatus({ text: `${t('instancesDenied', host)} (${String(error)})`, error: true }),
    );
  };

  const remove = (host: string): void => {
    browser.permissions.remove({ origins: [`https://${host}/*`] }).then(refresh, refresh);
  };

  return (
    <section aria-labelledby="instances-title" data-testid="instances">
      <h2 id="instances-title">{t('instancesTitle')}</h2>
      <p class="muted">{t('instancesHelp', shippedHosts().join(', '))}</p>
      {canAddInstances ? (
        <form class="row" onSubmit={add}>
          <label>
            {t('instancesDomainLabel')}{' '}
            <input type="text" inputMode="url" placeholder={t('instancesPlaceholder')} value={domain} data-testid="instance-domain"
              onInput={(e) => setDomain(e.currentTarget.value)} />
          </label>
          <button type="submit" data-testid="instance-add">{t('instancesAdd')}</button>
        </form>
      ) : <p class="notice" data-testid="instances-unsupported">{t('instancesUnsupported')}</p>}
      {added.length > 0 && (
        <ul data-testid="instance-list">
          {added.map((host) => (
            <li key={host}>
              {host}{' '}
              <button type="button" onClick={() => remove(host)} aria-label={t('instancesRemove', host)}>{t('instancesRemoveShort')}</button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" aria-live="polite" class={status.error ? 'error' : ''} data-testid="instance-status">{status.text}</p>
    </section>
  );
}
