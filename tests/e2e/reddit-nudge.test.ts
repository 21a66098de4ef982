/**
 * The nudge on Reddit, both front ends, as the built extension in Chromium against the replicas: a new
 * post (shreddit's r-post-composer-form, old reddit's /submit form) below target is held back and
 * "Post anyway" publishes it once; a comment is never nudged.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, noon, OPTIONS, until, type ExportedEvent, type Harness } from './harness.ts';
import { clickCardButton, readCard, waitForCard } from './nudge-card.ts';
import { FakeReddit, openReddit, REDDIT_URLS } from './reddit-site.ts';

let h: Harness;
const site = new FakeReddit();

beforeAll(async () => {
  h = await launch();
  await site.serve(h.context);
});
afterAll(async () => h?.close());
afterEach(async () => {
  await closeSitePages(h);
});

/** Two own posts this week and nothing given: far below target. */
const LOW = [
  { id: 'reddit:post:t3_a1', platform: 'reddit', kind: 'post', at: noon(1), text: 'one', promotional: false, source: 'import' },
  { id: 'reddit:post:t3_a2', platform: 'reddit', kind: 'post', at: noon(2), text: 'two', promotional: false, source: 'import' },
];

beforeEach(async () => {
  site.reset();
  await h.send({ type: 'deleteAll' });
  const opts = await h.openPage(OPTIONS);
  await opts.evaluate(() => chrome.storage.local.remove('settings'));
  await opts.close();
  const reply = await h.send({ type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events: LOW, settings: {} } });
  expect(reply.ok).toBe(true);
});

async function events(): Promise<ExportedEvent[]> {
  return (await h.exportData()).events;
}
describe('the nudge on Reddit', () => {
  test('shreddit: a new post is held back; "Post anyway" publishes it once', async () => {
    const page = await openReddit(h, REDDIT_URLS.submit);
    await page.locator('textarea[name="title"]').fill('My new tool, please try it');
    await page.locator('#submit-post-button').click();
    const card = await waitForCard(page, 5000);
    expect(card.buttons.map((b) => b.label)).toContain('Post anyway');
    expect(site.callsOf('CreatePost')).toHaveLength(0);
    expect(await page.locator('textarea[name="title"]').inputValue()).toBe('My new tool, please try it');
    await clickCardButton(page, 'Post anyway');
    await until(() => site.created.length === 1, 10_000, 'the post');
    const id = site.created[0] ?? '';
    await until(async () => (await events()).some((e) => e.id === `reddit:post:${id}`), 10_000, 'the post event');
    expect(site.callsOf('CreatePost')).toHaveLength(1);
  });

  test('shreddit: a comment is never nudged', async () => {
    const page = await openReddit(h, REDDIT_URLS.post);
    await page.locator('comment-composer-host [contenteditable="true"]').click();
    await page.keyboard.type('Thanks for asking this.');
    await page.locator('comment-composer-host button[type="submit"]').click();
    await until(() => site.callsOf('create-comment').length === 1, 5000, 'the comment request');
    expect(await readCard(page)).toBeNull();
  });

  test('old reddit: a submission is held back, a comment is not', async () => {
    const page = await openReddit(h, REDDIT_URLS.oldSubmit);
    await page.locator('#title-field textarea').fill('Read my blog');
    await page.locator('form#newlink button[name="submit"]').click();
    await waitForCard(page, 5000);
    expect(site.callsOf('api/submit')).toHaveLength(0);
    await clickCardButton(page, 'Post anyway');
    await until(() => site.callsOf('api/submit').length === 1, 5000, 'the submission');
    await page.waitForURL(/\/comments\//);

    await page.goto(REDDIT_URLS.oldPost);
    await page.locator('.commentarea > form.usertext textarea').fill('Useful thread.');
    await page.locator('.commentarea > form.usertext button.save').click();
    await until(() => site.callsOf('api/comment').length === 1, 5000, 'the comment');
    expect(await readCard(page)).toBeNull();
  });
});
