/**
 * The nudge before posting, on the X replica, as the built extension in Chromium: it fires only on an
 * original post below target, holds the post back without touching the draft, and every exit works.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { launch, noon, POPUP, startWith, until, type Harness } from './harness.ts';
import { clickCardButton, readCard, waitForCard } from './nudge-card.ts';
import { FakeXApi, openX, POSTS, lowBalanceWeek, serveX, waitForEvents } from './x-api.ts';

let h: Harness;
const api = new FakeXApi();

beforeAll(async () => {
  h = await launch();
  await serveX(h.context, api);
});
afterAll(async () => h?.close());

/** 1 given, 3 taken this week, so an original post is nudged. */
const LOW = lowBalanceWeek(noon);
const GIVING = [
  { id: 'x:reply:10', platform: 'x', kind: 'reply', at: noon(0), target: { id: '10', author: 'bob' }, text: 'Thanks! Which screen reader did you test with?', source: 'import' },
  { id: 'x:reply:11', platform: 'x', kind: 'reply', at: noon(0), target: { id: '11', author: 'carol' }, text: 'Agreed, the retry budget is the part most teams skip', source: 'import' },
  { id: 'x:reply:12', platform: 'x', kind: 'reply', at: noon(0), target: { id: '12', author: 'dave' }, text: 'Nice, the queue diagram made it click for me', source: 'import' },
];

async function typeDraft(page: Page, text: string): Promise<void> {
  const box = page.locator('[data-testid="tweetTextarea_0"]').first();
  await box.click();
  await page.keyboard.type(text);
}

const inlineBox = (page: Page) => page.locator('[data-testid="tweetTextarea_0"]').first();

beforeEach(() => api.reset());

describe('the nudge on X', () => {
  test('an original post below target shows the card, says why, and the site has not published', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    const draft = 'My launch is live, check it out';
    await typeDraft(page, draft);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    const card = await waitForCard(page);
    expect(card.variant).toBe('full');
    expect(card.text).toContain('Past 7 days: 1 given · 3 taken (1 promotional). 3 replies would balance it.');
    expect(card.buttons.map((b) => b.label)).toEqual(['Engage first', 'Post anyway', 'Snooze', 'Why am I seeing this?']);
    // Held back: no CreateTweet reached the site, and the draft is exactly as typed.
    await page.waitForTimeout(300);
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    expect(await inlineBox(page).innerText()).toBe(draft);
    await page.close();
  });

  test('"Post anyway" publishes exactly the draft, once', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    const draft = 'Exactly these words 🙂 with an emoji';
    await typeDraft(page, draft);
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await waitForCard(page);
    await clickCardButton(page, 'Post anyway');
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    await api.idle();
    await page.waitForTimeout(300);
    const calls = api.callsOf('CreateTweet');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.variables.tweet_text).toBe(draft);
    expect(await readCard(page)).toBeNull();
    const post = await waitForEvents(h, (events) => events.find((e) => e.kind === 'post' && e.text === draft), 'the new post');
    expect(post.source).toBe('capture');
    await page.close();
  });

  test('"Engage first" keeps the draft, points at posts by others, and no nudge follows for 30 minutes', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await typeDraft(page, 'Draft to keep');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await waitForCard(page);
    await clickCardButton(page, 'Engage first');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(await inlineBox(page).innerText()).toBe('Draft to keep');
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    const suggested = page.locator('[data-give-first-suggested]');
    await until(async () => (await suggested.count()) > 0, 2000, 'suggested posts');
    expect(await suggested.count()).toBeLessThanOrEqual(3);
    const ownPermalink = await suggested.locator(`a[href$="/status/${POSTS.own.id}"]`).count();
    expect(ownPermalink).toBe(0);
    // Engaging was chosen: the next submit goes straight through.
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  test('Esc on the card is "Engage first"; focus is in the card from the start', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await typeDraft(page, 'Keyboard only');
    await page.locator('[data-testid="tweetButtonInline"]').focus();
    await page.keyboard.press('Enter');
    await waitForCard(page);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('GIVE-FIRST-NUDGE');
    await page.keyboard.press('Escape');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(await inlineBox(page).innerText()).toBe('Keyboard only');
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    await page.close();
  });

  test('Ctrl+Enter in the composer is intercepted the same way, and Post anyway then publishes', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await typeDraft(page, 'Sent with the keyboard');
    await page.keyboard.press('Control+Enter');
    await waitForCard(page);
    await page.waitForTimeout(200);
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    // Tab from "Engage first" to "Post anyway", then Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(api.callsOf('CreateTweet')[0]?.variables.tweet_text).toBe('Sent with the keyboard');
    await page.close();
  });

  test('a reply is never nudged, even far below target', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await page.locator(`article:has(a[href$="/status/${POSTS.alice.id}"]) [data-testid="reply"]`).click();
    const modal = page.locator('[role="dialog"]');
    await modal.locator('[data-testid="tweetTextarea_0"]').click();
    await page.keyboard.type('Good point, thank you');
    await modal.locator('[data-testid="tweetButton"]').click();
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'the reply to be sent');
    expect(api.callsOf('CreateTweet')[0]?.variables.reply).toBeTruthy();
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  test('no nudge once enough was given', async () => {
    await startWith(h, [...LOW, ...GIVING]);
    const page = await openX(h);
    await typeDraft(page, 'Earned this one');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  test('snooze holds across a reload', async () => {
    await startWith(h, LOW);
    let page = await openX(h);
    await typeDraft(page, 'Snooze me');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await waitForCard(page);
    await clickCardButton(page, 'Snooze');
    await clickCardButton(page, '1 hour');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    const popup = await h.openPage(POPUP);
    await expect.poll(() => popup.getByTestId('snoozed').count()).toBe(1);
    expect(await popup.getByTestId('snoozed').textContent()).toMatch(/^Nudge snoozed until /);
    await popup.close();
    const snoozedUntil = await until(async () => {
      const s = await h.storage<{ nudge?: { snoozedUntil?: number } }>('snapshot');
      return s?.nudge?.snoozedUntil ?? 0;
    }, 3000, 'the snooze to be stored');
    expect(snoozedUntil).toBeGreaterThan(Date.now() + 55 * 60_000);
    await page.close();
    page = await openX(h);
    await typeDraft(page, 'After reload');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  test('the full card shows at most once per 12 hours; after a reload the card is compact', async () => {
    await startWith(h, LOW);
    let page = await openX(h);
    await typeDraft(page, 'First');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    expect((await waitForCard(page)).variant).toBe('full');
    await clickCardButton(page, 'Post anyway');
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    await page.close();
    page = await openX(h);
    await typeDraft(page, 'Second');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    const card = await waitForCard(page);
    expect(card.variant).toBe('compact');
    expect(card.buttons.map((b) => b.label)).toContain('Post anyway');
    await page.close();
  });

  test('pause strength: "Post anyway" waits 5 seconds; reflect: a sentence first', async () => {
    await startWith(h, LOW, { nudge: { enabled: true, strength: 'pause', quietHours: null, disabledPlatforms: [] } });
    let page = await openX(h);
    await typeDraft(page, 'Paused');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    let card = await waitForCard(page);
    expect(card.buttons.find((b) => b.label.startsWith('Post anyway'))).toMatchObject({ label: 'Post anyway (5)', disabled: true });
    await until(async () => (await readCard(page))?.buttons.find((b) => b.label === 'Post anyway' && !b.disabled), 7000, 'the pause to end');
    await page.close();

    await startWith(h, LOW, { nudge: { enabled: true, strength: 'reflect', quietHours: null, disabledPlatforms: [] } });
    page = await openX(h);
    await typeDraft(page, 'Reflected');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    card = await waitForCard(page);
    expect(card.buttons.find((b) => b.label === 'Post anyway')?.disabled).toBe(true);
    await page.keyboard.type('Because it helps people');
    card = await waitForCard(page);
    expect(card.buttons.find((b) => b.label === 'Post anyway')?.disabled).toBe(false);
    await clickCardButton(page, 'Post anyway');
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(api.callsOf('CreateTweet')[0]?.variables.tweet_text).toBe('Reflected');
    await page.close();
  });

  test('hide numbers: the card gives a band, not figures', async () => {
    await startWith(h, LOW, { hideNumbers: true });
    const page = await openX(h);
    await typeDraft(page, 'Quietly');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    const card = await waitForCard(page);
    expect(card.text).toContain('Past 7 days: Mostly taking. A few replies would balance it.');
    // "Past 7 days" names the window; no count, point or ratio appears.
    expect(card.text.replace('Past 7 days', '')).not.toMatch(/\d/);
    await page.close();
  });

  test('switched off for X, the nudge stays off', async () => {
    await startWith(h, LOW, { nudge: { enabled: true, strength: 'gentle', quietHours: null, disabledPlatforms: ['x'] } });
    const page = await openX(h);
    await typeDraft(page, 'No nudge here');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  test('fails open: with corrupted state the post goes straight through', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    // A damaged snapshot (as after a bad write) makes the balance computation throw.
    await h.worker.evaluate(async () => {
      const { snapshot } = await chrome.storage.local.get('snapshot');
      await chrome.storage.local.set({ snapshot: { ...(snapshot as object), tallies: [null] } });
    });
    await page.waitForTimeout(200);
    await typeDraft(page, 'Must not be lost');
    await page.locator('[data-testid="tweetButtonInline"]').click();
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(api.callsOf('CreateTweet')[0]?.variables.tweet_text).toBe('Must not be lost');
    expect(await readCard(page)).toBeNull();
    await page.close();
  });

  test('the popup still reads what is owed after a nudge', async () => {
    await startWith(h, LOW);
    const popup = await h.openPage(POPUP);
    await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('3 more replies before your next post');
    await popup.close();
  });
});
