/**
 * LinkedIn capture end to end, on both front ends LinkedIn runs at once: the classic Ember feed (English,
 * XHR; tests/replicas/linkedin/feed.html) and the newer SDUI feed (Spanish, hashed classes, fetch;
 * feed-sdui-es.html), both served at https://www.linkedin.com/feed/ with the fake Voyager/SDUI API behind
 * them (tests/e2e/linkedin-api.ts). Every test drives the page as a user would and checks what the
 * extension stored, through its own export.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, type ExportedEvent, type Harness } from './harness.ts';
import {
  CAROL_COMMENT, FakeLinkedInApi, LINKEDIN_URLS, POSTS, VIEWER, openLinkedIn, postByUrn, reactButton, serveLinkedIn, storedEvents,
  waitForEvent,
} from './linkedin-api.ts';

let h: Harness;
const api = new FakeLinkedInApi();

beforeAll(async () => {
  h = await launch();
  await serveLinkedIn(h.context, api);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  api.reset();
  expect(await h.send({ type: 'deleteAll' })).toMatchObject({ ok: true });
});
afterEach(async () => {
  await closeSitePages(h);
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });
const feedUrl = (urn: string): string => `https://www.linkedin.com/feed/update/${urn}/`;
const body = (c: { body: string | null } | undefined): unknown => JSON.parse(c?.body ?? 'null');

/**
 * Proves everything before it has been processed: reacts to Acme's post and waits for that like. The page
 * relays calls in order and the background applies them in order.
 */
async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await reactButton(page, POSTS.acme.activity).click();
  await waitForEvent(h, `linkedin:like:${POSTS.acme.activity}`);
  return (await storedEvents(h)).filter((e) => e.target?.id !== POSTS.acme.activity);
}

const FRONT_ENDS = [
  { name: 'classic Ember feed (English, XHR)', url: LINKEDIN_URLS.classic, labels: { celebrate: 'React Celebrate', post: 'Post', thoughts: 'Repost with your thoughts', repostNow: 'Repost' } },
  { name: 'SDUI feed (Spanish, fetch)', url: LINKEDIN_URLS.sdui, labels: { celebrate: 'Celebrar', post: 'Publicar', thoughts: 'Compartir con tus ideas', repostNow: 'Compartir' } },
] as const;

describe.each(FRONT_ENDS)('$name', ({ url, labels }) => {
  const open = () => openLinkedIn(h, url);
  const pressed = (page: Page, urn: string) => reactButton(page, urn).getAttribute('aria-pressed');

  test('a reaction is stored as a like with the post, its author and URL (the reaction type is not stored)', async () => {
    const page = await open();
    const post = postByUrn(page, POSTS.alice.activity);
    await reactButton(page, POSTS.alice.activity).hover();
    await post.locator(`[aria-label="${labels.celebrate}"]`).click();
    await poll(() => pressed(page, POSTS.alice.activity)).toBe('true');

    const event = await waitForEvent(h, `linkedin:like:${POSTS.alice.activity}`);
    expect(event).toMatchObject({
      platform: 'linkedin', kind: 'like', source: 'capture',
      target: { id: POSTS.alice.activity, author: 'alice-chen', url: feedUrl(POSTS.alice.activity) },
    });
    expect(event.undoneAt).toBeUndefined();
    expect(JSON.stringify(event)).not.toContain('PRAISE');
    const [call] = api.callsOf('reactions');
    expect(call?.url).toBe(`https://www.linkedin.com/voyager/api/voyagerSocialDashReactions?threadUrn=${encodeURIComponent(POSTS.alice.activity)}`);
    expect(body(call)).toEqual({ reactionType: 'PRAISE' });
    // The page sent its csrf token (JSESSIONID) in a header; nothing of it is stored.
    expect(await page.evaluate(() => document.cookie)).toContain('JSESSIONID');
    expect(JSON.stringify(await h.exportData())).not.toContain('4821937465019283746');
  });

  test('unreacting (the SDUI delete action) sets undoneAt on the same event', async () => {
    const page = await open();
    await reactButton(page, POSTS.bob.activity).click();
    const liked = await waitForEvent(h, `linkedin:like:${POSTS.bob.activity}`);
    await reactButton(page, POSTS.bob.activity).click();
    await poll(() => pressed(page, POSTS.bob.activity)).toBe('false');

    const undone = await waitForEvent(h, `linkedin:like:${POSTS.bob.activity}`, (e) => e.undoneAt !== undefined);
    expect(undone.at).toBe(liked.at);
    expect(api.callsOf('sdui:com.linkedin.sdui.reactions.delete')).toHaveLength(1);
  });

  test('rapid toggles settle to one live like (odd number of clicks, answers out of order)', async () => {
    api.latency = [10, 300];
    const page = await open();
    for (let i = 0; i < 5; i++) await reactButton(page, POSTS.alice.activity).click();
    await api.idle();
    expect(await pressed(page, POSTS.alice.activity)).toBe('true');
    expect(api.callsOf('reactions').length + api.callsOf('sdui:com.linkedin.sdui.reactions.delete').length).toBe(5);
    api.latency = [0, 0];

    const events = await sentinel(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: `linkedin:like:${POSTS.alice.activity}` });
    expect(events[0]?.undoneAt).toBeUndefined();
  });

  test('a reaction that fails (HTTP 500) stores nothing and the button rolls back', async () => {
    api.fail('reactions', 500);
    const page = await open();
    await reactButton(page, POSTS.alice.activity).click();
    await page.getByRole('alert').waitFor();
    expect(await pressed(page, POSTS.alice.activity)).toBe('false');
    expect(api.callsOf('reactions').map((c) => c.status)).toEqual([500]);
    expect(await sentinel(page)).toEqual([]);
  });

  test('a comment and a follow that fail (HTTP 500, 403) store nothing', async () => {
    api.fail('comments', 500);
    api.fail('followingStates', 403);
    const page = await open();
    const post = postByUrn(page, POSTS.bob.activity);
    await post.locator('button.comment-button, [data-view-name="feed-comment-button"]').click();
    await post.locator('form [contenteditable="true"]').first().click();
    await page.keyboard.type('This comment will fail.');
    await post.locator('form button[type="submit"]').first().click();
    await page.getByRole('alert').first().waitFor();
    const follow = post.locator('button.follow, [data-view-name="feed-follow-button"]');
    await follow.click();
    await poll(() => api.callsOf('followingStates').map((c) => c.status)).toEqual([403]);
    await poll(() => follow.getAttribute('aria-pressed')).toBe('false');
    expect(api.callsOf('comments').map((c) => c.status)).toEqual([500]);
    expect(await sentinel(page)).toEqual([]);
  });

  test('a comment is a reply to the post, with its text; deleting it undoes it', async () => {
    const page = await open();
    const post = postByUrn(page, POSTS.bob.activity);
    await post.locator('button.comment-button, [data-view-name="feed-comment-button"]').click();
    const text = 'Saving this for our next audit, thank you.';
    const editor = post.locator('form [contenteditable="true"]').first();
    await editor.click();
    await page.keyboard.type(text);
    await post.locator('form button[type="submit"]').first().click();

    await poll(() => api.comments.length).toBe(1);
    const id = `linkedin:reply:${api.comments[0]}`;
    const event = await waitForEvent(h, id);
    expect(event).toMatchObject({ kind: 'reply', text, target: { id: POSTS.bob.activity, author: 'bob-okafor', url: feedUrl(POSTS.bob.activity) } });
    expect(body(api.callsOf('comments')[0])).toMatchObject({ commentary: { text, attributesV2: [] }, threadUrn: POSTS.bob.activity });

    await post.locator('.comment-options-trigger__delete, [data-view-name="comment-delete"]').click();
    await waitForEvent(h, id, (e) => e.undoneAt !== undefined);
    expect(api.callsOf('comments:delete')).toHaveLength(1);
  });

  test('a reply to a comment targets the comment and its author', async () => {
    const page = await open();
    const comment = page.locator(`article[data-id="${CAROL_COMMENT.urn}"]`);
    await comment.locator('.comments-comment-social-bar__reply-action-button--cr, [data-view-name="comment-reply"]').click();
    const text = 'We kept one, behind a consent check.';
    await comment.locator('form [contenteditable="true"]').click();
    await page.keyboard.type(text);
    await comment.locator('form button[type="submit"]').click();

    await poll(() => api.comments.length).toBe(1);
    const event = await waitForEvent(h, `linkedin:reply:${api.comments[0]}`);
    expect(event).toMatchObject({ kind: 'reply', text, target: { id: CAROL_COMMENT.urn, author: 'carol-diaz' } });
    expect(body(api.callsOf('comments')[0])).toMatchObject({ threadUrn: CAROL_COMMENT.urn });
  });

  test('an original post is stored as a post by the user; deleting it undoes it', async () => {
    const page = await open();
    await page.locator('.share-box-feed-entry__trigger, [data-view-name="share-sharebox-focus"]').click();
    const dialog = page.getByRole('dialog');
    const text = 'Shipped our accessibility audit today.';
    await dialog.locator('[contenteditable="true"]').click();
    await page.keyboard.type(text);
    await dialog.getByRole('button', { name: labels.post, exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await poll(() => api.created.length).toBe(1);
    const urn = api.created[0] ?? '';
    const event = await waitForEvent(h, `linkedin:post:${urn}`);
    expect(event).toMatchObject({ kind: 'post', text, target: { id: urn, author: VIEWER.slug, url: feedUrl(urn) } });
    expect((body(api.callsOf('shares')[0]) as { variables: unknown }).variables).toMatchObject({
      post: { origin: 'FEED', intendedShareLifeCycleState: 'PUBLISHED', commentary: { text } },
    });

    await postByUrn(page, urn).locator('.delete-post, [data-view-name="feed-control-menu-delete"]').click();
    await waitForEvent(h, `linkedin:post:${urn}`, (e) => e.undoneAt !== undefined);
  });

  test('a post LinkedIn refuses with HTTP 200 and errors stores nothing', async () => {
    api.fail('shares', 'graphql-error');
    const page = await open();
    await page.locator('.share-box-feed-entry__trigger, [data-view-name="share-sharebox-focus"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[contenteditable="true"]').click();
    await page.keyboard.type('This one will be refused.');
    await dialog.getByRole('button', { name: labels.post, exact: true }).click();
    await page.getByRole('alert').waitFor();
    expect(api.callsOf('shares')).toHaveLength(1);
    await dialog.getByRole('button', { name: /^(Dismiss|Descartar)$/ }).click();
    expect(await sentinel(page)).toEqual([]);
  });

  test('an instant repost is a repost of the post; deleting the repost undoes it', async () => {
    const page = await open();
    const post = postByUrn(page, POSTS.alice.activity);
    await post.locator('.social-reshare-button, [data-view-name="repost-button"]').click();
    await post.locator('.reshare-now, [data-view-name="repost-instantly"]').click();

    const event = await waitForEvent(h, `linkedin:repost:${POSTS.alice.share}`);
    expect(event).toMatchObject({ kind: 'repost', target: { id: POSTS.alice.share, author: 'alice-chen' } });
    expect(body(api.callsOf('reposts')[0])).toMatchObject({ variables: { entity: { rootContentUrn: POSTS.alice.share } } });

    const repostUrn = api.created[0] ?? '';
    await postByUrn(page, repostUrn).locator('.delete-post, [data-view-name="feed-control-menu-delete"]').click();
    await waitForEvent(h, `linkedin:repost:${POSTS.alice.share}`, (e) => e.undoneAt !== undefined);
  });

  test('a repost with thoughts is a quote of the post, with its text', async () => {
    const page = await open();
    const post = postByUrn(page, POSTS.bob.activity);
    await post.locator('.social-reshare-button, [data-view-name="repost-button"]').click();
    await post.getByText(labels.thoughts, { exact: true }).click();
    const dialog = page.getByRole('dialog');
    const text = 'Required reading before your next component review.';
    await dialog.locator('[contenteditable="true"]').click();
    await page.keyboard.type(text);
    await dialog.getByRole('button', { name: labels.post, exact: true }).click();

    await poll(() => api.created.length).toBe(1);
    const event = await waitForEvent(h, `linkedin:quote:${api.created[0]}`);
    expect(event).toMatchObject({ kind: 'quote', text, target: { id: POSTS.bob.share, author: 'bob-okafor' } });
    expect((body(api.callsOf('shares')[0]) as { variables: unknown }).variables).toMatchObject({ post: { origin: 'RESHARE', parentUrn: POSTS.bob.share } });
  });

  test('following a person and a company; unfollowing undoes it', async () => {
    const page = await open();
    const follow = (urn: string) => postByUrn(page, urn).locator('button.follow, [data-view-name="feed-follow-button"]');
    await follow(POSTS.bob.activity).click();
    const bob = await waitForEvent(h, 'linkedin:follow:urn:li:profile:ACoAAB0bOkaf0r1xYz');
    expect(bob).toMatchObject({ kind: 'follow', target: { id: 'urn:li:profile:ACoAAB0bOkaf0r1xYz', author: 'bob-okafor', url: 'https://www.linkedin.com/in/bob-okafor/' } });

    await follow(POSTS.acme.activity).click();
    const acme = await waitForEvent(h, 'linkedin:follow:urn:li:company:1035');
    expect(acme.target).toMatchObject({ author: 'company/acme-tools', url: 'https://www.linkedin.com/company/acme-tools/' });
    await poll(() => follow(POSTS.acme.activity).getAttribute('aria-pressed')).toBe('true');
    await follow(POSTS.acme.activity).click();
    await waitForEvent(h, 'linkedin:follow:urn:li:company:1035', (e) => e.undoneAt !== undefined);
    expect(api.calls.filter((c) => c.op.startsWith('follow')).map((c) => c.op)).toEqual(
      url === LINKEDIN_URLS.classic
        ? ['followingStates', 'followingStates', 'follows:unfollowByEntityUrn']
        : ['followingStates', 'followingStates', 'followingStates'],
    );
  });

  test('a like of your own post is stored with yourself as the author (neutral)', async () => {
    const page = await open();
    await reactButton(page, POSTS.own.activity).click();
    const event = await waitForEvent(h, `linkedin:like:${POSTS.own.activity}`);
    expect(event.target?.author).toBe(VIEWER.slug);
  });
});
