/**
 * Facebook capture end to end: the built extension in Chromium against the feed replica served at
 * https://www.facebook.com/ (tests/replicas/facebook/), in English (XHR, FeedUnit pagelets) and in the Spanish
 * variant (fetch, extra wrappers, no FeedUnit pagelets), with the fake /api/graphql/ behind it
 * (tests/e2e/facebook-api.ts). Every test drives the page as a user would and checks what the extension
 * stored, through its own export.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSite, type ExportedEvent } from './harness.ts';
import {
  CAROL_COMMENT, FACEBOOK_URLS, FakeFacebookApi, POSTS, TOKENS, VIEWER, likeButton, openFacebook, post, serveFacebook, storedEvents,
  waitForEvent, waitForEvents,
} from './facebook-api.ts';

const api = new FakeFacebookApi();
const h = useSite((context) => serveFacebook(context, api), [api]);

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const fbEvents = async (): Promise<ExportedEvent[]> => (await storedEvents(h)).filter((e) => e.platform === 'facebook');

/**
 * Proves everything before it has been processed: likes Acme's post and waits for that like. The page
 * relays calls in order and the background applies them in order.
 */
async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await likeButton(page, POSTS.acme).click();
  await waitForEvent(h, `facebook:like:${POSTS.acme.id}`);
  return (await fbEvents()).filter((e) => e.target?.id !== POSTS.acme.id);
}

async function typeInto(page: Page, box: ReturnType<Page['locator']>, text: string): Promise<void> {
  await box.click();
  await page.keyboard.type(text);
}

const VARIANTS = [
  { name: 'English feed (XHR)', url: FACEBOOK_URLS.home, labels: { like: 'Like', remove: 'Remove Like', shareNow: 'Share now (Public)', shareToFeed: 'Share to Feed', post: 'Post', reply: 'Reply', del: 'Delete' } },
  { name: 'Spanish variant (fetch, extra wrappers, no FeedUnit pagelets)', url: FACEBOOK_URLS.es, labels: { like: 'Me gusta', remove: 'Quitar Me gusta', shareNow: 'Compartir ahora (público)', shareToFeed: 'Compartir en el feed', post: 'Publicar', reply: 'Responder', del: 'Eliminar' } },
] as const;

describe.each(VARIANTS)('$name', ({ url, labels }) => {
  const open = () => openFacebook(h, url);

  test('a like is stored with the post, its author and URL; no session token is stored', async () => {
    const page = await open();
    await likeButton(page, POSTS.alice).click();
    await poll(() => likeButton(page, POSTS.alice).getAttribute('aria-label')).toBe(labels.remove);

    const event = await waitForEvent(h, `facebook:like:${POSTS.alice.id}`);
    // Alice's permalink shows an opaque pfbid: her name comes from the post the like was clicked in.
    expect(event).toMatchObject({
      platform: 'facebook', kind: 'like', source: 'capture',
      target: { id: POSTS.alice.id, author: POSTS.alice.author, url: `https://www.facebook.com/${POSTS.alice.id}` },
    });
    expect(event.undoneAt).toBeUndefined();
    const [call] = api.callsOf('CometUFIFeedbackReactMutation');
    expect(call?.form.get('fb_dtsg')).toContain(TOKENS[0]);
    const exported = JSON.stringify(await h.exportData());
    for (const token of TOKENS) expect(exported).not.toContain(token);
  });

  test('unliking sets undoneAt on the same event', async () => {
    const page = await open();
    await likeButton(page, POSTS.bob).click();
    const liked = await waitForEvent(h, `facebook:like:${POSTS.bob.id}`);
    // Bob's permalink shows the numeric id: his name is read from the page.
    expect(liked.target).toMatchObject({ id: POSTS.bob.id, author: POSTS.bob.author });
    await likeButton(page, POSTS.bob).click();
    await poll(() => likeButton(page, POSTS.bob).getAttribute('aria-label')).toBe(labels.like);

    const undone = await waitForEvent(h, `facebook:like:${POSTS.bob.id}`, (e) => e.undoneAt !== undefined);
    expect(undone.at).toBe(liked.at);
    expect(api.callsOf('CometUFIFeedbackReactMutation').map((c) => (c.variables.input as { feedback_reaction_id: unknown }).feedback_reaction_id))
      .toEqual(['1635855486666999', null]);
  });

  test('rapid toggles settle to one live like (odd number of clicks, answers out of order)', async () => {
    api.latency = [10, 300];
    const page = await open();
    for (let i = 0; i < 5; i++) await likeButton(page, POSTS.alice).click();
    await api.idle();
    await poll(() => api.callsOf('CometUFIFeedbackReactMutation').length).toBe(5);
    api.latency = [0, 0];
    const events = await sentinel(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: `facebook:like:${POSTS.alice.id}` });
    expect(events[0]?.undoneAt).toBeUndefined();
  });

  test('a like that fails (HTTP 500) or is refused with HTTP 200 (signed out) stores nothing', async () => {
    api.fail('CometUFIFeedbackReactMutation', 500);
    api.fail('CometUFIFeedbackReactMutation', 'login');
    const page = await open();
    await likeButton(page, POSTS.alice).click();
    await page.getByRole('alert').first().waitFor();
    await poll(() => likeButton(page, POSTS.alice).getAttribute('aria-label')).toBe(labels.like);
    await likeButton(page, POSTS.bob).click();
    await poll(() => api.callsOf('CometUFIFeedbackReactMutation').map((c) => c.status)).toEqual([500, 200]);
    await poll(() => likeButton(page, POSTS.bob).getAttribute('aria-label')).toBe(labels.like);
    expect(await sentinel(page)).toEqual([]);
  });

  test('a comment (Enter in the comment box) is a reply to the post with its text; deleting it undoes it', async () => {
    const page = await open();
    const bob = post(page, POSTS.bob);
    await typeInto(page, bob.locator('form [data-lexical-editor="true"]'), 'Great photos, where was this taken?');
    await page.keyboard.press('Enter');
    await poll(() => api.comments.length).toBe(1);
    const ref = api.comments[0] ?? '';

    const event = await waitForEvent(h, `facebook:reply:${ref}`);
    expect(event).toMatchObject({
      platform: 'facebook', kind: 'reply', text: 'Great photos, where was this taken?',
      target: { id: POSTS.bob.id, author: POSTS.bob.author },
    });

    await bob.locator('.comment-menu').click();
    await page.getByRole('menuitem', { name: labels.del }).click();
    await poll(() => api.callsOf('useCometUFIDeleteCommentMutation').length).toBe(1);
    await waitForEvent(h, `facebook:reply:${ref}`, (e) => e.undoneAt !== undefined);
  });

  test('a reply to a comment targets the comment and its author', async () => {
    const page = await open();
    const carol = post(page, POSTS.alice).locator('[role="article"]').first();
    await carol.getByRole('button', { name: labels.reply, exact: true }).click();
    await typeInto(page, carol.locator('form [data-lexical-editor="true"]'), 'Same question here!');
    await page.keyboard.press('Enter');
    await poll(() => api.comments.length).toBe(1);

    const event = await waitForEvent(h, `facebook:reply:${api.comments[0]}`);
    expect(event).toMatchObject({ kind: 'reply', text: 'Same question here!', target: { id: CAROL_COMMENT.ref, author: CAROL_COMMENT.author } });
    const [call] = api.callsOf('useCometUFICreateCommentMutation');
    expect((call?.variables.input as { reply_comment_parent_fbid: string }).reply_comment_parent_fbid)
      .toBe(Buffer.from(`comment:${CAROL_COMMENT.ref}`).toString('base64'));
  });

  test('a comment that is refused (HTTP 200 with errors) or fails (HTTP 500) stores nothing', async () => {
    api.fail('useCometUFICreateCommentMutation', 'graphql-error');
    api.fail('useCometUFICreateCommentMutation', 500);
    const page = await open();
    const box = post(page, POSTS.bob).locator('form [data-lexical-editor="true"]');
    await typeInto(page, box, 'This one is refused.');
    await page.keyboard.press('Enter');
    await poll(() => api.callsOf('useCometUFICreateCommentMutation').length).toBe(1);
    await box.click();
    await page.keyboard.press('Enter');
    await poll(() => api.callsOf('useCometUFICreateCommentMutation').map((c) => c.status)).toEqual([200, 500]);
    expect(await sentinel(page)).toEqual([]);
  });

  test('"Share now" is a repost of the post; sharing with your own words is a quote', async () => {
    const page = await open();
    const bob = post(page, POSTS.bob);
    await bob.getByText(/^(Share|Compartir)$/).click();
    await page.getByRole('menuitem', { name: labels.shareNow }).click();
    const repost = await waitForEvent(h, `facebook:repost:${POSTS.bob.id}`);
    expect(repost).toMatchObject({ kind: 'repost', target: { id: POSTS.bob.id, author: POSTS.bob.author } });

    const alice = post(page, POSTS.alice);
    await alice.getByText(/^(Share|Compartir)$/).click();
    await page.getByRole('menuitem', { name: labels.shareToFeed }).click();
    const dialog = page.getByRole('dialog');
    await typeInto(page, dialog.locator('[data-lexical-editor="true"]'), 'This is exactly what our street needs.');
    await dialog.getByRole('button', { name: labels.post, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const quote = await waitForEvents(h, (events) => events.find((e) => e.kind === 'quote'), 'the quote');
    expect(quote).toMatchObject({
      platform: 'facebook', text: 'This is exactly what our street needs.', target: { id: POSTS.alice.id, author: POSTS.alice.author },
    });
    expect(quote.id).toBe(`facebook:quote:${api.stories[1]}`);
  });

  test('an original post is a take, with its text and the user as author', async () => {
    const page = await open();
    await page.locator('[data-pagelet="FeedComposer"] [role="button"]').click();
    const dialog = page.getByRole('dialog');
    await typeInto(page, dialog.locator('[data-lexical-editor="true"]'), 'Our community garden opens on Saturday!');
    await dialog.getByRole('button', { name: labels.post, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const created = await waitForEvents(h, (events) => events.find((e) => e.kind === 'post'), 'the post');
    expect(created).toMatchObject({
      platform: 'facebook', kind: 'post', text: 'Our community garden opens on Saturday!',
      target: { id: api.stories[0], author: VIEWER.slug, url: `https://www.facebook.com/${api.stories[0]}` },
    });
    expect(created.id).toBe(`facebook:post:${api.stories[0]}`);
  });
});

test('an unreact the adapter cannot read is confirmed from the page: "Remove Like" back to "Like"', async () => {
  const page = await openFacebook(h, FACEBOOK_URLS.unknownUnreact);
  await likeButton(page, POSTS.alice).click();
  await waitForEvent(h, `facebook:like:${POSTS.alice.id}`);
  await likeButton(page, POSTS.alice).click();
  await poll(() => likeButton(page, POSTS.alice).getAttribute('aria-label')).toBe('Like');
  await poll(() => api.callsOf('CometUFIFeedbackRemoveReactionMutation').length).toBe(1);
  await waitForEvent(h, `facebook:like:${POSTS.alice.id}`, (e) => e.undoneAt !== undefined);
});

test('only the actions are relayed out of the page, without their session fields; feed queries never are', async () => {
  const page = await h.context.newPage();
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __relayed: unknown[] }).__relayed = seen;
    addEventListener('message', (event: MessageEvent) => {
      const data = event.data as Record<string, unknown> | null;
      if (data && typeof data === 'object' && 'give-first-tap' in data) seen.push(data['give-first-tap']);
    });
  });
  await page.goto(FACEBOOK_URLS.home);
  await page.waitForFunction(() => (window as unknown as { __REPLICA_FB__?: { ready?: boolean } }).__REPLICA_FB__?.ready === true);
  expect(api.callsOf('CometNewsFeedPaginationQuery')).toHaveLength(1);
  await likeButton(page, POSTS.bob).click();
  await waitForEvent(h, `facebook:like:${POSTS.bob.id}`);
  const relayed = await page.evaluate(() => (window as unknown as { __relayed: { requestBody: string | null }[] }).__relayed);
  expect(relayed).toHaveLength(1);
  const form = new URLSearchParams(relayed[0]?.requestBody ?? '');
  expect([...form.keys()].sort()).toEqual(['fb_api_req_friendly_name', 'variables']);
  expect(form.get('fb_api_req_friendly_name')).toBe('CometUFIFeedbackReactMutation');
  for (const token of TOKENS) expect(JSON.stringify(relayed)).not.toContain(token);
});
