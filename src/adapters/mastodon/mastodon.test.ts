import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NetworkCall } from '../types.ts';
import { createMastodonAdapter } from './index.ts';
import { ACCOUNTS_RE, STATUSES_RE } from './network.ts';
import { mastodonPageKind, parseStatusHref } from './routes.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = callFixtures(FIXTURES);
const AT = Date.UTC(2026, 10, 23, 10, 15);

function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method, url: f.url, status: f.status, startedAt: AT,
    requestBody: f.request === null ? null : typeof f.request === 'string' ? f.request : JSON.stringify(f.request),
    responseBody: JSON.stringify(f.response),
    ...patch,
  };
}
const doc = (): Document => new DOMParser().parseFromString(readFileSync(join(FIXTURES, 'home.html'), 'utf8'), 'text/html');

describe('Mastodon network and routes', () => {
  it('matches the REST writes on any https instance', () => {
    for (const url of [
      'https://mastodon.social/api/v1/statuses', 'https://example.social/api/v1/statuses/1/favourite',
      'https://a.b.c/api/v1/statuses/1/unreblog', 'https://x.y/api/v1/statuses/123',
    ]) expect(STATUSES_RE.test(url), url).toBe(true);
    expect(ACCOUNTS_RE.test('https://x.y/api/v1/accounts/9/unfollow')).toBe(true);
    expect(STATUSES_RE.test('https://x.y/api/v1/statuses/1/bookmark')).toBe(false);
    expect(STATUSES_RE.test('https://x.y/api/v2/media')).toBe(false);
  });

  it.each([
    ['https://mastodon.social/home', 'timeline'], ['https://mastodon.social/public/local', 'timeline'],
    ['https://mastodon.social/@alice', 'profile'], ['https://mastodon.social/@bob@fosstodon.org', 'profile'],
    ['https://mastodon.social/@alice/113500000000000001', 'post'], ['https://mastodon.social/settings/profile', 'other'],
  ])('%s is %s', (url, kind) => expect(mastodonPageKind(new URL(url))).toBe(kind));

  it('reads status links', () => {
    expect(parseStatusHref('https://mastodon.social/@alice/113500000000000001')).toEqual({ acct: 'alice', id: '113500000000000001' });
  });
});

describe('Mastodon parseCall', () => {
  const a = createMastodonAdapter();
  it('favourite / unfavourite', () => {
    expect(a.parseCall(call('favourite'), doc())).toEqual([{
      op: 'did', platform: 'mastodon', kind: 'like', ref: 'mastodon.social:113500000000000001', at: AT,
      target: { id: '113500000000000001', url: 'https://mastodon.social/@alice/113500000000000001', author: 'alice' },
    }]);
    expect(a.parseCall(call('favourite', { url: 'https://mastodon.social/api/v1/statuses/113500000000000001/unfavourite' }), doc()))
      .toEqual([{ op: 'undid', platform: 'mastodon', kinds: ['like'], ref: 'mastodon.social:113500000000000001', at: AT }]);
  });

  it('a boost targets the boosted status and its author', () => {
    expect(a.parseCall(call('reblog'), doc())[0]).toMatchObject({
      kind: 'repost', ref: 'mastodon.social:113500000000000002', target: { id: '113500000000000002', author: 'bob@fosstodon.org' },
    });
  });

  it('a reply, a reply in one\'s own thread, an original post with its card', () => {
    expect(a.parseCall(call('status-reply'), doc())[0]).toMatchObject({
      kind: 'reply', ref: 'mastodon.social:113500000000000500', text: '@alice Thanks, this helped',
      target: { id: '113500000000000001', author: 'alice', url: 'https://mastodon.social/@alice/113500000000000001' },
    });
    const own = fixture('status-reply');
    const selfReply = { ...(own.response as object), in_reply_to_id: '113500000000000600', in_reply_to_account_id: '109000000000000999' };
    expect(a.parseCall(call('status-reply', {
      requestBody: JSON.stringify({ status: 'and more', in_reply_to_id: '113500000000000600' }), responseBody: JSON.stringify(selfReply),
    }), doc())[0]).toMatchObject({ kind: 'reply', target: { id: '113500000000000600', author: 'givefirst' } });
    expect(a.parseCall(call('status-post'), doc())[0]).toEqual({
      op: 'did', platform: 'mastodon', kind: 'post', ref: 'mastodon.social:113500000000000600', at: AT, text: 'New blog post is up',
      target: { id: '113500000000000600', url: 'https://mastodon.social/@givefirst/113500000000000600', author: 'givefirst' },
      links: ['https://example.com/blog'],
    });
  });

  it('a form-encoded post from another client; delete undoes; an edit is nothing', () => {
    expect(a.parseCall(call('status-post', { requestBody: 'status=Hi+there&in_reply_to_id=113500000000000001' }), doc())[0])
      .toMatchObject({ kind: 'reply', text: 'Hi there' });
    expect(a.parseCall(call('status-post', { method: 'DELETE', url: 'https://mastodon.social/api/v1/statuses/113500000000000600' }), doc()))
      .toEqual([{ op: 'undid', platform: 'mastodon', kinds: ['post', 'reply', 'quote'], ref: 'mastodon.social:113500000000000600', at: AT }]);
    expect(a.parseCall(call('status-post', { method: 'PUT', url: 'https://mastodon.social/api/v1/statuses/113500000000000600' }), doc())).toEqual([]);
  });

  it('follow / unfollow by account id, author from the page', () => {
    expect(a.parseCall(call('follow', { url: 'https://mastodon.social/api/v1/accounts/109000000000000101/follow' }), doc())[0])
      .toMatchObject({ kind: 'follow', ref: 'mastodon.social:109000000000000101', target: { id: '109000000000000101', author: 'alice' } });
    expect(a.parseCall(call('follow', { url: 'https://mastodon.social/api/v1/accounts/109000000000000202/unfollow' }), doc()))
      .toEqual([{ op: 'undid', platform: 'mastodon', kinds: ['follow'], ref: 'mastodon.social:109000000000000202', at: AT }]);
  });
});

describe('Mastodon page', () => {
  it('identity from the initial state (me → acct), never the token', () => {
    expect(createMastodonAdapter().readIdentity(doc())).toBe('givefirst');
  });

  it('health: fine, degraded without the action bar, and not Mastodon without the root', () => {
    const a = createMastodonAdapter();
    const d = doc();
    const home = new URL('https://mastodon.social/home');
    expect(a.checkHealth(d, home)).toBeNull();
    d.querySelector('.status__action-bar')?.classList.replace('status__action-bar', 'status-actions');
    expect(a.checkHealth(d, home)).toMatchObject({ code: 'no-action-bar' });
    d.querySelector('#mastodon')?.removeAttribute('id');
    expect(a.checkHealth(d, home)).toMatchObject({ code: 'no-root' });
  });

  it('composer: reply when the form shows a reply indicator', () => {
    const a = createMastodonAdapter();
    document.body.innerHTML = readFileSync(join(FIXTURES, 'home.html'), 'utf8');
    const submit = document.querySelector<HTMLElement>('.compose-form__submit button')!;
    expect(a.composer.describe(submit, new URL('https://mastodon.social/home'))).toMatchObject({ kind: 'post', draft: 'hi' });
    submit.closest('form')?.insertAdjacentHTML('afterbegin', '<div class="reply-indicator"></div>');
    expect(a.composer.describe(submit, new URL('https://mastodon.social/home'))).toMatchObject({ kind: 'reply' });
  });
});
