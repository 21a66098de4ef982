/**
 * The nudge before posting on LinkedIn, on both front ends: the share modal's Post button (an original
 * post) is nudged below target and held back without touching the draft; "Post anyway" publishes it once;
 * a comment, a reply to a comment and a repost with thoughts are never nudged.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, noon, startWith, until, type Harness } from './harness.ts';
import { clickCardButton, readCard, waitForCard } from './nudge-card.ts';
import { CAROL_COMMENT, FakeLinkedInApi, LINKEDIN_URLS, POSTS, openLinkedIn, postByUrn, serveLinkedIn, waitForEvents } from './linkedin-api.ts';

let h: Harness;
const api = new FakeLinkedInApi();

beforeAll(async () => {
  h = await launch();
  await serveLinkedIn(h.context, api);
});
afterAll(async () => h?.close());
beforeEach(() => api.reset());
afterEach(async () => {
  await closeSitePages(h);
});

/** Five own posts and one reaction this week: far below target, and still below after a few replies. */
const LOW = [
  ...[1, 2, 4, 5, 6].map((n) => ({
    id: `linkedin:post:urn:li:activity:${n}`, platform: 'linkedin', kind: 'post', at: noon(n % 3), text: `post ${n}`, promotional: false, source: 'import',
  })),
  { id: 'linkedin:like:urn:li:activity:3', platform: 'linkedin', kind: 'like', at: noon(1), target: { id: 'urn:li:activity:3', author: 'alice-chen' }, source: 'import' },
];

const FRONT_ENDS = [
  { name: 'classic Ember feed (English)', url: LINKEDIN_URLS.classic, post: 'Post', thoughts: 'Repost with your thoughts' },
  { name: 'SDUI feed (Spanish; the Post button found by its localised label)', url: LINKEDIN_URLS.sdui, post: 'Publicar', thoughts: 'Compartir con tus ideas' },
] as const;

describe.each(FRONT_ENDS)('$name', ({ url, post, thoughts }) => {
  async function openComposer(page: Page, draft: string): Promise<void> {
    await page.locator('.share-box-feed-entry__trigger, [data-view-name="share-sharebox-focus"]').click();
    await page.getByRole('dialog').locator('[contenteditable="true"]').click();
    await page.keyboard.type(draft);
  }

  async function expectOriginalPostNudged(page: Page): Promise<void> {
    const before = api.callsOf('shares').length;
    await openComposer(page, 'An original post');
    await page.getByRole('dialog').getByRole('button', { name: post, exact: true }).click();
    await waitForCard(page);
    expect(api.callsOf('shares')).toHaveLength(before);
  }

  test('an original post below target shows the card and is held back; "Post anyway" publishes the draft once', async () => {
    await startWith(h, LOW);
    const page = await openLinkedIn(h, url);
    const draft = 'Three lessons from our accessibility audit';
    await openComposer(page, draft);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: post, exact: true }).click();
    const card = await waitForCard(page);
    expect(card.variant).toBe('full');
    expect(card.buttons.map((b) => b.label)).toContain('Post anyway');
    // Held back: no share reached LinkedIn, and the draft is exactly as typed.
    await page.waitForTimeout(300);
    expect(api.callsOf('shares')).toHaveLength(0);
    expect(await dialog.locator('[contenteditable="true"]').innerText()).toBe(draft);

    await clickCardButton(page, 'Post anyway');
    await until(() => api.callsOf('shares').length === 1, 5000, 'the share');
    await api.idle();
    expect(api.callsOf('shares')).toHaveLength(1);
    expect(api.callsOf('shares')[0]?.body).toContain(draft);
    expect(await readCard(page)).toBeNull();
    await waitForEvents(h, (events) => events.find((e) => e.kind === 'post' && e.text === draft), 'the new post');
  });

  test('a comment and a reply to a comment are never nudged, even far below target', async () => {
    await startWith(h, LOW);
    const page = await openLinkedIn(h, url);
    const bob = postByUrn(page, POSTS.bob.activity);
    await bob.locator('button.comment-button, [data-view-name="feed-comment-button"]').click();
    await bob.locator('form [contenteditable="true"]').first().click();
    await page.keyboard.type('Thanks, bookmarking this.');
    await bob.locator('form button[type="submit"]').first().click();
    await until(() => api.callsOf('comments').length === 1, 5000, 'the comment to be sent');

    const comment = page.locator(`article[data-id="${CAROL_COMMENT.urn}"]`);
    await comment.locator('.comments-comment-social-bar__reply-action-button--cr, [data-view-name="comment-reply"]').click();
    await comment.locator('form [contenteditable="true"]').click();
    await page.keyboard.type('Same question here.');
    await comment.locator('form button[type="submit"]').click();
    await until(() => api.callsOf('comments').length === 2, 5000, 'the reply to be sent');
    expect(await readCard(page)).toBeNull();
    // The nudge was armed all along: an original post from the same page is held back.
    await expectOriginalPostNudged(page);
  });

  test('a repost with your thoughts is not an original post: never nudged', async () => {
    await startWith(h, LOW);
    const page = await openLinkedIn(h, url);
    const alice = postByUrn(page, POSTS.alice.activity);
    await alice.locator('.social-reshare-button, [data-view-name="repost-button"]').click();
    await alice.getByText(thoughts, { exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[contenteditable="true"]').click();
    await page.keyboard.type('Worth a read.');
    await dialog.getByRole('button', { name: post, exact: true }).click();
    await until(() => api.callsOf('shares').length === 1, 5000, 'the quote to be sent');
    expect(await readCard(page)).toBeNull();
    await dialog.waitFor({ state: 'hidden' });
    await expectOriginalPostNudged(page);
  });
});
