/**
 * Reddit capture, both front ends, as the built extension in Chromium against the replicas
 * (tests/replicas/reddit/, served by tests/e2e/reddit-site.ts at the real URLs):
 * - shreddit (www.reddit.com): votes on posts and comments (GraphQL, vote buttons in shadow DOM),
 *   comments and replies (confirmed when the new <shreddit-comment> appears), joining a subreddit
 *   (confirmed by the join button's state), new posts (CreatePost); the German feed variant; health;
 * - old.reddit.com: /api/vote, /api/comment, /api/submit, /api/subscribe, /api/del; health.
 * Failed and refused requests count nothing; toggles settle to one event; undo reverses.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, POPUP, until, waitForSnapshot, type ExportedEvent, type Harness } from './harness.ts';
import { FakeReddit, openReddit, REDDIT_URLS, SUBREDDIT, THINGS, VIEWER, waitIdle } from './reddit-site.ts';

let h: Harness;
const site = new FakeReddit();

beforeAll(async () => {
  h = await launch();
  await site.serve(h.context);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  site.reset();
  expect(await h.send({ type: 'deleteAll' })).toMatchObject({ ok: true });
});
afterEach(async () => {
  await closeSitePages(h);
});

async function events(): Promise<ExportedEvent[]> {
  return (await h.exportData()).events;
}
async function waitForEvent(id: string, accept: (e: ExportedEvent) => boolean = () => true): Promise<ExportedEvent> {
  return (await until(async () => (await events()).find((e) => e.id === id && accept(e)), 10_000, `event ${id}`)) as ExportedEvent;
}
// ------------------------------------------------------------------ shreddit helpers

/** A vote button inside the shadow root of a post (or a comment's action row). */
function shredditVote(page: Page, fullname: string, which: 'upvote' | 'downvote') {
  const host = fullname.startsWith('t3_')
    ? page.locator(`shreddit-post[id="${fullname}"]`)
    : page.locator(`shreddit-comment[thingid="${fullname}"] > shreddit-comment-action-row`);
  // Playwright's CSS engine pierces open shadow roots, as Reddit's own buttons are.
  return host.locator(`button[${which}]`);
}

/** Upvotes dave's post on the feed and waits for the like: proves earlier actions left nothing behind. */
async function sentinelShreddit(page: Page): Promise<ExportedEvent[]> {
  await page.goto(REDDIT_URLS.feedDe);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
  await shredditVote(page, THINGS.dave.id, 'upvote').click();
  await waitForEvent(`reddit:like:${THINGS.dave.id}`);
  return (await events()).filter((e) => e.target?.id !== THINGS.dave.id);
}

async function writeShredditComment(page: Page, scope: string, text: string): Promise<void> {
  const box = page.locator(`${scope} [contenteditable="true"]`).first();
  await box.click();
  await page.keyboard.type(text);
  await page.locator(`${scope} button[type="submit"]`).first().click();
}

describe('shreddit (www.reddit.com)', () => {
  test('upvoting a post is a like with its author; the csrf token is not kept', async () => {
    const page = await openReddit(h, REDDIT_URLS.post);
    await shredditVote(page, THINGS.post.id, 'upvote').click();
    const like = await waitForEvent(`reddit:like:${THINGS.post.id}`);
    expect(like).toMatchObject({ platform: 'reddit', kind: 'like', source: 'capture', target: { id: THINGS.post.id, author: THINGS.post.author, url: THINGS.post.url } });
    const [call] = site.callsOf('UpdatePostVoteState');
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({ variables: { input: { postId: THINGS.post.id, voteState: 'UP' } }, csrf_token: expect.any(String) });
    const csrf = (JSON.parse(call?.body ?? '{}') as { csrf_token: string }).csrf_token;
    expect(JSON.stringify(await h.exportData())).not.toContain(csrf);
  });

  test('up, un-vote, up settles to one live like; switching to a downvote undoes it', async () => {
    const page = await openReddit(h, REDDIT_URLS.post);
    const up = shredditVote(page, THINGS.post.id, 'upvote');
    await up.click();
    await up.click();
    await up.click();
    await waitIdle(site, 3, 'UpdatePostVoteState');
    expect(site.callsOf('UpdatePostVoteState').map((c) => (JSON.parse(c.body) as { variables: { input: { voteState: string } } }).variables.input.voteState)).toEqual(['UP', 'NONE', 'UP']);
    await waitForEvent(`reddit:like:${THINGS.post.id}`, (e) => e.undoneAt === undefined);
    await expect.poll(async () => (await events()).length).toBe(1);

    await shredditVote(page, THINGS.post.id, 'downvote').click();
    await waitForEvent(`reddit:like:${THINGS.post.id}`, (e) => e.undoneAt !== undefined);
    expect(await events()).toHaveLength(1);
  });

  test('upvoting a comment is a like of the comment', async () => {
    const page = await openReddit(h, REDDIT_URLS.post);
    await shredditVote(page, THINGS.bob.id, 'upvote').click();
    const like = await waitForEvent(`reddit:like:${THINGS.bob.id}`);
    expect(like.target).toEqual({ id: THINGS.bob.id, author: THINGS.bob.author, url: 'https://www.reddit.com/r/webdev/comments/1h2k3m4/comment/m1a2b3c/' });
  });

  test('a vote that fails (HTTP 500) or is refused (ok: false) counts nothing', async () => {
    site.fail('UpdatePostVoteState', 500);
    site.fail('UpdateCommentVoteState', 'refused');
    const page = await openReddit(h, REDDIT_URLS.post);
    await shredditVote(page, THINGS.post.id, 'upvote').click();
    await shredditVote(page, THINGS.bob.id, 'upvote').click();
    await waitIdle(site, 1, 'UpdateCommentVoteState');
    // The client rolled both back.
    await expect.poll(() => shredditVote(page, THINGS.post.id, 'upvote').getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => shredditVote(page, THINGS.bob.id, 'upvote').getAttribute('aria-pressed')).toBe('false');
    expect(await sentinelShreddit(page)).toEqual([]);
  });

  test('a top-level comment counts as a reply to the post once it appears', async () => {
    const page = await openReddit(h, REDDIT_URLS.post);
    await writeShredditComment(page, 'comment-composer-host', 'axe-core plus a keyboard-only pass.');
    await until(() => site.created.length === 1, 10_000, 'the comment');
    const id = site.created[0] ?? '';
    await page.locator(`shreddit-comment[thingid="${id}"]`).waitFor();
    const reply = await waitForEvent(`reddit:reply:${id}`);
    expect(reply).toMatchObject({ kind: 'reply', text: 'axe-core plus a keyboard-only pass.', target: { id: THINGS.post.id, author: THINGS.post.author, url: THINGS.post.url } });
  });

  test("a reply to a comment targets the comment's author", async () => {
    const page = await openReddit(h, REDDIT_URLS.post);
    await page.locator(`shreddit-comment[thingid="${THINGS.bob.id}"] > shreddit-comment-action-row [slot="comment-reply"]`).click();
    await writeShredditComment(page, `shreddit-comment[thingid="${THINGS.bob.id}"] > [bundlename="comment_composer"]`, 'Which screen reader do you test with?');
    await until(() => site.created.length === 1, 10_000, 'the reply');
    const reply = await waitForEvent(`reddit:reply:${site.created[0]}`);
    expect(reply.target).toMatchObject({ id: THINGS.bob.id, author: THINGS.bob.author });
  });

  test('a comment whose submit fails counts nothing', async () => {
    site.fail('create-comment', 500);
    const page = await openReddit(h, REDDIT_URLS.post);
    await writeShredditComment(page, 'comment-composer-host', 'This one will not make it.');
    await page.locator('faceplate-toast').waitFor();
    expect(site.callsOf('create-comment').map((c) => c.status)).toEqual([500]);
    expect(await sentinelShreddit(page)).toEqual([]);
  });

  test('joining a subreddit is a follow once the button shows it; leaving undoes it; a failed join counts nothing', async () => {
    site.fail('UpdateSubredditSubscriptions', 500);
    const page = await openReddit(h, REDDIT_URLS.post);
    const join = page.locator('shreddit-join-button');
    await join.locator('button').click();
    await waitIdle(site, 1, 'UpdateSubredditSubscriptions');
    await page.locator('faceplate-toast').waitFor();
    expect(await join.getAttribute('subscribed')).toBeNull();

    await join.locator('button').click();
    await expect.poll(() => join.getAttribute('subscribed')).toBe('');
    const follow = await waitForEvent(`reddit:follow:${SUBREDDIT.id}`);
    expect(follow).toMatchObject({ kind: 'follow', target: { id: SUBREDDIT.id, author: 'r/webdev', url: 'https://www.reddit.com/r/webdev/' } });
    expect(await events()).toHaveLength(1);

    await join.locator('button').click();
    await expect.poll(() => join.getAttribute('subscribed')).toBeNull();
    await waitForEvent(`reddit:follow:${SUBREDDIT.id}`, (e) => e.undoneAt !== undefined);
  });

  test('a new post (CreatePost) is a take with its new id; a refused one counts nothing', async () => {
    site.fail('CreatePost', 'refused');
    const page = await openReddit(h, REDDIT_URLS.submit);
    await page.locator('textarea[name="title"]').fill('Show r/webdev: a focus-ring linter');
    await page.locator('shreddit-composer [contenteditable]').click();
    await page.keyboard.type('It flags outline: none without a replacement.');
    await page.locator('#submit-post-button').click();
    await page.locator('faceplate-toast').waitFor();
    expect(site.callsOf('CreatePost')).toHaveLength(1);

    await page.locator('#submit-post-button').click();
    await page.waitForURL(/\/r\/webdev\/comments\/1j/);
    const id = site.created[0] ?? '';
    const post = await waitForEvent(`reddit:post:${id}`);
    expect(post).toMatchObject({ kind: 'post', text: 'Show r/webdev: a focus-ring linter\n\nIt flags outline: none without a replacement.', target: { id } });
    expect(post.target?.url).toMatch(new RegExp(`^https://www\\.reddit\\.com/r/webdev/comments/${id.slice(3)}/`));
    expect(await events()).toHaveLength(1);
  });

  test('German feed variant (article wrappers, identity from the user drawer): likes and identity', async () => {
    const page = await openReddit(h, REDDIT_URLS.feedDe);
    await shredditVote(page, THINGS.dave.id, 'upvote').click();
    const like = await waitForEvent(`reddit:like:${THINGS.dave.id}`);
    expect(like.target).toMatchObject({ id: THINGS.dave.id, author: THINGS.dave.author });
    const snap = await waitForSnapshot(h, (s) => !!s.identities.reddit && s.health.reddit?.state === 'ok', 'reddit identity and health');
    expect(snap.identities.reddit).toBe(VIEWER);
  });

  test('German feed variant: joining from a button inside the header\'s shadow root', async () => {
    const page = await openReddit(h, REDDIT_URLS.feedDe);
    const join = page.locator('shreddit-subreddit-header-buttons shreddit-join-button');
    expect(await page.evaluate(() => document.querySelector('shreddit-join-button'))).toBeNull();
    await join.locator('button').click();
    await expect.poll(() => join.getAttribute('subscribed')).toBe('');
    const follow = await waitForEvent(`reddit:follow:${SUBREDDIT.id}`);
    expect(follow.target).toEqual({ id: SUBREDDIT.id, author: 'r/webdev', url: 'https://www.reddit.com/r/webdev/' });
  });

  test('a renamed post element makes Reddit degraded; the real markup brings it back', async () => {
    const broken = await openReddit(h, REDDIT_URLS.broken);
    const degraded = (await waitForSnapshot(h, (s) => s.health.reddit?.state === 'degraded', 'reddit degraded')).health.reddit;
    expect(degraded?.problem).toEqual({ code: 'no-posts', detail: 'no shreddit-post in shreddit-app' });
    const popup = await h.openPage(POPUP);
    await expect.poll(() => popup.getByTestId('health-reddit').innerText()).toMatch(/^Reddit capture: degraded since .*no shreddit-post in shreddit-app/s);
    await popup.close();
    await broken.close();
    const good = await openReddit(h, REDDIT_URLS.post);
    await waitForSnapshot(h, (s) => s.health.reddit?.state === 'ok', 'reddit ok again');
    const popup2 = await h.openPage(POPUP);
    await expect.poll(() => popup2.getByTestId('health-reddit').innerText()).toBe('Reddit capture: working');
    await popup2.close();
    await good.close();
  });
});

// ------------------------------------------------------------------ old.reddit

const oldThing = (page: Page, fullname: string) => page.locator(`.thing[data-fullname="${fullname}"]`);
const oldArrow = (page: Page, fullname: string, dir: 'up' | 'down') =>
  oldThing(page, fullname).locator(`:scope > .midcol .arrow.${dir}, :scope > .midcol .arrow.${dir}mod`);

async function sentinelOld(page: Page): Promise<ExportedEvent[]> {
  await oldArrow(page, THINGS.carol.id, 'up').click();
  await waitForEvent(`reddit:like:${THINGS.carol.id}`);
  return (await events()).filter((e) => e.target?.id !== THINGS.carol.id);
}

describe('old.reddit.com', () => {
  test('upvote is the same like as on shreddit; unvote undoes; the modhash is not kept', async () => {
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await oldArrow(page, THINGS.post.id, 'up').click();
    const like = await waitForEvent(`reddit:like:${THINGS.post.id}`);
    expect(like.target).toEqual({ id: THINGS.post.id, author: THINGS.post.author, url: THINGS.post.url });
    expect(site.callsOf('api/vote')[0]?.body).toContain('uh=replica0modhash0not0real');

    await oldArrow(page, THINGS.post.id, 'up').click();
    await waitForEvent(`reddit:like:${THINGS.post.id}`, (e) => e.undoneAt !== undefined);
    expect(new URLSearchParams(site.callsOf('api/vote')[1]?.body).get('dir')).toBe('0');
    expect(JSON.stringify(await h.exportData())).not.toContain('replica0modhash');
  });

  test('up then down (dir=-1) leaves the like undone; up, up, up settles to one live like', async () => {
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await oldArrow(page, THINGS.bob.id, 'up').click();
    await oldArrow(page, THINGS.bob.id, 'down').click();
    await waitIdle(site, 2, 'api/vote');
    await waitForEvent(`reddit:like:${THINGS.bob.id}`, (e) => e.undoneAt !== undefined);

    for (let i = 0; i < 3; i++) await oldArrow(page, THINGS.post.id, 'up').click();
    await waitIdle(site, 5, 'api/vote');
    await waitForEvent(`reddit:like:${THINGS.post.id}`, (e) => e.undoneAt === undefined);
    expect((await events()).filter((e) => e.undoneAt === undefined)).toHaveLength(1);
  });

  test('a vote that fails (HTTP 503) counts nothing', async () => {
    site.fail('api/vote', 503);
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await oldArrow(page, THINGS.post.id, 'up').click();
    await waitIdle(site, 1, 'api/vote');
    expect(await sentinelOld(page)).toEqual([]);
  });

  test('a top-level comment (thing_id t3_) and a reply (t1_) are replies; deleting one undoes it', async () => {
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await page.locator('.commentarea > form.usertext textarea').fill('Pa11y CI in the pipeline, axe in unit tests.');
    await page.locator('.commentarea > form.usertext button.save').click();
    await until(() => site.created.length === 1, 10_000, 'the comment');
    const top = await waitForEvent(`reddit:reply:${site.created[0]}`);
    expect(top).toMatchObject({ kind: 'reply', text: 'Pa11y CI in the pipeline, axe in unit tests.', target: { id: THINGS.post.id, author: THINGS.post.author } });

    await oldThing(page, THINGS.carol.id).locator(':scope > .entry .reply-button a').click();
    await oldThing(page, THINGS.carol.id).locator(':scope > .child > form.usertext textarea').fill('Agreed, screen readers catch a lot.');
    await oldThing(page, THINGS.carol.id).locator(':scope > .child > form.usertext button.save').click();
    await until(() => site.created.length === 2, 10_000, 'the reply');
    const replyId = site.created[1] ?? '';
    const reply = await waitForEvent(`reddit:reply:${replyId}`);
    expect(reply.target).toMatchObject({ id: THINGS.carol.id, author: THINGS.carol.author });
    expect(new URLSearchParams(site.callsOf('api/comment')[1]?.body).get('thing_id')).toBe(THINGS.carol.id);

    const own = oldThing(page, replyId);
    await own.locator('.del-button a.togglebutton').click();
    await own.locator('.del-button a.yes').click();
    await waitForEvent(`reddit:reply:${replyId}`, (e) => e.undoneAt !== undefined);
  });

  test('a comment refused with HTTP 200 (jQuery error, RATELIMIT) counts nothing', async () => {
    site.fail('api/comment', 'refused');
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await page.locator('.commentarea > form.usertext textarea').fill('Too fast.');
    await page.locator('.commentarea > form.usertext button.save').click();
    await page.locator('.commentarea > form.usertext .status.error').waitFor();
    expect(site.callsOf('api/comment')[0]?.status).toBe(200);
    expect(await sentinelOld(page)).toEqual([]);
  });

  test('join and leave (/api/subscribe) follow and unfollow the subreddit', async () => {
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await page.locator('.fancy-toggle-button a.option.add').click();
    const follow = await waitForEvent(`reddit:follow:${SUBREDDIT.id}`);
    expect(follow.target).toEqual({ id: SUBREDDIT.id, author: 'r/webdev', url: 'https://www.reddit.com/r/webdev/' });
    await page.locator('.fancy-toggle-button a.option.remove.active').click();
    await waitForEvent(`reddit:follow:${SUBREDDIT.id}`, (e) => e.undoneAt !== undefined);
  });

  test('a submission (/api/submit) is a take; a refused one counts nothing', async () => {
    site.fail('api/submit', 'refused');
    const page = await openReddit(h, REDDIT_URLS.oldSubmit);
    await page.locator('#title-field textarea').fill('Our accessibility checklist, open-sourced');
    await page.locator('#text-field textarea').fill('Feedback welcome.');
    await page.locator('form#newlink button[name="submit"]').click();
    await page.locator('form#newlink .status.error').waitFor();
    await page.locator('form#newlink button[name="submit"]').click();
    await page.waitForURL(/old\.reddit\.com\/r\/webdev\/comments\/1j/);
    const id = site.created[0] ?? '';
    const post = await waitForEvent(`reddit:post:${id}`);
    expect(post).toMatchObject({ kind: 'post', text: 'Our accessibility checklist, open-sourced\n\nFeedback welcome.' });
    expect(await events()).toHaveLength(1);
  });

  test('German listing variant (a promoted link, own post): like, subscribe, health ok', async () => {
    const page = await openReddit(h, REDDIT_URLS.oldListingDe);
    await oldArrow(page, THINGS.dave.id, 'up').click();
    const like = await waitForEvent(`reddit:like:${THINGS.dave.id}`);
    expect(like.target).toEqual({ id: THINGS.dave.id, author: THINGS.dave.author, url: 'https://www.reddit.com/r/webdev/comments/1h2k9z1/we_cut_our_bundle_size_by_60/' });
    await page.getByText('beitreten').click();
    await waitForEvent(`reddit:follow:${SUBREDDIT.id}`);
    const snap = await waitForSnapshot(h, (s) => s.health.reddit?.state === 'ok' && s.identities.reddit === VIEWER, 'health ok on the listing');
    expect(snap.health.reddit?.problem).toBeUndefined();
  });

  test('identity from the header; `.thing` renamed makes Reddit degraded', async () => {
    const good = await openReddit(h, REDDIT_URLS.oldPost);
    const snap = await waitForSnapshot(h, (s) => s.identities.reddit === VIEWER && s.health.reddit?.state === 'ok', 'identity');
    expect(snap.identities.reddit).toBe(VIEWER);
    await good.close();
    await openReddit(h, REDDIT_URLS.oldBroken);
    const degraded = (await waitForSnapshot(h, (s) => s.health.reddit?.state === 'degraded', 'old reddit degraded')).health.reddit;
    expect(degraded?.problem?.code).toBe('no-posts');
  });
});
