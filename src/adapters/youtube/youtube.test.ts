import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { createYoutubeAdapter } from './index.ts';
import { YOUTUBE_TAP, operationOf } from './network.ts';
import { encodeProto, protoStrings } from './proto.ts';
import { commentIdOf, handleOf, videoIdOf, youtubePageKind } from './routes.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = callFixtures(FIXTURES);
const AT = Date.UTC(2026, 10, 23, 10, 15);
const VIDEO = 'Gf1rStV1deo';
const BOB_COMMENT = 'UgzBob0001CommentAaABAg';

function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method, url: f.url, status: f.status, startedAt: AT,
    requestBody: JSON.stringify(f.request), responseBody: JSON.stringify(f.response), ...patch,
  };
}

/** A document at a real YouTube URL (parse.ts reads location to tell which video the page shows). */
function page(file: string, url: string): Document {
  const win = new Window({ url });
  win.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  return win.document as unknown as Document;
}
const watch = (): Document => page('watch.html', `https://www.youtube.com/watch?v=${VIDEO}`);
const posts = (): Document => page('posts.html', 'https://www.youtube.com/@givefirst/posts');

describe('YouTube routes, tap and params', () => {
  it.each([
    ['https://www.youtube.com/watch?v=Gf1rStV1deo', 'watch'], ['https://www.youtube.com/watch?v=short', 'other'],
    ['https://www.youtube.com/shorts/Gf1rStV1deo', 'shorts'], ['https://www.youtube.com/@alice', 'channel'],
    ['https://www.youtube.com/@alice/videos', 'channel'], ['https://www.youtube.com/@alice/posts', 'posts'],
    ['https://www.youtube.com/@alice/community', 'posts'], ['https://www.youtube.com/channel/UCaL1ceC0desChanneL00001/posts', 'posts'],
    ['https://www.youtube.com/post/UgkxAbc', 'post'], ['https://www.youtube.com/', 'home'], ['https://www.youtube.com/feed/subscriptions', 'other'],
  ])('%s is %s', (url, kind) => expect(youtubePageKind(new URL(url))).toBe(kind));

  it('reads video ids, handles and comment ids', () => {
    expect(videoIdOf(new URL('https://www.youtube.com/watch?v=Gf1rStV1deo&t=42s'))).toBe(VIDEO);
    expect(videoIdOf(new URL('https://www.youtube.com/shorts/Gf1rStV1deo'))).toBe(VIDEO);
    expect(handleOf('/@alice.codes/videos')).toBe('alice.codes');
    expect(handleOf('https://www.youtube.com/@bob')).toBe('bob');
    expect(handleOf('/channel/UCx')).toBeNull();
    expect(commentIdOf('/watch?v=Gf1rStV1deo&lc=UgzBob0001CommentAaABAg')).toBe(BOB_COMMENT);
  });

  it('taps only the action endpoints, and reads only the creating calls\' answers', () => {
    for (const op of ['like/like', 'like/removelike', 'like/dislike', 'comment/create_comment', 'comment/create_comment_reply',
      'comment/perform_comment_action', 'subscription/subscribe', 'subscription/unsubscribe', 'backstage/create_post']) {
      expect(YOUTUBE_TAP.requests.test(`https://www.youtube.com/youtubei/v1/${op}?prettyPrint=false`), op).toBe(true);
      expect(operationOf(`https://www.youtube.com/youtubei/v1/${op}`)).toBe(op);
    }
    for (const url of ['https://www.youtube.com/youtubei/v1/browse', 'https://www.youtube.com/youtubei/v1/next?prettyPrint=false',
      'https://www.youtube.com/youtubei/v1/player', 'https://www.youtube.com/youtubei/v1/log_event?alt=json',
      'https://m.youtube.com/youtubei/v1/like/like', 'https://studio.youtube.com/youtubei/v1/like/like',
      'https://www.youtube.com/youtubei/v1/like/likes']) expect(YOUTUBE_TAP.requests.test(url), url).toBe(false);
    expect(YOUTUBE_TAP.responses.test('https://www.youtube.com/youtubei/v1/comment/create_comment_reply?prettyPrint=false')).toBe(true);
    expect(YOUTUBE_TAP.responses.test('https://www.youtube.com/youtubei/v1/like/like')).toBe(false);
  });

  it('decodes the comment params the web client sends (YouTube.js layouts), and survives junk', () => {
    const reply = protoStrings('EgtHZjFyU3RWMWRlbyIXVWd6Qm9iMDAwMUNvbW1lbnRBYUFCQWcqAggAUAc%3D');
    expect(reply.get(2)).toBe(VIDEO);
    expect(reply.get(4)).toBe(BOB_COMMENT);
    expect(protoStrings(encodeProto([[2, 'abcdefghijk'], [10, 7]])).get(2)).toBe('abcdefghijk');
    expect(protoStrings('%%%not base64').size).toBe(0);
    expect(protoStrings('////').size).toBe(0);
  });
});

describe('YouTube parseCall', () => {
  it('a video like targets the video and its channel; removelike and dislike undo it', () => {
    const a = createYoutubeAdapter();
    expect(a.parseCall(call('like'), watch())).toEqual([{
      op: 'did', platform: 'youtube', kind: 'like', ref: VIDEO, at: AT,
      target: { id: VIDEO, url: `https://www.youtube.com/watch?v=${VIDEO}`, author: 'alicecodes' },
    }]);
    for (const op of ['removelike', 'dislike']) {
      expect(a.parseCall(call('like', { url: `https://www.youtube.com/youtubei/v1/like/${op}?prettyPrint=false` }), watch()))
        .toEqual([{ op: 'undid', platform: 'youtube', kinds: ['like'], ref: VIDEO, at: AT }]);
    }
  });

  it('a like from another page (a feed) has no author rather than a wrong one', () => {
    const a = createYoutubeAdapter();
    const feed = page('watch.html', 'https://www.youtube.com/watch?v=0therV1deo0');
    expect(a.parseCall(call('like'), feed)[0]).toMatchObject({ target: { id: VIDEO } });
    expect((a.parseCall(call('like'), feed)[0] as { target: { author?: string } }).target.author).toBeUndefined();
  });

  it('subscribe is a follow of the channel; unsubscribe undoes it', () => {
    const a = createYoutubeAdapter();
    expect(a.parseCall(call('subscribe'), watch())).toEqual([{
      op: 'did', platform: 'youtube', kind: 'follow', ref: 'UCaL1ceC0desChanneL00001', at: AT,
      target: { id: 'UCaL1ceC0desChanneL00001', url: 'https://www.youtube.com/@alicecodes', author: 'alicecodes' },
    }]);
    expect(a.parseCall(call('subscribe', { url: 'https://www.youtube.com/youtubei/v1/subscription/unsubscribe?prettyPrint=false' }), watch()))
      .toEqual([{ op: 'undid', platform: 'youtube', kinds: ['follow'], ref: 'UCaL1ceC0desChanneL00001', at: AT }]);
  });

  it('a comment is a reply to the video, with its text; the answer teaches the own handle', () => {
    const a = createYoutubeAdapter();
    expect(a.readIdentity(watch())).toBeNull();
    expect(a.parseCall(call('create-comment'), watch())).toEqual([{
      op: 'did', platform: 'youtube', kind: 'reply', ref: 'UgyOwn0001NewCommentAaABAg', at: AT,
      text: 'The part about caching saved my week, thank you!',
      target: { id: VIDEO, url: `https://www.youtube.com/watch?v=${VIDEO}`, author: 'alicecodes' },
    }]);
    expect(a.readIdentity(watch())).toBe('givefirst');
  });

  it('the older answer shape (commentRenderer) gives the id and the own handle; other channels in it are ignored', () => {
    const a = createYoutubeAdapter();
    const legacy = {
      actions: [{ createCommentAction: { contents: { commentThreadRenderer: {
        comment: { commentRenderer: { commentId: 'UgyLegacy01', authorText: { simpleText: '@givefirst' }, authorEndpoint: { browseEndpoint: { browseId: 'UCg1veF1rstOwnChanneL0001', canonicalBaseUrl: '/@givefirst' } } } },
        creatorHeart: { authorEndpoint: { browseEndpoint: { canonicalBaseUrl: '/@alicecodes' } } },
      } } } }],
    };
    expect(a.parseCall(call('create-comment', { responseBody: JSON.stringify(legacy) }), watch())[0]).toMatchObject({ kind: 'reply', ref: 'UgyLegacy01' });
    expect(a.readIdentity(watch())).toBe('givefirst');
  });

  it('a reply targets the parent comment and its author', () => {
    const a = createYoutubeAdapter();
    expect(a.parseCall(call('create-comment-reply'), watch())).toEqual([{
      op: 'did', platform: 'youtube', kind: 'reply', ref: 'UgzBob0001CommentAaABAg.AOwnReply0001', at: AT,
      text: 'Same here, the second half is gold.',
      target: { id: BOB_COMMENT, url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${BOB_COMMENT}`, author: 'bobbuilds' },
    }]);
  });

  it('a community post is a take, with an attached video as a link', () => {
    const a = createYoutubeAdapter();
    expect(a.parseCall(call('create-post'), posts())).toEqual([{
      op: 'did', platform: 'youtube', kind: 'post', ref: 'UgkxOwnPost0001', at: AT, text: 'New video on build caches is out tomorrow!',
      target: { id: 'UgkxOwnPost0001', url: 'https://www.youtube.com/post/UgkxOwnPost0001', author: 'givefirst' },
      links: ['https://www.youtube.com/watch?v=0wnV1deo001'],
    }]);
    expect(a.readIdentity(posts())).toBe('givefirst');
  });

  it('a comment action is noted, not counted (the page confirms the like: watch.ts)', () => {
    expect(createYoutubeAdapter().parseCall(call('perform-comment-action'), watch())).toEqual([]);
  });

  it('unknown or changed shapes throw ShapeError', () => {
    const a = createYoutubeAdapter();
    const cases: [string, Partial<NetworkCall>][] = [
      ['like', { requestBody: '{"context":{},"target":{"playlistId":"PL1"}}' }],
      ['like', { requestBody: 'not json' }],
      ['subscribe', { requestBody: '{"context":{},"channelIds":[]}' }],
      ['create-comment', { requestBody: '{"context":{},"createCommentParams":"EgtHZjFyU3RWMWRlbyoCCABQBw%3D%3D"}' }],
      ['create-comment', { responseBody: '{"actions":[{"createCommentAction":{"contents":{}}}]}' }],
      ['create-comment-reply', { requestBody: JSON.stringify({ commentText: 'x', createReplyParams: encodeProto([[2, VIDEO]]) }) }],
      ['perform-comment-action', { requestBody: '{"context":{},"actions":[]}' }],
      ['create-post', { responseBody: '{"actions":[]}' }],
    ];
    for (const [name, patch] of cases) expect(() => a.parseCall(call(name, patch), watch()), `${name} ${JSON.stringify(patch)}`).toThrow(ShapeError);
  });

  it('a comment on a community post: the post of its /post/ page, or of the open box on the Posts tab or a feed, else no target', () => {
    const a = createYoutubeAdapter();
    const body = JSON.stringify({ commentText: 'hi', createCommentParams: encodeProto([[10, 7]]) });
    // On the page of a community post, the post is the target.
    const post = page('posts.html', 'https://www.youtube.com/post/UgkxTheirPost1');
    post.querySelector('#author-text')?.setAttribute('href', '/@dana.draws');
    expect(a.parseCall(call('create-comment', { requestBody: body }), post)[0]).toMatchObject({ kind: 'reply', target: { id: 'UgkxTheirPost1', author: 'dana.draws' } });
    // On the Posts tab or in the feed, the post whose comment box is open.
    const feed = page('posts.html', 'https://www.youtube.com/');
    feed.querySelector('ytd-backstage-post-thread-renderer')?.insertAdjacentHTML('beforeend',
      '<a href="/post/UgkxErinPost22">1 day ago</a><ytd-commentbox><div id="contenteditable-root" contenteditable="true">hi</div></ytd-commentbox>');
    feed.querySelector('ytd-backstage-post-thread-renderer #author-text')?.setAttribute('href', '/@erin.art');
    expect(a.parseCall(call('create-comment', { requestBody: body }), feed)).toEqual([{
      op: 'did', platform: 'youtube', kind: 'reply', ref: 'UgyOwn0001NewCommentAaABAg', at: AT, text: 'hi',
      target: { id: 'UgkxErinPost22', url: 'https://www.youtube.com/post/UgkxErinPost22', author: 'erin.art' },
    }]);
    // Nothing on the page says which post: the give is kept, without a target, and is no shape problem.
    expect(a.parseCall(call('create-comment', { requestBody: body }), posts())).toEqual([{
      op: 'did', platform: 'youtube', kind: 'reply', ref: 'UgyOwn0001NewCommentAaABAg', at: AT, text: 'hi', target: {},
    }]);
  });
});

describe('YouTube identity and health', () => {
  it('reads the handle from the account menu header when it is rendered', () => {
    const doc = watch();
    doc.body.insertAdjacentHTML('beforeend', '<ytd-active-account-header-renderer><span id="channel-handle">@givefirst</span></ytd-active-account-header-renderer>');
    expect(createYoutubeAdapter().readIdentity(doc)).toBe('givefirst');
  });

  it('a watch page with its hooks is fine; other pages are not judged', () => {
    const a = createYoutubeAdapter();
    const url = new URL(`https://www.youtube.com/watch?v=${VIDEO}`);
    expect(a.checkHealth(watch(), url)).toBeNull();
    expect(a.healthApplies?.(url)).toBe(true);
    expect(a.healthApplies?.(new URL('https://www.youtube.com/'))).toBe(false);
  });

  it('reports a renamed like button, a lost subscribe button and a comment without its like button', () => {
    const a = createYoutubeAdapter();
    const url = new URL(`https://www.youtube.com/watch?v=${VIDEO}`);
    let doc = watch();
    doc.querySelector('like-button-view-model')?.replaceWith(doc.createElement('like-button-view-model-v2'));
    expect(a.checkHealth(doc, url)?.code).toBe('no-like-button');
    doc = watch();
    doc.querySelector('ytd-subscribe-button-renderer')?.remove();
    expect(a.checkHealth(doc, url)?.code).toBe('no-subscribe-button');
    doc = watch();
    doc.querySelector('ytd-comment-view-model #like-button')?.remove();
    expect(a.checkHealth(doc, url)?.code).toBe('no-comment-like');
  });
});

describe('YouTube composer', () => {
  it('the community post box is a post; a comment box is a reply (never nudged)', () => {
    const { composer } = createYoutubeAdapter();
    const p = posts();
    const postButton = composer.submitFromClick(p.querySelector('ytd-backstage-post-dialog-renderer #submit-button button') as Element);
    expect(postButton).not.toBeNull();
    expect(composer.describe(postButton as HTMLElement, new URL('https://www.youtube.com/@givefirst/posts'))).toMatchObject({ kind: 'post', draft: 'New video tomorrow!' });
    const w = watch();
    const commentButton = composer.submitFromClick(w.querySelector('ytd-comment-simplebox-renderer #submit-button') as Element);
    expect(composer.describe(commentButton as HTMLElement, new URL(`https://www.youtube.com/watch?v=${VIDEO}`))).toMatchObject({ kind: 'reply', draft: 'Great explanation' });
  });

  it('fails open: a disabled submit, a stray box and keys are not claimed', () => {
    const { composer } = createYoutubeAdapter();
    const p = posts();
    p.querySelector('ytd-backstage-post-dialog-renderer #submit-button button')?.setAttribute('disabled', '');
    expect(composer.submitFromClick(p.querySelector('ytd-backstage-post-dialog-renderer #submit-button button') as Element)).toBeNull();
    p.body.insertAdjacentHTML('beforeend', '<ytd-commentbox id="stray"><div id="submit-button"><button>Send</button></div></ytd-commentbox>');
    const stray = composer.submitFromClick(p.querySelector('#stray button') as Element);
    expect(stray && composer.describe(stray, new URL('https://www.youtube.com/'))).toBeNull();
    expect(composer.submitFromKey(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }))).toBeNull();
  });

  it('suggests others\' comments, never the user\'s own', () => {
    const { composer } = createYoutubeAdapter();
    const picks = composer.suggestions(watch(), 'givefirst', 3);
    expect(picks).toHaveLength(1);
    expect(picks[0]?.querySelector('#author-text')?.getAttribute('href')).toBe('/@bobbuilds');
    expect(composer.suggestions(posts(), 'givefirst', 3)).toEqual([]);
  });
});

describe('YouTube comment likes (watch)', () => {
  function setup(): { doc: Document; emitted: Observation[]; controller: AbortController; button: () => Element; adapter: ReturnType<typeof createYoutubeAdapter> } {
    const doc = watch();
    const adapter = createYoutubeAdapter();
    const emitted: Observation[] = [];
    const controller = new AbortController();
    adapter.watch?.(doc, (o) => emitted.push(o), controller.signal);
    const button = (): Element => doc.querySelector('ytd-comment-view-model #like-button button') as Element;
    return { doc, emitted, controller, button, adapter };
  }
  const click = (el: Element): void => {
    el.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true, button: 0 }));
  };

  it('counts once the button shows the like, at once when the request succeeded; unliking undoes', async () => {
    vi.useFakeTimers({ now: AT });
    try {
      const { emitted, controller, button, adapter } = setup();
      click(button());
      button().setAttribute('aria-pressed', 'true');
      adapter.parseCall(call('perform-comment-action', { startedAt: AT + 5 }), watch());
      await vi.advanceTimersByTimeAsync(100);
      expect(emitted).toEqual([{
        op: 'did', platform: 'youtube', kind: 'like', ref: BOB_COMMENT, at: AT,
        target: { id: BOB_COMMENT, url: `https://www.youtube.com/watch?v=${VIDEO}&lc=${BOB_COMMENT}`, author: 'bobbuilds' },
      }]);
      vi.setSystemTime(AT + 10_000);
      click(button());
      button().setAttribute('aria-pressed', 'false');
      await vi.advanceTimersByTimeAsync(5000);
      expect(emitted[1]).toEqual({ op: 'undid', platform: 'youtube', kinds: ['like'], ref: BOB_COMMENT, at: AT + 10_000 });
      controller.abort();
    } finally {
      vi.useRealTimers();
    }
  });

  it('one comment\'s successful action (a like, a delete) never confirms another comment\'s pending like', async () => {
    vi.useFakeTimers({ now: AT });
    try {
      const { doc, emitted, adapter } = setup();
      const [bobLike, ownLike] = [...doc.querySelectorAll('ytd-comment-view-model #like-button button')] as Element[];
      const performed = (type: number, commentId: string | null, startedAt: number): NetworkCall => call('perform-comment-action', {
        startedAt,
        requestBody: JSON.stringify({ context: {}, actions: [encodeProto(commentId ? [[1, type], [3, commentId]] : [[1, type]])] }),
      });
      // Bob's like is sent and fails (nothing is relayed); the own comment's like succeeds a moment later.
      click(bobLike as Element);
      bobLike?.setAttribute('aria-pressed', 'true');
      vi.setSystemTime(AT + 20);
      click(ownLike as Element);
      ownLike?.setAttribute('aria-pressed', 'true');
      adapter.parseCall(performed(5, 'UgyOwnOld0001CommentAaABAg', AT + 25), watch());
      // A successful delete of some other comment, and an action naming no comment, confirm nothing either.
      adapter.parseCall(performed(6, 'UgzSomeoneElseCommentAaABAg', AT + 30), watch());
      adapter.parseCall(performed(5, null, AT + 35), watch());
      await vi.advanceTimersByTimeAsync(100);
      expect(emitted.map((o) => o.ref)).toEqual(['UgyOwnOld0001CommentAaABAg']);
      // YouTube rolls Bob's like back once its request fails: it is never counted.
      bobLike?.setAttribute('aria-pressed', 'false');
      await vi.advanceTimersByTimeAsync(6000);
      expect(emitted.map((o) => o.ref)).toEqual(['UgyOwnOld0001CommentAaABAg']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a flip that rolls back (failed request) or never happens counts nothing', async () => {
    vi.useFakeTimers({ now: AT });
    try {
      const { emitted, button } = setup();
      click(button());
      button().setAttribute('aria-pressed', 'true');
      await vi.advanceTimersByTimeAsync(500);
      button().setAttribute('aria-pressed', 'false');
      await vi.advanceTimersByTimeAsync(6000);
      click(button());
      await vi.advanceTimersByTimeAsync(6000);
      expect(emitted).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
