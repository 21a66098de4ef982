/**
 * The domain of a Mastodon instance the user adds, as typed in the options ("Social.Example.org",
 * "https://social.example.org/home", "@me@social.example.org"): one rule for the options page that asks
 * for the permission and the background that registers the content scripts. Pure.
 */

/** A bare host name (`social.example.org`), lower-case; null if it is not one. */
export function normalizeInstanceDomain(input: string): string | null {
  let host = input.trim().toLowerCase();
  host = host.replace(/^https?:\/\//, '').replace(/[/?#].*$/, '').replace(/^@[^@]*@/, '');
  if (!/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host)) return null;
  return host;
}
