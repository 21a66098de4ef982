/**
 * X capture end to end: the built extension in Chromium, the X replica (tests/replicas/x/home.html,
 * XHR build of the client) served at https://x.com/home, the fake X API behind it. Every test drives
 * the page as a user would and checks what the extension stored, through its own export.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, type ExportedEvent, type Harness } from './harness.ts';
import {
  FakeXApi, POSTS, USERS, VIEWER, likeButton, openX, postById, serveX, storedEvents, waitForEvent, waitForEvents,
} from './x-api.ts';
import type { Page } from 'playwright-core';

let h: Harness;
const api = new FakeXApi();

beforeAll(async () => {
  h = await launch();
  await serveX(h.context, api);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  api.reset();
  expect(await h.send({ type: 'deleteAll' })).toMatchObject({ ok: true });
});
afterEach(async () => {
  // Close the site's tabs (not the extension page the harness talks through).
  await closeSitePages(h);
});

/** expect.poll with room for a round trip through page, extension and background (its default is 1 s). */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const postUrl = (handle: string, id: string): string => `https://x.com/${handle}/status/${id}`;

/**
 * Proves that everything before it has been processed: likes the promoted post and waits for that.
 * The page relays calls in order and the background applies them in order, so once this like is
 * stored, any earlier call that was going to store something has done so.
 */
async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await likeButton(page, POSTS.promoted.id).click();
  await waitForEvent(h, `x:like:${POSTS.promoted.id}`);
  return (await storedEvents(h)).filter((e) => e.target?.id !== POSTS.promoted.id);
}

async function likeState(page: Page, id: string): Promise<string | null> {
  return likeButton(page, id).getAttribute('data-testid');
}

function body(call: { body: string | null } | undefined): unknown {
  return JSON.parse(call?.body ?? 'null');
}

describe('likes', () => {
  test('a like is stored with its target post, author and URL', async () => {
    const page = await openX(h);
    await likeButton(page, POSTS.alice.id).click();
    await poll(() => likeState(page, POSTS.alice.id)).toBe('unlike');

    const event = await waitForEvent(h, `x:like:${POSTS.alice.id}`);
    expect(event).toMatchObject({
      platform: 'x', kind: 'like', source: 'capture',
      target: { id: POSTS.alice.id, author: 'alice', url: postUrl('alice', POSTS.alice.id) },
    });
    expect(event.undoneAt).toBeUndefined();
    expect(event.text).toBeUndefined();
    expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(60_000);
    // The replica sent X's own request, over XHR, to the real path.
    const [call] = api.callsOf('FavoriteTweet');
    expect(call?.url).toBe('https://x.com/i/api/graphql/lI07N6Otwv1PhnEgXILM7A/FavoriteTweet');
    expect(body(call)).toEqual({ variables: { tweet_id: POSTS.alice.id }, queryId: 'lI07N6Otwv1PhnEgXILM7A' });
  });

  test('unlike sets undoneAt on the same event', async () => {
    const page = await openX(h);
    await likeButton(page, POSTS.bob.id).click();
    const liked = await waitForEvent(h, `x:like:${POSTS.bob.id}`);
    await likeButton(page, POSTS.bob.id).click();
    await poll(() => likeState(page, POSTS.bob.id)).toBe('like');

    const undone = await waitForEvent(h, `x:like:${POSTS.bob.id}`, (e) => e.undoneAt !== undefined);
    expect(undone.at).toBe(liked.at);
    expect(Date.parse(undone.undoneAt ?? '')).toBeGreaterThanOrEqual(Date.parse(liked.at));
    expect(undone.target).toEqual(liked.target);
    expect(api.callsOf('UnfavoriteTweet').map(body)).toEqual([{ variables: { tweet_id: POSTS.bob.id }, queryId: 'ZYKSe-w7KEslx3JhSIk5LA' }]);
  });

  test('like → unlike → like is one live like', async () => {
    const page = await openX(h);
    for (const expected of ['unlike', 'like', 'unlike']) {
      await likeButton(page, POSTS.alice.id).click();
      await poll(() => likeState(page, POSTS.alice.id)).toBe(expected);
      await api.idle();
    }
    expect(api.callsOf('FavoriteTweet')).toHaveLength(2);
    expect(api.callsOf('UnfavoriteTweet')).toHaveLength(1);

    const events = await sentinel(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: `x:like:${POSTS.alice.id}`, kind: 'like', target: { id: POSTS.alice.id, author: 'alice' } });
    expect(events[0]?.undoneAt).toBeUndefined();
  });

  test('a FavoriteTweet that fails (HTTP 500) stores nothing and the button rolls back', async () => {
    api.fail('FavoriteTweet', 500);
    const page = await openX(h);
    await likeButton(page, POSTS.alice.id).click();
    await page.getByTestId('toast').waitFor();
    expect(await likeState(page, POSTS.alice.id)).toBe('like');
    expect(api.callsOf('FavoriteTweet').map((c) => c.status)).toEqual([500]);

    expect(await sentinel(page)).toEqual([]);
  });

  test('a like X refuses with HTTP 200 and errors (already liked elsewhere) stores nothing', async () => {
    api.fail('FavoriteTweet', 'graphql-error');
    const page = await openX(h);
    await likeButton(page, POSTS.carol.id).click();
    await page.getByTestId('toast').waitFor();
    expect(api.callsOf('FavoriteTweet')[0]).toMatchObject({ status: 200, refused: true });

    expect(await sentinel(page)).toEqual([]);
  });

  // Optimistic UI: every click flips the button at once and sends its own request; with latency the
  // requests overlap and their answers come back out of order.
  test('rapid clicks settle to what the button finally shows (odd number: liked)', async () => {
    api.latency = [10, 300];
    const page = await openX(h);
    const button = likeButton(page, POSTS.alice.id);
    for (let i = 0; i < 5; i++) await button.click();
    await api.idle();
    expect(await likeState(page, POSTS.alice.id)).toBe('unlike');
    expect(api.callsOf('FavoriteTweet').length + api.callsOf('UnfavoriteTweet').length).toBe(5);

    const events = await sentinel(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: `x:like:${POSTS.alice.id}` });
    expect(events[0]?.undoneAt).toBeUndefined();
  });

  test('a burst of clicks settles too, even on a coarse clock (even number: not liked)', async () => {
    // Answers in order: the like is applied first, so a tie would wrongly keep it.
    const page = await openX(h);
    // Firefox's resistFingerprinting rounds Date.now() to 100 ms, and any two requests can start in the
    // same millisecond: the requests of a burst then carry the same start time, and only the page
    // tap's strictly increasing stamps still order them (src/content/page-tap.ts).
    await page.evaluate(() => {
      const now = Date.now.bind(Date);
      Date.now = () => Math.floor(now() / 100) * 100;
    });
    await likeButton(page, POSTS.bob.id).evaluate((el: HTMLElement) => {
      for (let i = 0; i < 4; i++) (el.closest('[role="group"]')?.querySelector('[data-testid$="like"]') as HTMLElement).click();
    });
    await api.idle();
    expect(await likeState(page, POSTS.bob.id)).toBe('like');
    expect(api.callsOf('FavoriteTweet')).toHaveLength(2);
    expect(api.callsOf('UnfavoriteTweet')).toHaveLength(2);

    const live = (await sentinel(page)).filter((e) => e.undoneAt === undefined);
    expect(live).toEqual([]);
  });
});

describe('replies, reposts and quotes', () => {
  test('a reply is stored with its parent post as target and its text', async () => {
    const page = await openX(h);
    await postById(page, POSTS.bob.id).getByTestId('reply').click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.getByTestId('tweetButton').textContent()).toBe('Reply');
    expect(page.url()).toBe('https://x.com/compose/post');
    const text = 'The WAI-ARIA authoring practices have a good section on SVG icons.';
    await dialog.getByTestId('tweetTextarea_0').fill(text);
    await dialog.getByTestId('tweetButton').click();
    await dialog.waitFor({ state: 'hidden' });

    await poll(() => api.created.length).toBe(1);
    const newId = api.created[0] ?? '';
    expect(newId).toMatch(/^\d{19}$/);
    const event = await waitForEvent(h, `x:reply:${newId}`);
    expect(event).toMatchObject({
      kind: 'reply', text,
      target: { id: POSTS.bob.id, author: 'bob_builds', url: postUrl('bob_builds', POSTS.bob.id) },
    });
    expect(event.undoneAt).toBeUndefined();
    const variables = (body(api.callsOf('CreateTweet')[0]) as { variables: Record<string, unknown> }).variables;
    expect(variables).toMatchObject({ tweet_text: text, reply: { in_reply_to_tweet_id: POSTS.bob.id } });
  });

  test('a reply to your own post is stored with yourself as the target author', async () => {
    const page = await openX(h);
    await postById(page, POSTS.own.id).getByTestId('reply').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('tweetTextarea_0').fill('Part 2: the service worker lifecycle.');
    await dialog.getByTestId('tweetButton').click();

    const events = await waitForEvents(h, (all) => all.length === 1 && all, 'the self-reply');
    expect(events[0]).toMatchObject({
      id: `x:reply:${api.created[0]}`, kind: 'reply', text: 'Part 2: the service worker lifecycle.',
      target: { id: POSTS.own.id, author: VIEWER.handle, url: postUrl(VIEWER.handle, POSTS.own.id) },
    });
  });

  test('a repost, then undo repost', async () => {
    const page = await openX(h);
    // Carol's post is shown as "Dave Lin reposted": the target is still Carol's post.
    const post = postById(page, POSTS.carol.id);
    await poll(() => post.getByTestId('socialContext').textContent()).toBe('Dave Lin reposted');
    await post.getByTestId('retweet').click();
    await page.getByTestId('retweetConfirm').click();
    await post.getByTestId('unretweet').waitFor();

    const reposted = await waitForEvent(h, `x:repost:${POSTS.carol.id}`);
    expect(reposted).toMatchObject({ kind: 'repost', target: { id: POSTS.carol.id, author: 'carol', url: postUrl('carol', POSTS.carol.id) } });
    expect(reposted.undoneAt).toBeUndefined();
    expect(body(api.callsOf('CreateRetweet')[0])).toMatchObject({ variables: { tweet_id: POSTS.carol.id, dark_request: false } });

    await post.getByTestId('unretweet').click();
    await page.getByTestId('unretweetConfirm').click();
    await post.getByTestId('retweet').waitFor();
    const undone = await waitForEvent(h, `x:repost:${POSTS.carol.id}`, (e) => e.undoneAt !== undefined);
    expect(undone.at).toBe(reposted.at);
    expect(body(api.callsOf('DeleteRetweet')[0])).toMatchObject({ variables: { source_tweet_id: POSTS.carol.id } });
  });

  test('a quote is stored with the quoted post (from attachment_url) as target', async () => {
    const page = await openX(h);
    await postById(page, POSTS.alice.id).getByTestId('retweet').click();
    await page.getByRole('menuitem', { name: 'Quote' }).click();
    const dialog = page.getByRole('dialog');
    await poll(() => dialog.getByTestId('quotedTweetPreview').textContent()).toContain('@alice');
    await dialog.getByTestId('tweetTextarea_0').fill('This is how you write a launch post.');
    await dialog.getByTestId('tweetButton').click();
    await dialog.waitFor({ state: 'hidden' });

    await poll(() => api.created.length).toBe(1);
    const event = await waitForEvent(h, `x:quote:${api.created[0]}`);
    expect(event).toMatchObject({
      kind: 'quote', text: 'This is how you write a launch post.',
      target: { id: POSTS.alice.id, author: 'alice', url: postUrl('alice', POSTS.alice.id) },
    });
    const variables = (body(api.callsOf('CreateTweet')[0]) as { variables: Record<string, unknown> }).variables;
    expect(variables.attachment_url).toBe(postUrl('alice', POSTS.alice.id));
    expect(variables.reply).toBeUndefined();
    // The quote shows up on top of the timeline as the user's own post.
    await poll(() => postById(page, api.created[0] ?? '').textContent()).toContain('This is how you write a launch post.');
  });
});

describe('follows', () => {
  test('follow from "Who to follow", then unfollow after confirming', async () => {
    const page = await openX(h);
    const frank = USERS.frank_ships.id;
    await page.getByTestId(`${frank}-follow`).click();
    await poll(() => page.getByTestId(`${frank}-unfollow`).textContent()).toBe('Following');

    const followed = await waitForEvent(h, `x:follow:${frank}`);
    expect(followed).toMatchObject({ kind: 'follow', target: { id: frank, author: 'frank_ships', url: 'https://x.com/frank_ships' } });
    expect(followed.undoneAt).toBeUndefined();
    const [call] = api.callsOf('friendships/create');
    expect(call?.url).toBe('https://x.com/i/api/1.1/friendships/create.json');
    expect(call?.variables.user_id).toBe(frank);

    await page.getByTestId(`${frank}-unfollow`).click();
    await page.getByTestId('confirmationSheetConfirm').click();
    await page.getByTestId(`${frank}-follow`).waitFor();
    const unfollowed = await waitForEvent(h, `x:follow:${frank}`, (e) => e.undoneAt !== undefined);
    expect(unfollowed.target).toEqual(followed.target);
  });

  test("follow from a post's ⋯ menu", async () => {
    const page = await openX(h);
    await postById(page, POSTS.alice.id).getByTestId('caret').click();
    await page.getByRole('menuitem', { name: 'Follow @alice' }).click();
    const event = await waitForEvent(h, `x:follow:${USERS.alice.id}`);
    expect(event.target).toEqual({ id: USERS.alice.id, author: 'alice', url: 'https://x.com/alice' });
  });

  test('a follow refused with HTTP 403 stores nothing', async () => {
    api.fail('friendships/create', 403);
    const page = await openX(h);
    await page.getByTestId(`${USERS.grace.id}-follow`).click();
    await page.getByTestId('toast').waitFor();
    await page.getByTestId(`${USERS.grace.id}-follow`).waitFor();
    expect(api.callsOf('friendships/create').map((c) => c.status)).toEqual([403]);
    expect(await sentinel(page)).toEqual([]);
  });
});

describe('own posts', () => {
  const ways: [string, (page: Page, text: string) => Promise<void>][] = [
    ['the inline composer', async (page, text) => {
      await page.locator('main').getByTestId('tweetTextarea_0').fill(text);
      await page.getByTestId('tweetButtonInline').click();
    }],
    ['the modal composer', async (page, text) => {
      await page.getByTestId('SideNav_NewTweet_Button').click();
      const dialog = page.getByRole('dialog');
      await poll(() => dialog.getByTestId('tweetButton').textContent()).toBe('Post');
      await dialog.getByTestId('tweetTextarea_0').fill(text);
      await dialog.getByTestId('tweetButton').click();
      await dialog.waitFor({ state: 'hidden' });
    }],
    ['Ctrl+Enter in the text box', async (page, text) => {
      const box = page.locator('main').getByTestId('tweetTextarea_0');
      await box.fill(text);
      await box.press('Control+Enter');
    }],
  ];

  test.each(ways)('a post from %s is a take, with its new id and your handle', async (_how, send) => {
    const page = await openX(h);
    const text = `Notes from today's accessibility audit (${Math.random().toString(36).slice(2, 7)})`;
    await send(page, text);

    await poll(() => api.created.length).toBe(1);
    const newId = api.created[0] ?? '';
    const event = await waitForEvent(h, `x:post:${newId}`);
    expect(event).toMatchObject({
      kind: 'post', source: 'capture', text, promotional: false,
      target: { id: newId, author: VIEWER.handle, url: postUrl(VIEWER.handle, newId) },
    });
    const variables = (body(api.callsOf('CreateTweet')[0]) as { variables: Record<string, unknown> }).variables;
    expect(variables.tweet_text).toBe(text);
    expect(variables.reply).toBeUndefined();
    expect(variables.attachment_url).toBeUndefined();
    await poll(() => postById(page, newId).textContent()).toContain(text);
    expect(await storedEvents(h)).toHaveLength(1);
  });

  test('deleting a post sets undoneAt', async () => {
    const page = await openX(h);
    await page.locator('main').getByTestId('tweetTextarea_0').fill('Typo in this one, deleting.');
    await page.getByTestId('tweetButtonInline').click();
    await poll(() => api.created.length).toBe(1);
    const newId = api.created[0] ?? '';
    const posted = await waitForEvent(h, `x:post:${newId}`);

    await postById(page, newId).getByTestId('caret').click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByTestId('confirmationSheetConfirm').click();
    await postById(page, newId).waitFor({ state: 'detached' });

    const deleted = await waitForEvent(h, `x:post:${newId}`, (e) => e.undoneAt !== undefined);
    expect(deleted.at).toBe(posted.at);
    expect(deleted.text).toBe('Typo in this one, deleting.');
    expect(body(api.callsOf('DeleteTweet')[0])).toMatchObject({ variables: { tweet_id: newId } });
  });

  test('a post X refuses with HTTP 200 and errors (duplicate) stores nothing', async () => {
    api.fail('CreateTweet', 'graphql-error');
    const page = await openX(h);
    await page.locator('main').getByTestId('tweetTextarea_0').fill('Same words as yesterday.');
    await page.getByTestId('tweetButtonInline').click();
    await page.getByTestId('toast').waitFor();
    expect(api.callsOf('CreateTweet')[0]).toMatchObject({ status: 200, refused: true });
    expect(api.created).toEqual([]);
    expect(await sentinel(page)).toEqual([]);
  });
});
