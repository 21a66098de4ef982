/**
 * Mastodon on any instance. The manifest ships content scripts for a few large instances; for any other,
 * the user adds its domain in the options page, which asks for that one origin (an optional host
 * permission, `optional_host_permissions: ["https://*\/*"]` in the manifest: nothing is granted at
 * install). Once Chrome grants it, this module registers the same two Mastodon content scripts (MAIN-world
 * tap and isolated script) for that origin with `scripting.registerContentScripts`; registrations persist
 * across browser restarts (`persistAcrossSessions`, the default). Removing the permission unregisters them.
 *
 * The page itself is then checked for the Mastodon web UI (`#mastodon` root, adapters/mastodon): a domain
 * that is not Mastodon reports "degraded" health instead of counting anything.
 *
 * Listeners are added when this module is evaluated, i.e. synchronously at the background's top level.
 */
import browser from 'webextension-polyfill';
import type { Platform } from '../shared/events.ts';
import { normalizeInstanceDomain } from '../shared/instance-domain.ts';

export const INSTANCE_SCRIPT_PREFIX = 'give-first-mastodon-';
const PAGE_SUFFIX = '-page';


export function originPattern(domain: string): string {
  return `https://${domain}/*`;
}

/** The built files of the Mastodon content scripts, as the manifest lists them after the build. */
function mastodonFiles(): { page: string[]; isolated: string[] } | null {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  const page = scripts.find((cs) => cs.js?.some((f) => /\/mastodon\.page\.js$/.test(f)));
  const isolated = scripts.find((cs) => cs.js?.some((f) => /\/mastodon\.js$/.test(f)));
  return page?.js && isolated?.js ? { page: page.js, isolated: isolated.js } : null;
}

/** Hosts the manifest already covers (their scripts run without registration). */
function staticHosts(): Set<string> {
  const hosts = new Set<string>();
  for (const cs of browser.runtime.getManifest().content_scripts ?? []) {
    for (const pattern of cs.matches ?? []) {
      const host = /^https:\/\/([^/*]+)\//.exec(pattern)?.[1];
      if (host) hosts.add(host);
    }
  }
  return hosts;
}

function domainOfOrigin(origin: string): string | null {
  const m = /^https:\/\/([^/*]+)\/\*$/.exec(origin);
  return m?.[1] ? normalizeInstanceDomain(m[1]) : null;
}

export async function registeredInstances(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts
    .map((s) => s.id)
    .filter((id) => id.startsWith(INSTANCE_SCRIPT_PREFIX) && !id.endsWith(PAGE_SUFFIX))
    .map((id) => id.slice(INSTANCE_SCRIPT_PREFIX.length));
}

export async function registerInstance(domain: string): Promise<boolean> {
  const files = mastodonFiles();
  if (!files || staticHosts().has(domain)) return false;
  if ((await registeredInstances()).includes(domain)) return true;
  const matches = [originPattern(domain)];
  await browser.scripting.registerContentScripts([
    { id: `${INSTANCE_SCRIPT_PREFIX}${domain}${PAGE_SUFFIX}`, matches, js: files.page, runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true },
    { id: `${INSTANCE_SCRIPT_PREFIX}${domain}`, matches, js: files.isolated, runAt: 'document_start', persistAcrossSessions: true },
  ]);
  return true;
}

export async function unregisterInstance(domain: string): Promise<void> {
  const ids = [`${INSTANCE_SCRIPT_PREFIX}${domain}${PAGE_SUFFIX}`, `${INSTANCE_SCRIPT_PREFIX}${domain}`];
  const present = new Set((await browser.scripting.getRegisteredContentScripts({ ids })).map((s) => s.id));
  const gone = ids.filter((id) => present.has(id));
  if (gone.length) await browser.scripting.unregisterContentScripts({ ids: gone });
}

/**
 * The platform of a page on an instance the user added (content scripts registered for its host), for
 * the background's check of who may report what. Null for any other page.
 */
export async function instancePlatform(url: string): Promise<Platform | null> {
  let host: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') return null;
    host = parsed.hostname;
  } catch {
    return null;
  }
  const scripts = await browser.scripting.getRegisteredContentScripts({ ids: [`${INSTANCE_SCRIPT_PREFIX}${host}`] });
  return scripts.length > 0 ? 'mastodon' : null;
}

/** Makes registrations match the granted origins (after an update, or a grant made while asleep). */
export async function reconcileInstances(): Promise<void> {
  const granted = new Set(((await browser.permissions.getAll()).origins ?? []).map(domainOfOrigin).filter((d): d is string => !!d));
  const statics = staticHosts();
  for (const domain of granted) if (!statics.has(domain)) await registerInstance(domain);
  for (const domain of await registeredInstances()) if (!granted.has(domain)) await unregisterInstance(domain);
}

function log(error: unknown): void {
  console.warn('[Give First] Mastodon instance scripts', error);
}

browser.permissions.onAdded.addListener((permissions) => {
  for (const origin of permissions.origins ?? []) {
    const domain = domainOfOrigin(origin);
    if (domain) registerInstance(domain).catch(log);
  }
});
browser.permissions.onRemoved.addListener((permissions) => {
  for (const origin of permissions.origins ?? []) {
    const domain = domainOfOrigin(origin);
    if (domain) unregisterInstance(domain).catch(log);
  }
});
browser.runtime.onInstalled.addListener(() => void reconcileInstances().catch(log));
browser.runtime.onStartup.addListener(() => void reconcileInstances().catch(log));
