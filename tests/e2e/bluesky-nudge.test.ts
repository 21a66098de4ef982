/**
 * The nudge before posting on the bsky.app replica: an original post below target is held back and the
 * card shows; "Post anyway" publishes; a reply is never nudged (English and Spanish labels).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, noon, until, type Harness } from './harness.ts';
import { clickCardButton, readCard } from './nudge-card.ts';
import { BSKY_URLS, FakePds, POSTS, item, openBluesky, serveBluesky, waitForBskyEvent } from './bluesky-api.ts';

let h: Harness;
const pds = new FakePds();

beforeAll(async () => {
  h = await launch();
  await serveBluesky(h.context, pds);
});
afterAll(async () => h?.close());

/** Two own posts and one like this week: well below the 3 : 1 target. */
const LOW = [
  { id: 'bluesky:post:1', platform: 'bluesky', kind: 'post', at: noon(1), text: 'one', promotional: false, source: 'import' },
  { id: 'bluesky:post:2', platform: 'bluesky', kind: 'post', at: noon(2), text: 'two', promotional: false, source: 'import' },
  { id: 'bluesky:like:3', platform: 'bluesky', kind: 'like', at: noon(1), target: { id: '3', author: 'did:plc:someone' }, source: 'import' },
];

beforeEach(async () => {
  pds.reset();
  await h.send({ type: 'deleteAll' });
  const reply = await h.send({ type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events: LOW, settings: {} } });
  expect(reply.ok).toBe(true);
  await closeSitePages(h);
});

describe('the nudge on Bluesky', () => {
  test('an original post is held back with the card; "Post anyway" publishes it', async () => {
    const page = await openBluesky(h);
    await page.getByRole('button', { name: 'New post' }).click();
    await page.keyboard.type('My launch is live');
    await page.getByTestId('composerPublishBtn').click();
    const card = await until(() => readCard(page), 5000, 'the nudge card');
    expect(card?.buttons.map((b) => b.label)).toContain('Post anyway');
    expect(pds.callsOf('com.atproto.repo.applyWrites')).toHaveLength(0);
    await clickCardButton(page, 'Post anyway');
    await waitForBskyEvent(h, (e) => e.kind === 'post' && e.text === 'My launch is live', 'the post');
  });

  test('Ctrl+Enter on an original post is held back too', async () => {
    const page = await openBluesky(h);
    await page.getByRole('button', { name: 'New post' }).click();
    await page.keyboard.type('Another launch');
    await page.locator('.ProseMirror').press('Control+Enter');
    await until(() => readCard(page), 5000, 'the nudge card');
    expect(pds.callsOf('com.atproto.repo.applyWrites')).toHaveLength(0);
  });

  test('a reply is not nudged, in English and in Spanish', async () => {
    for (const url of [BSKY_URLS.home, BSKY_URLS.es]) {
      pds.reset();
      const page = await openBluesky(h, url);
      await item(page, POSTS.alice).getByTestId('replyBtn').click();
      await page.keyboard.type('Nice one');
      await page.getByTestId('composerPublishBtn').click();
      await expect.poll(() => pds.callsOf('com.atproto.repo.applyWrites').length, { timeout: 10_000 }).toBe(1);
      expect(await readCard(page)).toBeNull();
      await page.close();
    }
  });
});
