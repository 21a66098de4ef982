/**
 * A small stateful fake of a Mastodon instance's REST API for the web UI replica
 * (tests/replicas/mastodon/): answers with the API's Status and Relationship entities
 * (docs.joinmastodon.org/entities), keeps favourites, boosts, follows and new statuses, can be told to
 * fail a call, and records every call. The ids and accts here are the ones the replica shows.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serveSite, until, type ExportedEvent, type Harness } from './harness.ts';

export const ORIGIN = 'https://mastodon.social';
export const ME = { id: '109000000000000999', acct: 'givefirst', display_name: 'Give First' };
export const ACCOUNTS = {
  alice: { id: '109000000000000101', acct: 'alice', display_name: 'Alice Chen' },
  bob: { id: '109000000000000202', acct: 'bob@fosstodon.org', display_name: 'Bob Okafor' },
  carol: { id: '109000000000000303', acct: 'carol', display_name: 'Carol Díaz' },
} as const;
export const STATUSES = {
  alice: '113500000000000001',
  bob: '113500000000000002',
  own: '113500000000000003',
  carol: '113500000000000004',
} as const;

export const MASTO_URLS = {
  home: `${ORIGIN}/home`,
  es: `${ORIGIN}/home?lang=es`,
  wrapped: `${ORIGIN}/home?variant=wrapped`,
  redesign: `${ORIGIN}/home?variant=redesign`,
  carol: `${ORIGIN}/@carol`,
} as const;

export interface MastoCall { method: string; path: string; body: string | null; status: number }

type Account = { id: string; acct: string; display_name: string };
const accountView = (a: Account) => ({
  ...a, username: a.acct.split('@')[0],
  url: a.acct.includes('@') ? `https://${a.acct.split('@')[1]}/@${a.acct.split('@')[0]}` : `${ORIGIN}/@${a.acct}`,
});

export class FakeMastodon {
  calls: MastoCall[] = [];
  favourited = new Set<string>();
  reblogged = new Set<string>();
  following = new Set<string>();
  created: Record<string, unknown>[] = [];
  private failing = new Map<string, number>();
  private nextId = 113500000000001000n;

  reset(): void {
    this.calls = [];
    this.favourited.clear();
    this.reblogged.clear();
    this.following.clear();
    this.created = [];
    this.failing.clear();
  }

  /** `action` is `favourite`, `reblog`, `statuses` (POST /api/v1/statuses), `follow`, … */
  fail(action: string, status = 500): void {
    this.failing.set(action, status);
  }

  callsTo(action: string): MastoCall[] {
    return this.calls.filter((c) => c.path.split('/').pop() === action);
  }

  private status(id: string, author: Account, content: string, extra: Record<string, unknown> = {}) {
    const account = accountView(author);
    return {
      id, created_at: '2026-11-23T08:00:00.000Z', in_reply_to_id: null, in_reply_to_account_id: null, visibility: 'public', language: 'en',
      url: `${account.url}/${id}`, content, account, favourited: this.favourited.has(id), reblogged: this.reblogged.has(id),
      favourites_count: 3, reblogs_count: 1, replies_count: 0, reblog: null, ...extra,
    };
  }

  private timeline() {
    return [
      this.status(STATUSES.alice, ACCOUNTS.alice, 'What do you check before a release?'),
      this.status(STATUSES.bob, ACCOUNTS.bob, 'The best docs are the tests.'),
      this.status(STATUSES.own, ME, 'Giving before taking, online.'),
      this.status(STATUSES.carol, ACCOUNTS.carol, 'Code review swap this week?'),
    ];
  }

  handle(method: string, url: URL, body: string | null): { status: number; body: unknown } | undefined {
    const path = url.pathname;
    if (!path.startsWith('/api/')) return undefined;
    if (method === 'GET') {
      if (path === '/api/v1/timelines/home') return { status: 200, body: [...this.created, ...this.timeline()] };
      if (path === `/api/v1/accounts/${ACCOUNTS.carol.id}/statuses`) return { status: 200, body: this.timeline().filter((s) => s.account.id === ACCOUNTS.carol.id) };
      return { status: 404, body: { error: 'Record not found' } };
    }
    const action = path.split('/').pop() ?? '';
    const failing = this.failing.get(action);
    this.calls.push({ method, path, body, status: failing ?? 200 });
    if (failing) return { status: failing, body: { error: 'Internal server error' } };
    const m = /^\/api\/v1\/statuses\/(\d+)(?:\/(\w+))?$/.exec(path);
    const all = this.timeline();
    if (m) {
      const [, id = '', act] = m;
      const s = all.find((x) => x.id === id) ?? this.created.find((x) => x.id === id);
      if (!act && method === 'DELETE') return { status: 200, body: s ?? {} };
      if (act === 'favourite') this.favourited.add(id);
      if (act === 'unfavourite') this.favourited.delete(id);
      if (act === 'reblog') {
        this.reblogged.add(id);
        return { status: 200, body: this.status(String(this.nextId++), ME, '', { reblog: s }) };
      }
      if (act === 'unreblog') this.reblogged.delete(id);
      return { status: 200, body: s ? { ...s, favourited: this.favourited.has(id), reblogged: this.reblogged.has(id) } : {} };
    }
    if (path === '/api/v1/statuses' && method === 'POST') {
      const req = JSON.parse(body ?? '{}') as { status: string; in_reply_to_id: string | null };
      const parent = req.in_reply_to_id ? [...all, ...this.created].find((s) => s.id === req.in_reply_to_id) as { account: { id: string } } | undefined : undefined;
      const created = this.status(String(this.nextId++), ME, req.status, {
        in_reply_to_id: req.in_reply_to_id, in_reply_to_account_id: parent?.account.id ?? null,
      });
      this.created.unshift(created);
      return { status: 200, body: created };
    }
    const f = /^\/api\/v1\/accounts\/(\d+)\/(follow|unfollow)$/.exec(path);
    if (f?.[1]) {
      if (f[2] === 'follow') this.following.add(f[1]);
      else this.following.delete(f[1]);
      return { status: 200, body: { id: f[1], following: this.following.has(f[1]), requested: false, showing_reblogs: true, followed_by: false } };
    }
    return { status: 404, body: { error: 'Record not found' } };
  }
}

export async function serveMastodon(context: BrowserContext, api: FakeMastodon, origin = ORIGIN): Promise<void> {
  await serveSite(context, origin, {
    '/home': 'mastodon/home.html',
    '/home?lang=es': 'mastodon/home-es.html',
    '/@carol': 'mastodon/home.html',
    '/packs/js/application-4c1a2b3d.js': 'mastodon/client.js',
  }, ({ method, url, body }) => api.handle(method, url, body));
}

export async function openMastodon(h: Harness, url: string = MASTO_URLS.home): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.locator('.status[data-id]').first().waitFor();
  return page;
}

export const status = (page: Page, id: string): Locator => page.locator(`.status[data-id="${id}"]`);

export async function mastoEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events.filter((e) => e.platform === 'mastodon');
}

export async function waitForMastoEvent(h: Harness, predicate: (e: ExportedEvent) => boolean, what = 'a Mastodon event'): Promise<ExportedEvent> {
  return (await until(async () => (await mastoEvents(h)).find(predicate), 10_000, what)) as ExportedEvent;
}
