/**
 * The nudge before posting on the YouTube replica: a community post (the Posts tab of the user's own
 * channel) below target is held back with the card, the draft stays as written, and "Post anyway"
 * publishes it as a take; a comment on a video is a give and is never nudged.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import { noon, startWith, until, useSite } from './harness.ts';
import { clickCardButton, readCard } from './nudge-card.ts';
import { FakeYouTube, ME, YT_URLS, openYouTube, serveYouTube, waitForYtEvent } from './youtube-api.ts';

const api = new FakeYouTube();
const h = useSite((context) => serveYouTube(context, api), [api], { deleteAll: false });

const LOW = [
  { id: 'youtube:post:UgkxImported1', platform: 'youtube', kind: 'post', at: noon(1), text: 'one', promotional: false, source: 'import' },
  { id: 'youtube:post:UgkxImported2', platform: 'youtube', kind: 'post', at: noon(2), text: 'two', promotional: false, source: 'import' },
];

// Every test starts below target: only these two own posts stored (the harness's startWith).
beforeEach(() => startWith(h, LOW));

const POST_BOX = 'ytd-backstage-post-dialog-renderer';

describe('the nudge on YouTube', () => {
  test('a community post is held back with the card, the draft kept; "Post anyway" publishes it as a take', async () => {
    const page = await openYouTube(h, YT_URLS.posts);
    await page.locator(`${POST_BOX} #contenteditable-root`).click();
    await page.keyboard.type('New video on build caches tomorrow');
    await page.locator(`${POST_BOX} #submit-button button`).click();
    const card = await until(() => readCard(page), 5000, 'the nudge card');
    expect(card?.buttons.map((b) => b.label)).toContain('Post anyway');
    expect(api.callsTo('backstage/create_post')).toHaveLength(0);
    expect(await page.locator(`${POST_BOX} #contenteditable-root`).innerText()).toBe('New video on build caches tomorrow');
    await clickCardButton(page, 'Post anyway');
    const post = await waitForYtEvent(h, (e) => e.kind === 'post' && e.source === 'capture', 'the post');
    expect(post).toMatchObject({ text: 'New video on build caches tomorrow', target: { author: ME.handle } });
    expect(post.id).toMatch(/^youtube:post:UgkxNewPost\d{4}$/);
    expect(api.callsTo('backstage/create_post')).toHaveLength(1);
    expect(api.callsTo('backstage/create_post')[0]?.body).toMatchObject({ commentText: 'New video on build caches tomorrow' });
  });

  test('the Spanish Posts tab is nudged too; "Engage first" sends nothing and keeps the draft', async () => {
    const page = await openYouTube(h, YT_URLS.postsEs);
    await page.locator(`${POST_BOX} #contenteditable-root`).click();
    await page.keyboard.type('Nuevo vídeo mañana');
    await page.getByRole('button', { name: 'Publicar' }).click();
    const card = await until(() => readCard(page), 5000, 'the nudge card');
    expect(card?.buttons.map((b) => b.label)).toContain('Engage first');
    await clickCardButton(page, 'Engage first');
    await until(async () => !(await readCard(page)), 5000, 'the card to close');
    expect(api.callsTo('backstage/create_post')).toHaveLength(0);
    expect(await page.locator(`${POST_BOX} #contenteditable-root`).innerText()).toBe('Nuevo vídeo mañana');
  });

  test('a comment on a video is not nudged', async () => {
    const page = await openYouTube(h, YT_URLS.watch);
    await page.locator('#placeholder-area').click();
    await page.locator('ytd-comment-simplebox-renderer #contenteditable-root').click();
    await page.keyboard.type('Great explanation');
    await page.locator('ytd-comment-simplebox-renderer #submit-button button').click();
    await expect.poll(() => api.callsTo('comment/create_comment').length, { timeout: 10_000 }).toBe(1);
    expect(await readCard(page)).toBeNull();
    await waitForYtEvent(h, (e) => e.kind === 'reply', 'the comment');
  });
});
