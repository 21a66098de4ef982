import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { ShapeError, type NetworkCall } from '../types.ts';
import { postAuthor, postUrnOf, posts, reactButtonOf, targetOf } from './dom.ts';
import { linkedinAdapter } from './index.ts';
import { LINKEDIN_TAP } from './network.ts';
import { isGraphqlRefusal, parseLinkedInCall } from './parse.ts';
import { authorFromHref, linkedinPageKind, parseCommentUrn, plainUrn, postUrl, type LinkedInPageKind } from './routes.ts';
import { LinkedInSession } from './session.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

// Fixtures (src/adapters/linkedin/fixtures/): one request/response pair per file, with `_source`.
const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, 'fixtures');
const fixture = callFixtures(FIXTURES);
/** The replica feeds double as DOM fixtures: both front ends (their headers say where the markup comes from). */
const REPLICAS = join(HERE, '..', '..', '..', 'tests', 'replicas', 'linkedin');
const AT = Date.UTC(2026, 10, 23, 10, 15);
const ALICE = 'urn:li:activity:7262015554201042944';

function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method,
    url: f.url,
    status: f.status,
    requestBody: f.request === null ? null : JSON.stringify(f.request),
    responseBody: f.response === null ? null : JSON.stringify(f.response),
    startedAt: AT,
    ...patch,
  };
}

function loadFeed(file: string): Document {
  const html = readFileSync(join(REPLICAS, file), 'utf8');
  document.documentElement.innerHTML = html.replace(/^[\s\S]*?<html[^>]*>/, '').replace(/<\/html>\s*$/, '');
  return document;
}

let session: LinkedInSession;
const parse = (c: NetworkCall, own: string | null = 'givefirst-me') => parseLinkedInCall(c, document, session, own);

beforeEach(() => {
  session = new LinkedInSession();
  document.documentElement.innerHTML = '<head></head><body></body>';
});

describe('network patterns', () => {
  it('every fixture is a request the tap relays', () => {
    for (const name of ['react', 'unreact-sdui', 'comment', 'reply-to-comment', 'comment-delete', 'share-post', 'share-quote', 'repost',
      'share-refused', 'delete-post', 'follow', 'unfollow']) {
      expect(LINKEDIN_TAP.requests.test(call(name).url), name).toBe(true);
    }
  });
  it('ignores reads and other hosts', () => {
    for (const url of [
      'https://www.linkedin.com/voyager/api/graphql?variables=(start:0)&queryId=voyagerFeedDashMainFeed.5c6157cdad2a34970e85f40c8f93ca2b',
      'https://www.linkedin.com/voyager/api/voyagerSocialDashReactionsSummary?x=1',
      'https://evil.example/voyager/api/voyagerSocialDashReactions?threadUrn=urn:li:activity:1',
      'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.requests.profile.saveProfileIntroForm',
      'https://www.linkedin.com/voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashSharebox.6065bbd24f145384527c50bfc0c387ed',
    ]) expect(LINKEDIN_TAP.requests.test(url), url).toBe(false);
  });
});

describe('parse', () => {
  it('a reaction of any type is a like of the thread (the type is not stored)', () => {
    loadFeed('feed.html');
    const [obs] = parse(call('react'));
    expect(obs).toEqual({
      op: 'did', platform: 'linkedin', kind: 'like', ref: ALICE, at: AT,
      target: { id: ALICE, url: `https://www.linkedin.com/feed/update/${ALICE}/`, author: 'alice-chen' },
    });
    expect(JSON.stringify(obs)).not.toContain('PRAISE');
  });

  it('the SDUI unreact undoes the like and is remembered for the DOM fallback', () => {
    expect(parse(call('unreact-sdui'))).toEqual([{ op: 'undid', platform: 'linkedin', kinds: ['like'], ref: ALICE, at: AT }]);
    expect(session.unreacts.get(ALICE)).toBe(AT);
  });

  it('a comment is a reply to the post, with its own urn as ref and its text', () => {
    loadFeed('feed-sdui-es.html');
    expect(parse(call('comment'))).toEqual([{
      op: 'did', platform: 'linkedin', kind: 'reply', at: AT, text: 'Great write-up, thanks for sharing the numbers.',
      ref: 'urn:li:comment:(activity:7262015554201042944,7262100000000000001)',
      target: { id: ALICE, url: `https://www.linkedin.com/feed/update/${ALICE}/`, author: 'alice-chen' },
    }]);
  });

  it('a reply to a comment targets the comment and its author', () => {
    loadFeed('feed.html');
    const [obs] = parse(call('reply-to-comment'));
    const parent = 'urn:li:comment:(activity:7262015554201042944,7262050000000000001)';
    expect(obs).toMatchObject({ kind: 'reply', ref: 'urn:li:comment:(activity:7262015554201042944,7262100000000000002)', target: { id: parent, author: 'carol-diaz' } });
    expect(obs?.op === 'did' && obs.target?.url).toBe(`https://www.linkedin.com/feed/update/${ALICE}/?commentUrn=${encodeURIComponent(parent)}`);
  });

  it('deleting a comment through SDUI undoes its reply too', () => {
    const body = JSON.stringify({ requestId: 'com.linkedin.sdui.comments.deleteComment', serverRequest: { requestedArguments: { payload: {
      commentUrn: 'urn:li:comment:(urn:li:activity:7262015554201042944,7262100000000000001)' } } } });
    const c = call('unreact-sdui', { url: 'https://www.linkedin.com/flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.comments.deleteComment', requestBody: body });
    expect(parse(c)).toEqual([{ op: 'undid', platform: 'linkedin', kinds: ['reply'], ref: 'urn:li:comment:(activity:7262015554201042944,7262100000000000001)', at: AT }]);
  });

  it('deleting a comment undoes its reply', () => {
    expect(parse(call('comment-delete'))).toEqual([{
      op: 'undid', platform: 'linkedin', kinds: ['reply'], ref: 'urn:li:comment:(activity:7262015554201042944,7262100000000000001)', at: AT,
    }]);
  });

  it('a comment whose reply we cannot read still counts, under a stable local ref', () => {
    const [a] = parse(call('comment', { responseBody: null }));
    const [b] = parse(call('comment', { responseBody: '' }));
    expect(a?.ref).toMatch(/^local-/);
    expect(a?.ref).toBe(b?.ref);
  });

  it('an original post is a post by the user, ref the new activity', () => {
    expect(parse(call('share-post'))).toEqual([{
      op: 'did', platform: 'linkedin', kind: 'post', at: AT, text: 'Shipped our accessibility audit today.',
      ref: 'urn:li:activity:7262200000000000001',
      target: { id: 'urn:li:activity:7262200000000000001', url: 'https://www.linkedin.com/feed/update/urn:li:activity:7262200000000000001/', author: 'givefirst-me' },
    }]);
  });

  it('a reshare with thoughts is a quote of the parent; without text a repost', () => {
    session.repostClick = { urn: ALICE, author: 'alice-chen', at: AT - 5000 };
    expect(parse(call('share-quote'))[0]).toMatchObject({
      kind: 'quote', ref: 'urn:li:activity:7262300000000000001', text: 'Worth reading for anyone running a design system.',
      target: { id: 'urn:li:share:7262015554000000000', author: 'alice-chen' },
    });
    const bare = call('share-quote');
    bare.requestBody = bare.requestBody?.replace('Worth reading for anyone running a design system.', '') ?? null;
    expect(parse(bare)[0]).toMatchObject({ kind: 'repost', ref: 'urn:li:share:7262015554000000000', target: { author: 'alice-chen' } });
  });

  it('an instant repost is a repost of the root content; deleting it undoes it', () => {
    expect(parse(call('repost'))[0]).toMatchObject({ op: 'did', kind: 'repost', ref: 'urn:li:share:7262015554000000000' });
    const del = call('delete-post');
    del.requestBody = del.requestBody?.replace('7262200000000000001', '7262400000000000001') ?? null;
    expect(parse(del)).toEqual([
      { op: 'undid', platform: 'linkedin', kinds: ['post', 'quote'], ref: 'urn:li:activity:7262400000000000001', at: AT },
      { op: 'undid', platform: 'linkedin', kinds: ['repost'], ref: 'urn:li:share:7262015554000000000', at: AT },
    ]);
  });

  it('deleting a post undoes it', () => {
    expect(parse(call('delete-post'))).toEqual([
      { op: 'undid', platform: 'linkedin', kinds: ['post', 'quote'], ref: 'urn:li:activity:7262200000000000001', at: AT },
    ]);
  });

  it('a GraphQL refusal sent with HTTP 200 counts nothing', () => {
    expect(isGraphqlRefusal(call('share-refused').responseBody)).toBe(true);
    expect(parse(call('share-refused'))).toEqual([]);
    expect(isGraphqlRefusal(call('share-post').responseBody)).toBe(false);
  });

  it('scheduled posts and edits are not new posts', () => {
    const scheduled = call('share-post');
    scheduled.requestBody = scheduled.requestBody?.replace('"PUBLISHED"', '"SCHEDULED"') ?? null;
    expect(parse(scheduled)).toEqual([]);
    const edit = call('share-post');
    edit.requestBody = edit.requestBody?.replace('"variables":{', '"variables":{"resourceKey":"urn:li:share:1",') ?? null;
    expect(parse(edit)).toEqual([]);
  });

  it('follow and unfollow meet on the plain entity urn', () => {
    session.followClick = { urn: null, author: 'company/acme-tools', at: AT - 1000 };
    expect(parse(call('follow'))).toEqual([{
      op: 'did', platform: 'linkedin', kind: 'follow', ref: 'urn:li:company:1035', at: AT,
      target: { id: 'urn:li:company:1035', author: 'company/acme-tools', url: 'https://www.linkedin.com/company/acme-tools/' },
    }]);
    expect(parse(call('unfollow'))).toEqual([{ op: 'undid', platform: 'linkedin', kinds: ['follow'], ref: 'urn:li:company:1035', at: AT }]);
    const off = call('follow');
    off.requestBody = JSON.stringify({ patch: { $set: { following: false } } });
    expect(parse(off)[0]).toMatchObject({ op: 'undid', ref: 'urn:li:company:1035' });
  });

  it('a known request with an unexpected shape throws ShapeError (reported as health)', () => {
    expect(() => parse(call('react', { requestBody: '{}' }))).toThrow(ShapeError);
    expect(() => parse(call('comment', { requestBody: '{"commentary":{"text":"x"}}' }))).toThrow(ShapeError);
    expect(() => parse(call('share-post', { requestBody: '{"queryId":"x"}' }))).toThrow(ShapeError);
    expect(() => parse(call('follow', { requestBody: '{"patch":{}}' }))).toThrow(ShapeError);
    expect(() => parse(call('unreact-sdui', { requestBody: '{"requestId":"x"}' }))).toThrow(ShapeError);
  });
});

describe('routes', () => {
  const cases: [string, LinkedInPageKind][] = [
    ['https://www.linkedin.com/feed/', 'feed'],
    ['https://www.linkedin.com/feed/?variant=sdui-es', 'feed'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:7212345678901234567/', 'post'],
    ['https://www.linkedin.com/posts/alice-chen_webdev-activity-7212345678901234567-AbCd', 'post'],
    ['https://www.linkedin.com/in/alice-chen/', 'profile'],
    ['https://www.linkedin.com/company/acme-tools/', 'company'],
    ['https://www.linkedin.com/messaging/', 'other'],
    ['https://www.linkedin.com/mynetwork/', 'other'],
  ];
  it.each(cases)('%s → %s', (url, kind) => expect(linkedinPageKind(new URL(url))).toBe(kind));

  it('reads authors, comment urns and plain urns', () => {
    expect(authorFromHref('https://www.linkedin.com/in/Alice-Chen/?miniProfileUrn=x')).toBe('alice-chen');
    expect(authorFromHref('/company/acme-tools/posts/')).toBe('company/acme-tools');
    expect(authorFromHref('https://www.linkedin.com/feed/')).toBeNull();
    expect(parseCommentUrn('urn:li:fsd_comment:(2,urn:li:activity:1)')).toEqual({ activity: '1', comment: '2' });
    expect(parseCommentUrn('urn:li:comment:(urn:li:activity:1,2)')).toEqual({ activity: '1', comment: '2' });
    expect(plainUrn('urn:li:fsd_profile:ACoAAB')).toBe('urn:li:profile:ACoAAB');
    expect(postUrl(ALICE)).toBe(`https://www.linkedin.com/feed/update/${ALICE}/`);
  });
});

describe.each([['classic', 'feed.html'], ['SDUI, Spanish', 'feed-sdui-es.html']])('the %s feed', (_, file) => {
  it('finds every post with its urn, author and post-level react button (not a comment like button)', () => {
    loadFeed(file);
    const found = posts(document);
    expect(found.map(postUrnOf)).toEqual([ALICE, 'urn:li:activity:7261990000000000101', 'urn:li:activity:7261900000000000201', 'urn:li:activity:7261800000000000301']);
    expect(found.map(postAuthor)).toEqual(['alice-chen', 'bob-okafor', 'givefirst-me', 'company/acme-tools']);
    for (const post of found) expect(reactButtonOf(post)?.closest('article')).toBeNull();
    expect(targetOf(document, 'urn:li:comment:(activity:7262015554201042944,7262050000000000001)').author).toBe('carol-diaz');
  });

  it('reads the identity and is healthy', () => {
    loadFeed(file);
    expect(linkedinAdapter.readIdentity(document)).toBe('givefirst-me');
    expect(linkedinAdapter.checkHealth(document, new URL('https://www.linkedin.com/feed/'))).toBeNull();
  });

  it('nudges the share modal Post button only, never a comment submit', () => {
    loadFeed(file);
    const modal = document.querySelector('[role="dialog"]');
    const postButton = [...(modal?.querySelectorAll('button') ?? [])].find((b) => /^(Post|Publicar)$/.test(b.textContent?.trim() ?? ''));
    expect(postButton).toBeDefined();
    postButton?.removeAttribute('disabled');
    const hooks = linkedinAdapter.composer;
    expect(hooks.submitFromClick(postButton as Element)).toBe(postButton);
    expect(hooks.describe(postButton as HTMLElement, new URL('https://www.linkedin.com/feed/'))).toMatchObject({ kind: 'post', anchor: modal });
    const commentSubmit = document.querySelector('form button[type="submit"]');
    commentSubmit?.removeAttribute('hidden');
    expect(hooks.submitFromClick(commentSubmit as Element)).toBeNull();
    expect(hooks.suggestions(document, 'givefirst-me', 3).map(postUrnOf)).not.toContain('urn:li:activity:7261900000000000201');
    // Opened from a post's repost menu: a quote even without a recognised preview; from the share box again: a post.
    const repost = document.querySelector('.social-reshare-button, [data-view-name="repost-button"]');
    hooks.noteClick(repost as Element, Date.now());
    expect(hooks.describe(postButton as HTMLElement, new URL('https://www.linkedin.com/feed/'))?.kind).toBe('quote');
    hooks.noteClick(document.querySelector('.share-box-feed-entry__trigger, [data-view-name="share-sharebox-focus"]') as Element, Date.now());
    expect(hooks.describe(postButton as HTMLElement, new URL('https://www.linkedin.com/feed/'))?.kind).toBe('post');
  });
});

describe('health', () => {
  it('reports a feed whose post containers are no longer recognised', () => {
    loadFeed('feed-broken.html');
    expect(linkedinAdapter.checkHealth(document, new URL('https://www.linkedin.com/feed/'))).toMatchObject({ code: 'no-posts' });
    expect(linkedinAdapter.healthApplies?.(new URL('https://www.linkedin.com/feed/'))).toBe(true);
    expect(linkedinAdapter.healthApplies?.(new URL('https://www.linkedin.com/messaging/'))).toBe(false);
  });

  it('falls back to the localised label when the react button loses its class; all gone is degraded', () => {
    loadFeed('feed.html');
    for (const bar of document.querySelectorAll('.feed-shared-social-action-bar')) bar.classList.remove('feed-shared-social-action-bar');
    const [post] = posts(document);
    const button = post?.querySelector('.react-button__trigger');
    expect(post && reactButtonOf(post)).toBe(button);
    expect(linkedinAdapter.checkHealth(document, new URL('https://www.linkedin.com/feed/'))).toBeNull();
    for (const b of document.querySelectorAll('.react-button__trigger')) b.setAttribute('aria-label', 'Zzz');
    expect(linkedinAdapter.checkHealth(document, new URL('https://www.linkedin.com/feed/'))).toMatchObject({ code: 'no-react-button' });
  });

  it('reports a feed without the own profile link, and stays silent on an unrendered page', () => {
    loadFeed('feed-sdui-es.html');
    document.querySelector('[data-view-name="identity-module"]')?.remove();
    expect(linkedinAdapter.checkHealth(document, new URL('https://www.linkedin.com/feed/'))).toMatchObject({ code: 'no-identity' });
    document.body.innerHTML = '<main></main>';
    expect(linkedinAdapter.checkHealth(document, new URL('https://www.linkedin.com/feed/'))).toBeNull();
  });
});
