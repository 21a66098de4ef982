/**
 * FACEBOOK_TAP's reductions against every fixture: what the page tap relays carries no session token and,
 * of `variables`, none of the actor, session, tracking or idempotence fields; parse.ts reads from it exactly
 * what it reads from the whole form.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reduceRequestBody } from '../../content/page-tap.ts';
import type { NetworkCall } from '../types.ts';
import { FACEBOOK_TAP } from './network.ts';
import { parseFacebookCall } from './parse.ts';
import { FacebookSession } from './session.ts';
import { facebookHome } from '../../../tests/replicas/facebook/home.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const NAMES = readdirSync(FIXTURES).filter((n) => n.endsWith('.json')).map((n) => n.replace(/\.json$/, ''));
const fixture = callFixtures<Record<string, unknown>, string>(FIXTURES);
const AT = Date.UTC(2026, 10, 23, 10, 15);
const USER = '100004848287494';

function form(request: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) out.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return out.toString();
}

function calls(name: string): { whole: NetworkCall; relayed: NetworkCall } {
  const f = fixture(name);
  const whole = { method: f.method, url: f.url, status: f.status, requestBody: form(f.request), responseBody: f.response, startedAt: AT };
  return { whole, relayed: { ...whole, requestBody: reduceRequestBody(FACEBOOK_TAP, whole.requestBody) } };
}

// The e2e feed replica itself (one template, tests/replicas/facebook/home.ts), not a copy of it.
const page = (): Document => new DOMParser().parseFromString(facebookHome('en'), 'text/html');

describe('FACEBOOK_TAP reductions', () => {
  it.each(NAMES)('%s: no token, actor, session, tracking or idempotence field is relayed', (name) => {
    const { whole, relayed } = calls(name);
    const body = new URLSearchParams(relayed.requestBody ?? '');
    expect([...body.keys()]).toEqual(['fb_api_req_friendly_name', 'variables']);
    const variables = body.get('variables') ?? '';
    expect(whole.requestBody).toContain('actor_id'); // the fixtures carry them, so the test means something
    // (post.json's audience is a privacy setting, no `to_id`: nothing of it is kept.)
    for (const secret of [USER, 'actor_id', 'privacy', 'base_state', 'session_id', 'idempotence_token', 'attribution_id_v2', 'tracking', 'client_mutation_id', 'NAfsECRETdtsgT0KEN']) {
      expect(variables, secret).not.toContain(secret);
    }
  });

  it.each(NAMES)('%s: parse.ts reads the same from the relayed call as from the whole form', (name) => {
    const { whole, relayed } = calls(name);
    const parse = (c: NetworkCall): unknown => {
      try {
        return parseFacebookCall(c, page(), new FacebookSession(), 'sam.rivera');
      } catch (error) {
        return error;
      }
    };
    expect(parse(relayed)).toEqual(parse(whole));
  });
});
