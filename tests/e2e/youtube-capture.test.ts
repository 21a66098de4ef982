/**
 * YouTube capture end to end: the built extension in Chromium, the watch-page replica served at
 * https://www.youtube.com/watch?v=…, its InnerTube calls answered by a fake (youtube-api.ts). Checks
 * what the extension stored, through its own export.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { HEALTH_DELAY_MS } from '../../src/content/timing.ts';
import { useSite, type ExportedEvent } from './harness.ts';
import {
  COMMENTS, FakeYouTube, ME, OWNER, VIDEO, YT_URLS, comment, openYouTube, serveYouTube, videoLike, waitForYtEvent, ytEvents,
} from './youtube-api.ts';

const api = new FakeYouTube();
const h = useSite((context) => serveYouTube(context, api), [api]);

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });
type Snap = { health: Record<string, { state: string; problem?: { code: string } }>; identities: Record<string, string> };

/** A subscribe that must be stored, to know everything sent before it was processed; returns the other events. */
async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await page.locator('ytd-subscribe-button-renderer button').click();
  await waitForYtEvent(h, (e) => e.id === `youtube:follow:${OWNER.channelId}` && !e.undoneAt, 'the sentinel subscribe');
  return (await ytEvents(h)).filter((e) => e.kind !== 'follow');
}

async function typeInto(page: Page, box: string, text: string): Promise<void> {
  const input = page.locator(`${box} #contenteditable-root`);
  await input.click();
  await page.keyboard.type(text);
}

describe('video likes and subscriptions (network)', () => {
  test('a like is stored with the video, its URL and its channel\'s handle', async () => {
    const page = await openYouTube(h);
    await videoLike(page).click();
    const event = await waitForYtEvent(h, (e) => e.kind === 'like');
    expect(event).toMatchObject({
      id: `youtube:like:${VIDEO}`, source: 'capture',
      target: { id: VIDEO, url: `https://www.youtube.com/watch?v=${VIDEO}`, author: OWNER.handle },
    });
    expect(api.callsTo('like/like')[0]?.body).toMatchObject({ target: { videoId: VIDEO }, context: { client: { clientName: 'WEB' } } });
  });

  test('like → removelike → like is one live like; removelike undoes; a dislike after a like undoes it too', async () => {
    const page = await openYouTube(h);
    for (const [i, on] of [true, false, true].entries()) {
      await videoLike(page).click();
      await poll(() => api.calls.length).toBe(i + 1);
      await poll(() => videoLike(page).getAttribute('aria-pressed')).toBe(String(on));
      if (!on) await waitForYtEvent(h, (e) => e.kind === 'like' && !!e.undoneAt, 'the removelike');
    }
    await poll(async () => (await ytEvents(h)).find((e) => e.kind === 'like' && !e.undoneAt)).toBeTruthy();
    expect((await ytEvents(h)).filter((e) => e.kind === 'like')).toHaveLength(1);
    await page.locator('dislike-button-view-model button').click();
    await waitForYtEvent(h, (e) => e.kind === 'like' && !!e.undoneAt, 'the dislike undoing the like');
    expect(api.calls.map((c) => c.op)).toEqual(['like/like', 'like/removelike', 'like/like', 'like/dislike']);
    expect((await ytEvents(h)).every((e) => e.kind === 'like')).toBe(true); // a dislike gives nothing
  });

  test('a like that fails (HTTP 500) stores nothing and the button rolls back', async () => {
    api.fail('like/like', 500);
    const page = await openYouTube(h);
    await videoLike(page).click();
    await page.getByRole('alert').waitFor();
    expect(await videoLike(page).getAttribute('aria-pressed')).toBe('false');
    expect(api.callsTo('like/like')).toHaveLength(1);
    expect(await sentinel(page)).toEqual([]);
  });

  test('subscribe is a follow of the channel; unsubscribe (after the confirmation) undoes it', async () => {
    const page = await openYouTube(h);
    await page.locator('ytd-subscribe-button-renderer button').click();
    const follow = await waitForYtEvent(h, (e) => e.kind === 'follow');
    expect(follow).toMatchObject({ id: `youtube:follow:${OWNER.channelId}`, target: { id: OWNER.channelId, author: OWNER.handle, url: 'https://www.youtube.com/@alicecodes' } });
    await poll(() => page.locator('ytd-subscribe-button-renderer button').innerText()).toBe('Subscribed');
    await page.locator('ytd-subscribe-button-renderer button').click();
    await page.locator('yt-confirm-dialog-renderer #confirm-button button').click();
    await waitForYtEvent(h, (e) => e.id === follow.id && !!e.undoneAt, 'the unsubscribe');
    expect(api.callsTo('subscription/unsubscribe')[0]?.body).toMatchObject({ channelIds: [OWNER.channelId] });
  });
});

describe('comments and replies (network)', () => {
  test('a comment on someone\'s video is a reply to the video with its text; the answer names the user', async () => {
    const page = await openYouTube(h);
    await page.locator('#placeholder-area').click();
    await typeInto(page, 'ytd-comment-simplebox-renderer', 'The caching part saved my week');
    await page.locator('ytd-comment-simplebox-renderer #submit-button button').click();
    const reply = await waitForYtEvent(h, (e) => e.kind === 'reply');
    expect(reply).toMatchObject({ text: 'The caching part saved my week', target: { id: VIDEO, author: OWNER.handle } });
    expect(reply.id).toMatch(/^youtube:reply:UgyNew\d{4}CommentAaABAg$/);
    expect(api.callsTo('comment/create_comment')[0]?.body).toMatchObject({ commentText: 'The caching part saved my week' });
    await poll(async () => (await h.storage<Snap>('snapshot'))?.identities.youtube).toBe(ME.handle);
  });

  test('a reply to a comment targets that comment and its author', async () => {
    const page = await openYouTube(h);
    await comment(page, COMMENTS.bob).locator('#reply-button-end button').click();
    await typeInto(page, '#reply-dialog', 'Agreed, the second half is gold');
    await comment(page, COMMENTS.bob).locator('#reply-dialog #submit-button button').click();
    const reply = await waitForYtEvent(h, (e) => e.kind === 'reply');
    expect(reply).toMatchObject({
      text: 'Agreed, the second half is gold',
      target: { id: COMMENTS.bob, author: 'bobbuilds', url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${COMMENTS.bob}` },
    });
    expect(reply.id.startsWith(`youtube:reply:${COMMENTS.bob}.`)).toBe(true);
  });

  test('a comment that fails (HTTP 500) stores nothing', async () => {
    api.fail('comment/create_comment', 500);
    const page = await openYouTube(h);
    await page.locator('#placeholder-area').click();
    await typeInto(page, 'ytd-comment-simplebox-renderer', 'This will fail');
    await page.locator('ytd-comment-simplebox-renderer #submit-button button').click();
    await page.getByRole('alert').waitFor();
    expect(await sentinel(page)).toEqual([]);
  });
});

describe('comment likes (confirmed in the page)', () => {
  test('liking a comment counts once its button shows the like; unliking undoes', async () => {
    const page = await openYouTube(h);
    const like = comment(page, COMMENTS.carol).locator('#like-button button');
    await like.click();
    const event = await waitForYtEvent(h, (e) => e.kind === 'like');
    expect(event).toMatchObject({
      id: `youtube:like:${COMMENTS.carol}`,
      target: { id: COMMENTS.carol, author: 'carol.makes', url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${COMMENTS.carol}` },
    });
    expect(api.callsTo('comment/perform_comment_action')).toHaveLength(1);
    await like.click();
    await waitForYtEvent(h, (e) => e.id === event.id && !!e.undoneAt, 'the comment unlike');
  });

  test('a comment like whose request fails rolls back and stores nothing', async () => {
    api.fail('comment/perform_comment_action', 500);
    const page = await openYouTube(h);
    const like = comment(page, COMMENTS.bob).locator('#like-button button');
    await like.click();
    await page.getByRole('alert').waitFor();
    expect(await like.getAttribute('aria-pressed')).toBe('false');
    // Past the time the watch would trust a flip it saw no request for.
    await page.waitForTimeout(4500);
    expect(await sentinel(page)).toEqual([]);
  });

  test('another comment\'s successful like does not confirm a like whose request is failing', async () => {
    // Bob's like fails, slowly; Carol's, clicked meanwhile, succeeds while Bob's still shows as liked.
    const isBob = (body: Record<string, unknown>): boolean => {
      const action = (body.actions as unknown[] | undefined)?.[0];
      return typeof action === 'string' && Buffer.from(action, 'base64').toString('latin1').includes(COMMENTS.bob);
    };
    api.fail('comment/perform_comment_action', 500, { when: isBob, delayMs: 1500 });
    const page = await openYouTube(h);
    const bobLike = comment(page, COMMENTS.bob).locator('#like-button button');
    await bobLike.click();
    await comment(page, COMMENTS.carol).locator('#like-button button').click();
    await waitForYtEvent(h, (e) => e.id === `youtube:like:${COMMENTS.carol}`, 'Carol\'s comment like');
    await page.getByRole('alert').waitFor();
    expect(await bobLike.getAttribute('aria-pressed')).toBe('false');
    await page.waitForTimeout(4500);
    expect((await sentinel(page)).map((e) => e.id)).toEqual([`youtube:like:${COMMENTS.carol}`]);
  });
});

describe('variants and health', () => {
  test('Spanish labels with the older comment element and extra wrappers: like, comment like and comment are captured; health ok', async () => {
    const page = await openYouTube(h, YT_URLS.es);
    expect(await page.locator('ytd-comment-renderer').count()).toBeGreaterThan(0);
    await videoLike(page).click();
    await waitForYtEvent(h, (e) => e.id === `youtube:like:${VIDEO}`, 'the video like');
    await comment(page, COMMENTS.bob).locator('#like-button button').click();
    const commentLike = await waitForYtEvent(h, (e) => e.id === `youtube:like:${COMMENTS.bob}`, 'the comment like');
    expect(commentLike.target?.author).toBe('bobbuilds');
    await page.locator('#placeholder-area').click();
    await typeInto(page, 'ytd-comment-simplebox-renderer', '¡Muy útil, gracias!');
    await page.getByRole('button', { name: 'Comentar' }).click();
    await waitForYtEvent(h, (e) => e.kind === 'reply' && e.text === '¡Muy útil, gracias!', 'the Spanish comment');
    // The network reader's report comes first; the page check runs HEALTH_DELAY_MS after the load.
    await page.waitForTimeout(HEALTH_DELAY_MS + 2500);
    const health = (await h.storage<Snap>('snapshot'))?.health.youtube;
    expect(health?.state, JSON.stringify(health)).toBe('ok');
  });

  test('in-app navigation (pushState, then yt-navigate-finish): a like targets the new video, and the new page is judged', async () => {
    const page = await openYouTube(h);
    await page.waitForTimeout(HEALTH_DELAY_MS + 2500);
    expect((await h.storage<Snap>('snapshot'))?.health.youtube?.state).toBe('ok');
    await page.getByText('Remote caching in CI').click();
    await page.locator('ytd-watch-flexy[video-id="0therV1deo0"] like-button-view-model button').waitFor();
    expect(page.url()).toBe('https://www.youtube.com/watch?v=0therV1deo0');
    await videoLike(page).click();
    const like = await waitForYtEvent(h, (e) => e.kind === 'like');
    expect(like).toMatchObject({ id: 'youtube:like:0therV1deo0', target: { id: '0therV1deo0', author: 'davedevops' } });
    await page.getByText('A page from a YouTube experiment').click();
    await page.locator('ytd-watch-flexy[video-id="Br0kenV1deo"]').waitFor();
    await poll(async () => (await h.storage<Snap>('snapshot'))?.health.youtube).toMatchObject({ state: 'degraded', problem: { code: 'no-like-button' } });
  });

  test('a renamed like button without aria-pressed shows as degraded', async () => {
    await openYouTube(h, YT_URLS.broken);
    await poll(async () => (await h.storage<Snap>('snapshot'))?.health.youtube).toMatchObject({ state: 'degraded', problem: { code: 'no-like-button' } });
  });
});
