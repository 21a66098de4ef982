/**
 * A small stateful fake of Reddit's servers for the replica pages (tests/replicas/reddit/), both front
 * ends: www.reddit.com (shreddit pages, `POST /svc/shreddit/graphql`, the replica's assumed comment
 * endpoint) and old.reddit.com (pages, `POST /api/{vote,comment,submit,subscribe,del}`), plus the static
 * host serving both clients. A post created through either front end gets its own page (the own-post
 * templates), where the user can delete it (shreddit DeletePost, old reddit /api/del). Answers use the shapes the clients read (platforms.md §4.B); it can be told
 * to fail an operation (HTTP status, or a refusal with HTTP 200) and records every call.
 *
 * The ids and names below are the ones written into the replica pages; keep both in step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { REPLICAS, until, type Harness } from './harness.ts';

export const VIEWER = 'givefirst_me';
export const SUBREDDIT = { id: 't5_2qs0q', name: 'webdev' } as const;
export const THINGS = {
  post: { id: 't3_1h2k3m4', author: 'alice_dev', url: 'https://www.reddit.com/r/webdev/comments/1h2k3m4/whats_your_favourite_accessibility_testing_tool/' },
  bob: { id: 't1_m1a2b3c', author: 'bob_codes' },
  carol: { id: 't1_m1a2b3e', author: 'carol_ux' },
  ownComment: { id: 't1_m1a2b3d', author: VIEWER },
  dave: { id: 't3_1h2k9z1', author: 'dave_ops' },
  ownPost: { id: 't3_1h2kaa2', author: VIEWER },
} as const;

const POST_PATH = '/r/webdev/comments/1h2k3m4/whats_your_favourite_accessibility_testing_tool/';
export const REDDIT_URLS = {
  post: `https://www.reddit.com${POST_PATH}`,
  /** The markup variant: German feed, posts in article wrappers, identity only in the user drawer. */
  feedDe: 'https://www.reddit.com/r/webdev/',
  submit: 'https://www.reddit.com/r/webdev/submit',
  /** The post page with <shreddit-post> renamed, as a redesign would: health must degrade. */
  broken: `https://www.reddit.com${POST_PATH}?variant=broken`,
  oldPost: `https://old.reddit.com${POST_PATH}`,
  oldSubmit: 'https://old.reddit.com/r/webdev/submit?selftext=true',
  /** The old reddit markup variant: a German listing with a promoted link. */
  oldListingDe: 'https://old.reddit.com/r/webdev/',
  /** old reddit with `.thing` renamed: health must degrade. */
  oldBroken: `https://old.reddit.com${POST_PATH}?variant=broken`,
} as const;

export type FailMode = number | 'refused';

export interface RecordedCall {
  /** GraphQL operation, `api/<endpoint>`, or `create-comment`. */
  op: string;
  url: string;
  body: string;
  status: number;
}

const read = (file: string): string => readFileSync(join(REPLICAS, 'reddit', file), 'utf8');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class FakeReddit {
  readonly calls: RecordedCall[] = [];
  /** Fullnames of comments and posts created so far, in order. */
  readonly created: string[] = [];
  /** Posts created so far, by fullname: their pages render from the own-post templates. */
  readonly posts = new Map<string, { title: string; body: string; permalink: string }>();
  latency = 0;
  private failures = new Map<string, FailMode[]>();
  private seq = 0;

  reset(): void {
    this.calls.length = 0;
    this.created.length = 0;
    this.posts.clear();
    this.failures.clear();
    this.latency = 0;
  }

  fail(op: string, mode: FailMode, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<FailMode>(times).fill(mode)]);
  }

  callsOf(op: string): RecordedCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  private newId(prefix: 't1' | 't3'): string {
    const id = `${prefix}_${(prefix === 't1' ? 'n' : '1j')}${(Date.now() % 1e6).toString(36)}${(this.seq++).toString(36)}`;
    this.created.push(id);
    return id;
  }

  /** Installs the routes for www.reddit.com, old.reddit.com and www.redditstatic.com. */
  async serve(context: BrowserContext): Promise<void> {
    await context.route(/^https:\/\/www\.redditstatic\.com\//, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const file = path.includes('old-client') ? 'old-client.js' : path.includes('shreddit-client') ? 'shreddit-client.js' : null;
      if (!file) return route.fulfill({ status: 404, body: '' });
      await route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: read(file) });
    });
    await context.route(/^https:\/\/(www|old)\.reddit\.com\//, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const old = url.hostname === 'old.reddit.com';
      if (request.method() === 'POST') {
        const answer = await this.answer(url, request.postData() ?? '');
        await route.fulfill({ status: answer.status, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(answer.body) })
          .catch((error: unknown) => { if (!/closed/i.test(String(error))) throw error; });
        return;
      }
      const broken = url.searchParams.get('variant') === 'broken';
      let html: string | null = null;
      const own = this.posts.get(`t3_${/^\/r\/webdev\/comments\/([a-z0-9]+)\//.exec(url.pathname)?.[1] ?? ''}`);
      if (/^\/r\/webdev\/submit\/?$/.test(url.pathname)) html = read(old ? 'old-submit.html' : 'shreddit-submit.html');
      else if (own) html = ownPostPage(old ? 'old-own-post.html' : 'shreddit-own-post.html', own);
      else if (/^\/r\/webdev\/comments\/[a-z0-9]+\//.test(url.pathname)) html = read(old ? 'old-thread.html' : 'shreddit-post.html');
      else if (/^\/r\/webdev\/?$/.test(url.pathname)) html = read(old ? 'old-listing-de.html' : 'shreddit-feed-de.html');
      if (html && broken) {
        // A redesign as health checks must notice: the post element renamed (shreddit), `.thing` renamed (old).
        html = old ? html.replace(/class=" thing /g, 'class=" entity ') : html.replace(/shreddit-post/g, 'shreddit-post-v3');
      }
      if (!html) return route.fulfill({ status: 404, contentType: 'text/html', body: '<h1>page not found</h1>' });
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
  }

  private async answer(url: URL, body: string): Promise<{ status: number; body: unknown }> {
    let op: string;
    let input: Record<string, unknown> = {};
    if (url.pathname === '/svc/shreddit/graphql') {
      const parsed = JSON.parse(body) as { operation: string; variables?: { input?: Record<string, unknown> } };
      op = parsed.operation;
      input = parsed.variables?.input ?? {};
    } else if (/^\/svc\/shreddit\/t[13]_\w+\/create-comment$/.test(url.pathname)) {
      op = 'create-comment';
    } else {
      op = url.pathname.replace(/^\//, '');
    }
    if (this.latency) await sleep(this.latency);
    const failure = this.failures.get(op)?.shift();
    const result = failure !== undefined ? this.failure(op, failure) : this.success(op, input, new URLSearchParams(body));
    this.calls.push({ op, url: url.href, body, status: result.status });
    return result;
  }

  private failure(op: string, mode: FailMode): { status: number; body: unknown } {
    if (typeof mode === 'number') return { status: mode, body: { message: 'Internal Server Error', error: mode } };
    if (op.startsWith('api/')) {
      // old reddit refuses with HTTP 200: a jQuery list that shows the error field, success false.
      return {
        status: 200,
        body: {
          jquery: [[0, 1, 'call', ['body']], [1, 2, 'attr', 'find'], [2, 3, 'call', ['.error.RATELIMIT.field-ratelimit']], [3, 4, 'attr', 'show'],
            [4, 5, 'call', []], [5, 6, 'attr', 'text'], [6, 7, 'call', ['you are doing that too much. try again in 9 minutes.']], [7, 8, 'attr', 'end'], [8, 9, 'call', []]],
          success: false,
        },
      };
    }
    const key = op.charAt(0).toLowerCase() + op.slice(1);
    return { status: 200, body: { data: { [key]: { ok: false, errors: [{ message: 'RATELIMIT', code: 'RATELIMIT' }] } } } };
  }

  private success(op: string, input: Record<string, unknown>, form: URLSearchParams): { status: number; body: unknown } {
    switch (op) {
      case 'UpdatePostVoteState':
        return { status: 200, body: { data: { updatePostVoteState: { ok: true, errors: null } } } };
      case 'UpdateCommentVoteState':
        return { status: 200, body: { data: { updateCommentVoteState: { ok: true, errors: null } } } };
      case 'UpdateSubredditSubscriptions':
        return { status: 200, body: { data: { updateSubredditSubscriptions: { ok: true, errors: null } } } };
      case 'DeletePost':
        return { status: 200, body: { data: { deletePost: { ok: true, errors: null } } } };
      case 'DeleteComment':
        return { status: 200, body: { data: { deleteComment: { ok: true, errors: null } } } };
      case 'CreatePost': {
        const id = this.newId('t3');
        const title = String(input.title ?? '');
        const content = input.content as { markdown?: unknown } | undefined;
        const permalink = `/r/webdev/comments/${id.slice(3)}/${slugOf(title)}/`;
        this.posts.set(id, { title, body: String(content?.markdown ?? ''), permalink });
        return { status: 200, body: { data: { createPost: { ok: true, errors: null, fieldErrors: null, post: { id, permalink } } } } };
      }
      case 'create-comment':
        return { status: 200, body: { id: this.newId('t1') } };
      case 'api/vote':
      case 'api/subscribe':
      case 'api/del':
        return { status: 200, body: {} };
      case 'api/comment': {
        const id = this.newId('t1');
        const text = form.get('text') ?? '';
        const formId = form.get('id') ?? '';
        return {
          status: 200,
          body: {
            jquery: [[0, 1, 'call', ['body']], [1, 2, 'attr', 'find'], [2, 3, 'call', ['.status']], [3, 4, 'attr', 'hide'], [4, 5, 'call', []],
              [5, 6, 'attr', 'html'], [6, 7, 'call', ['']], [7, 8, 'attr', 'end'], [8, 9, 'call', []], [0, 10, 'attr', 'find'], [10, 11, 'call', [formId]],
              [11, 12, 'attr', 'find'], [12, 13, 'call', ['textarea']], [13, 14, 'attr', 'val'], [14, 15, 'call', ['']], [0, 16, 'attr', 'insert_things'],
              [16, 17, 'call', [[{ kind: 't1', data: { id, parent: form.get('thing_id'), content: `<div class="md"><p>${text}</p></div>`, contentText: text, contentHTML: `<p>${text}</p>`, link: THINGS.post.id, replies: '' } }], false]]],
            success: true,
          },
        };
      }
      case 'api/submit': {
        const id = this.newId('t3');
        const slug = slugOf(form.get('title') ?? '');
        this.posts.set(id, { title: form.get('title') ?? '', body: form.get('text') ?? '', permalink: `/r/webdev/comments/${id.slice(3)}/${slug}/` });
        return {
          status: 200,
          body: { jquery: [[0, 1, 'call', ['body']], [1, 2, 'attr', 'find'], [2, 3, 'call', ['.status']], [3, 4, 'attr', 'hide'], [4, 5, 'call', []],
            [0, 6, 'attr', 'redirect'], [6, 7, 'call', [`https://old.reddit.com/r/webdev/comments/${id.slice(3)}/${slug}/`]]], success: true },
        };
      }
      default:
        return { status: 404, body: { message: `unknown operation ${op}` } };
    }
  }
}

const slugOf = (title: string): string => title.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 40);
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page of a post the fake created, from an own-post template (its post-… placeholders filled in). */
function ownPostPage(template: string, post: { title: string; body: string; permalink: string }): string {
  const id36 = /\/comments\/([a-z0-9]+)\//.exec(post.permalink)?.[1] ?? '';
  const values: Record<string, string> = { fullname: `t3_${id36}`, id36, permalink: post.permalink, title: post.title, body: post.body };
  return read(template).replace(/\{\{post-(\w+)\}\}/g, (_, key: string) => escapeHtml(values[key] ?? ''));
}

/** Opens a replica page and waits for its client to be ready. */
export async function openReddit(h: Harness, url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
  return page;
}

export async function waitIdle(fake: FakeReddit, count: number, op: string): Promise<void> {
  await until(() => fake.callsOf(op).length >= count, 10_000, `${count} ${op} call(s)`);
}
