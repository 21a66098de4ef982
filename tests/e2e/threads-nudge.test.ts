/**
 * The nudge before posting on the www.threads.com replica: the post dialog opened from Create (an
 * original post) is held back below target with the draft untouched; "Post anyway" publishes it once;
 * "Engage first" keeps the draft and points at other people's posts; the same dialog opened from a
 * Reply control or the Quote item is never nudged (English and Spanish labels).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { noon, startWith, until, useSite } from './harness.ts';
import { clickCardButton, readCard, waitForCard } from './nudge-card.ts';
import { FakeThreads, POSTS, THREADS_URLS, control, openThreads, serveThreads, waitForThreadsEvent } from './threads-api.ts';

const api = new FakeThreads();
const h = useSite((context) => serveThreads(context, api), [api], { deleteAll: false });

/** Three own posts and one like this week: far below the 3 : 1 target. */
const LOW = [
  ...[1, 2, 3].map((n) => ({ id: `threads:post:${n}`, platform: 'threads', kind: 'post', at: noon(n % 2), text: `post ${n}`, promotional: false, source: 'import' })),
  { id: 'threads:like:DCzzzzzzzzz', platform: 'threads', kind: 'like', at: noon(1), target: { id: 'DCzzzzzzzzz', author: 'someone' }, source: 'import' },
];

const dialogBox = (page: Page) => page.getByRole('dialog').getByRole('textbox');

async function openCreate(page: Page, label: string, draft: string): Promise<void> {
  await page.getByRole('button', { name: label }).click();
  await dialogBox(page).click();
  await page.keyboard.type(draft);
}

describe('the nudge on Threads', () => {
  test('an original post below target is held back with the draft intact; "Post anyway" publishes it once', async () => {
    await startWith(h, LOW);
    const page = await openThreads(h);
    const draft = 'My course launches today, link in bio';
    await openCreate(page, 'Create', draft);
    await page.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();
    const card = await waitForCard(page);
    expect(card.buttons.map((b) => b.label)).toEqual(expect.arrayContaining(['Engage first', 'Post anyway']));
    await page.waitForTimeout(300);
    expect(api.callsOf('configure_text_only_post')).toHaveLength(0);
    expect(await dialogBox(page).innerText()).toBe(draft);

    await clickCardButton(page, 'Post anyway');
    await until(() => api.callsOf('configure_text_only_post').length === 1, 5000, 'the post request');
    expect(api.callsOf('configure_text_only_post')[0]?.data.caption).toBe(draft);
    expect(await readCard(page)).toBeNull();
    await waitForThreadsEvent(h, (e) => e.kind === 'post' && e.text === draft, 'the new post');
    await page.waitForTimeout(300);
    expect(api.callsOf('configure_text_only_post')).toHaveLength(1);
  });

  test('"Engage first" keeps the draft and points at posts by others, never the user\'s own', async () => {
    await startWith(h, LOW);
    const page = await openThreads(h);
    await openCreate(page, 'Create', 'Draft to keep');
    await page.getByRole('dialog').getByRole('button', { name: 'Post', exact: true }).click();
    await waitForCard(page);
    await clickCardButton(page, 'Engage first');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(await dialogBox(page).innerText()).toBe('Draft to keep');
    expect(api.callsOf('configure_text_only_post')).toHaveLength(0);
    const suggested = page.locator('[data-give-first-suggested]');
    await until(async () => (await suggested.count()) > 0, 2000, 'suggested posts');
    expect(await suggested.locator(`a[href$="/post/${POSTS.own.code}"]`).count()).toBe(0);
  });

  test('the "What\'s new?" box opens an original post too (Spanish UI)', async () => {
    await startWith(h, LOW);
    const page = await openThreads(h, THREADS_URLS.es);
    await page.getByRole('button', { name: '¿Qué novedades hay?' }).click();
    await dialogBox(page).click();
    await page.keyboard.type('Mi lanzamiento');
    await page.getByRole('dialog').getByRole('button', { name: 'Publicar', exact: true }).click();
    await waitForCard(page);
    expect(api.callsOf('configure_text_only_post')).toHaveLength(0);
  });

  test.each([
    { name: 'English', url: THREADS_URLS.home, reply: 'Reply', repost: 'Repost', quote: 'Quote', post: 'Post', create: 'Create' },
    { name: 'Spanish', url: THREADS_URLS.es, reply: 'Responder', repost: 'Republicar', quote: 'Citar', post: 'Publicar', create: 'Crear' },
  ])('a reply and a quote are never nudged, even far below target ($name)', async ({ url, reply, repost, quote, post, create }) => {
    await startWith(h, LOW);
    const page = await openThreads(h, url);
    await control(page, 'alice', reply).click();
    await dialogBox(page).click();
    await page.keyboard.type('Nice one');
    await page.getByRole('dialog').getByRole('button', { name: post, exact: true }).click();
    await until(() => api.callsOf('configure_text_only_post').length === 1, 5000, 'the reply to be sent');
    expect(await readCard(page)).toBeNull();

    await control(page, 'bob', repost).click();
    await page.getByRole('menuitem', { name: quote, exact: true }).click();
    await dialogBox(page).click();
    await page.keyboard.type('So true');
    await page.getByRole('dialog').getByRole('button', { name: post, exact: true }).click();
    await until(() => api.callsOf('configure_text_only_post').length === 2, 5000, 'the quote to be sent');
    expect(await readCard(page)).toBeNull();
    expect(api.created.map((c) => Object.keys(c.info).sort())).toEqual([['reply_control', 'reply_id'], ['quoted_post_id', 'reply_control']]);
    // The nudge was armed all along: an original post from the same page is held back.
    await openCreate(page, create, 'An original post');
    await page.getByRole('dialog').getByRole('button', { name: post, exact: true }).click();
    await waitForCard(page);
    expect(api.callsOf('configure_text_only_post')).toHaveLength(2);
  });
});
