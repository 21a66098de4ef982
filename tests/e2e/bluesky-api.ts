/**
 * A small stateful fake of a Bluesky PDS (the user's data server) for the bsky.app replica
 * (tests/replicas/bluesky/), plus helpers the Bluesky end-to-end tests share. It answers XRPC as the PDS
 * does (platforms.md §2.B: createRecord → {uri, cid, commit}; deleteRecord → {commit}; applyWrites →
 * {commit, results[]}), serves the feed with the viewer's like/repost records (so a reloaded page
 * unlikes the same record, as on the real site), answers CORS preflights (bsky.app → PDS is
 * cross-origin), can be told to fail a method, and records every call.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serveSite, until, type ExportedEvent, type Harness } from './harness.ts';

export const PDS = 'https://morel.us-east.host.bsky.network';
export const ME = { did: 'did:plc:givefirstme7q3xk2m4n5o6p', handle: 'givefirst.bsky.social' } as const;
export const ALICE = { did: 'did:plc:alice4xk2m4n5o6p7q3r8s9t', handle: 'alice.bsky.social', displayName: 'Alice Chen' } as const;
export const BOB = { did: 'did:plc:bob5bk2m4n5o6p7q3r8s9t2', handle: 'bob.dev', displayName: 'Bob Okafor' } as const;
export const CAROL = { did: 'did:plc:carol6k2m4n5o6p7q3r8s9t', handle: 'carol.bsky.social', displayName: 'Carol Díaz' } as const;

export const POSTS = {
  alice: `at://${ALICE.did}/app.bsky.feed.post/3lbqzyx2abc2k`,
  bob: `at://${BOB.did}/app.bsky.feed.post/3lbqzwq7def2k`,
  own: `at://${ME.did}/app.bsky.feed.post/3lbqzvv5ghi2k`,
  carol: `at://${CAROL.did}/app.bsky.feed.post/3lbqzuu3jkl2k`,
} as const;

export const BSKY_URLS = {
  home: 'https://bsky.app/',
  older: 'https://bsky.app/?variant=older',
  es: 'https://bsky.app/?lang=es',
  broken: 'https://bsky.app/?variant=broken',
  carol: `https://bsky.app/profile/${CAROL.handle}`,
} as const;

export interface BskyCall { method: string; body: Record<string, unknown> | null; status: number }

const S32 = '234567abcdefghijklmnopqrstuvwxyz';
let lastTid = 0;
function tid(): string {
  let us = Math.max(Date.now() * 1000, lastTid + 1);
  lastTid = us;
  let s = '';
  for (let i = 0; i < 11; i++) {
    s = S32[us % 32] + s;
    us = Math.floor(us / 32);
  }
  return `${s}zz`;
}

const CORS = {
  'access-control-allow-origin': 'https://bsky.app',
  'access-control-allow-headers': 'authorization, content-type, atproto-accept-labelers, atproto-proxy',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

export class FakePds {
  calls: BskyCall[] = [];
  /** Record URIs of the viewer's likes/reposts by subject, and follows by DID. */
  likes = new Map<string, string>();
  reposts = new Map<string, string>();
  follows = new Map<string, string>();
  private failing = new Map<string, number>();

  reset(): void {
    this.calls = [];
    this.likes.clear();
    this.reposts.clear();
    this.follows.clear();
    this.failing.clear();
  }

  fail(method: string, status = 500): void {
    this.failing.set(method, status);
  }

  callsOf(method: string): BskyCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  private author(did: string) {
    return [ALICE, BOB, CAROL, { ...ME, displayName: 'Give First' }].find((a) => a.did === did) ?? ALICE;
  }

  private postView(uri: string, text: string, counts: number) {
    const did = uri.split('/')[2] ?? '';
    return {
      post: {
        uri, cid: `bafyrei${uri.slice(-8)}`, author: this.author(did), record: { $type: 'app.bsky.feed.post', text, createdAt: '2026-11-23T08:00:00.000Z' },
        replyCount: counts, repostCount: counts + 1 + (this.reposts.has(uri) ? 1 : 0), likeCount: counts + 3 + (this.likes.has(uri) ? 1 : 0),
        indexedAt: '2026-11-23T08:00:00.000Z',
        viewer: { ...(this.likes.has(uri) ? { like: this.likes.get(uri) } : {}), ...(this.reposts.has(uri) ? { repost: this.reposts.get(uri) } : {}) },
      },
    };
  }

  private feed() {
    return [
      this.postView(POSTS.alice, 'Shipping a tiny feature today. What do you check before a release?', 2),
      this.postView(POSTS.bob, 'Hot take: the best docs are the tests.', 5),
      this.postView(POSTS.own, 'Writing about giving before taking, online.', 0),
      this.postView(POSTS.carol, 'Anyone up for a code review swap this week?', 1),
    ];
  }

  handle(method: string, url: URL, bodyText: string | null): { status: number; body: unknown } {
    const xrpc = url.pathname.replace('/xrpc/', '');
    if (method === 'GET') {
      if (xrpc === 'app.bsky.feed.getTimeline') return { status: 200, body: { feed: this.feed(), cursor: 'c1' } };
      if (xrpc === 'app.bsky.actor.getProfile') {
        const actor = url.searchParams.get('actor');
        const p = [ALICE, BOB, CAROL].find((a) => a.handle === actor || a.did === actor) ?? CAROL;
        return { status: 200, body: { ...p, viewer: this.follows.has(p.did) ? { following: this.follows.get(p.did) } : {} } };
      }
      if (xrpc === 'app.bsky.feed.getAuthorFeed') {
        const did = url.searchParams.get('actor');
        return { status: 200, body: { feed: this.feed().filter((f) => f.post.author.did === did) } };
      }
      return { status: 404, body: { error: 'MethodNotImplemented' } };
    }
    const body = JSON.parse(bodyText ?? 'null') as Record<string, unknown> | null;
    const failing = this.failing.get(xrpc);
    if (failing) {
      this.calls.push({ method: xrpc, body, status: failing });
      return { status: failing, body: { error: 'InternalServerError', message: 'Internal Server Error' } };
    }
    this.calls.push({ method: xrpc, body, status: 200 });
    const commit = { cid: `bafycommit${tid()}`, rev: tid() };
    const repo = String(body?.repo);
    switch (xrpc) {
      case 'com.atproto.repo.createRecord': {
        const collection = String(body?.collection);
        const uri = `at://${repo}/${collection}/${tid()}`;
        const record = body?.record as { subject: unknown };
        if (collection === 'app.bsky.feed.like') this.likes.set((record.subject as { uri: string }).uri, uri);
        if (collection === 'app.bsky.feed.repost') this.reposts.set((record.subject as { uri: string }).uri, uri);
        if (collection === 'app.bsky.graph.follow') this.follows.set(record.subject as string, uri);
        return { status: 200, body: { uri, cid: `bafyrec${tid()}`, commit, validationStatus: 'valid' } };
      }
      case 'com.atproto.repo.deleteRecord': {
        const uri = `at://${repo}/${String(body?.collection)}/${String(body?.rkey)}`;
        for (const map of [this.likes, this.reposts, this.follows]) for (const [k, v] of map) if (v === uri) map.delete(k);
        return { status: 200, body: { commit } };
      }
      case 'com.atproto.repo.applyWrites': {
        const writes = (body?.writes ?? []) as { collection: string; rkey?: string }[];
        return {
          status: 200,
          body: { commit, results: writes.map((w) => ({ $type: 'com.atproto.repo.applyWrites#createResult', uri: `at://${repo}/${w.collection}/${w.rkey ?? tid()}`, cid: `bafy${tid()}`, validationStatus: 'valid' })) },
        };
      }
    }
    return { status: 400, body: { error: 'InvalidRequest' } };
  }
}

export async function serveBluesky(context: BrowserContext, pds: FakePds): Promise<void> {
  await serveSite(context, 'https://bsky.app', {
    '/': 'bluesky/home.html',
    '/?lang=es': 'bluesky/home-es.html',
    [`/profile/${CAROL.handle}`]: 'bluesky/home.html',
    '/static/js/main.9b1f2c7a.js': 'bluesky/client.js',
  });
  // The PDS is another origin: answer CORS as a real PDS does.
  await context.route(new RegExp(`^${PDS.replace(/[.]/g, '\\.')}/xrpc/`), async (route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: CORS, body: '' });
      return;
    }
    const answer = pds.handle(request.method(), new URL(request.url()), request.postData());
    await route.fulfill({ status: answer.status, headers: CORS, contentType: 'application/json', body: JSON.stringify(answer.body) })
      .catch((error: unknown) => { if (!/closed/i.test(String(error))) throw error; });
  });
}

export async function openBluesky(h: Harness, url: string = BSKY_URLS.home): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.locator('[data-testid^="feedItem-by-"]').first().waitFor();
  return page;
}

export function item(page: Page, uri: string): Locator {
  return page.locator(`[data-replica-post="${uri}"]`);
}
export function likeButton(page: Page, uri: string): Locator {
  return item(page, uri).locator('[data-testid="likeBtn"]');
}

export async function bskyEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events.filter((e) => e.platform === 'bluesky');
}

export async function waitForBskyEvent(h: Harness, predicate: (e: ExportedEvent) => boolean, what = 'a Bluesky event'): Promise<ExportedEvent> {
  return (await until(async () => (await bskyEvents(h)).find(predicate), 10_000, what)) as ExportedEvent;
}
