/**
 * Every DOM hook the YouTube adapter uses, by role. YouTube's desktop web app is built of custom elements
 * (`ytd-…`, and the newer `…-view-model` ones); platforms.md §8.A rates them **medium** stability: the
 * element names hold for years, the markup inside them churns (Return YouTube Dislike ships its selectors
 * from a remote config for that reason). So: element names and ids first, `aria-pressed` for toggle
 * state, never class names or labels (labels are translated). Where the site has an old and a new
 * element for the same thing both are listed (`ytd-comment-renderer` was replaced by
 * `ytd-comment-view-model` in 2024; the old one still appears on some pages and experiments).
 * The health check (index.ts) reports when these stop matching a watch page.
 */
export const selectors = {
  /** The app shell; absent on error and consent pages, which say nothing about health. */
  app: 'ytd-app',
  /** The watch page and its metadata block under the player. */
  watch: 'ytd-watch-flexy',
  watchMetadata: 'ytd-watch-metadata',
  /** The video's channel: its link is `/@handle` (platforms.md §8.A, M). */
  videoOwner: 'ytd-video-owner-renderer',
  ownerLink: 'ytd-video-owner-renderer a[href^="/@"]',
  /**
   * The video's like button. `aria-pressed="true"` when liked: Return YouTube Dislike reads it
   * (Extensions/combined/src/state.js; platforms.md §8.A, H). The segmented view model is the current
   * one, `#segmented-like-button` the older layout.
   */
  videoLikeButton: 'like-button-view-model button, #segmented-like-button button',
  /** Subscribe button (platforms.md §8.A, L): the renderer, or its 2025 view-model successor. */
  subscribeButton: 'ytd-subscribe-button-renderer, yt-subscribe-button-view-model',
  /** Shown only when signed in (the account menu button in the top bar). */
  signedIn: 'ytd-topbar-menu-button-renderer #avatar-btn, #avatar-btn',
  /** The account menu's header, rendered once the menu was opened: it shows the user's own @handle. */
  ownHandle: 'ytd-active-account-header-renderer #channel-handle',

  /** A comment thread, and the comment itself (new and old element; platforms.md §8.A, M). */
  thread: 'ytd-comment-thread-renderer',
  comment: 'ytd-comment-view-model, ytd-comment-renderer',
  commentAuthor: '#author-text',
  /** The comment's timestamp links to it: `/watch?v=<video>&lc=<comment id>`. */
  commentLink: '#published-time-text a, a#published-time-text',
  commentText: '#content-text',
  /** Inside a comment's engagement bar; `aria-pressed` flips when (un)liked. */
  commentLikeButton: '#like-button button',
  commentDislikeButton: '#dislike-button button',

  /**
   * The comment box (platforms.md §8.A, M): the same `ytd-commentbox` serves a top-level comment, a
   * reply (inside a comment's `#reply-dialog` / `ytd-comment-replies-renderer`) and, on the user's own
   * channel, a community post (inside `ytd-backstage-post-dialog-renderer`; several automation scripts
   * agree, 2025-2026, M). The text is a contenteditable; the submit is `#submit-button`.
   */
  commentBox: 'ytd-commentbox',
  commentInput: '#contenteditable-root',
  submitButton: '#submit-button',
  /** The community post composer on one's own channel's Posts tab. */
  postDialog: 'ytd-backstage-post-dialog-renderer',
  /** Where comment and reply boxes live: never nudged (a comment is a give). */
  commentsArea: 'ytd-comments, ytd-comment-simplebox-renderer, ytd-comment-thread-renderer, ytd-comment-replies-renderer',

  /** Others' things worth engaging with, for the nudge's suggestions. */
  backstagePost: 'ytd-backstage-post-thread-renderer',
  backstageAuthor: '#author-text',
  /** A post's timestamp links to it: `/post/<id>` (as a comment's links to `…&lc=<id>`). */
  backstagePostLink: 'a[href^="/post/"], a[href^="https://www.youtube.com/post/"]',
  videoItem: 'ytd-rich-item-renderer, ytd-compact-video-renderer, yt-lockup-view-model',
  videoItemChannel: 'a[href^="/@"]',
} as const;
