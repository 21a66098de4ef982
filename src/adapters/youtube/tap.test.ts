/**
 * YOUTUBE_TAP's allow-lists against every fixture: what the page tap relays carries no client context,
 * visitor data or click tracking, and parse.ts reads from it exactly what it reads from the whole call.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { reduceRequestBody, reduceResponseBody } from '../../content/page-tap.ts';
import type { NetworkCall } from '../types.ts';
import { createYoutubeAdapter } from './index.ts';
import { YOUTUBE_TAP } from './network.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NAMES = readdirSync(FIXTURES).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));
const fixture = callFixtures(FIXTURES);
const AT = Date.UTC(2026, 10, 23, 10, 15);

/** The call as the page sent and received it, and as the tap relays it. */
function calls(name: string): { whole: NetworkCall; relayed: NetworkCall } {
  const f = fixture(name);
  const whole = {
    method: f.method, url: f.url, status: f.status, startedAt: AT,
    requestBody: JSON.stringify(f.request), responseBody: f.response === undefined ? null : JSON.stringify(f.response),
  };
  const answer = YOUTUBE_TAP.responses.test(f.url) ? whole.responseBody : null;
  return {
    whole: { ...whole, responseBody: answer },
    relayed: { ...whole, requestBody: reduceRequestBody(YOUTUBE_TAP, whole.requestBody), responseBody: reduceResponseBody(YOUTUBE_TAP, answer) },
  };
}

function page(file: string, url: string): Document {
  const win = new Window({ url });
  win.document.write(readFileSync(join(FIXTURES, file), 'utf8'));
  return win.document as unknown as Document;
}

describe('YOUTUBE_TAP allow-lists', () => {
  it.each(NAMES)('%s: no context, visitor data or click tracking is relayed', (name) => {
    const { whole, relayed } = calls(name);
    expect(whole.requestBody).toContain('visitorData'); // the fixtures carry them, so the test means something
    const text = JSON.stringify(relayed);
    for (const secret of ['context', 'visitorData', 'CgtSRVBMSUNBLVZJUyiA', 'clickTracking', 'CNoBEJhNIhMI-REPLICA', 'originalUrl', 'responseContext']) {
      expect(text, secret).not.toContain(secret);
    }
  });

  it.each(NAMES)('%s: parse.ts reads the same from the relayed call as from the whole one', (name) => {
    const { whole, relayed } = calls(name);
    const doc = (): Document => name === 'create-post'
      ? page('posts.html', 'https://www.youtube.com/@givefirst/posts')
      : page('watch.html', 'https://www.youtube.com/watch?v=Gf1rStV1deo');
    const expected = createYoutubeAdapter().parseCall(whole, doc());
    expect(expected.length + (name === 'perform-comment-action' ? 1 : 0)).toBeGreaterThan(0);
    expect(createYoutubeAdapter().parseCall(relayed, doc())).toEqual(expected);
  });
});
