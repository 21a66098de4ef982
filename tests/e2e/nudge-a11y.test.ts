/**
 * Accessibility of the nudge card, as the built extension draws it on the X replica in Chromium (issue
 * #7): no axe-core violations in light and dark, named and described as a dialog, every action by
 * keyboard with a visible focus ring, and no motion when reduced motion is asked for.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { axeResults } from './a11y.ts';
import { launch, noon, startWith, until, type Harness } from './harness.ts';
import { cardAccessibility, cardMarkup, clickCardButton, onCardRoot, readCard, waitForCard } from './nudge-card.ts';
import { FakeXApi, lowBalanceWeek, openX, serveX, X_URLS } from './x-api.ts';

let h: Harness;
const api = new FakeXApi();

beforeAll(async () => {
  h = await launch();
  await serveX(h.context, api);
});
afterAll(async () => h?.close());
beforeEach(() => api.reset());

/** 1 given, 3 taken this week, so an original post is nudged. */
const LOW = lowBalanceWeek(noon);
type Strength = 'gentle' | 'pause' | 'reflect';
const nudgeSettings = (strength: Strength) => ({ nudge: { enabled: true, strength, quietHours: null, disabledPlatforms: [] } });

const composer = (page: Page) => page.locator('[data-testid="tweetTextarea_0"]').first();

/** Opens X, types a draft and submits it with Ctrl+Enter (keyboard only after the first click), until the card shows. */
async function nudged(page: Page, draft: string): Promise<void> {
  await composer(page).click();
  await page.keyboard.type(draft);
  await page.keyboard.press('Control+Enter');
  await waitForCard(page);
}

/** The focused element inside the card: its label and how its focus is drawn. */
function focused(page: Page) {
  return onCardRoot(page, (root) => {
    const el = root.activeElement as HTMLElement | null;
    if (!el) return null;
    const style = getComputedStyle(el);
    return {
      label: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    };
  });
}

/**
 * axe-core cannot enter the card's closed shadow root (it walks `element.shadowRoot`, null when
 * closed), and the root stays closed in production so that the site's scripts cannot read or restyle
 * the card. So the root's content is copied as rendered — the outer HTML of its <style> and card,
 * read over the DevTools protocol, with the card's inline position and its hidden/expanded state — and
 * mounted unchanged in an *open* shadow root of a host of the same tag and attributes on a blank page
 * of the same size and language. The copy is faithful: same nodes, attributes, ids and stylesheet, and
 * `:host { all: initial }` with `position: fixed` cuts the card off from the page's styles and layout in
 * both places, so the colours, sizes and contrast axe measures are the ones a person sees on X.
 * One difference, on purpose: the extension puts the host on <html> after <body>; the copy's host is in
 * <body>, because axe leaves the contrast of anything outside <body> undecided ("incomplete").
 */
async function axeOnCopy(markup: string, variant: string, lang: string, colorScheme: 'light' | 'dark') {
  const page = await h.context.newPage();
  try {
    await page.emulateMedia({ colorScheme });
    await page.setContent(`<!DOCTYPE html><html lang="${lang}"><head><title>Nudge card (copy)</title></head><body></body></html>`);
    await page.evaluate(async ([html, v]) => {
      const host = document.createElement('give-first-nudge');
      host.setAttribute('data-give-first-nudge', v);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = html;
      document.body.append(host);
      // The copy fades in as the card did (120 ms); axe measures contrast after the fade, as a person reads it.
      await Promise.all(root.querySelector('section')?.getAnimations({ subtree: true }).map((a) => a.finished) ?? []);
    }, [markup, variant] as const);
    return await axeResults(page);
  } finally {
    await page.close();
  }
}

describe('the nudge card passes axe-core, light and dark', () => {
  const cases: { name: string; strength: Strength; prepare?: (page: Page) => Promise<void> }[] = [
    {
      name: 'full card, snooze menu and "why" open',
      strength: 'gentle',
      async prepare(page) {
        await clickCardButton(page, 'Snooze');
        await clickCardButton(page, 'Why am I seeing this?');
        const card = await readCard(page);
        expect(card?.buttons.map((b) => b.label)).toContain('1 hour');
        expect(card?.text).toContain('Why am I seeing this?');
      },
    },
    { name: 'pause: a disabled, counting "Post anyway"', strength: 'pause' },
    { name: 'reflect: a sentence first', strength: 'reflect' },
  ];
  for (const { name, strength, prepare } of cases) {
    test(name, async () => {
      await startWith(h, LOW, nudgeSettings(strength));
      const page = await openX(h);
      await nudged(page, 'Checking the card');
      await prepare?.(page);
      const markup = await cardMarkup(page);
      const variant = (await readCard(page))?.variant ?? 'full';
      const lang = await page.evaluate(() => document.documentElement.lang);
      await page.close();
      expect(markup).toMatch(/^<style>[\s\S]*<\/style><section /);
      for (const scheme of ['light', 'dark'] as const) {
        expect(await axeOnCopy(markup, variant, lang, scheme), `${name}, ${scheme}`).toEqual({ violations: [], incomplete: [] });
      }
      if (strength === 'gentle') {
        // The control: axe does look into the copy. With the muted text made pale (light scheme), the
        // "why" link and text fail contrast.
        const pale = markup.replace('--muted: #4d5a53', '--muted: #c8cfcb');
        expect(pale).not.toBe(markup);
        const { violations } = await axeOnCopy(pale, variant, lang, 'light');
        expect(violations.map((v) => v.id)).toEqual(['color-contrast']);
      }
    });
  }

  test('compact card (a full one was shown within 12 hours)', async () => {
    await startWith(h, LOW);
    let page = await openX(h);
    await nudged(page, 'First');
    await clickCardButton(page, 'Post anyway');
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    await page.close();
    page = await openX(h);
    await nudged(page, 'Second');
    expect((await readCard(page))?.variant).toBe('compact');
    const markup = await cardMarkup(page);
    await page.close();
    for (const scheme of ['light', 'dark'] as const) {
      expect(await axeOnCopy(markup, 'compact', 'en', scheme), `compact, ${scheme}`).toEqual({ violations: [], incomplete: [] });
    }
  });
});

describe('the nudge card in the page', () => {
  test('is a dialog named by its title and described by the fact line', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await nudged(page, 'Who are you?');
    const ax = await cardAccessibility(page);
    expect(ax.role).toBe('dialog');
    expect(ax.name).toBe('Give first?');
    expect(ax.description).toBe('Past 7 days: 1 given · 3 taken (1 promotional). 3 replies would balance it.');
    // In the extension's language whatever the site's, so a screen reader reads it with the right voice.
    expect(await cardMarkup(page)).toMatch(/<section [^>]*role="dialog"[^>]* lang="en(-[A-Z]{2})?"/);
    await page.close();
  });

  test('keyboard alone: focus starts in the card, Tab and Shift+Tab move with a visible ring, Enter and Space act, Esc keeps the draft', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await nudged(page, 'Keyboard only');
    expect(await focused(page)).toEqual({ label: 'Engage first', ring: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ label: 'Post anyway', ring: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ label: 'Snooze', ring: true });
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ label: 'Why am I seeing this?', ring: true });
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ label: 'Snooze', ring: true });
    // Enter opens the snooze menu and moves into it.
    await page.keyboard.press('Enter');
    expect(await focused(page)).toEqual({ label: '1 hour', ring: true });
    expect(await onCardRoot(page, (root) => root.querySelector('[aria-expanded="true"]')?.textContent)).toBe('Snooze');
    // Space unfolds "why".
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toEqual({ label: 'Why am I seeing this?', ring: true });
    await page.keyboard.press('Space');
    expect((await readCard(page))?.text).toContain('You are about to publish a new post');
    // Esc is "Engage first": the card goes, the draft stays as typed, nothing was posted, and focus
    // moves to the first post by someone else that the extension points at.
    await page.keyboard.press('Escape');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(await composer(page).innerText()).toBe('Keyboard only');
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-give-first-suggested'))).toBe(true);
    await page.close();
  });

  test('keyboard alone: Esc with no post to point at gives focus back to the composer', async () => {
    await startWith(h, LOW);
    // The variant whose post containers the adapter cannot find: nothing to suggest.
    const page = await openX(h, X_URLS.broken);
    await nudged(page, 'Nowhere to go');
    await page.keyboard.press('Escape');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(await page.locator('[data-give-first-suggested]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tweetTextarea_0');
    expect(await composer(page).innerText()).toBe('Nowhere to go');
    await page.close();
  });

  test('keyboard alone: Space on "Post anyway" posts the draft once, and focus goes back to the composer', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await nudged(page, 'Spacebar post');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await until(() => api.callsOf('CreateTweet').length === 1, 5000, 'CreateTweet');
    expect(api.callsOf('CreateTweet')[0]?.variables.tweet_text).toBe('Spacebar post');
    expect(await readCard(page)).toBeNull();
    // The card's focus goes back where it came from (the composer), not to the top of the page.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName)).toBe('tweetTextarea_0');
    await page.close();
  });

  test('keyboard alone: a snooze choice closes the card and gives focus back to the composer, draft intact', async () => {
    await startWith(h, LOW);
    const page = await openX(h);
    await nudged(page, 'Later');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await focused(page)).toEqual({ label: '1 hour', ring: true });
    await page.keyboard.press('Enter');
    await until(async () => (await readCard(page)) === null, 2000, 'the card to close');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('tweetTextarea_0');
    expect(await composer(page).innerText()).toBe('Later');
    expect(api.callsOf('CreateTweet')).toHaveLength(0);
    await page.close();
  });

  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    test(`prefers-reduced-motion: ${reducedMotion}`, async () => {
      await startWith(h, LOW);
      const page = await openX(h);
      await page.emulateMedia({ reducedMotion });
      await nudged(page, 'Still');
      const motion = await onCardRoot(page, (root) => [...root.querySelectorAll('*')]
        .filter((el) => el.tagName !== 'STYLE')
        .map((el) => getComputedStyle(el))
        .filter((s) => s.animationName !== 'none' || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0))
        .map((s) => `${s.animationName} ${s.transitionDuration}`));
      // With motion allowed the card fades in (so the check can see motion); reduced, nothing moves.
      if (reducedMotion === 'reduce') expect(motion).toEqual([]);
      else expect(motion).toEqual(['in 0s']);
      await page.close();
    });
  }
});
