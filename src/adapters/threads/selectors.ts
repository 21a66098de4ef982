/**
 * Every DOM hook the Threads adapter uses, by role. Threads is Meta's atomic-CSS React app (platforms.md
 * §6.A, stability low, §12 rank 9): class names like `x6s0dn4` churn and are never used here. What stays
 * is ARIA: icon SVGs with an aria-label inside a `[role="button"]`, the post container's
 * `data-pressable-container`, links to `/@handle` and `/@handle/post/<code>`. Source: one third-party
 * selector file "last verified Jan 2026" (confidence M/L).
 *
 * All labels are localized (platforms.md §0 point 4), so each role has a label map. English labels are
 * the ones that source names (M/L); every other language below is LOW confidence: inferred from Meta's
 * Spanish UI wording (Facebook/Instagram), not seen on the live Threads site.
 */
export const selectors = {
  /** One post in a feed, a thread or a profile (M/L). */
  post: '[data-pressable-container="true"]',
  /** A post's own permalink (`/@handle/post/<code>`); its author's profile link. */
  postLink: 'a[href*="/post/"]',
  authorLink: 'a[href^="/@"], a[href^="https://www.threads.com/@"], a[href^="https://www.threads.net/@"]',
  /** Every action icon is an SVG with an aria-label; the control is the closest role=button. */
  icon: 'svg[aria-label]',
  control: '[role="button"], button',
  /** The composer: a dialog with a contenteditable text box (M/L). */
  dialog: '[role="dialog"]',
  composerText: '[role="textbox"][contenteditable="true"]',
  main: 'main, [role="main"]',
} as const;

/** Icon labels per role. English M/L (see above); Spanish and others LOW confidence. */
export const LABELS = {
  like: ['Like', 'Me gusta'],
  unlike: ['Unlike', 'Ya no me gusta'],
  reply: ['Reply', 'Responder'],
  repost: ['Repost', 'Republicar'],
  share: ['Share', 'Compartir'],
  create: ['Create', 'Crear'],
  profile: ['Profile', 'Perfil'],
} as const satisfies Record<string, readonly string[]>;

/** Visible texts of controls without an icon. English M/L ("Post", "Follow"), others LOW confidence. */
export const TEXTS = {
  /** The composer's submit button. */
  post: ['Post', 'Publicar'],
  /** The repost menu's quote item. */
  quote: ['Quote', 'Citar'],
  /** A follow button, and its state once following (L, platforms.md §6.A). */
  follow: ['Follow', 'Seguir', 'Follow back', 'Seguir también'],
  following: ['Following', 'Siguiendo'],
  /** The feed's inline "What's new?" box that opens the composer for an original post (L). */
  startPost: ["What's new?", '¿Qué novedades hay?'],
} as const satisfies Record<string, readonly string[]>;

export type IconRole = keyof typeof LABELS;

const iconByLabel = new Map<string, IconRole>(
  (Object.entries(LABELS) as [IconRole, readonly string[]][]).flatMap(([role, labels]) => labels.map((l) => [l, role] as const)),
);

/** The role of an icon label (`Unlike` → unlike), or null. */
export function iconRole(label: string | null): IconRole | null {
  return label ? iconByLabel.get(label.trim()) ?? null : null;
}

export function textIs(el: Element, texts: readonly string[]): boolean {
  const text = el.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  return texts.includes(text);
}
