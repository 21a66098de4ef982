/**
 * The nudge before posting on Facebook, in English and in the Spanish variant: the create-post dialog's Post
 * button (an original post) is nudged below target and held back without touching the draft; "Post anyway"
 * publishes it once; a comment (Enter), a reply to a comment and a share with your own words are never nudged.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { noon, startWith, until, useSite } from './harness.ts';
import { clickCardButton, readCard, waitForCard } from './nudge-card.ts';
import { FACEBOOK_URLS, FakeFacebookApi, POSTS, openFacebook, post, serveFacebook, waitForEvents } from './facebook-api.ts';

const api = new FakeFacebookApi();
const h = useSite((context) => serveFacebook(context, api), [api], { deleteAll: false });

/** Five own posts and one like this week: far below target, and still below after a few replies. */
const LOW = [
  ...[1, 2, 4, 5, 6].map((n) => ({
    id: `facebook:post:1017000000000000${n}`, platform: 'facebook', kind: 'post', at: noon(n % 3), text: `post ${n}`, promotional: false, source: 'import',
  })),
  { id: 'facebook:like:10160000000000003', platform: 'facebook', kind: 'like', at: noon(1), target: { id: '10160000000000003', author: 'alice.chen' }, source: 'import' },
];

const VARIANTS = [
  { name: 'English feed', url: FACEBOOK_URLS.home, post: 'Post', reply: 'Reply', shareToFeed: 'Share to Feed' },
  { name: 'Spanish variant (the Post button found by its localised label)', url: FACEBOOK_URLS.es, post: 'Publicar', reply: 'Responder', shareToFeed: 'Compartir en el feed' },
] as const;

const created = () => api.callsOf('ComposerStoryCreateMutation');

describe.each(VARIANTS)('$name', ({ url, post: postLabel, reply, shareToFeed }) => {
  async function openComposer(page: Page, draft: string): Promise<void> {
    await page.locator('[data-pagelet="FeedComposer"] [role="button"]').click();
    await page.getByRole('dialog').locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type(draft);
  }

  async function expectOriginalPostNudged(page: Page): Promise<void> {
    const before = created().length;
    await openComposer(page, 'An original post');
    await page.getByRole('dialog').getByRole('button', { name: postLabel, exact: true }).click();
    await waitForCard(page);
    expect(created()).toHaveLength(before);
  }

  test('an original post below target shows the card and is held back; "Post anyway" publishes the draft once', async () => {
    await startWith(h, LOW);
    const page = await openFacebook(h, url);
    const draft = 'Our community garden opens on Saturday';
    await openComposer(page, draft);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: postLabel, exact: true }).click();
    const card = await waitForCard(page);
    expect(card.variant).toBe('full');
    expect(card.buttons.map((b) => b.label)).toContain('Post anyway');
    // Held back: nothing reached Facebook, and the draft is exactly as typed.
    await page.waitForTimeout(300);
    expect(created()).toHaveLength(0);
    expect(await dialog.locator('[data-lexical-editor="true"]').innerText()).toBe(draft);

    await clickCardButton(page, 'Post anyway');
    await until(() => created().length === 1, 5000, 'the post');
    await api.idle();
    expect(created()).toHaveLength(1);
    expect(JSON.stringify(created()[0]?.variables)).toContain(draft);
    expect(await readCard(page)).toBeNull();
    await waitForEvents(h, (events) => events.find((e) => e.platform === 'facebook' && e.kind === 'post' && e.text === draft), 'the new post');
  });

  test('a comment and a reply to a comment are never nudged, even far below target', async () => {
    await startWith(h, LOW);
    const page = await openFacebook(h, url);
    await post(page, POSTS.bob).locator('form [data-lexical-editor="true"]').click();
    await page.keyboard.type('Thanks, bookmarking this.');
    await page.keyboard.press('Enter');
    await until(() => api.callsOf('useCometUFICreateCommentMutation').length === 1, 5000, 'the comment to be sent');

    const carol = post(page, POSTS.alice).locator('[role="article"]').first();
    await carol.getByRole('button', { name: reply, exact: true }).click();
    await carol.locator('form [data-lexical-editor="true"]').click();
    await page.keyboard.type('Same question here.');
    await page.keyboard.press('Enter');
    await until(() => api.callsOf('useCometUFICreateCommentMutation').length === 2, 5000, 'the reply to be sent');
    expect(await readCard(page)).toBeNull();
    // The nudge was armed all along: an original post from the same page is held back.
    await expectOriginalPostNudged(page);
  });

  test('a share with your own words is not an original post: never nudged', async () => {
    await startWith(h, LOW);
    const page = await openFacebook(h, url);
    await post(page, POSTS.alice).getByText(/^(Share|Compartir)$/).click();
    await page.getByRole('menuitem', { name: shareToFeed }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-lexical-editor="true"]').click();
    await page.keyboard.type('Worth a read.');
    await dialog.getByRole('button', { name: postLabel, exact: true }).click();
    await until(() => created().length === 1, 5000, 'the share to be sent');
    expect(await readCard(page)).toBeNull();
    await dialog.waitFor({ state: 'detached' });
    await expectOriginalPostNudged(page);
  });
});
