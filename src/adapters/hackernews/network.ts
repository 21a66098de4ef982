/**
 * Hacker News sends nothing the page tap can see: votes and favourites are GET requests (an image
 * beacon `vote?id=…&how=up&auth=…`, a plain link `fave?id=…&auth=…`); comments, submissions and the
 * deletion of one's own item are form posts that navigate (`/comment`, `/r`: platforms.md §9.B;
 * `/xdelete`: watch.ts). The adapter confirms all of them in the page instead (watch.ts). The tap spec
 * still names the endpoints, so that a future client sending them with fetch/XHR is relayed and shows
 * up as a `request-shape` health report rather than silently.
 */
import type { TapSpec } from '../types.ts';

export const HN_TAP: TapSpec = {
  requests: /^https:\/\/news\.ycombinator\.com\/(?:vote|fave|comment|r|xdelete)(?:\?|$)/,
  responses: /^$/,
};
