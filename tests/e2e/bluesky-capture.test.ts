/**
 * Bluesky capture end to end: the built extension in Chromium, the bsky.app replica served at
 * https://bsky.app/, its XRPC going to a fake PDS at https://morel.us-east.host.bsky.network (another
 * origin, as on the real site). Every test drives the page as a user would and checks what the extension
 * stored, through its own export.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, until, type ExportedEvent, type Harness } from './harness.ts';
import {
  ALICE, BSKY_URLS, CAROL, FakePds, ME, POSTS, bskyEvents, item, likeButton, openBluesky, serveBluesky, waitForBskyEvent,
} from './bluesky-api.ts';

let h: Harness;
const pds = new FakePds();

beforeAll(async () => {
  h = await launch();
  await serveBluesky(h.context, pds);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  pds.reset();
  expect(await h.send({ type: 'deleteAll' })).toMatchObject({ ok: true });
});
afterEach(async () => {
  await closeSitePages(h);
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const likeRecord = (e: ExportedEvent | undefined) => e?.id.replace('bluesky:like:', '');

/** Likes Carol's post and waits for it: everything sent before it has been processed by then. */
async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await likeButton(page, POSTS.carol).click();
  await waitForBskyEvent(h, (e) => e.target?.id === POSTS.carol, 'the sentinel like');
  return (await bskyEvents(h)).filter((e) => e.target?.id !== POSTS.carol);
}

async function liked(page: Page, uri: string): Promise<string | null> {
  return likeButton(page, uri).getAttribute('aria-pressed');
}

describe('likes', () => {
  test('a like on bsky.app is stored with the liked post, its author DID and URL; the request went to the PDS', async () => {
    const page = await openBluesky(h);
    await likeButton(page, POSTS.alice).click();
    const event = await waitForBskyEvent(h, (e) => e.kind === 'like');
    const [call] = pds.callsOf('com.atproto.repo.createRecord');
    expect(call?.body).toMatchObject({ repo: ME.did, collection: 'app.bsky.feed.like', record: { subject: { uri: POSTS.alice } } });
    expect(event).toMatchObject({
      platform: 'bluesky', kind: 'like', source: 'capture',
      target: { id: POSTS.alice, author: ALICE.did, url: `https://bsky.app/profile/${ALICE.did}/post/3lbqzyx2abc2k` },
    });
    expect(likeRecord(event)).toBe(pds.likes.get(POSTS.alice));
    expect(event.undoneAt).toBeUndefined();
  });

  test('unlike (deleteRecord) sets undoneAt on the same event', async () => {
    const page = await openBluesky(h);
    await likeButton(page, POSTS.bob).click();
    const first = await waitForBskyEvent(h, (e) => e.kind === 'like');
    await poll(() => pds.callsOf('com.atproto.repo.createRecord').length).toBe(1);
    await likeButton(page, POSTS.bob).click();
    const undone = await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt !== undefined, 'the unlike');
    expect(pds.callsOf('com.atproto.repo.deleteRecord')[0]?.body).toEqual({ repo: ME.did, collection: 'app.bsky.feed.like', rkey: likeRecord(first)?.split('/').pop() });
    expect(undone.target).toEqual(first.target);
  });

  test('like → unlike → like is one live like', async () => {
    const page = await openBluesky(h);
    for (const [i, state] of (['true', 'false', 'true'] as const).entries()) {
      await likeButton(page, POSTS.alice).click();
      await poll(() => liked(page, POSTS.alice)).toBe(state);
      await poll(() => pds.calls.length).toBe(i + 1);
    }
    const events = await sentinel(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'like', target: { id: POSTS.alice } });
    expect(events[0]?.undoneAt).toBeUndefined();
  });

  test('an unlike after a reload still undoes the like', async () => {
    let page = await openBluesky(h);
    await likeButton(page, POSTS.bob).click();
    const first = await waitForBskyEvent(h, (e) => e.kind === 'like');
    await page.close();
    page = await openBluesky(h); // a new page: the adapter's memory is gone, the PDS still has the like
    expect(await liked(page, POSTS.bob)).toBe('true');
    await likeButton(page, POSTS.bob).click();
    await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt !== undefined, 'the unlike after reload');
  });

  test('a createRecord that fails (HTTP 500) stores nothing and the button rolls back', async () => {
    pds.fail('com.atproto.repo.createRecord', 500);
    const page = await openBluesky(h);
    await likeButton(page, POSTS.alice).click();
    await page.getByTestId('toast').waitFor();
    expect(await liked(page, POSTS.alice)).toBe('false');
    expect(pds.callsOf('com.atproto.repo.createRecord').map((c) => c.status)).toEqual([500]);
    pds.reset();
    expect(await sentinel(page)).toEqual([]);
  });

  test('rapid clicks go through the toggle queue and settle to what the button shows', async () => {
    const page = await openBluesky(h);
    for (let i = 0; i < 5; i++) await likeButton(page, POSTS.alice).click();
    await poll(() => liked(page, POSTS.alice)).toBe('true');
    // The toggle queue has settled once the PDS holds the like the button shows.
    await poll(() => pds.likes.has(POSTS.alice)).toBe(true);
    const events = await sentinel(page);
    expect(events.filter((e) => !e.undoneAt)).toHaveLength(1);
    expect(events.filter((e) => !e.undoneAt)[0]?.target?.id).toBe(POSTS.alice);
  });
});

describe('reposts, quotes, follows', () => {
  test('repost from the menu, then undo repost', async () => {
    const page = await openBluesky(h);
    await item(page, POSTS.bob).getByTestId('repostBtn').click();
    await page.getByTestId('repostDropdownRepostBtn').click();
    const repost = await waitForBskyEvent(h, (e) => e.kind === 'repost');
    expect(repost.target).toMatchObject({ id: POSTS.bob });
    await poll(() => pds.reposts.size).toBe(1);
    await item(page, POSTS.bob).getByTestId('repostBtn').click();
    await page.getByTestId('repostDropdownRepostBtn').click();
    await waitForBskyEvent(h, (e) => e.id === repost.id && !!e.undoneAt, 'undo repost');
  });

  test('a quote post (applyWrites with an embedded record) is a quote of that post', async () => {
    const page = await openBluesky(h);
    await item(page, POSTS.alice).getByTestId('repostBtn').click();
    await page.getByTestId('repostDropdownQuoteBtn').click();
    await page.keyboard.type('This is a great checklist');
    await page.getByTestId('composerPublishBtn').click();
    const quote = await waitForBskyEvent(h, (e) => e.kind === 'quote');
    expect(quote).toMatchObject({ text: 'This is a great checklist', target: { id: POSTS.alice, author: ALICE.did } });
  });

  test('follow and unfollow on a profile', async () => {
    const page = await h.context.newPage();
    await page.goto(BSKY_URLS.carol);
    await page.getByTestId('followBtn').click();
    const follow = await waitForBskyEvent(h, (e) => e.kind === 'follow');
    expect(follow.target).toEqual({ id: CAROL.did, author: CAROL.did, url: `https://bsky.app/profile/${CAROL.did}` });
    await page.getByTestId('unfollowBtn').click();
    await waitForBskyEvent(h, (e) => e.id === follow.id && !!e.undoneAt, 'unfollow');
  });
});

describe('posts and replies', () => {
  test('a reply thread in one call: the first post is a reply to Alice, the next replies to oneself (neutral)', async () => {
    const page = await openBluesky(h);
    await item(page, POSTS.alice).getByTestId('replyBtn').click();
    await page.keyboard.type('Tests and a changelog.');
    await page.getByTestId('composerAddPost').click();
    await page.keyboard.type('Also: a rollback plan.');
    await expect.poll(() => page.getByTestId('composerPublishBtn').getAttribute('aria-label')).toBe('Publish replies');
    await page.locator('.ProseMirror').last().press('Control+Enter');
    const events = await until(async () => {
      const all = (await bskyEvents(h)).filter((e) => e.kind === 'reply');
      return all.length === 2 ? all : null;
    }, 10_000, 'two replies') as ExportedEvent[];
    const [call] = pds.callsOf('com.atproto.repo.applyWrites');
    expect((call?.body?.writes as unknown[]).length).toBe(2);
    const toAlice = events.find((e) => e.target?.id === POSTS.alice);
    const toSelf = events.find((e) => e.target?.author === ME.did);
    expect(toAlice?.text).toBe('Tests and a changelog.');
    expect(toSelf?.text).toBe('Also: a rollback plan.');
    // The identity is the DID the requests write to, so the second reply counts as neutral.
    await poll(async () => (await h.storage<{ identities: Record<string, string> }>('snapshot'))?.identities.bluesky).toBe(ME.did);
  });

  test('an original post is captured as a post; deleting an own post sends deleteRecord of the post record', async () => {
    const page = await openBluesky(h);
    await page.getByRole('button', { name: 'New post' }).click();
    await page.keyboard.type('Hello Bluesky');
    await page.getByTestId('composerPublishBtn').click();
    const post = await waitForBskyEvent(h, (e) => e.kind === 'post');
    expect(post).toMatchObject({ text: 'Hello Bluesky', target: { author: ME.did } });
    expect(post.id).toMatch(new RegExp(`^bluesky:post:at://${ME.did}/app.bsky.feed.post/\\w+$`));
    // Delete an own post from the feed (the fixture's own post): deleteRecord of app.bsky.feed.post.
    await item(page, POSTS.own).getByTestId('postDropdownBtn').click();
    await page.getByTestId('postDropdownDeleteBtn').click();
    await poll(() => pds.callsOf('com.atproto.repo.deleteRecord').length).toBe(1);
    expect(pds.callsOf('com.atproto.repo.deleteRecord')[0]?.body).toEqual({ repo: ME.did, collection: 'app.bsky.feed.post', rkey: POSTS.own.split('/').pop() });
  });
});

describe('variants and health', () => {
  test('older markup (shareBtn, extra wrappers) and the Spanish UI capture likes; health is ok', async () => {
    for (const url of [BSKY_URLS.older, BSKY_URLS.es]) {
      await h.send({ type: 'deleteAll' });
      pds.reset();
      const page = await openBluesky(h, url);
      await likeButton(page, POSTS.bob).click();
      await waitForBskyEvent(h, (e) => e.kind === 'like' && e.target?.id === POSTS.bob, `a like on ${url}`);
      await poll(async () => (await h.storage<{ health: Record<string, { state: string }> }>('snapshot'))?.health.bluesky?.state).toBe('ok');
      await page.close();
    }
  });

  test('a front end whose like button is renamed shows as degraded in the popup', async () => {
    await openBluesky(h, BSKY_URLS.broken);
    await poll(async () => (await h.storage<{ health: Record<string, { state: string; problem?: { code: string } }> }>('snapshot'))?.health.bluesky)
      .toMatchObject({ state: 'degraded', problem: { code: 'no-like-button' } });
    const popup = await h.openPage('src/ui/popup/index.html');
    await expect.poll(() => popup.getByTestId('health-bluesky').innerText()).toMatch(/Bluesky/);
    await popup.close();
  });
});
