/**
 * Every DOM hook the Reddit adapter uses, by role and front end (platforms.md §4.A).
 * Shreddit: custom element names and their attributes (RedditEnhancer 2026-08-14, toolbox 2026-03-04:
 * confidence H for posts, comments, composers; M for the join button and the new-post composer).
 * Nothing inside a shadow root and no Tailwind class is used. old.reddit: RES's `.thing` markup (H).
 */
export const shreddit = {
  app: 'shreddit-app',
  post: 'shreddit-post',
  comment: 'shreddit-comment',
  /** The comment's text, slotted into the shreddit-comment (light DOM). */
  commentText: '[slot="comment"]',
  /** Any comment composer: the top-level one in comment-composer-host, a reply one inside a comment. */
  commentComposer: 'comment-composer-host, shreddit-composer, shreddit-simple-composer',
  composerText: '[contenteditable="true"][role="textbox"], shreddit-markdown-composer textarea, textarea',
  /** Light-DOM submit button of a comment composer (`slot="submit-button"`). */
  commentSubmit: 'button[type="submit"]',
  postComposer: 'r-post-composer-form',
  postSubmit: '#submit-post-button',
  postTitle: 'post-composer-title textarea, faceplate-textarea-input[name="title"], textarea[name="title"]',
  joinButton: 'shreddit-join-button',
  /**
   * Where shreddit names the signed-in user. Confidence L (inference from 2025-26 pages, no maintained
   * source): an attribute on shreddit-app, else the "View Profile" link of the user drawer. When neither
   * is found the user's handle from the options page is used, and own-thread replies may count as giving.
   */
  appUserAttr: 'user-name',
  profileLink: '#user-drawer-content a[href^="/user/"]',
} as const;

export const old = {
  thing: '.thing[data-fullname]',
  link: '.thing.link[data-fullname]',
  commentThing: '.thing.comment[data-fullname]',
  upArrow: '.arrow.up, .arrow.upmod',
  /** The signed-in user's name in the header (`span.user a`, RES). */
  user: '#header-bottom-right span.user > a, span.user > a',
  commentForm: 'form.usertext',
  commentSave: 'button.save, button[type="submit"]',
  submitForm: 'form#newlink',
  submitButton: 'button[type="submit"][name="submit"], button[name="submit"]',
  submitTitle: '#title-field textarea, textarea[name="title"]',
  submitText: '#text-field textarea, textarea[name="text"]',
  siteTable: '#siteTable',
} as const;
