/**
 * What the page tap relays out of the page's world (src/content/page-tap.ts), seen in Chromium on the
 * YouTube, Threads and Facebook replicas: the actions still count, and the relayed calls carry only the
 * fields the parsers read — no visitor data, click tracking, account or device ids, tracking blobs or
 * session tokens, although the page sent all of them.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, type Harness } from './harness.ts';
import { FakeYouTube, openYouTube, serveYouTube, waitForYtEvent } from './youtube-api.ts';
import { FakeThreads, ME as THREADS_ME, control, openThreads, serveThreads, waitForThreadsEvent } from './threads-api.ts';
import { FakeFacebookApi, POSTS as FB_POSTS, TOKENS, VIEWER, openFacebook, post as fbPost, serveFacebook, waitForEvent } from './facebook-api.ts';

interface Relayed { url: string; requestBody: string | null; responseBody: string | null }

let h: Harness;
const youtube = new FakeYouTube();
const threads = new FakeThreads();
const facebook = new FakeFacebookApi();

beforeAll(async () => {
  h = await launch();
  await serveYouTube(h.context, youtube);
  await serveThreads(h.context, threads);
  await serveFacebook(h.context, facebook);
  // Records, in the page's own world, every call the tap relays (the content script receives the same).
  await h.context.addInitScript(() => {
    const seen: unknown[] = [];
    (window as unknown as { __relayed: unknown[] }).__relayed = seen;
    window.addEventListener('message', (e: MessageEvent) => {
      const data = e.data as Record<string, unknown> | null;
      if (data && typeof data === 'object' && 'give-first-tap' in data) seen.push(data['give-first-tap']);
    });
  });
});
afterAll(async () => h?.close());
beforeEach(async () => {
  youtube.reset();
  threads.reset();
  facebook.reset();
  expect(await h.send({ type: 'deleteAll' })).toMatchObject({ ok: true });
});
afterEach(async () => {
  await closeSitePages(h);
});

const relayedIn = (page: import('playwright-core').Page): Promise<Relayed[]> =>
  page.evaluate(() => (window as unknown as { __relayed: Relayed[] }).__relayed);

describe('the page tap relays only what the parsers read', () => {
  test('YouTube: a comment counts; no context, visitor data or click tracking leaves the page, nor the answer\'s responseContext', async () => {
    const page = await openYouTube(h);
    await page.locator('#placeholder-area').click();
    await page.locator('ytd-comment-simplebox-renderer #contenteditable-root').click();
    await page.keyboard.type('Thanks for the walkthrough');
    await page.locator('ytd-comment-simplebox-renderer #submit-button button').click();
    await waitForYtEvent(h, (e) => e.kind === 'reply');
    // The page sent them…
    expect(youtube.callsTo('comment/create_comment')[0]?.body).toMatchObject({ context: { client: { visitorData: expect.any(String) } } });
    const relayed = (await relayedIn(page)).filter((c) => c.url.includes('/comment/create_comment'));
    expect(relayed).toHaveLength(1);
    // …the tap did not relay them.
    expect(Object.keys(JSON.parse(relayed[0]?.requestBody ?? '{}') as object).sort()).toEqual(['commentText', 'createCommentParams']);
    expect(Object.keys(JSON.parse(relayed[0]?.responseBody ?? '{}') as object).sort()).toEqual(['actions', 'frameworkUpdates']);
    expect(JSON.stringify(relayed)).not.toMatch(/context|visitorData|CgtSRVBMSUNBLVZJUyiA|clickTracking|originalUrl|responseContext/);
  });

  test('Threads: a reply counts; signed_body is relayed with its caption and text_post_app_info only', async () => {
    const page = await openThreads(h);
    await control(page, 'alice', 'Reply').click();
    await page.getByRole('dialog').getByRole('textbox').click();
    await page.keyboard.type('Tests and a changelog, every time.');
    await page.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();
    await waitForThreadsEvent(h, (e) => e.kind === 'reply');
    const relayed = (await relayedIn(page)).filter((c) => c.url.includes('/configure_text_only_post/'));
    expect(relayed).toHaveLength(1);
    const signed = new URLSearchParams(relayed[0]?.requestBody ?? '').get('signed_body') ?? '';
    expect(signed.startsWith('SIGNATURE.{')).toBe(true);
    expect(Object.keys(JSON.parse(signed.slice('SIGNATURE.'.length)) as object).sort()).toEqual(['caption', 'text_post_app_info']);
    // (The answer names the new post and its author, the user: parse.ts reads them there.)
    expect(relayed[0]?.requestBody).not.toMatch(new RegExp(`_uid|device_id|replica-device|upload_id|${THREADS_ME.pk}`));
  });

  test('Facebook: a comment counts; variables are relayed without actor, session or tracking fields, and no token', async () => {
    const page = await openFacebook(h);
    await fbPost(page, FB_POSTS.bob).locator('form [data-lexical-editor="true"]').click();
    await page.keyboard.type('Great photos, where was this taken?');
    await page.keyboard.press('Enter');
    await expect.poll(() => facebook.comments.length, { timeout: 10_000 }).toBe(1);
    await waitForEvent(h, `facebook:reply:${facebook.comments[0] ?? ''}`);
    const relayed = await relayedIn(page);
    expect(relayed.length).toBeGreaterThan(0);
    for (const call of relayed) {
      expect([...new URLSearchParams(call.requestBody ?? '').keys()]).toEqual(['fb_api_req_friendly_name', 'variables']);
    }
    expect(JSON.stringify(relayed)).not.toMatch(new RegExp(`actor_id|session_id|tracking|client_mutation_id|${VIEWER.id}|${TOKENS.join('|')}`));
  });
});
