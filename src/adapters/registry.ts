/**
 * Every site adapter, by platform id. A meta-test (tests/unit/registry.test.ts) checks each one has
 * fixtures, tests, content-script entries and matching manifest entries.
 */
import type { Platform } from '../shared/events.ts';
import type { SiteAdapter } from './types.ts';
import { blueskyAdapter } from './bluesky/index.ts';
import { facebookAdapter } from './facebook/index.ts';
import { mastodonAdapter } from './mastodon/index.ts';
import { linkedinAdapter } from './linkedin/index.ts';
import { hackernewsAdapter } from './hackernews/index.ts';
import { redditAdapter } from './reddit/index.ts';
import { threadsAdapter } from './threads/index.ts';
import { xAdapter } from './x/index.ts';
import { youtubeAdapter } from './youtube/index.ts';

export const ADAPTERS: Partial<Record<Platform, SiteAdapter>> = {
  x: xAdapter,
  reddit: redditAdapter,
  hackernews: hackernewsAdapter,
  linkedin: linkedinAdapter,
  bluesky: blueskyAdapter,
  mastodon: mastodonAdapter,
  youtube: youtubeAdapter,
  threads: threadsAdapter,
  facebook: facebookAdapter,
};

export function adapterList(): SiteAdapter[] {
  return Object.values(ADAPTERS);
}
