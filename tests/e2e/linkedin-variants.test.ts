/**
 * LinkedIn across markup variants, plus adapter health, identity and the DOM fallback for unreact:
 * - tests/replicas/linkedin/feed-broken.html: the post containers' hooks renamed; the health check
 *   (HEALTH_DELAY_MS after load) must report it, in the popup too, while capture, which rests on the
 *   network, keeps working;
 * - feed.html and feed-sdui-es.html: health ok, identity read on both front ends;
 * - feed.html?unreact=v2: the unreact goes to an SDUI action the adapter does not know, so only the
 *   react button's settled aria-pressed (src/adapters/linkedin/watch.ts) can confirm it.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { UNREACT_SETTLE_MS } from '../../src/adapters/linkedin/watch.ts';
import { closeSitePages, launch, POPUP, until, waitForSnapshot, type Harness } from './harness.ts';
import {
  FakeLinkedInApi, LINKEDIN_URLS, POSTS, VIEWER, openLinkedIn, reactButton, serveLinkedIn, storedEvents, waitForEvent,
} from './linkedin-api.ts';

let h: Harness;
const api = new FakeLinkedInApi();

beforeAll(async () => {
  h = await launch();
  await serveLinkedIn(h.context, api);
});
afterAll(async () => h?.close());
beforeEach(async () => {
  api.reset();
  expect(await h.send({ type: 'deleteAll' })).toMatchObject({ ok: true });
});
afterEach(async () => {
  await closeSitePages(h);
});

/** The broken variant's posts carry no /feed/update/ permalink: find them by their renamed attribute. */
function brokenReactButton(page: Page, urn: string) {
  return page.locator(`div[data-entity-urn="${urn}"][role="article"] .feed-shared-social-action-bar .react-button__trigger`);
}

test('renamed post containers make LinkedIn degraded (shown in the popup) while capture goes on; the real feed brings it back', async () => {
  const broken = await openLinkedIn(h, LINKEDIN_URLS.broken);
  await brokenReactButton(broken, POSTS.alice.activity).click();
  // The like counts; only the author, read from the page, is missing.
  const like = await waitForEvent(h, `linkedin:like:${POSTS.alice.activity}`);
  expect(like.target).toEqual({ id: POSTS.alice.activity, url: `https://www.linkedin.com/feed/update/${POSTS.alice.activity}/` });

  const degraded = (await waitForSnapshot(h, (s) => s.health.linkedin?.state === 'degraded', 'linkedin health to become degraded')).health.linkedin;
  expect(degraded?.problem?.code).toBe('no-posts');
  const popup = await h.openPage(POPUP);
  await expect.poll(() => popup.getByTestId('health-linkedin').innerText()).toMatch(/^LinkedIn capture: degraded since .*no post container/s);
  await popup.close();
  await broken.close();

  const good = await openLinkedIn(h, LINKEDIN_URLS.classic);
  const recovered = await waitForSnapshot(h, (s) => s.health.linkedin?.state === 'ok' && !!s.identities.linkedin, 'linkedin health ok and identity');
  expect(recovered.identities.linkedin).toBe(VIEWER.slug);
  const popup2 = await h.openPage(POPUP);
  await expect.poll(() => popup2.getByTestId('health-linkedin').innerText()).toBe('LinkedIn capture: working');
  await popup2.close();
  await good.close();
});

test('the SDUI front end (Spanish, hashed classes) is healthy and gives the identity', async () => {
  const page = await openLinkedIn(h, LINKEDIN_URLS.sdui);
  const snap = await waitForSnapshot(h, (s) => s.health.linkedin?.state === 'ok' && s.identities.linkedin === VIEWER.slug, 'sdui health ok');
  expect(snap.health.linkedin?.problem).toBeUndefined();
  await page.close();
});

test('an unreact through an unknown route is confirmed by the react button once it settles', async () => {
  const page = await openLinkedIn(h, LINKEDIN_URLS.unknownUnreact);
  await reactButton(page, POSTS.bob.activity).click();
  const liked = await waitForEvent(h, `linkedin:like:${POSTS.bob.activity}`);
  await reactButton(page, POSTS.bob.activity).click();
  await api.idle();
  expect(api.callsOf('sdui:com.linkedin.sdui.reactions.remove')).toHaveLength(1);
  const undone = await until(async () => (await storedEvents(h)).find((e) => e.id === liked.id && e.undoneAt), UNREACT_SETTLE_MS + 5000, 'the DOM-confirmed unreact');
  expect(undone?.at).toBe(liked.at);
});

test('an unreact through an unknown route that fails rolls the button back and undoes nothing', async () => {
  api.fail('sdui:com.linkedin.sdui.reactions.remove', 500);
  const page = await openLinkedIn(h, LINKEDIN_URLS.unknownUnreact);
  await reactButton(page, POSTS.bob.activity).click();
  await waitForEvent(h, `linkedin:like:${POSTS.bob.activity}`);
  await reactButton(page, POSTS.bob.activity).click();
  await page.getByRole('alert').waitFor();
  expect(await reactButton(page, POSTS.bob.activity).getAttribute('aria-pressed')).toBe('true');
  // Nothing to wait on but the fallback's own settle time: past it, the like must still be live.
  await page.waitForTimeout(UNREACT_SETTLE_MS + 1000);
  const [event] = (await storedEvents(h)).filter((e) => e.id === `linkedin:like:${POSTS.bob.activity}`);
  expect(event?.undoneAt).toBeUndefined();
});
