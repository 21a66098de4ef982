import { afterAll, beforeAll, expect, test } from 'vitest';
import { launch, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

test('the built extension loads and its background answers', async () => {
  expect(h.extensionId).toMatch(/^[a-p]{32}$/);
  const reply = await h.send({ type: 'ping' });
  expect(reply).toEqual({ ok: true, value: 'pong' });
  const exported = await h.exportData();
  expect(exported.format).toBe('give-first-export');
  expect(exported.events).toEqual([]);
});
