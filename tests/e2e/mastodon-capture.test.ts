/**
 * Mastodon capture end to end: the built extension in Chromium, the web UI replica served at
 * https://mastodon.social (one of the instances the manifest ships), its REST calls answered by a fake
 * instance API. Checks what the extension stored, through its own export.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, type ExportedEvent, type Harness } from './harness.ts';
import {
  ACCOUNTS, FakeMastodon, MASTO_URLS, STATUSES, mastoEvents, openMastodon, serveMastodon, status, waitForMastoEvent,
} from './mastodon-api.ts';

let h: Harness;
const api = new FakeMastodon();

beforeAll(async () => {
  h = await launch();
  await serveMastodon(h.context, api);
  await serveMastodon(h.context, api, 'https://hachyderm.io');
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
const ref = (id: string) => `mastodon.social:${id}`;
type Snap = { health: Record<string, { state: string; problem?: { code: string } }>; identities: Record<string, string> };

async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await status(page, STATUSES.carol).locator('.star-icon').click();
  await waitForMastoEvent(h, (e) => e.id === `mastodon:like:${ref(STATUSES.carol)}`, 'the sentinel favourite');
  return (await mastoEvents(h)).filter((e) => e.target?.id !== STATUSES.carol);
}

describe('favourites and boosts', () => {
  test('a favourite is stored with the status, its author acct and URL', async () => {
    const page = await openMastodon(h);
    await status(page, STATUSES.alice).locator('.star-icon').click();
    const event = await waitForMastoEvent(h, (e) => e.kind === 'like');
    expect(event).toMatchObject({
      id: `mastodon:like:${ref(STATUSES.alice)}`, source: 'capture',
      target: { id: STATUSES.alice, author: 'alice', url: `https://mastodon.social/@alice/${STATUSES.alice}` },
    });
    expect(api.calls[0]).toMatchObject({ method: 'POST', path: `/api/v1/statuses/${STATUSES.alice}/favourite` });
  });

  test('favourite → unfavourite → favourite is one live like; unfavourite undoes', async () => {
    const page = await openMastodon(h);
    const star = status(page, STATUSES.bob).locator('.star-icon');
    for (const [i, on] of [true, false, true].entries()) {
      await star.click();
      await poll(() => api.calls.length).toBe(i + 1);
      await poll(async () => (await star.getAttribute('aria-pressed')) === String(on)).toBe(true);
      if (!on) await waitForMastoEvent(h, (e) => e.kind === 'like' && !!e.undoneAt, 'the unfavourite');
    }
    const events = await sentinel(page);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: `mastodon:like:${ref(STATUSES.bob)}`, target: { author: 'bob@fosstodon.org' } });
    expect(events[0]?.undoneAt).toBeUndefined();
  });

  test('a favourite that fails (HTTP 500) stores nothing and the star rolls back', async () => {
    api.fail('favourite', 500);
    const page = await openMastodon(h);
    await status(page, STATUSES.alice).locator('.star-icon').click();
    await page.getByRole('alert').waitFor();
    expect(await status(page, STATUSES.alice).locator('.star-icon').getAttribute('aria-pressed')).toBe('false');
    api.reset();
    expect(await sentinel(page)).toEqual([]);
  });

  test('boost, then undo boost', async () => {
    const page = await openMastodon(h);
    await status(page, STATUSES.bob).locator('.boost').click();
    const boost = await waitForMastoEvent(h, (e) => e.kind === 'repost');
    expect(boost).toMatchObject({ id: `mastodon:repost:${ref(STATUSES.bob)}`, target: { id: STATUSES.bob, author: 'bob@fosstodon.org' } });
    await status(page, STATUSES.bob).locator('.boost').click();
    await waitForMastoEvent(h, (e) => e.id === boost.id && !!e.undoneAt, 'undo boost');
  });
});

describe('follows, posts and replies', () => {
  test('follow and unfollow from a profile', async () => {
    const page = await openMastodon(h, MASTO_URLS.carol);
    await page.locator('.account__header__tabs__buttons button').click();
    const follow = await waitForMastoEvent(h, (e) => e.kind === 'follow');
    expect(follow).toMatchObject({ id: `mastodon:follow:${ref(ACCOUNTS.carol.id)}`, target: { id: ACCOUNTS.carol.id, author: 'carol' } });
    await poll(() => page.locator('.account__header__tabs__buttons button').innerText()).toBe('Unfollow');
    await page.locator('.account__header__tabs__buttons button').click();
    await waitForMastoEvent(h, (e) => e.id === follow.id && !!e.undoneAt, 'unfollow');
  });

  test('a reply (in_reply_to_id) gives to the author; a reply to one\'s own post is neutral; identity from the page', async () => {
    const page = await openMastodon(h);
    await status(page, STATUSES.alice).locator('.reply').click();
    await page.locator('.reply-indicator').waitFor();
    await page.keyboard.type('Tests and a changelog.');
    await page.locator('textarea').press('Control+Enter');
    const reply = await waitForMastoEvent(h, (e) => e.kind === 'reply');
    expect(reply).toMatchObject({ text: '@alice Tests and a changelog.', target: { id: STATUSES.alice, author: 'alice' } });
    expect(JSON.parse(api.callsTo('statuses')[0]?.body ?? '{}')).toMatchObject({ in_reply_to_id: STATUSES.alice, visibility: 'public' });

    await status(page, STATUSES.own).locator('.reply').click();
    await page.keyboard.type('More on this.');
    await page.locator('.compose-form__submit button').click();
    const self = await waitForMastoEvent(h, (e) => e.kind === 'reply' && e.target?.id === STATUSES.own, 'the self-reply');
    expect(self.target?.author).toBe('givefirst');
    await poll(async () => (await h.storage<Snap>('snapshot'))?.identities.mastodon).toBe('givefirst');
  });

  test('an original post, then deleting it, undoes it', async () => {
    const page = await openMastodon(h);
    await page.locator('textarea').fill('Hello fediverse');
    await page.locator('.compose-form__submit button').click();
    const post = await waitForMastoEvent(h, (e) => e.kind === 'post');
    expect(post).toMatchObject({ text: 'Hello fediverse', target: { author: 'givefirst' } });
    const id = post.target?.id ?? '';
    await status(page, id).locator('.status__action-bar__dropdown button').click();
    await page.getByRole('menuitem').click();
    await page.locator('.confirmation-modal__action-bar .button:not(.button-secondary)').click();
    await waitForMastoEvent(h, (e) => e.id === post.id && !!e.undoneAt, 'the delete');
    expect(api.calls.at(-1)).toMatchObject({ method: 'DELETE', path: `/api/v1/statuses/${id}` });
  });
});

describe('other instances', () => {
  test('on another shipped instance the same UI is captured, and ids are scoped to that instance', async () => {
    const page = await openMastodon(h, 'https://hachyderm.io/home');
    await status(page, STATUSES.alice).locator('.star-icon').click();
    const event = await waitForMastoEvent(h, (e) => e.kind === 'like');
    expect(event.id).toBe(`mastodon:like:hachyderm.io:${STATUSES.alice}`);
  });
});

describe('variants and health', () => {
  test('Spanish UI and extra wrappers capture favourites; health is ok', async () => {
    for (const url of [MASTO_URLS.es, MASTO_URLS.wrapped]) {
      await h.send({ type: 'deleteAll' });
      api.reset();
      const page = await openMastodon(h, url);
      await status(page, STATUSES.bob).locator('.star-icon').click();
      await waitForMastoEvent(h, (e) => e.kind === 'like', `a favourite on ${url}`);
      await poll(async () => (await h.storage<Snap>('snapshot'))?.health.mastodon?.state).toBe('ok');
      await page.close();
    }
  });

  test('the redesigned action bar (renamed classes) shows as degraded', async () => {
    await openMastodon(h, MASTO_URLS.redesign);
    await poll(async () => (await h.storage<Snap>('snapshot'))?.health.mastodon).toMatchObject({ state: 'degraded', problem: { code: 'no-action-bar' } });
  });
});
