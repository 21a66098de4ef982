/**
 * The nudge card: drawn by the extension in a closed shadow root, positioned beside the composer (never
 * over the site's own controls), keyboard-first (focus moves to it; Esc = Engage first), labelled for
 * screen readers, light and dark. Plain DOM: it must add little to every site's content-script bundle.
 */
import { PAUSE_SECONDS, type SnoozeChoice } from '../../core/nudge.ts';
import type { NudgeStrength } from '../../shared/settings.ts';
import { t } from '../../shared/i18n.ts';

export interface CardOptions {
  variant: 'full' | 'compact';
  strength: NudgeStrength;
  /** One line of fact: "This week: 2 given · 5 taken (2 promotional). 3 replies would balance it." */
  fact: string;
  /** Where to show the card: beside this element's box. */
  anchor: Element;
  onEngageFirst(): void;
  onPostAnyway(reason: string): void;
  onSnooze(choice: SnoozeChoice): void;
}

export const HOST_TAG = 'give-first-nudge';
/** The reflect strength asks for a sentence: at least this many non-space characters. */
export const REFLECT_MIN_CHARS = 8;

const CSS = `
:host { all: initial; }
.card {
  --bg: #fffdf7; --text: #1d2420; --muted: #4d5a53; --accent: #1e7b4f; --accent-text: #fff; --border: #e2c98f; --focus: #0b57d0;
  position: fixed; z-index: 2147483646; box-sizing: border-box; width: min(420px, calc(100vw - 16px));
  background: var(--bg); color: var(--text); border: 2px solid var(--border); border-left: 6px solid var(--accent);
  border-radius: 14px; padding: 14px 16px; box-shadow: 0 10px 30px rgb(0 0 0 / 25%);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  .card { --bg: #1d2620; --text: #eef5f0; --muted: #b4c3ba; --accent: #5cc08e; --accent-text: #0b1a12; --border: #7a6331; --focus: #8ab4f8; }
}
.card.compact { padding: 8px 12px; }
h2 { margin: 0 0 4px; font-size: 15px; }
p { margin: 0 0 10px; }
.compact p { margin: 0 0 6px; }
.row { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
button {
  font: inherit; cursor: pointer; border-radius: 999px; padding: 6px 14px; border: 1px solid var(--muted);
  background: transparent; color: var(--text);
}
button.hero { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 700; }
button[disabled] { opacity: 0.55; cursor: not-allowed; }
button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.menu { display: flex; gap: 6px; flex-wrap: wrap; margin-top: 8px; }
.menu[hidden], .why[hidden] { display: none; }
textarea { font: inherit; width: 100%; box-sizing: border-box; margin: 0 0 8px; color: var(--text); background: transparent;
  border: 1px solid var(--muted); border-radius: 8px; padding: 6px; }
.link { background: none; border: none; padding: 0; color: var(--muted); text-decoration: underline; border-radius: 4px; }
.why { color: var(--muted); font-size: 13px; margin-top: 8px; }
@media (prefers-reduced-motion: no-preference) { .card { animation: in 120ms ease-out; } @keyframes in { from { opacity: 0; } } }
`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** Room the card needs above its anchor; a full card is about this tall (a compact one is shorter). */
const ROOM_ABOVE = 230;
const MARGIN = 8;

/**
 * Places the card above the anchor when there is room, else below it. It never reads the card's own
 * size (that would force a layout of the whole site's page inside the click): the width is the one the
 * stylesheet sets, and "above" is drawn upwards from the anchor's top with a transform.
 */
function place(card: HTMLElement, anchor: Element): void {
  const box = anchor.getBoundingClientRect();
  const width = Math.min(420, innerWidth - 2 * MARGIN);
  card.style.left = `${Math.min(Math.max(MARGIN, box.left), innerWidth - width - MARGIN)}px`;
  if (box.top >= ROOM_ABOVE) {
    card.style.top = `${box.top - MARGIN}px`;
    card.style.transform = 'translateY(-100%)';
  } else {
    card.style.top = `${Math.max(MARGIN, Math.min(box.bottom + MARGIN, innerHeight - ROOM_ABOVE))}px`;
    card.style.transform = '';
  }
}

export interface ShownCard {
  close(): void;
  /** The card's root inside the closed shadow root (for the page's own tests only through the host). */
  host: HTMLElement;
}

export function showCard(options: CardOptions): ShownCard {
  const host = document.createElement(HOST_TAG);
  host.setAttribute('data-give-first-nudge', options.variant);
  const root = host.attachShadow({ mode: 'closed' });
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const controller = new AbortController();
  const { signal } = controller;
  let closed = false;
  const close = (restoreFocus = false): void => {
    if (closed) return;
    closed = true;
    controller.abort();
    host.remove();
    if (restoreFocus) previousFocus?.focus();
  };

  const titleId = 'give-first-nudge-title';
  const card = el('section', { className: `card ${options.variant}` });
  card.setAttribute('role', 'dialog');
  // The card speaks the extension's language, not the site's: screen readers pick the voice from this.
  card.setAttribute('lang', t('@@ui_locale').replace('_', '-'));
  card.setAttribute('aria-modal', 'false');
  card.setAttribute('aria-labelledby', titleId);
  card.setAttribute('aria-describedby', 'give-first-nudge-fact');

  const engage = el('button', { type: 'button', className: 'hero', textContent: t('nudgeEngageFirst') });
  const postAnyway = el('button', { type: 'button', textContent: t('nudgePostAnyway') });
  const snooze = el('button', { type: 'button', textContent: t('nudgeSnooze') });
  snooze.setAttribute('aria-expanded', 'false');
  const menu = el('div', { className: 'menu', hidden: true });
  menu.setAttribute('role', 'group');
  menu.setAttribute('aria-label', t('nudgeSnooze'));
  for (const choice of ['hour', 'today', 'week'] as const) {
    const item = el('button', { type: 'button', textContent: t(`nudgeSnooze_${choice}`) });
    item.addEventListener('click', () => {
      close(true);
      options.onSnooze(choice);
    }, { signal });
    menu.append(item);
  }
  snooze.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    snooze.setAttribute('aria-expanded', String(!menu.hidden));
    if (!menu.hidden) menu.querySelector('button')?.focus();
  }, { signal });

  const why = el('p', { className: 'why', hidden: true, textContent: t('nudgeWhyText') });
  why.id = 'give-first-nudge-why';
  const whyLink = el('button', { type: 'button', className: 'link', textContent: t('nudgeWhy') });
  whyLink.setAttribute('aria-expanded', 'false');
  whyLink.setAttribute('aria-controls', why.id);
  whyLink.addEventListener('click', () => {
    why.hidden = !why.hidden;
    whyLink.setAttribute('aria-expanded', String(!why.hidden));
  }, { signal });

  let reason: HTMLTextAreaElement | null = null;
  const gate = (): void => {
    if (reason) postAnyway.disabled = reason.value.replace(/\s/g, '').length < REFLECT_MIN_CHARS;
  };
  if (options.strength === 'reflect') {
    reason = el('textarea', { rows: 2, placeholder: t('nudgeReflectPlaceholder') });
    reason.setAttribute('aria-label', t('nudgeReflectLabel'));
    reason.addEventListener('input', gate, { signal });
    gate();
  } else if (options.strength === 'pause') {
    // A short, deterministic wait on "Post anyway": the same every time, never random.
    let left = PAUSE_SECONDS;
    postAnyway.disabled = true;
    postAnyway.textContent = t('nudgePostAnywayIn', String(left));
    const tick = setInterval(() => {
      left--;
      if (left > 0) {
        postAnyway.textContent = t('nudgePostAnywayIn', String(left));
        return;
      }
      clearInterval(tick);
      postAnyway.disabled = false;
      postAnyway.textContent = t('nudgePostAnyway');
    }, 1000);
    signal.addEventListener('abort', () => clearInterval(tick));
  }

  // "Engage first" lets the page move focus to a post worth answering; when it has none to offer, focus
  // goes back where it was rather than to the top of the page with the removed card (WCAG 2.4.3).
  const engageFirst = (): void => {
    close(false);
    options.onEngageFirst();
    if (!document.activeElement || document.activeElement === document.body) previousFocus?.focus();
  };
  engage.addEventListener('click', engageFirst, { signal });
  postAnyway.addEventListener('click', () => {
    if (postAnyway.disabled) return;
    const why = reason?.value.trim() ?? '';
    close(true);
    options.onPostAnyway(why);
  }, { signal });
  card.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      engageFirst();
    }
  }, { signal });

  const fact = el('p', { textContent: options.fact });
  fact.id = 'give-first-nudge-fact';
  const title = el('h2', { textContent: t(options.variant === 'full' ? 'nudgeTitle' : 'nudgeTitleCompact') });
  title.id = titleId;
  card.append(title, fact);
  if (options.variant === 'full') card.append(el('p', { textContent: t('nudgeSuggestion') }));
  if (reason) card.append(reason);
  card.append(el('div', { className: 'row' }, engage, postAnyway, snooze, whyLink), menu, why);
  root.append(el('style', { textContent: CSS }), card);
  document.documentElement.append(host);
  place(card, options.anchor);
  const reposition = (): void => place(card, options.anchor);
  addEventListener('resize', reposition, { signal });
  addEventListener('scroll', reposition, { signal, passive: true, capture: true });
  (reason ?? engage).focus();
  return { close: () => close(false), host };
}
