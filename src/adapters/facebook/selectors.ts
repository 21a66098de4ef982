/**
 * Every DOM hook the Facebook adapter uses, by role (platforms.md §7.A). Facebook's classes are
 * obfuscated atomic CSS and change with every build: never used. What stays:
 * - `data-ad-rendering-role` values `like_button`, `comment_button`, `share_button`, `profile_name`,
 *   `story_message` (M: many independent 2024-2026 scripts);
 * - `[role="article"]` and `div[data-pagelet^="FeedUnit"]` for posts (M); a comment is a `[role="article"]`
 *   inside a post's;
 * - the Lexical editor `div[contenteditable="true"][data-lexical-editor="true"][role="textbox"]` (M);
 * - aria-labels, which are translated: the label maps below are a fallback (platforms.md §0 point 4).
 * Hook stability for Facebook is the lowest of all sites (platforms.md §12): checkHealth says when they go.
 */
export const selectors = {
  /** Post containers; the outermost match is the post (the feed unit wraps its article). */
  post: 'div[data-pagelet^="FeedUnit"], [role="article"]',
  /** Any article: a post's, or a comment's inside it. */
  article: '[role="article"]',
  likeRole: '[data-ad-rendering-role="like_button"]',
  commentRole: '[data-ad-rendering-role="comment_button"]',
  shareRole: '[data-ad-rendering-role="share_button"]',
  profileName: '[data-ad-rendering-role="profile_name"]',
  storyMessage: '[data-ad-rendering-role="story_message"]',
  /** Comment and post boxes alike (Lexical). */
  editor: 'div[contenteditable="true"][data-lexical-editor="true"][role="textbox"]',
  /** The "What's on your mind?" entry that opens the create-post dialog (L/M). */
  composerTrigger: '[data-pagelet="FeedComposer"] [role="button"], [aria-label*="Create a post"], [aria-label*="Crear publicación"]',
  dialog: '[role="dialog"]',
  /** The signed-in user's own profile link: first link of the left rail, or the "Your profile" link (L). */
  ownProfileLink: '[data-pagelet="LeftRail"] a[href], a[aria-label="Your profile"], a[aria-label="Tu perfil"]',
  main: '[role="main"]',
} as const;

/** Labels of an unpressed like control (the word "Like"), per language: fallback when the role is missing. */
export const LIKE_LABELS: ReadonlySet<string> = new Set(['Like', 'Me gusta', 'J’aime', "J'aime", 'Gefällt mir', 'Mi piace', 'Curtir', 'Gosto']);
/**
 * A pressed reaction control reads "Remove Like", "Remove Love"… ("Quitar Me gusta", "Quitar Me encanta"
 * in Spanish): M for English, L for the translations.
 */
export const REMOVE_REACTION_RE = /^(?:Remove|Quitar|Retirer|Entfernen|Rimuovi|Remover)\b/i;
/** The create-post dialog's submit, per language. */
export const POST_LABELS: ReadonlySet<string> = new Set(['Post', 'Publicar', 'Publier', 'Posten', 'Pubblica']);
