import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError } from '../types.ts';
import { hackernewsAdapter } from './index.ts';
import { hnPageKind, type HnPageKind } from './routes.ts';
import { beaconStatus, confirmPending, itemAuthor, itemTarget, PENDING_KEY, watchHackerNews } from './watch.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
function page(name: string, url: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8').replace(/<script[\s\S]*?<\/script>|<link [^>]*>/g, ''), 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}
const item = () => page('item.html', 'https://news.ycombinator.com/item?id=42100001');
const news = () => page('news.html', 'https://news.ycombinator.com/news');

describe('routes', () => {
  const kinds: [string, HnPageKind][] = [
    ['https://news.ycombinator.com/', 'list'],
    ['https://news.ycombinator.com/news?p=2', 'list'],
    ['https://news.ycombinator.com/newest', 'list'],
    ['https://news.ycombinator.com/item?id=42100001', 'item'],
    ['https://news.ycombinator.com/item', 'other'],
    ['https://news.ycombinator.com/reply?id=42100101&goto=item%3Fid%3D1', 'reply'],
    ['https://news.ycombinator.com/submit', 'submit'],
    ['https://news.ycombinator.com/favorites?id=pg', 'favorites'],
    ['https://news.ycombinator.com/user?id=pg', 'other'],
  ];
  it.each(kinds)('%s is %s', (url, kind) => expect(hnPageKind(new URL(url))).toBe(kind));
});

describe('page hooks', () => {
  it('reads the identity from a#me', () => {
    expect(hackernewsAdapter.readIdentity(news())).toBe('givefirst');
  });
  it('finds authors of stories (subtext row) and comments (comhead)', () => {
    expect(itemAuthor(news(), '42100001')).toBe('alice');
    expect(itemAuthor(item(), '42100101')).toBe('carol');
    expect(itemTarget(item(), '42100102')).toEqual({ id: '42100102', url: 'https://news.ycombinator.com/item?id=42100102', author: 'dave' });
  });
  it('health: fine on the fixtures; no rows is degraded; error pages are not judged', () => {
    expect(hackernewsAdapter.checkHealth(news(), new URL('https://news.ycombinator.com/news'))).toBeNull();
    expect(hackernewsAdapter.checkHealth(item(), new URL('https://news.ycombinator.com/item?id=42100001'))).toBeNull();
    const broken = news();
    for (const row of broken.querySelectorAll('tr.athing')) row.classList.remove('athing');
    expect(hackernewsAdapter.checkHealth(broken, new URL('https://news.ycombinator.com/news'))?.code).toBe('no-items');
    const noArrows = news();
    for (const a of noArrows.querySelectorAll('a[id^="up_"]')) a.remove();
    for (const td of noArrows.querySelectorAll('td.votelinks')) td.remove();
    expect(hackernewsAdapter.checkHealth(noArrows, new URL('https://news.ycombinator.com/news'))?.code).toBe('no-vote-link');
    const error = new DOMParser().parseFromString('<html><body>Sorry.</body></html>', 'text/html');
    expect(hackernewsAdapter.checkHealth(error, new URL('https://news.ycombinator.com/news'))).toBeNull();
  });
  it('a request through fetch/XHR (not how HN sends them) is a shape problem', () => {
    expect(() => hackernewsAdapter.parseCall({ method: 'POST', url: 'https://news.ycombinator.com/vote', status: 200, requestBody: null, responseBody: null, startedAt: 1 }, news())).toThrow(ShapeError);
  });
  it('composer: the submit form is a post (Enter in its title too); comment forms are replies', () => {
    const submit = new DOMParser().parseFromString('<form action="/r" method="post"><input name="title" value="Show HN: x"><input name="url" value=""><textarea name="text"></textarea><input type="submit" value="submit"></form>', 'text/html');
    const button = submit.querySelector<HTMLElement>('input[type="submit"]');
    expect(button && hackernewsAdapter.composer.submitFromClick(button)).toBe(button);
    expect(button && hackernewsAdapter.composer.describe(button, new URL('https://news.ycombinator.com/submit'))).toMatchObject({ kind: 'post', draft: 'Show HN: x' });
    const reply = item().querySelector<HTMLElement>('form[action="comment"] input[type="submit"]');
    expect(reply && hackernewsAdapter.composer.describe(reply, new URL('https://news.ycombinator.com/item?id=42100001'))?.kind).toBe('reply');
  });
});

describe('confirming form posts on the next page', () => {
  let store: Storage;
  beforeEach(() => {
    store = window.sessionStorage;
    store.clear();
  });
  const run = (doc: Document): Observation[] => {
    const out: Observation[] = [];
    confirmPending(doc, store, (o) => out.push(o), 2_000);
    return out;
  };

  it('a pending comment is confirmed by the user\'s new comment with the same text and a higher id', () => {
    store.setItem(PENDING_KEY, JSON.stringify([{ type: 'comment', at: 1000, loads: 0, text: 'Nice work.\n\nDoes it handle :focus-visible?', parent: { id: '42100001', author: 'alice' }, above: 42100102 }]));
    expect(run(item())).toEqual([{ op: 'did', platform: 'hackernews', kind: 'reply', ref: '42100501', at: 1000, text: 'Nice work.\n\nDoes it handle :focus-visible?', target: { id: '42100001', author: 'alice' } }]);
    expect(store.getItem(PENDING_KEY)).toBeNull();
  });

  it('an older comment with the same text does not confirm; the pending one expires after a few pages', () => {
    store.setItem(PENDING_KEY, JSON.stringify([{ type: 'comment', at: 1000, loads: 0, text: 'Nice work.\n\nDoes it handle :focus-visible?', parent: { id: '42100001' }, above: 42100600 }]));
    expect(run(item())).toEqual([]);
    expect(run(item())).toEqual([]);
    expect(run(item())).toEqual([]);
    expect(store.getItem(PENDING_KEY)).toBeNull();
  });

  it('a favourite is confirmed by the un-favorite link; it is the like of the item', () => {
    store.setItem(PENDING_KEY, JSON.stringify([{ type: 'fave', at: 1000, loads: 0, id: '42100001', un: false }]));
    expect(run(item())).toEqual([{ op: 'did', platform: 'hackernews', kind: 'like', ref: '42100001', at: 1000, target: { id: '42100001', url: 'https://news.ycombinator.com/item?id=42100001', author: 'alice' } }]);
  });

  it('a story is confirmed by a row with its title by the user', () => {
    store.setItem(PENDING_KEY, JSON.stringify([{ type: 'story', at: 1000, loads: 0, title: 'Show HN: Give First, a browser extension', url: 'https://example.com/give-first', text: '' }]));
    expect(run(news())).toEqual([{
      op: 'did', platform: 'hackernews', kind: 'post', ref: '42100003', at: 1000, text: 'Show HN: Give First, a browser extension',
      target: { id: '42100003', url: 'https://news.ycombinator.com/item?id=42100003', author: 'givefirst' }, links: ['https://example.com/give-first'],
    }]);
    store.setItem(PENDING_KEY, JSON.stringify([{ type: 'story', at: 1000, loads: 0, title: 'A tiny accessibility linter for CSS focus styles', url: '', text: '' }]));
    expect(run(news())).toEqual([]); // alice's story, not the user's
  });
});

describe('deleting one\'s own story or comment (delete-confirm → POST /xdelete)', () => {
  let store: Storage;
  beforeEach(() => {
    store = window.sessionStorage;
    store.clear();
  });
  const run = (doc: Document, now = 2_000): Observation[] => {
    const out: Observation[] = [];
    confirmPending(doc, store, (o) => out.push(o), now);
    return out;
  };
  const pendingDelete = (id = '42100501', at = 1000, goto = '/item?id=42100001') => store.setItem(PENDING_KEY, JSON.stringify([{ type: 'delete', at, loads: 0, id, goto }]));
  /** The confirm page (fixture) in the test's document, watched; returns what was emitted and a stop. */
  const confirmPage = () => {
    const html = readFileSync(join(FIXTURES, 'delete-confirm.html'), 'utf8');
    document.body.innerHTML = html.replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
    const seen: Observation[] = [];
    const controller = new AbortController();
    // The page must not navigate in the test: stop the form after the watch (capture phase) saw it.
    document.addEventListener('submit', (event) => event.preventDefault(), { signal: controller.signal });
    watchHackerNews(document, (o) => seen.push(o), controller.signal);
    return { seen, stop: () => controller.abort() };
  };

  it('"Yes" remembers the item id and where HN will redirect, nothing else (no hmac); "No" remembers nothing', () => {
    const no = confirmPage();
    document.querySelector<HTMLInputElement>('form[action="/xdelete"] input[value="No"]')?.click();
    expect(store.getItem(PENDING_KEY)).toBeNull();
    no.stop();

    const yes = confirmPage();
    document.querySelector<HTMLInputElement>('form[action="/xdelete"] input[value="Yes"]')?.click();
    const pending = JSON.parse(store.getItem(PENDING_KEY) ?? '[]') as Record<string, unknown>[];
    expect(pending).toEqual([{ type: 'delete', at: expect.any(Number), loads: 0, id: '42100501', goto: '/item?id=42100001' }]);
    expect(store.getItem(PENDING_KEY)).not.toMatch(/5a7c9e1b|hmac/);
    expect(yes.seen).toEqual([]); // nothing counts on the confirm page itself
    yes.stop();
  });

  it('the next page, in HN\'s layout and without the item, confirms: the post or reply under that id is undone', () => {
    pendingDelete();
    const after = item();
    after.getElementById('42100501')?.remove();
    expect(run(after)).toEqual([{ op: 'undid', platform: 'hackernews', kinds: ['post', 'reply'], ref: '42100501', at: 1000 }]);
    expect(store.getItem(PENDING_KEY)).toBeNull();
    // A deleted story's own item page is served without it (news.arc: shown to nobody): confirmed too.
    pendingDelete('42100003', 1000, '/item?id=42100003');
    const emptyItem = page('item.html', 'https://news.ycombinator.com/item?id=42100003');
    for (const row of emptyItem.querySelectorAll('#bigbox tr')) row.remove();
    expect(run(emptyItem)).toEqual([{ op: 'undid', platform: 'hackernews', kinds: ['post', 'reply'], ref: '42100003', at: 1000 }]);
  });

  it('the item still shown as the user\'s, an error page, a signed-out page or a late page confirm nothing; a delete is judged once', () => {
    pendingDelete();
    expect(run(item())).toEqual([]); // 42100501 still there, by givefirst
    expect(store.getItem(PENDING_KEY)).toBeNull(); // judged on that page, then forgotten
    const without = () => {
      const doc = item();
      doc.getElementById('42100501')?.remove();
      return doc;
    };
    expect(run(without())).toEqual([]); // nothing pending any more

    pendingDelete();
    const refused = new DOMParser().parseFromString('<html lang="en"><head><title>Error</title></head><body>You can\'t delete that.</body></html>', 'text/html');
    Object.defineProperty(refused, 'location', { value: new URL('https://news.ycombinator.com/xdelete') });
    expect(run(refused)).toEqual([]);
    expect(run(without())).toEqual([]);

    pendingDelete();
    const signedOut = without();
    signedOut.getElementById('me')?.remove();
    expect(run(signedOut)).toEqual([]);

    pendingDelete('42100501', 1000);
    expect(run(without(), 1000 + 61_000)).toEqual([]);
  });

  it('only the page the form\'s goto names confirms: another HN page (the POST never reached HN) does not', () => {
    // The user opens the front page instead: the item is not on it, but that says nothing about the delete.
    pendingDelete();
    expect(run(news())).toEqual([]);
    expect(store.getItem(PENDING_KEY)).toBeNull();
    // The same item page with a hash (a goto of `item?id=…#…`) is the goto.
    pendingDelete('42100501', 1000, '/item?id=42100001');
    const after = page('item.html', 'https://news.ycombinator.com/item?id=42100001#42100501');
    after.getElementById('42100501')?.remove();
    expect(run(after)).toHaveLength(1);
    // A "Yes" on a form without a goto is not remembered.
    const yes = confirmPage();
    document.querySelector('form[action="/xdelete"] input[name="goto"]')?.setAttribute('value', '');
    (document.querySelector('form[action="/xdelete"] input[name="goto"]') as HTMLInputElement).value = '';
    document.querySelector<HTMLInputElement>('form[action="/xdelete"] input[value="Yes"]')?.click();
    expect(store.getItem(PENDING_KEY)).toBeNull();
    yes.stop();
  });
});

describe('the vote beacon in Resource Timing', () => {
  const fakeWindow = (entries: { name: string; startTime: number; responseStatus?: number }[]): Window =>
    ({ performance: { getEntriesByType: () => entries } }) as unknown as Window;
  const url = (id: string, how: string) => `https://news.ycombinator.com/vote?id=${id}&how=${how}&auth=x&goto=news`;

  it('finds the status of the beacon sent after the click, for that item and direction', () => {
    const win = fakeWindow([
      { name: url('1', 'up'), startTime: 50, responseStatus: 200 },
      { name: url('1', 'up'), startTime: 150, responseStatus: 500 },
      { name: url('2', 'up'), startTime: 160, responseStatus: 200 },
    ]);
    expect(beaconStatus(win, '1', 'up', 100)).toBe(500);
    expect(beaconStatus(win, '2', 'up', 100)).toBe(200);
    expect(beaconStatus(win, '1', 'un', 100)).toBeUndefined();
  });

  it('says 0 (unknown) when the browser gives no status', () => {
    expect(beaconStatus(fakeWindow([{ name: url('1', 'up'), startTime: 150 }]), '1', 'up', 100)).toBe(0);
  });
});

describe('healthApplies', () => {
  it('judges lists and items only, so /submit or a profile never clears a degraded state', () => {
    for (const url of ['https://news.ycombinator.com/', 'https://news.ycombinator.com/news?p=2', 'https://news.ycombinator.com/item?id=1']) {
      expect(hackernewsAdapter.healthApplies?.(new URL(url)), url).toBe(true);
    }
    for (const url of ['https://news.ycombinator.com/submit', 'https://news.ycombinator.com/user?id=pg']) {
      expect(hackernewsAdapter.healthApplies?.(new URL(url)), url).toBe(false);
    }
  });
});
