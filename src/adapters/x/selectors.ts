/**
 * Every DOM hook the X adapter uses, by role. Source: platforms.md §1.A (data-testids that
 * insin/control-panel-for-twitter depends on, v4.24.0, 2026-08-17). X's CSS classes are atomic and
 * change every deploy: never use them here.
 */
export const selectors = {
  postArticle: 'article[data-testid="tweet"]',
  cell: '[data-testid="cellInnerDiv"]',
  likeButton: '[data-testid="like"], [data-testid="unlike"]',
  userName: '[data-testid="User-Name"]',
  /** The permalink of a post wraps its <time>. */
  permalink: 'a[href*="/status/"]:has(time)',
  composerText: '[data-testid^="tweetTextarea"]',
  submitButton: 'button[data-testid="tweetButton"], button[data-testid="tweetButtonInline"], [data-testid="tweetButton"], [data-testid="tweetButtonInline"]',
  /** Left navigation link to the signed-in user's own profile. */
  ownProfileLink: 'a[data-testid="AppTabBar_Profile_Link"]',
  main: 'main[role="main"]',
} as const;
