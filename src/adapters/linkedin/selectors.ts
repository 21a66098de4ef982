/**
 * Every DOM hook the LinkedIn adapter uses, by role. LinkedIn runs two front ends at once (platforms.md §5.A):
 * - classic Ember/artdeco feed: readable BEM classes (H/M, live-verified design note 2026-08-02 and
 *   xldeveloper/openclaw-skills dom-patterns.md);
 * - newer React/SDUI surfaces: hashed class names (never used here) and translated aria-labels; the hooks
 *   that stay are `data-view-name` (`feed-full-update` is H/M; the other view names below are L, inferred
 *   from LinkedIn's naming and not confirmed on the live site) and the urns in data-urn / data-id / permalinks.
 * Aria-labels are localised: the label maps below are a fallback only (platforms.md §0 point 4).
 * `ember####` ids change every render: never used.
 */
export const selectors = {
  /** Post containers of both front ends (the first three are the classic feed's). */
  post: 'div[data-urn^="urn:li:activity:"], div.feed-shared-update-v2, [data-id^="urn:li:activity:"], [data-view-name="feed-full-update"]',
  /** A post's permalink; the activity urn in it names the post when no attribute does. */
  permalink: 'a[href*="/feed/update/urn:li:activity:"]',
  /** The author's link in a post header: classic actor block, then the SDUI actor view. */
  actorLink: '.update-components-actor__meta-link, .update-components-actor a[href], [data-view-name="feed-actor-image"], [data-view-name^="feed-actor"] a[href]',
  /**
   * Post-level react button. Only the social action bar scope separates it from comment like buttons
   * (same `react-button__trigger` class), and the first button of the bar may be the page-admin identity
   * switcher (platforms.md §5.A, H). SDUI: the `reaction-button` view name (L).
   */
  reactButton: '.feed-shared-social-action-bar span.reactions-react-button button[aria-pressed], [data-view-name="feed-social-action-bar"] [data-view-name="reaction-button"][aria-pressed]',
  /** Repost button (opens the menu: repost now / repost with thoughts). */
  repostButton: '.feed-shared-social-action-bar .social-reshare-button, [data-view-name="feed-social-action-bar"] [data-view-name="repost-button"]',
  /** Follow buttons in a post header or a card (aria-label localised; class and view name first). */
  followButton: 'button.follow, button.update-components-actor__follow-button, [data-view-name="feed-follow-button"], button[aria-label^="Follow "], button[aria-label^="Seguir a "]',
  /** A posted comment; its data-id is `urn:li:comment:(activity:<post>,<comment>)` (H). */
  comment: 'article.comments-comment-entity[data-id], article[data-id^="urn:li:comment:"]',
  commentActorLink: '.comments-comment-meta__actor a[href], .comments-post-meta a[href], [data-view-name="comment-actor"] a[href], a[data-view-name="comment-actor"]',
  /** Comment and reply forms (their submit is never nudged). */
  commentForm: 'form.comments-comment-box__form, [data-view-name="comment-box"]',
  /** Share box ("Start a post") and its modal. */
  shareTrigger: 'button.share-box-feed-entry__trigger, [data-view-name="share-sharebox-focus"]',
  shareModal: '.share-box-v2__modal, [data-view-name="share-modal"], [role="dialog"]',
  /** The modal's Post button: classic class, SDUI view name (L); else a localised label (below). */
  sharePostButton: 'button.share-actions__primary-action, [data-view-name="share-post-button"]',
  /** The share modal's editor: Quill in the classic UI, a contenteditable textbox in SDUI. */
  shareEditor: '.ql-editor[contenteditable="true"], [role="textbox"][contenteditable="true"]',
  /** The reshared post's preview inside the share modal (repost with thoughts). */
  reshareePreview: '.update-components-mini-update-v2, [data-view-name="share-reshare-preview"]',
  /** The signed-in user's own profile link: left-rail identity module, then the "Me" menu (M/L). */
  ownProfileLink: '.feed-identity-module a[href*="/in/"], [data-view-name="identity-module"] a[href*="/in/"], .global-nav__me-content a[href*="/in/"], [data-view-name="navigation-settings"] a[href*="/in/"]',
  main: 'main',
} as const;

/** The share modal's Post button by its visible text, per language: a fallback for unknown markup. */
export const POST_BUTTON_LABELS: ReadonlySet<string> = new Set(['Post', 'Publicar', 'Publier', 'Posten', 'Pubblica', 'Publiceren']);

/** Post-level react button labels (`React Like` / `Unreact Like`, Spanish `Recomendar`…): fallback only. */
export const REACT_LABEL_RE = /^(?:(?:Un)?react Like|Like|Recomendar|Reaccionar|Deshacer reacción|J’aime|Gefällt mir)\b/i;
