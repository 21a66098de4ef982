/**
 * A small stateful fake of Threads' web server for the www.threads.com replica (tests/replicas/threads/),
 * plus helpers the Threads end-to-end tests share. It answers as platforms.md §6.B describes: GraphQL
 * over a form POST to /graphql/query (queries for the feed and a profile, the like/repost/follow/delete
 * mutations; a refusal is HTTP 200 with `errors`), and POST /api/v1/media/configure_text_only_post/ with
 * `signed_body=SIGNATURE.{json}` answering {media: {pk, id, code, user}, status: "ok"}. It can be told to
 * fail an operation and records every call.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { threadsHome } from '../replicas/threads/home.ts';
import { serveSite, until, type ExportedEvent, type Harness } from './harness.ts';

export const ME = { pk: '63055343223', username: 'givefirst.me' } as const;
export const ALICE = { pk: '51234567801', username: 'alice.chen', full_name: 'Alice Chen' } as const;
export const BOB = { pk: '51234567802', username: 'bob.okafor', full_name: 'Bob Okafor' } as const;
export const CAROL = { pk: '51234567803', username: 'carol.diaz', full_name: 'Carol Díaz' } as const;

/** Codes are the pks in base 64, as on Threads (routes.ts postCodePk). */
export const POSTS = {
  alice: { pk: '3487400011122233344', code: 'DBlu9VEolAA', user: ALICE, text: 'Shipping a tiny feature today. What do you check before a release?' },
  bob: { pk: '3487399988877766655', code: 'DBlu9AWwq__', user: BOB, text: 'Hot take: the best docs are the tests.' },
  own: { pk: '3487300011122233300', code: 'DBlYOI0KA_U', user: ME, text: 'Writing about giving before taking, online.' },
  carol: { pk: '3487200011122233311', code: 'DBlBe8jrc_f', user: CAROL, text: 'Anyone up for a code review swap this week?' },
} as const;
export type PostKey = keyof typeof POSTS;

export const THREADS_URLS = {
  home: 'https://www.threads.com/',
  es: 'https://www.threads.com/?hl=es',
  broken: 'https://www.threads.com/?variant=broken',
  carol: `https://www.threads.com/@${CAROL.username}`,
  legacy: 'https://www.threads.net/',
} as const;

export const postUrl = (key: PostKey): string => `https://www.threads.com/@${POSTS[key].user.username}/post/${POSTS[key].code}`;

export interface ThreadsCall {
  /** The friendly name, or `configure_text_only_post`. */
  op: string;
  /** GraphQL variables, or the signed_body JSON. */
  data: Record<string, unknown>;
  /** Every form field name the page sent (session fields included). */
  fields: string[];
  status: number;
}

let counter = 0;
const CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class FakeThreads {
  calls: ThreadsCall[] = [];
  likes = new Set<string>();
  reposts = new Set<string>();
  follows = new Set<string>();
  created: { pk: string; code: string; caption: string; info: Record<string, unknown> }[] = [];
  private failing = new Map<string, { status: number; errors: boolean }>();
  private slow = new Map<string, number>();

  reset(): void {
    this.calls = [];
    this.likes.clear();
    this.reposts.clear();
    this.follows.clear();
    this.created = [];
    this.failing.clear();
    this.slow.clear();
  }

  /** Answers an operation only after `ms` (a slow network). */
  delay(op: string, ms: number): void {
    this.slow.set(op, ms);
  }

  /** Fails an operation: with an HTTP status, or (errors) with HTTP 200 and a GraphQL `errors` list. */
  fail(op: string, status = 500, errors = false): void {
    this.failing.set(op, { status, errors });
  }

  callsOf(op: string): ThreadsCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  private view(key: PostKey) {
    const p = POSTS[key];
    return {
      pk: p.pk, id: `${p.pk}_${p.user.pk}`, code: p.code, taken_at: 1763884800, media_type: 19,
      user: { pk: p.user.pk, username: p.user.username, is_verified: false },
      caption: { text: p.text }, like_count: 3 + (this.likes.has(p.pk) ? 1 : 0), reply_count: 1, repost_count: 2,
      has_liked: this.likes.has(p.pk), reposted: this.reposts.has(p.pk),
    };
  }

  handle(method: string, url: URL, body: string | null): { status: number; body: unknown; delay?: number } | undefined {
    if (method !== 'POST') return undefined;
    const form = new URLSearchParams(body ?? '');
    const fields = [...new Set(form.keys())];
    if (/^\/api\/v1\/media\/configure_text_only_post\/?$/.test(url.pathname)) {
      const signed = form.get('signed_body') ?? '';
      const data = JSON.parse(signed.slice(signed.indexOf('.') + 1)) as Record<string, unknown>;
      return this.answer({ op: 'configure_text_only_post', data, fields }, () => {
        const pk = `34876${String(Date.now()).slice(-9)}${String(++counter).padStart(5, '0')}`;
        // As on Threads (Instagram shortcodes), the code is the pk in base 64 (routes.ts postCodePk).
        let code = '';
        for (let n = BigInt(pk); n > 0n; n /= 64n) code = CODE_CHARS[Number(n % 64n)] + code;
        this.created.push({ pk, code, caption: String(data.caption), info: JSON.parse(String(data.text_post_app_info)) as Record<string, unknown> });
        return { media: { pk, id: `${pk}_${ME.pk}`, code, taken_at: Math.floor(Date.now() / 1000), media_type: 19, user: { pk: ME.pk, username: ME.username } }, status: 'ok' };
      });
    }
    if (!/^\/(?:graphql\/query|api\/graphql)\/?$/.test(url.pathname)) return undefined;
    const op = form.get('fb_api_req_friendly_name') ?? '';
    const variables = JSON.parse(form.get('variables') ?? '{}') as Record<string, unknown>;
    const media = String(variables.media_id ?? '').split('_')[0] ?? '';
    return this.answer({ op, data: variables, fields }, () => {
      switch (op) {
        case 'BarcelonaFeedTimelineQuery':
          return { data: { feed: (['alice', 'bob', 'own', 'carol'] as const).map((k) => this.view(k)) } };
        case 'BarcelonaProfilePageQuery': {
          const user = [ALICE, BOB, CAROL].find((u) => u.username === variables.username) ?? CAROL;
          const keys = (Object.keys(POSTS) as PostKey[]).filter((k) => POSTS[k].user.pk === user.pk);
          return { data: { user: { ...user, following: this.follows.has(user.pk) }, threads: keys.map((k) => this.view(k)) } };
        }
        case 'useBarcelonaLikeMutationLikeMutation': this.likes.add(media); return { data: { like: { status: 'ok' } } };
        case 'useBarcelonaLikeMutationUnlikeMutation': this.likes.delete(media); return { data: { unlike: { status: 'ok' } } };
        case 'useBarcelonaCreateRepostMutation': this.reposts.add(media); return { data: { create_repost: { repost_id: `${media}9` } } };
        case 'useBarcelonaDeleteRepostMutation': this.reposts.delete(media); return { data: { delete_text_app_repost: { status: 'ok' } } };
        case 'useBarcelonaFollowMutation': this.follows.add(String(variables.target_user_id)); return { data: { xdt_create_friendship: { friendship_status: { following: true } } } };
        case 'useBarcelonaUnfollowMutation': this.follows.delete(String(variables.target_user_id)); return { data: { xdt_destroy_friendship: { friendship_status: { following: false } } } };
        case 'useBarcelonaDeletePostMutation': return { data: { delete_text_post: { status: 'ok' } } };
        default: return { errors: [{ message: 'unknown doc_id', severity: 'CRITICAL' }], data: null };
      }
    });
  }

  private answer(call: Omit<ThreadsCall, 'status'>, ok: () => unknown): { status: number; body: unknown; delay?: number } {
    const delay = this.slow.get(call.op);
    const answer = this.answerNow(call, ok);
    return delay ? { ...answer, delay } : answer;
  }

  private answerNow(call: Omit<ThreadsCall, 'status'>, ok: () => unknown): { status: number; body: unknown } {
    const failing = this.failing.get(call.op);
    if (failing) {
      this.calls.push({ ...call, status: failing.status });
      return failing.errors
        ? { status: failing.status, body: { errors: [{ message: 'A server error field_exception occured.', severity: 'CRITICAL', code: 1675030 }], data: null } }
        : { status: failing.status, body: { message: 'Please wait a few minutes before you try again.', status: 'fail' } };
    }
    this.calls.push({ ...call, status: 200 });
    return { status: 200, body: ok() };
  }
}

export async function serveThreads(context: BrowserContext, api: FakeThreads): Promise<void> {
  const pages = {
    '/': () => threadsHome('en'),
    '/?variant=broken': () => threadsHome('en'),
    '/?hl=es': () => threadsHome('es'),
    [`/@${CAROL.username}`]: () => threadsHome('en'),
  };
  const handler = async ({ method, url, body }: { method: string; url: URL; body: string | null }) => {
    const answer = api.handle(method, url, body);
    if (answer?.delay) await new Promise((resolve) => setTimeout(resolve, answer.delay));
    return answer;
  };
  await serveSite(context, 'https://www.threads.com', pages, handler);
  await serveSite(context, 'https://www.threads.net', pages, handler);
  await serveSite(context, 'https://static.cdninstagram.com', { '/rsrc.php/v4/yK/r/BarcelonaWeb.3kQ9x2.js': 'threads/client.js' });
}

export async function openThreads(h: Harness, url: string = THREADS_URLS.home): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.locator('[data-replica-post]').first().waitFor();
  return page;
}

export function post(page: Page, key: PostKey): Locator {
  return page.locator(`#feed [data-replica-post="${POSTS[key].code}"]`);
}

/** A post's action control by its (localized) icon label. */
export function control(page: Page, key: PostKey, label: string): Locator {
  return post(page, key).locator(`[role="button"]:has(> svg[aria-label="${label}"]), [role="button"]:has(> div > svg[aria-label="${label}"])`);
}

export async function threadsEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events.filter((e) => e.platform === 'threads');
}

export async function waitForThreadsEvent(h: Harness, predicate: (e: ExportedEvent) => boolean, what = 'a Threads event'): Promise<ExportedEvent> {
  return (await until(async () => (await threadsEvents(h)).find(predicate), 10_000, what)) as ExportedEvent;
}
