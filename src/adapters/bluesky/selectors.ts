/**
 * Every DOM hook the Bluesky adapter uses, by role. Source: platforms.md §2.A — social-app `testID`s
 * (rendered as `data-testid` by react-native-web) that the project's own E2E tests use (confidence H),
 * except where marked. Never use social-app's generated class names (`css-…`, `r-…`).
 */
export const selectors = {
  /** Feed item (`feedItem-by-<handle>`) and thread item (`postThreadItem-by-<handle>`). */
  postItem: '[data-testid^="feedItem-by-"], [data-testid^="postThreadItem-by-"]',
  likeButton: '[data-testid="likeBtn"]',
  replyButton: '[data-testid="replyBtn"]',
  repostButton: '[data-testid="repostBtn"]',
  quoteMenuItem: '[data-testid="repostDropdownQuoteBtn"]',
  postLink: 'a[href*="/post/"]',
  composerPublish: '[data-testid="composerPublishBtn"]',
  /** TipTap/ProseMirror box (H); `composerTextInput` is what third-party scripts use (M). */
  composerText: '.ProseMirror[contenteditable="true"], [data-testid="composerTextInput"]',
  /** The floating compose button (mobile layout). Low confidence: seen in third-party scripts only. */
  composeButton: '[data-testid="composeFAB"]',
} as const;
