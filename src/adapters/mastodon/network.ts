/**
 * Mastodon's REST calls that mean the user did something (platforms.md §3.B, confidence H; mastodon
 * `app/javascript/mastodon/actions/{compose,interactions,accounts}.js`). The official web UI, Elk and
 * Phanpy all call the instance's REST API, so the path is matched on any https host:
 *   POST   /api/v1/statuses                      post, reply (`in_reply_to_id`), quote (`quoted_status_id`)
 *   DELETE /api/v1/statuses/:id                  delete (PUT is an edit: not an action)
 *   POST   /api/v1/statuses/:id/(un)favourite    like / unlike
 *   POST   /api/v1/statuses/:id/(un)reblog       boost / unboost
 *   POST   /api/v1/accounts/:id/(un)follow       follow / unfollow
 */
import type { TapSpec } from '../types.ts';

const HOST = String.raw`https://[\w.-]+(?::\d+)?`;
export const STATUSES_RE = new RegExp(`^${HOST}/api/v1/statuses(?:/([\\w-]+))?(?:/(favourite|unfavourite|reblog|unreblog))?/?(?:\\?|$)`);
export const ACCOUNTS_RE = new RegExp(`^${HOST}/api/v1/accounts/([\\w-]+)/(follow|unfollow)/?(?:\\?|$)`);

const ALL = new RegExp(`${STATUSES_RE.source}|${ACCOUNTS_RE.source}`);

export const MASTODON_TAP: TapSpec = {
  requests: ALL,
  // The answers are one Status or Relationship: they carry the new post's id and the author's acct.
  responses: ALL,
};
