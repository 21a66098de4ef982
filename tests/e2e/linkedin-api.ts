/**
 * A small stateful fake of LinkedIn's Voyager and SDUI endpoints for the feed replicas
 * (tests/replicas/linkedin/), plus the helpers the LinkedIn end-to-end tests share. Shapes: platforms.md §5.B
 * and src/adapters/linkedin/network.ts (reactions answer 201 with an empty body — the urn travels in the
 * X-RestLi-Id header; comments answer the new comment; the Shares mutation answers HTTP 200, with `errors`
 * when it refuses). It records every call and can be told to fail one.
 *
 * The ids and slugs below are the ones written into the replica pages; keep both in step.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serveSite, until, type ApiAnswer, type ExportedEvent, type Harness } from './harness.ts';

export const VIEWER = { slug: 'givefirst-me', name: 'Sam Rivera' } as const;

/** The posts on every replica feed (same ids in every variant). */
export const POSTS = {
  alice: { activity: 'urn:li:activity:7262015554201042944', share: 'urn:li:share:7262015554000000000', author: 'alice-chen' },
  bob: { activity: 'urn:li:activity:7261990000000000101', share: 'urn:li:share:7261990000000000100', author: 'bob-okafor', follow: 'urn:li:fsd_profile:ACoAAB0bOkaf0r1xYz' },
  own: { activity: 'urn:li:activity:7261900000000000201', share: 'urn:li:share:7261900000000000200', author: 'givefirst-me' },
  acme: { activity: 'urn:li:activity:7261800000000000301', share: 'urn:li:share:7261800000000000300', author: 'company/acme-tools', follow: 'urn:li:fsd_company:1035' },
} as const;
/** Carol's comment under Alice's post. */
export const CAROL_COMMENT = { urn: 'urn:li:comment:(activity:7262015554201042944,7262050000000000001)', author: 'carol-diaz' } as const;

export const LINKEDIN_URLS = {
  /** Classic Ember front end, English, XHR. */
  classic: 'https://www.linkedin.com/feed/',
  /** Newer SDUI front end, Spanish, hashed classes, fetch. */
  sdui: 'https://www.linkedin.com/feed/?variant=sdui-es',
  /** Classic, but the unreact goes to an SDUI action the adapter does not know (DOM fallback). */
  unknownUnreact: 'https://www.linkedin.com/feed/?unreact=v2',
  /** Post container hooks renamed: health must degrade. */
  broken: 'https://www.linkedin.com/feed/?variant=broken',
} as const;

const CLIENT_BUNDLES = {
  'https://static.licdn.com/aero-v1/sc/h/b7k3xq9d1f2m4n5p6r8s0t': 'linkedin/client.js',
  'https://static.licdn.com/aero-v1/sc/h/c9x2v7w1y4z6a8b0d3e5g': 'linkedin/client.js',
};

export type FailMode = 500 | 403 | 'graphql-error';

export interface RecordedCall {
  /** `reactions`, `sdui:<action>`, `comments`, `comments:delete`, `shares`, `reposts`, `followingStates`, `follows:<action>`. */
  op: string;
  method: string;
  url: string;
  body: string | null;
  status: number;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function opOf(method: string, url: URL): string | null {
  const path = url.pathname;
  if (path === '/voyager/api/voyagerSocialDashReactions' && method === 'POST') return 'reactions';
  if (path === '/voyager/api/voyagerSocialDashNormComments' && method === 'POST') return 'comments';
  if (path.startsWith('/voyager/api/voyagerSocialDashNormComments/') && method === 'DELETE') return 'comments:delete';
  if (path === '/voyager/api/graphql' && method === 'POST') {
    const query = url.searchParams.get('queryId') ?? '';
    if (query.startsWith('voyagerContentcreationDashShares.')) return 'shares';
    if (query.startsWith('voyagerFeedDashReposts.')) return 'reposts';
  }
  if (path.startsWith('/voyager/api/feed/dash/followingStates/') && method === 'POST') return 'followingStates';
  if (path === '/voyager/api/feed/follows' && method === 'POST') return `follows:${url.searchParams.get('action')}`;
  if (path === '/flagship-web/rsc-action/actions/server-request' && method === 'POST') return `sdui:${url.searchParams.get('sduiid')}`;
  return null;
}

export class FakeLinkedInApi {
  readonly calls: RecordedCall[] = [];
  /** Activity urns of the posts, quotes and reposts created so far, in order. */
  readonly created: string[] = [];
  /** Comment urns (`urn:li:comment:(activity:…,…)`) created so far. */
  readonly comments: string[] = [];
  latency: [number, number] = [0, 0];
  private failures = new Map<string, FailMode[]>();
  private inFlight = 0;
  private seq = 0;

  reset(): void {
    this.calls.length = 0;
    this.created.length = 0;
    this.comments.length = 0;
    this.failures.clear();
    this.latency = [0, 0];
  }

  fail(op: string, mode: FailMode, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<FailMode>(times).fill(mode)]);
  }

  callsOf(op: string): RecordedCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  async idle(timeoutMs = 10_000): Promise<void> {
    await until(() => this.inFlight === 0, timeoutMs, 'the fake LinkedIn API to answer every call');
  }

  readonly handle = async (request: { method: string; url: URL; body: string | null }): Promise<ApiAnswer | undefined> => {
    const op = opOf(request.method, request.url);
    if (!op) return undefined;
    this.inFlight++;
    try {
      const answer = this.answer(op, request);
      this.calls.push({ op, method: request.method, url: request.url.href, body: request.body, status: answer.status });
      const [min, max] = this.latency;
      if (max > 0) await sleep(min + Math.random() * (max - min));
      return answer;
    } finally {
      this.inFlight--;
    }
  };

  /** A fresh 19-digit id, time-ordered like LinkedIn's. */
  private id(): string {
    return `${7263000000000000000n + BigInt(Date.now() % 1_000_000_000) * 1000n + BigInt(this.seq++ % 1000)}`;
  }

  private answer(op: string, request: { body: string | null }): ApiAnswer {
    const failure = this.failures.get(op)?.shift();
    if (failure === 500) return { status: 500, body: { status: 500, message: 'Internal Server Error' } };
    if (failure === 403) return { status: 403, body: { status: 403, message: 'CSRF check failed.' } };
    if (failure === 'graphql-error') {
      return { status: 200, body: { data: { errors: [{ message: 'ValidationError: visibilityType is not a valid enum symbol' }] } } };
    }
    switch (op) {
      case 'reactions':
        return { status: 201, body: '', contentType: 'text/plain' };
      case 'comments': {
        const thread = (JSON.parse(request.body ?? '{}') as { threadUrn?: string }).threadUrn ?? '';
        const activity = /activity:(\d+)/.exec(thread)?.[1] ?? '0';
        const id = this.id();
        this.comments.push(`urn:li:comment:(activity:${activity},${id})`);
        return {
          status: 201,
          body: {
            data: { entityUrn: `urn:li:fsd_comment:(${id},urn:li:activity:${activity})`, $type: 'com.linkedin.voyager.dash.social.Comment' },
            included: [],
          },
        };
      }
      case 'shares':
      case 'reposts': {
        const activity = `urn:li:activity:${this.id()}`;
        this.created.push(activity);
        const key = op === 'shares' ? 'createContentcreationDashShares' : 'createFeedDashReposts';
        return { status: 200, body: { data: { data: { [key]: { resourceKey: activity, entity: { updateUrn: activity } } } } } };
      }
      case 'comments:delete':
        return { status: 204, body: '', contentType: 'text/plain' };
      default:
        return { status: 200, body: { value: {} } };
    }
  }
}

export async function serveLinkedIn(context: BrowserContext, api: FakeLinkedInApi): Promise<void> {
  await serveSite(context, 'https://www.linkedin.com', {
    '/feed/': 'linkedin/feed.html',
    '/feed/?variant=sdui-es': 'linkedin/feed-sdui-es.html',
    '/feed/?variant=broken': 'linkedin/feed-broken.html',
  }, api.handle);
  await serveSite(context, 'https://static.licdn.com', Object.fromEntries(
    Object.entries(CLIENT_BUNDLES).map(([url, file]) => [new URL(url).pathname, file]),
  ));
}

export async function openLinkedIn(h: Harness, url: string = LINKEDIN_URLS.classic): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __REPLICA_LI__?: { ready?: boolean } }).__REPLICA_LI__?.ready === true);
  return page;
}

/** A post on either front end, by its activity urn (through its permalink, which both show). */
export function postByUrn(page: Page, urn: string): Locator {
  return page.locator('[data-view-name="feed-full-update"], div[role="article"]').filter({ has: page.locator(`a[href*="${urn}"]`) });
}

export function reactButton(page: Page, urn: string): Locator {
  return postByUrn(page, urn).locator('.feed-shared-social-action-bar .react-button__trigger, [data-view-name="reaction-button"]');
}

export async function storedEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events;
}

export async function waitForEvents<T>(
  h: Harness, probe: (events: ExportedEvent[]) => T | undefined | null | false, what: string, timeoutMs = 10_000,
): Promise<T> {
  return (await until(async () => probe(await storedEvents(h)), timeoutMs, what)) as T;
}

export async function waitForEvent(h: Harness, id: string, accept: (e: ExportedEvent) => boolean = () => true): Promise<ExportedEvent> {
  return waitForEvents(h, (events) => events.find((e) => e.id === id && accept(e)), `event ${id}`);
}
