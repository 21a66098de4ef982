/**
 * The nudge before posting, on any site whose adapter has composer hooks. It listens (capture phase, on
 * window, so before the site's own handlers) for a submit click or keyboard submit, decides
 * synchronously from state it already holds, and only then may hold the submit back to show the card.
 *
 * Fail open, always: no state yet, an unknown composer, or any error means the post goes through
 * untouched. The draft is never read for anything but the card's decision and never changed.
 */
import type { SiteAdapter } from '../../adapters/types.ts';
import { bandOf, computeBalance, type Balance } from '../../core/balance.ts';
import { decideNudge, type NudgeState, type SnoozeChoice } from '../../core/nudge.ts';
import { ext } from '../../shared/extension-api.ts';
import { bandLabel, formatNumber, t } from '../../shared/i18n.ts';
import type { ContentToBackground } from '../../shared/messages.ts';
import { normalizeSettings, SETTINGS_KEY, type Settings } from '../../shared/settings.ts';
import { emptyNudgeState, SNAPSHOT_KEY, type Snapshot } from '../../shared/snapshot.ts';
import { showCard, type ShownCard } from './card.ts';

/** How long suggested posts stay highlighted after "Engage first". */
const HIGHLIGHT_MS = 20_000;
const HIGHLIGHT_ATTR = 'data-give-first-suggested';

export function factLine(balance: Balance, hideNumbers: boolean): string {
  if (hideNumbers) {
    return `${t('nudgeFactHidden', bandLabel(bandOf(balance)))} ${t('verdictHiddenOwed')}`;
  }
  const { give, take, promoPosts } = balance.week;
  const facts = promoPosts > 0
    ? t('nudgeFactPromo', [formatNumber(give), formatNumber(take), String(promoPosts)])
    : t('nudgeFact', [formatNumber(give), formatNumber(take)]);
  const owed = balance.owed === 1 ? t('nudgeOwedOne') : t('nudgeOwed', String(balance.owed));
  return `${facts} ${owed}`;
}

export function startNudge(adapter: SiteAdapter, signal: AbortSignal, send: (message: ContentToBackground) => void): void {
  const platform = adapter.id;
  const hooks = adapter.composer;
  let settings: Settings | null = null;
  let snapshot: Snapshot | null = null;
  /** The nudge state as this page knows it: the background's, plus what happened here since. */
  let local: NudgeState = emptyNudgeState();
  let card: ShownCard | null = null;
  /** Submit controls allowed through once, after "Post anyway". */
  const allowOnce = new WeakSet<HTMLElement>();

  const load = async (): Promise<void> => {
    const stored = await ext().storage.local.get([SETTINGS_KEY, SNAPSHOT_KEY]);
    settings = normalizeSettings(stored[SETTINGS_KEY]);
    snapshot = (stored[SNAPSHOT_KEY] as Snapshot | undefined) ?? null;
    local = { ...emptyNudgeState(), ...snapshot?.nudge };
  };
  load().catch((error: unknown) => console.warn('[Give First] nudge state unavailable; posts go through', error));
  const onChanged = (changes: Record<string, unknown>, area: string): void => {
    if (area === 'local' && (changes[SETTINGS_KEY] || changes[SNAPSHOT_KEY])) void load().catch(() => undefined);
  };
  const storageChanged = ext().storage.onChanged;
  storageChanged.addListener(onChanged);
  signal.addEventListener('abort', () => {
    storageChanged.removeListener(onChanged);
    card?.close();
  });

  // The page itself is the freshest source: the background learns the identity only after the page settles.
  const ownHandle = (): string | null =>
    adapter.readIdentity(document) ?? snapshot?.identities[platform] ?? settings?.handles[platform]?.[0] ?? null;

  const highlight = (): void => {
    for (const old of document.querySelectorAll<HTMLElement>(`[${HIGHLIGHT_ATTR}]`)) clear(old);
    const posts = hooks.suggestions(document, ownHandle(), 3);
    for (const post of posts) {
      post.setAttribute(HIGHLIGHT_ATTR, '');
      post.style.setProperty('outline', '3px solid #1e7b4f', 'important');
      post.style.setProperty('outline-offset', '-3px', 'important');
      setTimeout(() => clear(post), HIGHLIGHT_MS);
    }
    const first = posts[0];
    if (first) {
      first.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
      if (!first.hasAttribute('tabindex')) first.tabIndex = -1;
      first.focus({ preventScroll: true });
    }
  };
  function clear(post: HTMLElement): void {
    post.removeAttribute(HIGHLIGHT_ATTR);
    post.style.removeProperty('outline');
    post.style.removeProperty('outline-offset');
  }

  const onSubmit = (event: Event, submit: HTMLElement): void => {
    if (allowOnce.has(submit)) {
      allowOnce.delete(submit);
      return;
    }
    if (card) {
      // A second try while the card is open: keep the card as the one place to decide.
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    let decision;
    let fact = '';
    let info;
    try {
      if (!settings || !snapshot) return;
      info = hooks.describe(submit, new URL(location.href));
      if (!info) return;
      const now = Date.now();
      const balance = computeBalance(snapshot.tallies, settings, now);
      decision = decideNudge({ platform, isOriginalPost: info.kind === 'post', balance, settings: settings.nudge, state: local, now });
      if (!decision.show) return;
      fact = factLine(balance, settings.hideNumbers);
    } catch (error) {
      console.warn('[Give First] nudge decision failed; the post goes through', error);
      return;
    }
    event.preventDefault();
    event.stopImmediatePropagation();
    const { variant } = decision;
    const postAnyway = (): void => {
      allowOnce.add(submit);
      submit.click();
    };
    try {
      card = showCard({
        variant,
        strength: decision.strength,
        fact,
        anchor: info.anchor,
        onEngageFirst() {
          card = null;
          local.lastEngageFirst = { ...local.lastEngageFirst, [platform]: Date.now() };
          send({ type: 'nudge', platform, outcome: 'engageFirst', variant });
          highlight();
        },
        onPostAnyway() {
          card = null;
          send({ type: 'nudge', platform, outcome: 'postedAnyway', variant });
          postAnyway();
        },
        onSnooze(choice: SnoozeChoice) {
          card = null;
          send({ type: 'nudge', platform, outcome: 'snoozed', variant, snooze: choice });
          local.snoozedUntil = Number.MAX_SAFE_INTEGER; // until the background's answer arrives
        },
      });
      if (variant === 'full') local.lastFullCard = { ...local.lastFullCard, [platform]: Date.now() };
      send({ type: 'nudge', platform, outcome: 'shown', variant });
    } catch (error) {
      // The submit was held back but the card could not be drawn: let the post through now.
      console.warn('[Give First] nudge card failed; posting', error);
      card = null;
      postAnyway();
    }
  };

  addEventListener('click', (event) => {
    const target = event.target;
    if (!(target instanceof Element)) return;
    try {
      hooks.noteClick(target, Date.now());
      const submit = hooks.submitFromClick(target);
      if (submit) onSubmit(event, submit);
    } catch (error) {
      console.warn('[Give First] nudge listener failed', error);
    }
  }, { capture: true, signal });

  addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    try {
      const submit = hooks.submitFromKey(event);
      if (submit) onSubmit(event, submit);
    } catch (error) {
      console.warn('[Give First] nudge listener failed', error);
    }
  }, { capture: true, signal });
}
