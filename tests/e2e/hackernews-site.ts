/**
 * A small stateful fake of news.ycombinator.com for the HN replica (tests/replicas/hackernews/: the
 * page renderer and hn.js). It answers like HN: votes and favourites are GETs (`vote?…` answered to an
 * image beacon, `fave?…` redirecting back to the item), comments are `POST /comment` redirecting to
 * `goto`, submissions `POST /r` redirecting to /newest (or to the existing item for a duplicate URL),
 * deleting one's own item `GET /delete-confirm` then `POST /xdelete` (d=Yes deletes) redirecting to `goto`.
 * It can refuse a post as HN does (a bare error page), and records every request.
 *
 * The ids and handles below are the ones the tests use; the state is rebuilt by reset().
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { deleteConfirmPage, errorPage, favoritesPage, itemPage, listPage, replyPage, submitPage, type HnItem, type HnState, type Variant } from '../replicas/hackernews/render.ts';
import { REPLICAS, type Harness } from './harness.ts';

export const ME = 'givefirst';
export const HN = 'https://news.ycombinator.com';
export const ITEMS = {
  story: { id: 42100001, by: 'alice' },
  story2: { id: 42100002, by: 'bob' },
  own: { id: 42100003, by: ME },
  comment: { id: 42100101, by: 'carol' },
  reply: { id: 42100102, by: 'dave' },
} as const;

export interface HnCall {
  method: string;
  path: string;
  params: URLSearchParams;
}

function seed(): HnItem[] {
  return [
    { id: ITEMS.story.id, by: 'alice', title: 'A tiny accessibility linter for CSS focus styles', url: 'https://example.org/focus-lint', age: 7200 },
    { id: ITEMS.story2.id, by: 'bob', title: 'Ask HN: How do you review pull requests kindly?', age: 5400 },
    { id: ITEMS.own.id, by: ME, title: 'Show HN: Give First, a browser extension', url: 'https://example.com/give-first', age: 3000 },
    { id: ITEMS.comment.id, by: 'carol', text: 'We run it in CI. It caught three regressions last month.', parent: ITEMS.story.id, age: 6000 },
    { id: ITEMS.reply.id, by: 'dave', text: 'Which CI? GitHub Actions or something else?', parent: ITEMS.comment.id, age: 4000 },
  ];
}

export class FakeHn {
  readonly calls: HnCall[] = [];
  readonly created: number[] = [];
  state: HnState = { me: ME, items: seed(), votes: new Set(), faves: new Set(), variant: 'current' };
  private next = 42100500;
  private refuse = new Map<string, { message: string; status: number }>();
  private voteFailures: number[] = [];
  private dropped = new Set<string>();

  reset(variant: Variant = 'current'): void {
    this.calls.length = 0;
    this.created.length = 0;
    this.refuse.clear();
    this.dropped.clear();
    this.voteFailures = [];
    this.state = { me: ME, items: seed(), votes: new Set(), faves: new Set(), variant };
  }

  /** Makes the next POST to `path` answer with HN's bare error page (HTTP 200 as HN does, or `status`). */
  failNext(path: '/comment' | '/r' | '/xdelete', message: string, status = 200): void {
    this.refuse.set(path, { message, status });
  }

  /** Makes the next POST to `path` fail at the network level (no answer at all: the browser shows its error page). */
  dropNext(path: '/xdelete'): void {
    this.dropped.add(path);
  }

  /** The bare error page for a refused POST to `path`, once, if one was asked for. */
  private refusal(path: string): { message: string; status: number } | undefined {
    const refusal = this.refuse.get(path);
    this.refuse.delete(path);
    return refusal;
  }

  /** Answers the next `times` vote beacons with HTTP `status` (HN's page shows the vote all the same). */
  failVotes(status: number, times = 1): void {
    this.voteFailures.push(...Array<number>(times).fill(status));
  }

  callsTo(path: string): HnCall[] {
    return this.calls.filter((c) => c.path === path);
  }

  async serve(context: BrowserContext): Promise<void> {
    await context.route(/^https:\/\/news\.ycombinator\.com\//, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const params = request.method() === 'POST' ? new URLSearchParams(request.postData() ?? '') : url.searchParams;
      this.calls.push({ method: request.method(), path: url.pathname, params });
      const html = (body: string, status = 200) => route.fulfill({ status, contentType: 'text/html; charset=utf-8', body });
      const redirect = (to: string) => route.fulfill({ status: 302, headers: { location: new URL(to, HN).href }, body: '' });
      const s = this.state;
      switch (url.pathname) {
        case '/hn.js':
          return route.fulfill({ status: 200, contentType: 'text/javascript', body: readFileSync(join(REPLICAS, 'hackernews', 'hn.js'), 'utf8') });
        case '/':
        case '/news':
          return html(listPage(s, 'news'));
        case '/newest':
          return html(listPage(s, 'newest'));
        case '/item': {
          const page = itemPage(s, Number(url.searchParams.get('id')));
          return page ? html(page) : html(errorPage('No such item.'));
        }
        case '/reply': {
          const page = replyPage(s, Number(url.searchParams.get('id')), url.searchParams.get('goto') ?? '');
          return page ? html(page) : html(errorPage('No such item.'));
        }
        case '/submit':
          return html(submitPage(s));
        case '/favorites':
          return html(favoritesPage(s));
        case '/vote': {
          const failure = this.voteFailures.shift();
          if (failure) return route.fulfill({ status: failure, contentType: 'text/html', body: errorPage('Internal error.') });
          const id = Number(params.get('id'));
          if (params.get('how') === 'up') s.votes.add(id);
          else if (params.get('how') === 'un') s.votes.delete(id);
          // The beacon's answer: HN redirects to `goto`; the page never reads it.
          return route.fulfill({ status: 200, contentType: 'text/plain', body: '' });
        }
        case '/fave': {
          const id = Number(params.get('id'));
          if (params.get('un') === 't') s.faves.delete(id);
          else s.faves.add(id);
          return redirect(`item?id=${id}`);
        }
        case '/comment': {
          const refusal = this.refusal('/comment');
          if (refusal) return html(errorPage(refusal.message), refusal.status);
          const id = this.next++;
          this.created.push(id);
          s.items.push({ id, by: ME, text: params.get('text') ?? '', parent: Number(params.get('parent')), age: 30 });
          return redirect(`${params.get('goto') ?? `item?id=${params.get('parent')}`}`);
        }
        case '/r': {
          const refusal = this.refusal('/r');
          if (refusal) return html(errorPage(refusal.message), refusal.status);
          const link = params.get('url') ?? '';
          const dup = link ? s.items.find((i) => i.url === link) : undefined;
          if (dup) return redirect(`item?id=${dup.id}`);
          const id = this.next++;
          this.created.push(id);
          s.items.push({ id, by: ME, title: params.get('title') ?? '', ...(link ? { url: link } : {}), age: 30 });
          return redirect('newest');
        }
        case '/delete-confirm': {
          const page = deleteConfirmPage(s, Number(url.searchParams.get('id')), url.searchParams.get('goto') ?? 'news');
          return html(page ?? errorPage("You can't delete that."));
        }
        case '/xdelete': {
          if (this.dropped.delete('/xdelete')) return route.abort('connectionreset');
          const refusal = this.refusal('/xdelete');
          if (refusal) return html(errorPage(refusal.message), refusal.status);
          const item = s.items.find((i) => i.id === Number(params.get('id')));
          if (!item || item.by !== s.me) return html(errorPage("You can't delete that."));
          if (params.get('d') === 'Yes') item.deleted = true;
          return redirect(params.get('goto') || 'news');
        }
        default:
          return html(errorPage('Unknown.'), 404);
      }
    });
  }
}

export async function openHn(h: Harness, path: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${HN}${path}`);
  return page;
}
