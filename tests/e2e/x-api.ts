/**
 * A small stateful fake of X's web API for the replica pages (tests/replicas/x/), plus the helpers the
 * X end-to-end tests share. It answers through serveSite's `api` callback with the shapes X sends
 * (platforms.md §1.B; CreateTweet's `data.create_tweet.tweet_results.result` with `rest_id`, `core` and
 * `legacy`), keeps just enough state to answer like X does (already liked, already reposted, replies'
 * parent authors), can be told to fail an operation, and records every call.
 *
 * The ids and handles below are the ones written into the replica pages; keep both in step.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serveSite, until, type ApiAnswer, type ExportedEvent, type Harness } from './harness.ts';

export const VIEWER = { handle: 'givefirst_me', id: '1790442169127591936', name: 'Give First' } as const;

export const USERS = {
  alice: { id: '1349149096909668363', name: 'Alice Chen' },
  bob_builds: { id: '1098765432109876543', name: 'Bob Okafor' },
  carol: { id: '1612345678901234567', name: 'Carol Díaz' },
  dave: { id: '3141592653', name: 'Dave Lin' },
  acmetools: { id: '1500000000000000001', name: 'Acme Tools' },
  frank_ships: { id: '1733555000111222333', name: 'Frank Mensah' },
  grace: { id: '98765432', name: 'Grace Hopper Fan' },
} as const;
export type Handle = keyof typeof USERS | typeof VIEWER.handle;

/** The posts on the replica home timelines (same ids in every variant). */
export const POSTS = {
  alice: { id: '2124793576289313459', author: 'alice' },
  bob: { id: '2124775456896033459', author: 'bob_builds' },
  own: { id: '2124618925470753459', author: 'givefirst_me' },
  /** Shown as "Dave Lin reposted" (socialContext): the author is still carol. */
  carol: { id: '2124549719454753459', author: 'carol' },
  promoted: { id: '2124118125573153459', author: 'acmetools' },
} as const satisfies Record<string, { id: string; author: Handle }>;

/** Where each replica page is served. */
export const X_URLS = {
  home: 'https://x.com/home',
  /** Spanish UI, extra wrappers, other query ids, fetch instead of XHR. */
  homeEs: 'https://twitter.com/home',
  homeEsOnX: 'https://x.com/home?variant=es',
  /** The post container's test id renamed: the health check must complain. */
  broken: 'https://x.com/home?variant=broken',
} as const;

/** The client bundle, served like X's own from its static host. */
const CLIENT_URL = 'https://abs.twimg.com/responsive-web/client-web/main.7f3c2a1e.js';

export type FailMode = 500 | 403 | 'graphql-error';

export interface RecordedCall {
  /** GraphQL operation name, or `friendships/create` / `friendships/destroy`. */
  op: string;
  method: string;
  url: string;
  body: string | null;
  /** GraphQL `variables`, or the form fields of a REST call. */
  variables: Record<string, unknown>;
  status: number;
  /** Whether the answer was a GraphQL refusal (HTTP 200 with `errors`). */
  refused: boolean;
}

interface TweetState {
  author: Handle;
  text: string;
}

const TWITTER_EPOCH = 1288834974657n;
const GRAPHQL_PATH = /^\/i\/api\/graphql\/[\w-]+\/(\w+)$/;
const REST_PATH = /^\/i\/api\/1\.1\/(friendships\/(?:create|destroy))\.json$/;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Twitter's `created_at` format: "Mon Nov 23 12:00:00 +0000 2026". */
function createdAt(ms: number): string {
  const d = new Date(ms);
  const [day, , , , time] = d.toUTCString().split(' ');
  const month = d.toLocaleString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${day?.slice(0, 3)} ${month} ${String(d.getUTCDate()).padStart(2, '0')} ${time} +0000 ${d.getUTCFullYear()}`;
}

export class FakeXApi {
  readonly calls: RecordedCall[] = [];
  /** Ids of the posts, replies and quotes created so far, in order. */
  readonly created: string[] = [];
  /** Per-call delay range in ms; with a spread, overlapping requests complete out of order. */
  latency: [number, number] = [0, 0];
  private failures = new Map<string, FailMode[]>();
  private inFlight = 0;
  private seq = 0;
  private liked = new Set<string>();
  private retweets = new Map<string, string>();
  private following = new Set<string>();
  private tweets = new Map<string, TweetState>();

  constructor() {
    this.reset();
  }

  /** Forgets calls, failures, latency and everything the user did; the timeline's posts remain. */
  reset(): void {
    this.calls.length = 0;
    this.created.length = 0;
    this.failures.clear();
    this.latency = [0, 0];
    this.liked.clear();
    this.retweets.clear();
    this.following.clear();
    this.tweets.clear();
    for (const post of Object.values(POSTS)) this.tweets.set(post.id, { author: post.author, text: '' });
  }

  /** Makes the next `times` calls of `op` fail: HTTP 500 or 403, or X's HTTP 200 with `errors`. */
  fail(op: string, mode: FailMode, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<FailMode>(times).fill(mode)]);
  }

  /** Calls of one operation, in arrival order. */
  callsOf(op: string): RecordedCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  /** Resolves once no call is waiting for its answer. */
  async idle(timeoutMs = 10_000): Promise<void> {
    await until(() => this.inFlight === 0, timeoutMs, 'the fake X API to answer every call');
  }

  /** The `api` callback for serveSite. */
  readonly handle = async (request: { method: string; url: URL; body: string | null }): Promise<ApiAnswer | undefined> => {
    const op = GRAPHQL_PATH.exec(request.url.pathname)?.[1] ?? REST_PATH.exec(request.url.pathname)?.[1];
    if (!op || request.method !== 'POST') return undefined;
    this.inFlight++;
    try {
      // State changes on arrival, as on a server; the answer may then take a while.
      const variables = op.startsWith('friendships/')
        ? Object.fromEntries(new URLSearchParams(request.body ?? ''))
        : ((JSON.parse(request.body ?? '{}') as { variables?: Record<string, unknown> }).variables ?? {});
      const answer = this.answer(op, variables);
      const refused = answer.status === 200 && typeof answer.body === 'object' && answer.body !== null && 'errors' in answer.body;
      this.calls.push({ op, method: request.method, url: request.url.href, body: request.body, variables, status: answer.status, refused });
      const [min, max] = this.latency;
      if (max > 0) await sleep(min + Math.random() * (max - min));
      return answer;
    } finally {
      this.inFlight--;
    }
  };

  private snowflake(): string {
    const id = ((BigInt(Date.now()) - TWITTER_EPOCH) << 22n) | (17n << 12n) | BigInt(this.seq++ & 0xfff);
    return id.toString();
  }

  private answer(op: string, variables: Record<string, unknown>): ApiAnswer {
    const failure = this.failures.get(op)?.shift();
    if (failure === 500) return { status: 500, body: { errors: [{ code: 131, message: 'Internal error' }] } };
    if (failure === 403) return { status: 403, body: { errors: [{ code: 353, message: 'This request requires a matching csrf cookie and header.' }] } };
    if (failure === 'graphql-error') return refusal(op, 187, 'Authorization: Status is a duplicate. (187)');

    const tweetId = String(variables.tweet_id ?? variables.source_tweet_id ?? '');
    switch (op) {
      case 'FavoriteTweet':
        if (!this.tweets.has(tweetId)) return refusal(op, 144, '_Missing: No status found with that ID.');
        if (this.liked.has(tweetId)) {
          return refusal(op, 139, `Authorization: Actor UserId(${VIEWER.id}) already favorited tweet TweetId(${tweetId})`);
        }
        this.liked.add(tweetId);
        return ok({ data: { favorite_tweet: 'Done' } });
      case 'UnfavoriteTweet':
        this.liked.delete(tweetId);
        return ok({ data: { unfavorite_tweet: 'Done' } });
      case 'CreateRetweet': {
        const source = this.tweets.get(tweetId);
        if (!source) return refusal(op, 144, '_Missing: No status found with that ID.');
        if (this.retweets.has(tweetId)) return refusal(op, 327, 'You have already retweeted this Tweet.');
        const id = this.snowflake();
        this.retweets.set(tweetId, id);
        return ok({ data: { create_retweet: { retweet_results: { result: { rest_id: id, legacy: { full_text: `RT @${source.author}: ${source.text}` } } } } } });
      }
      case 'DeleteRetweet':
        this.retweets.delete(tweetId);
        return ok({ data: { unretweet: { source_tweet_results: { result: { rest_id: tweetId, legacy: { full_text: this.tweets.get(tweetId)?.text ?? '' } } } } } });
      case 'CreateTweet':
      case 'CreateNoteTweet':
        return this.createTweet(op, variables);
      case 'DeleteTweet':
        this.tweets.delete(tweetId);
        return ok({ data: { delete_tweet: { tweet_results: {} } } });
      case 'friendships/create':
      case 'friendships/destroy': {
        const userId = String(variables.user_id ?? '');
        const entry = Object.entries(USERS).find(([, u]) => u.id === userId);
        if (!entry) return { status: 404, body: { errors: [{ code: 50, message: 'User not found.' }] } };
        if (op === 'friendships/create') this.following.add(userId);
        else this.following.delete(userId);
        const [handle, user] = entry;
        return ok({
          id: Number(userId), id_str: userId, name: user.name, screen_name: handle, location: '', description: '',
          protected: false, followers_count: 1234, friends_count: 321, created_at: createdAt(Date.now() - 86_400_000 * 900),
          verified: false, following: op === 'friendships/destroy', muting: false, blocking: false,
        });
      }
      default:
        return { status: 404, body: { errors: [{ message: `unknown operation ${op}` }] } };
    }
  }

  private createTweet(op: string, variables: Record<string, unknown>): ApiAnswer {
    const text = typeof variables.tweet_text === 'string' ? variables.tweet_text : '';
    const reply = variables.reply as { in_reply_to_tweet_id?: string } | undefined;
    const parentId = reply?.in_reply_to_tweet_id;
    const parent = parentId ? this.tweets.get(parentId) : undefined;
    if (parentId && !parent) return refusal('create_tweet', 385, 'You attempted to reply to a Tweet that is deleted or not visible to you.');
    const attachment = typeof variables.attachment_url === 'string' ? variables.attachment_url : undefined;
    const quotedId = attachment ? /\/status\/(\d+)/.exec(attachment)?.[1] : undefined;
    const id = this.snowflake();
    this.tweets.set(id, { author: VIEWER.handle, text });
    this.created.push(id);
    const now = Date.now();
    const legacy: Record<string, unknown> = {
      bookmark_count: 0, bookmarked: false, created_at: createdAt(now), conversation_id_str: parentId ?? id,
      display_text_range: [0, text.length], entities: { hashtags: [], symbols: [], timestamps: [], urls: [], user_mentions: [] },
      favorite_count: 0, favorited: false, full_text: text, is_quote_status: !!quotedId, lang: 'en', quote_count: 0,
      reply_count: 0, retweet_count: 0, retweeted: false, user_id_str: VIEWER.id, id_str: id,
    };
    if (parentId && parent) {
      legacy.in_reply_to_status_id_str = parentId;
      legacy.in_reply_to_screen_name = parent.author;
      legacy.in_reply_to_user_id_str = parent.author === VIEWER.handle ? VIEWER.id : USERS[parent.author].id;
    }
    if (quotedId && attachment) {
      legacy.quoted_status_id_str = quotedId;
      legacy.quoted_status_permalink = { url: `https://t.co/${id.slice(-10)}`, expanded: attachment, display: attachment.replace(/^https:\/\//, '') };
    }
    const result = {
      __typename: 'Tweet',
      rest_id: id,
      has_birdwatch_notes: false,
      core: {
        user_results: {
          result: {
            __typename: 'User', id: Buffer.from(`User:${VIEWER.id}`).toString('base64'), rest_id: VIEWER.id, is_blue_verified: false,
            // X moved screen_name from `legacy` to `core` in 2025; it sends both.
            core: { created_at: 'Tue May 14 18:03:11 +0000 2024', name: VIEWER.name, screen_name: VIEWER.handle },
            legacy: { name: VIEWER.name, screen_name: VIEWER.handle, followers_count: 87, friends_count: 140, statuses_count: 311 },
          },
        },
      },
      is_translatable: false,
      views: { state: 'Enabled' },
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      legacy,
    };
    const key = op === 'CreateNoteTweet' ? 'notetweet_create' : 'create_tweet';
    return ok({ data: { [key]: { tweet_results: { result } } } });
  }
}

function ok(body: unknown): ApiAnswer {
  return { status: 200, body };
}

/** X's GraphQL refusal: HTTP 200, `errors`, empty `data` (fa0311/twitter-openapi issue #32). */
function refusal(op: string, code: number, message: string): ApiAnswer {
  const path = op.replace(/[A-Z]/g, (c, i: number) => (i ? '_' : '') + c.toLowerCase());
  const extensions = { name: 'AuthorizationError', source: 'Client', code, kind: 'Permissions', tracing: { trace_id: 'e549137014dc4ab3' } };
  return {
    status: 200,
    body: { errors: [{ message, locations: [{ line: 18, column: 3 }], path: [path], extensions, ...extensions }], data: {} },
  };
}

/** Serves the replica at x.com and twitter.com, its client bundle, and the fake API behind both hosts. */
export async function serveX(context: BrowserContext, api: FakeXApi): Promise<void> {
  await serveSite(context, 'https://x.com', {
    '/home': 'x/home.html',
    '/compose/post': 'x/home.html',
    '/home?variant=es': 'x/home-es.html',
    '/home?variant=broken': 'x/home-broken.html',
  }, api.handle);
  await serveSite(context, 'https://twitter.com', { '/home': 'x/home-es.html' }, api.handle);
  await serveSite(context, new URL(CLIENT_URL).origin, { [new URL(CLIENT_URL).pathname]: 'x/client.js' });
}

/** Opens a replica page and waits until its client has loaded. */
export async function openX(h: Harness, url: string = X_URLS.home): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.readyState === 'complete');
  return page;
}

/** A post on the page (any variant, any container) by its id, found through its permalink. */
export function postById(page: Page, id: string): Locator {
  return page.locator('article').filter({ has: page.locator(`a[href$="/status/${id}"] time`) });
}

/** The like button of a post, whichever state it is in. */
export function likeButton(page: Page, id: string): Locator {
  return postById(page, id).locator('[data-testid="like"], [data-testid="unlike"]');
}

/** Every stored event, via the extension's own export. */
export async function storedEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events;
}

/** Waits until the stored events satisfy `probe` (which returns what it found, or a falsy value). */
export async function waitForEvents<T>(
  h: Harness, probe: (events: ExportedEvent[]) => T | undefined | null | false, what: string, timeoutMs = 10_000,
): Promise<T> {
  return (await until(async () => probe(await storedEvents(h)), timeoutMs, what)) as T;
}

/** The one event with this id, once stored. */
export async function waitForEvent(h: Harness, id: string, accept: (e: ExportedEvent) => boolean = () => true): Promise<ExportedEvent> {
  return waitForEvents(h, (events) => events.find((e) => e.id === id && accept(e)), `event ${id}`);
}

/**
 * A week that owes giving, for the nudge tests on X: two own posts (one promotional) and one like this
 * week, so 1 given, 3 taken, 3 replies owed at 3 : 1. Times are relative to today (noon of past days).
 */
export function lowBalanceWeek(noon: (daysAgo: number) => string) {
  return [
    { id: 'x:post:1', platform: 'x', kind: 'post', at: noon(1), text: 'one', promotional: false, source: 'import' },
    { id: 'x:post:2', platform: 'x', kind: 'post', at: noon(2), text: 'Buy my course', promotional: true, source: 'import' },
    { id: 'x:like:3', platform: 'x', kind: 'like', at: noon(1), target: { id: '3', author: 'alice' }, source: 'import' },
  ];
}
