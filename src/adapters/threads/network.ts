/**
 * Threads' network calls that mean the user did something (platforms.md §6.B, confidence M), and the
 * page tap's filter. Counting sources, one per action so nothing counts twice:
 * - post, reply, quote: POST …/api/v1/media/configure_text_only_post/ (text; M, captures of the web
 *   client) and its media siblings configure_text_post_app_feed / _sidecar (L, one unattributed
 *   third-party client, 2023). Body `signed_body=SIGNATURE.{json}`; a reply's `text_post_app_info` has
 *   `reply_id`, a quote's `quoted_post_id` (same client, L). The answer names the new post (`media.pk`,
 *   `media.code`), so a later delete finds it.
 * - repost / undo repost, follow / unfollow, delete post: GraphQL mutations, POST /graphql/query or
 *   /api/graphql, form fields `fb_api_req_friendly_name` + `variables` (M for the transport). Their
 *   names are NOT pinned: the only published name is the like mutation's, from 2023, and §13 flags it as
 *   possibly changed; one 2023 client even sends its unlike under the like's friendly name (sources
 *   disagree). So names are matched by the verb and object they end in (below), not whole; variables
 *   `media_id` (repost, delete: `<pk>_<user id>`) and `target_user_id` (follow) come from that 2023 client (L).
 * - like / unlike: from the like icon's state flip in the page (watch.ts), since the mutation's name is
 *   the uncertain one; where the tap relays the like mutation, its answer decides whether a flip counts.
 * The form bodies also carry session tokens (fb_dtsg, lsd, jazoest, __user…): the tap keeps only the
 * three fields below, and of signed_body's JSON only caption and text_post_app_info, so tokens and the
 * account and device ids never leave the page world.
 */
import type { TapSpec } from '../types.ts';

const ORIGIN = String.raw`https://www\.threads\.(?:com|net)`;

export const GRAPHQL_RE = new RegExp(`^${ORIGIN}/(?:graphql/query|api/graphql)/?(?:\\?|$)`);
/** Group 1: the configure endpoint. */
export const CONFIGURE_RE = new RegExp(`^${ORIGIN}/api/v1/media/(configure_text_only_post|configure_text_post_app_feed|configure_text_post_app_sidecar)/?(?:\\?|$)`);

export type MutationAction = 'repost' | 'unrepost' | 'follow' | 'unfollow' | 'delete';

/**
 * Friendly name → action, first match wins (undo verbs before their actions). Relay mutation names end
 * in `Mutation` (sometimes doubled: `useBarcelonaLikeMutationLikeMutation`, the hook's name then the
 * operation's); queries (`BarcelonaProfileRepostsTabDirectQuery`) never match. The verb and its object
 * must stand right before the final `Mutation`: plausible names that merely contain a verb
 * (`…DismissFollowSuggestionMutation`, `…FollowHashtagMutation`, `…MuteFollowingFeedMutation`,
 * `…RemoveFollowerMutation`, `…HideRepostsFromUserMutation`, `…DeletePostDraftMutation`,
 * `…RemoveMediaTagMutation`) are other operations, and counting them would invent gives. Verbs are
 * case-sensitive so `Unfollow` is never read as `Follow`; a few verbs that act on a repost or a follow
 * without doing one (hide, mute, report, dismiss) and follows of things other than accounts are excluded.
 */
const NOT_DOING = String.raw`(?<!Hide|Mute|Report|Dismiss|Hashtag|Topic|Tag)`;
const MUTATIONS: readonly [RegExp, MutationAction][] = [
  [/(?:Unrepost|UnRepost|(?:Delete|Remove|Undo)Repost)(?:Mutation)?Mutation$/, 'unrepost'],
  [new RegExp(`${NOT_DOING}Repost(?:Mutation)?Mutation$`), 'repost'],
  [/(?:Unfollow|UnFollow)(?:Mutation)?Mutation$/, 'unfollow'],
  [new RegExp(`${NOT_DOING}Follow(?:Mutation)?Mutation$`), 'follow'],
  [/(?:Delete|Remove)(?:Text)?(?:Post|Media|Thread)(?:Mutation)?Mutation$/, 'delete'],
];

/**
 * The like control's mutation (`useBarcelonaLikeMutationLikeMutation`, 2023, M; its unlike is
 * `…UnlikeMutation` or, in one 2023 client, the like's name again): its answer only confirms a like the
 * page already shows (watch.ts), so the direction is read from the icon, never from this name.
 */
export function isLikeMutation(friendlyName: string): boolean {
  return /Like\w*Mutation$/i.test(friendlyName);
}

/** The like mutation's published name (platforms.md §6.B, 2023). */
export const LIKE_MUTATION_NAME = 'useBarcelonaLikeMutationLikeMutation';

/**
 * Whether the tap (THREADS_TAP below) relays the like mutation, so watch.ts can wait for its answer
 * from the first like in a page on. Read from the spec, not assumed: the spec decides what is relayed.
 */
export function tapRelaysLikes(): boolean {
  const body = new URLSearchParams({ fb_api_req_friendly_name: LIKE_MUTATION_NAME, variables: '{"media_id":"1"}' }).toString();
  return THREADS_TAP.requests.test('https://www.threads.com/graphql/query') && (!THREADS_TAP.bodies || THREADS_TAP.bodies.test(body));
}

export function mutationAction(friendlyName: string): MutationAction | null {
  if (isLikeMutation(friendlyName)) return null;
  for (const [re, action] of MUTATIONS) if (re.test(friendlyName)) return action;
  return null;
}

/** The only form fields ever relayed (tap) and read (parse.ts). */
export const FORM_FIELDS = ['fb_api_req_friendly_name', 'variables', 'signed_body'] as const;

export const THREADS_TAP: TapSpec = {
  requests: new RegExp(`${GRAPHQL_RE.source}|${CONFIGURE_RE.source}`),
  // GraphQL mutations may be refused with HTTP 200 and `errors`; configure answers name the new post.
  responses: new RegExp(`${GRAPHQL_RE.source}|${CONFIGURE_RE.source}`),
  formFields: FORM_FIELDS,
  // signed_body's JSON also holds the account id (`_uid`), a `device_id`, the upload id and the client's
  // settings: only what parse.ts reads leaves the page (the link sits in text_post_app_info).
  formJsonFields: { signed_body: ['caption', 'text_post_app_info'] },
  // Of the GraphQL traffic (every feed query goes there too) only the mutations above and the like's
  // (watch.ts waits for its answer); every configure call whatever its body (parse.ts reports one it
  // cannot read).
  bodies: /(?:^|&)fb_api_req_friendly_name=[\w%-]*(?:Like|Repost|Follow|(?:Delete|Remove)(?:Text)?(?:Post|Media|Thread))[\w%-]*Mutation(?:&|$)/i,
  bodiesFor: GRAPHQL_RE,
};
