/**
 * `npm run demo`: the built extension in Chromium on offline replicas of the supported sites, served at
 * their real addresses. With a display it opens a window to try things by hand; without one it runs
 * headless, does a few things a person would, and saves screenshots into demo-output/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, OPTIONS, POPUP, ROOT, until, type Harness } from '../e2e/harness.ts';
import { readCard, clickCardButton } from '../e2e/nudge-card.ts';
import { BSKY_URLS, FakePds, serveBluesky } from '../e2e/bluesky-api.ts';
import { FakeHn } from '../e2e/hackernews-site.ts';
import { FakeLinkedInApi, LINKEDIN_URLS, serveLinkedIn } from '../e2e/linkedin-api.ts';
import { FakeMastodon, MASTO_URLS, serveMastodon } from '../e2e/mastodon-api.ts';
import { FakeReddit, REDDIT_URLS } from '../e2e/reddit-site.ts';
import { FakeXApi, openX, POSTS, serveX, X_URLS } from '../e2e/x-api.ts';
import { FakeYouTube, serveYouTube, YT_URLS } from '../e2e/youtube-api.ts';
import { FakeThreads, serveThreads, THREADS_URLS } from '../e2e/threads-api.ts';
import { FACEBOOK_URLS, FakeFacebookApi, serveFacebook } from '../e2e/facebook-api.ts';

/** Every supported site's replica, at its real address (the same replicas the end-to-end tests use). */
const SITES: { name: string; url: string }[] = [
  { name: 'x', url: X_URLS.home },
  { name: 'linkedin', url: LINKEDIN_URLS.classic },
  { name: 'reddit', url: REDDIT_URLS.post },
  { name: 'old-reddit', url: REDDIT_URLS.oldPost },
  { name: 'hackernews', url: 'https://news.ycombinator.com/news' },
  { name: 'bluesky', url: BSKY_URLS.home },
  { name: 'mastodon', url: MASTO_URLS.home },
  { name: 'threads', url: THREADS_URLS.home },
  { name: 'facebook', url: FACEBOOK_URLS.home },
  { name: 'youtube', url: YT_URLS.watch },
];

async function serveAll(h: Harness, x: FakeXApi): Promise<void> {
  await serveX(h.context, x);
  await serveLinkedIn(h.context, new FakeLinkedInApi());
  await new FakeReddit().serve(h.context);
  await new FakeHn().serve(h.context);
  await serveBluesky(h.context, new FakePds());
  await serveMastodon(h.context, new FakeMastodon());
  await serveThreads(h.context, new FakeThreads());
  await serveFacebook(h.context, new FakeFacebookApi());
  await serveYouTube(h.context, new FakeYouTube());
}

const OUT = join(ROOT, 'demo-output');

async function shot(page: Page, name: string): Promise<void> {
  const file = join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  console.log(`  saved ${file}`);
}

async function headless(h: Harness, api: FakeXApi): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.log('No display: running the demo headless.');
  const x = await openX(h, X_URLS.home);
  console.log('- on https://x.com/home: a like, a reply, then a new post while the balance is low');
  await x.locator(`article:has(a[href$="/status/${POSTS.alice.id}"]) [data-testid="like"]`).click();
  await x.locator(`article:has(a[href$="/status/${POSTS.bob.id}"]) [data-testid="reply"]`).click();
  await x.locator('[role="dialog"] [data-testid="tweetTextarea_0"]').click();
  await x.keyboard.type('Thank you for writing this up, it saved me an afternoon.');
  await x.locator('[role="dialog"] [data-testid="tweetButton"]').click();
  await until(() => api.callsOf('CreateTweet').length === 1, 10_000, 'the reply');
  // Two posts of one's own: the balance tips towards taking, and the third post meets the nudge.
  for (const text of ['Shipping day! Our new pricing page is live.', 'Sign up for my newsletter: link in bio']) {
    await x.locator('[data-testid="tweetTextarea_0"]').first().click();
    await x.keyboard.type(text);
    await x.locator('[data-testid="tweetButtonInline"]').click();
    if (await until(() => readCard(x), 1500, 'a nudge').catch(() => null)) await clickCardButton(x, 'Post anyway');
    await until(() => api.callsOf('CreateTweet').some((c) => c.variables.tweet_text === text), 10_000, 'the post');
  }
  await x.locator('[data-testid="tweetTextarea_0"]').first().click();
  await x.keyboard.type('Buy my course today, 20% off with code GIVE');
  await x.locator('[data-testid="tweetButtonInline"]').click();
  await until(() => readCard(x), 5000, 'the nudge card');
  await x.waitForTimeout(400); // let the card's short fade-in finish before the picture
  await shot(x, 'x-nudge-card');
  await clickCardButton(x, 'Engage first');
  await x.waitForTimeout(800);
  await shot(x, 'x-engage-first');

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await h.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.goto(h.url(POPUP));
    await popup.waitForTimeout(400);
    await shot(popup, `popup-${scheme}`);
    await popup.close();
  }
  for (const site of SITES.slice(1)) {
    const page = await h.context.newPage();
    await page.goto(site.url, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    await shot(page, `site-${site.name}`);
    await page.close();
  }
  const options = await h.openPage(OPTIONS);
  await options.waitForTimeout(300);
  await options.screenshot({ path: join(OUT, 'options.png'), fullPage: true });
  console.log(`  saved ${join(OUT, 'options.png')}`);
  console.log(`\nScreenshots are in ${OUT}`);
}

async function headed(h: Harness): Promise<void> {
  for (const site of SITES.slice(1)) await (await h.context.newPage()).goto(site.url);
  await h.openPage(POPUP);
  const x = await openX(h, X_URLS.home);
  await x.bringToFront();
  console.log([
    'Chromium is open with Give First loaded on offline replicas of X, LinkedIn, Reddit, Hacker News, Bluesky,',
    'Mastodon, Threads, Facebook and YouTube, one tab each, at their real addresses. Like, reply, repost, follow or',
    'post there; one tab is the popup.',
    'Post something new while your balance is low to meet the nudge. Close the browser to end the demo.',
  ].join('\n'));
  await new Promise<void>((resolve) => h.context.on('close', () => resolve()));
}

async function main(): Promise<void> {
  const display = !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;
  const h = await launch({ headless: !display });
  const api = new FakeXApi();
  await serveAll(h, api);
  try {
    if (display) await headed(h);
    else await headless(h, api);
  } finally {
    await h.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
