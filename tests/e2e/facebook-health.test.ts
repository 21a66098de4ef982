/**
 * Facebook adapter health end to end:
 * - tests/replicas/facebook/home-broken.html: the post headers' profile_name hook renamed; the page check
 *   (HEALTH_DELAY_MS after load) must report it, in the popup too, while capture, which rests on the network,
 *   goes on; the real feed brings it back, with the identity;
 * - home.html?shape=renamed: the like request's feedback_id renamed; nothing is counted and the network reader
 *   reports the request it could not read, until a request it can read comes in.
 */
import { expect, test } from 'vitest';
import { POPUP, until, useSite, waitForSnapshot } from './harness.ts';
import { FACEBOOK_URLS, FakeFacebookApi, POSTS, VIEWER, likeButton, openFacebook, serveFacebook, storedEvents, waitForEvent } from './facebook-api.ts';

const api = new FakeFacebookApi();
const h = useSite((context) => serveFacebook(context, api), [api]);

test('a renamed post-header hook makes Facebook degraded (shown in the popup) while capture goes on; the real feed brings it back', async () => {
  const broken = await openFacebook(h, FACEBOOK_URLS.broken);
  await likeButton(broken, POSTS.bob).click();
  // The like counts; only the author, read from the page, is missing.
  const like = await waitForEvent(h, `facebook:like:${POSTS.bob.id}`);
  expect(like.target).toEqual({ id: POSTS.bob.id, url: `https://www.facebook.com/${POSTS.bob.id}` });

  const degraded = (await waitForSnapshot(h, (s) => s.health.facebook?.state === 'degraded', 'facebook health to become degraded')).health.facebook;
  expect(degraded?.problem?.code).toBe('no-author');
  const popup = await h.openPage(POPUP);
  await expect.poll(() => popup.getByTestId('health-facebook').innerText()).toMatch(/^Facebook capture: degraded since .*profile_name/s);
  await popup.close();
  await broken.close();

  const good = await openFacebook(h, FACEBOOK_URLS.home);
  const recovered = await waitForSnapshot(h, (s) => s.health.facebook?.state === 'ok' && !!s.identities.facebook, 'facebook health ok and identity');
  expect(recovered.identities.facebook).toBe(VIEWER.slug);
  await good.close();
});

test('a like request whose shape changed counts nothing and is reported; a readable one clears it', async () => {
  const renamed = await openFacebook(h, FACEBOOK_URLS.renamedShape);
  await likeButton(renamed, POSTS.alice).click();
  await until(() => api.callsOf('CometUFIFeedbackReactMutation').length === 1, 5000, 'the like request');
  const degraded = (await waitForSnapshot(h, (s) => s.health.facebook?.problems?.network !== undefined, 'a network health problem')).health.facebook;
  expect(degraded?.problems?.network).toMatchObject({ code: 'request-shape' });
  expect(degraded?.problems?.network?.detail).toMatch(/CometUFIFeedbackReactMutation: missing input\.feedback_id/);
  expect((await storedEvents(h)).filter((e) => e.platform === 'facebook')).toEqual([]);
  await renamed.close();

  const good = await openFacebook(h, FACEBOOK_URLS.home);
  await likeButton(good, POSTS.bob).click();
  await waitForEvent(h, `facebook:like:${POSTS.bob.id}`);
  await waitForSnapshot(h, (s) => s.health.facebook?.problems?.network === undefined, 'the network problem to clear');
});
