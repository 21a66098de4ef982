/**
 * X requests → observations. Request and response shapes: platforms.md §1.B (twikit gql.py for the
 * request variables; CreateTweet response `data.create_tweet.tweet_results.result.legacy`).
 */
import { firstStr, parseJson, pick, str } from '../../shared/json.ts';
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { FRIENDSHIPS_RE, GRAPHQL_RE, type GraphqlOperation } from './network.ts';
import { parsePostUrl, postUrl } from './routes.ts';
import { selectors } from './selectors.ts';
import { localRef } from '../../shared/local-ref.ts';

/** Finds the post with this id on the page and reads its author and URL. */
export function findPostTarget(doc: Document, id: string): Target {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(`${selectors.postArticle} a[href*="/status/${CSS.escape(id)}"]`)) {
    const parsed = parsePostUrl(link.getAttribute('href') ?? '');
    if (parsed?.id === id) return { id, url: postUrl(parsed.handle, id), author: parsed.handle };
  }
  return { id, url: postUrl(undefined, id) };
}

/** The tweet object of a CreateTweet / CreateNoteTweet response. */
function createdTweet(response: unknown): unknown {
  return pick(response, 'data.create_tweet.tweet_results.result') ?? pick(response, 'data.notetweet_create.tweet_results.result');
}

/** Some results are wrapped (`TweetWithVisibilityResults` → `.tweet`). */
function unwrap(result: unknown): unknown {
  return pick(result, 'tweet') ?? result;
}

export interface CreatedTweet {
  id?: string;
  ownHandle?: string;
  inReplyToAuthor?: string;
}

export function readCreatedTweet(responseBody: string | null): CreatedTweet {
  const tweet = unwrap(createdTweet(parseJson(responseBody)));
  return {
    id: firstStr(tweet, ['rest_id', 'legacy.id_str']),
    // X moved screen_name from `legacy` to `core` in 2025; read both.
    ownHandle: firstStr(tweet, ['core.user_results.result.core.screen_name', 'core.user_results.result.legacy.screen_name']),
    inReplyToAuthor: firstStr(tweet, ['legacy.in_reply_to_screen_name']),
  };
}

function graphqlVariables(call: NetworkCall, op: string): Record<string, unknown> {
  const vars = pick(parseJson(call.requestBody), 'variables');
  if (!vars || typeof vars !== 'object') throw new ShapeError(op, 'request body has no variables');
  return vars as Record<string, unknown>;
}

function need(value: unknown, op: string, field: string): string {
  const s = str(value);
  if (!s) throw new ShapeError(op, `missing ${field}`);
  return s;
}

function parseCreate(call: NetworkCall, op: GraphqlOperation, doc: Document): Observation[] {
  const vars = graphqlVariables(call, op);
  const text = str(vars.tweet_text) ?? '';
  const created = readCreatedTweet(call.responseBody);
  // An edit is a new version of an existing post, not a new action.
  if (str(pick(vars, 'edit_options.previous_tweet_id'))) return [];
  const ref = created.id ?? localRef(text, call.startedAt);
  const replyTo = str(pick(vars, 'reply.in_reply_to_tweet_id'));
  const quoteUrl = str(vars.attachment_url);
  const base = { op: 'did' as const, platform: 'x' as const, ref, at: call.startedAt, text };
  if (replyTo) {
    const fromPage = findPostTarget(doc, replyTo);
    const author = created.inReplyToAuthor ?? fromPage.author;
    return [{ ...base, kind: 'reply', target: { id: replyTo, url: postUrl(author, replyTo), ...(author ? { author } : {}) } }];
  }
  const quoted = quoteUrl ? parsePostUrl(quoteUrl) : null;
  if (quoted) {
    return [{ ...base, kind: 'quote', target: { id: quoted.id, url: postUrl(quoted.handle, quoted.id), author: quoted.handle } }];
  }
  const self = created.ownHandle;
  return [{
    ...base,
    kind: 'post',
    target: { ...(created.id ? { id: created.id, url: postUrl(self, created.id) } : {}), ...(self ? { author: self } : {}) },
    ...(quoteUrl ? { links: [quoteUrl] } : {}),
  }];
}

function parseGraphql(call: NetworkCall, op: GraphqlOperation, doc: Document): Observation[] {
  const at = call.startedAt;
  switch (op) {
    case 'FavoriteTweet': {
      const id = need(graphqlVariables(call, op).tweet_id, op, 'tweet_id');
      return [{ op: 'did', platform: 'x', kind: 'like', ref: id, at, target: findPostTarget(doc, id) }];
    }
    case 'UnfavoriteTweet': {
      const id = need(graphqlVariables(call, op).tweet_id, op, 'tweet_id');
      return [{ op: 'undid', platform: 'x', kinds: ['like'], ref: id, at }];
    }
    case 'CreateRetweet': {
      const id = need(graphqlVariables(call, op).tweet_id, op, 'tweet_id');
      return [{ op: 'did', platform: 'x', kind: 'repost', ref: id, at, target: findPostTarget(doc, id) }];
    }
    case 'DeleteRetweet': {
      const id = need(graphqlVariables(call, op).source_tweet_id, op, 'source_tweet_id');
      return [{ op: 'undid', platform: 'x', kinds: ['repost'], ref: id, at }];
    }
    case 'DeleteTweet': {
      const id = need(graphqlVariables(call, op).tweet_id, op, 'tweet_id');
      return [{ op: 'undid', platform: 'x', kinds: ['post', 'reply', 'quote'], ref: id, at }];
    }
    case 'CreateTweet':
    case 'CreateNoteTweet':
      return parseCreate(call, op, doc);
  }
}

function parseFriendship(call: NetworkCall, action: 'create' | 'destroy'): Observation[] {
  const op = `friendships/${action}`;
  const form = new URLSearchParams(call.requestBody ?? '');
  const response = parseJson(call.responseBody);
  const userId = str(form.get('user_id')) ?? str(pick(response, 'id_str'));
  if (!userId) throw new ShapeError(op, 'missing user_id');
  if (action === 'destroy') return [{ op: 'undid', platform: 'x', kinds: ['follow'], ref: userId, at: call.startedAt }];
  const handle = str(pick(response, 'screen_name')) ?? str(form.get('screen_name'));
  return [{
    op: 'did', platform: 'x', kind: 'follow', ref: userId, at: call.startedAt,
    target: { id: userId, ...(handle ? { author: handle, url: `https://x.com/${handle}` } : {}) },
  }];
}

/** Whether a JSON value holds any actual value (a string, number or boolean) at any depth. */
function hasValue(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value !== 'object') return true;
  return Object.values(value).some(hasValue);
}

/**
 * X's GraphQL refuses many mutations with HTTP 200 and a body like
 * `{"errors":[{"message":"Authorization: Status is a duplicate. (187)",…}],"data":{}}`
 * (fa0311/twitter-openapi issue #32, 2023-08; elizaOS/eliza issue #4074, 2025-03). Such a call did
 * nothing and must not count. A reply with errors *and* data (partial success) still counts; an
 * unread reply (null) cannot be judged and is trusted, as before.
 */
export function isGraphqlRefusal(responseBody: string | null): boolean {
  const response = parseJson(responseBody);
  const errors = pick(response, 'errors');
  return Array.isArray(errors) && errors.length > 0 && !hasValue(pick(response, 'data'));
}

export function parseXCall(call: NetworkCall, doc: Document): Observation[] {
  const gql = GRAPHQL_RE.exec(call.url);
  if (gql?.[1] && isGraphqlRefusal(call.responseBody)) return [];
  if (gql?.[1]) return parseGraphql(call, gql[1] as GraphqlOperation, doc);
  const rest = FRIENDSHIPS_RE.exec(call.url);
  if (rest?.[1]) return parseFriendship(call, rest[1] as 'create' | 'destroy');
  return [];
}
