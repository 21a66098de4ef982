/**
 * A small stateful fake of Facebook's `/api/graphql/` for the feed replicas (tests/replicas/facebook/), plus the
 * helpers the Facebook end-to-end tests share. Shapes: platforms.md §7.B and src/adapters/facebook/network.ts
 * (form-encoded bodies naming the operation in `fb_api_req_friendly_name`; replies guarded by `for (;;);`,
 * some several JSON documents one per line; refusals sent with HTTP 200 and `errors`). It records every call
 * and can be told to fail one.
 *
 * The ids and slugs below are the ones written into the replica template (tests/replicas/facebook/home.html,
 * rendered per variant by home.ts); keep both in step.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { facebookHome } from '../replicas/facebook/home.ts';
import { RecordingFake, serveSite, storedEvents, until, type ApiAnswer, type ExportedEvent, type Harness } from './harness.ts';

// The Facebook tests' event helpers are the harness's (one copy for every site).
export { storedEvents, waitForEvent } from './harness.ts';

export const VIEWER = { id: '100004848287494', slug: 'sam.rivera' } as const;
/** The fb_dtsg and lsd tokens the replica's client sends (they must never be stored or relayed). */
export const TOKENS = ['NAfsECRETdtsgT0KEN', 'SeCrEtLsDtOkEn'] as const;

/** Posts by feed position (aria-posinset), with their ids and authors. */
export const POSTS = {
  alice: { pos: '1', id: '10161234567890123', author: 'alice.chen' },
  bob: { pos: '2', id: '10169876543210987', author: 'bob.okafor' },
  acme: { pos: '3', id: '10165550001112223', author: 'acme.bakery' },
} as const;
/** Carol's comment under Alice's post. */
export const CAROL_COMMENT = { ref: '10161234567890123_880011223344', author: 'carol.diaz' } as const;

export const FACEBOOK_URLS = {
  /** English, XHR, FeedUnit pagelets. */
  home: 'https://www.facebook.com/',
  /** Spanish labels, extra wrappers, no FeedUnit pagelets, fetch. */
  es: 'https://www.facebook.com/?variant=es',
  /** English, but the unreact goes through a mutation the adapter does not know (DOM fallback). */
  unknownUnreact: 'https://www.facebook.com/?unreact=unknown',
  /** English, but the post headers' profile_name hook renamed: health must degrade. */
  broken: 'https://www.facebook.com/?variant=broken',
  /** English, but the like request's feedback_id renamed: the adapter must report it cannot read it. */
  renamedShape: 'https://www.facebook.com/?shape=renamed',
} as const;

export type FailMode = 500 | 'graphql-error' | 'login';

export interface RecordedCall {
  /** The friendly name. */
  op: string;
  form: URLSearchParams;
  variables: Record<string, unknown>;
  status: number;
}

const guard = (docs: unknown[]): string => `for (;;);${docs.map((d) => JSON.stringify(d)).join('\n')}`;
const b64 = (text: string): string => Buffer.from(text).toString('base64');

export class FakeFacebookApi extends RecordingFake<RecordedCall, FailMode> {
  /** Ids of the stories (posts, shares) created so far. */
  readonly stories: string[] = [];
  /** `<post>_<comment>` ids of the comments created so far. */
  readonly comments: string[] = [];
  private seq = 0;

  constructor() {
    super('fake Facebook API');
  }

  override reset(): void {
    super.reset();
    this.stories.length = 0;
    this.comments.length = 0;
  }

  readonly handle = async (request: { method: string; url: URL; body: string | null }): Promise<ApiAnswer | undefined> => {
    if (request.method !== 'POST' || request.url.pathname !== '/api/graphql/') return undefined;
    return this.answering(() => {
      const form = new URLSearchParams(request.body ?? '');
      const op = form.get('fb_api_req_friendly_name') ?? '';
      const variables = JSON.parse(form.get('variables') ?? '{}') as Record<string, unknown>;
      const answer = this.answer(op, variables);
      this.calls.push({ op, form, variables, status: answer.status });
      return answer;
    });
  };

  /** A fresh numeric id, time-ordered like Facebook's. */
  private id(): string {
    return `${10170000000000000n + BigInt(Date.now() % 1_000_000_000) * 10n + BigInt(this.seq++ % 10)}`;
  }

  private answer(op: string, variables: Record<string, unknown>): ApiAnswer {
    const text = (body: string, status = 200): ApiAnswer => ({ status, body, contentType: 'text/html; charset="utf-8"' });
    const failure = this.nextFailure(op);
    if (failure === 500) return text('<!DOCTYPE html><title>Error</title>Sorry, something went wrong.', 500);
    if (failure === 'login') return text(guard([{ __ar: 1, error: 1357001, errorSummary: "You're Temporarily Blocked", errorDescription: 'Please log in.', payload: null }]));
    if (failure === 'graphql-error') {
      return text(guard([{ errors: [{ message: 'A server error field_exception occured.', severity: 'CRITICAL', code: 1675030 }], data: { [op === 'ComposerStoryCreateMutation' ? 'story_create' : 'comment_create']: null } }]));
    }
    const input = (variables.input ?? {}) as Record<string, unknown>;
    switch (op) {
      case 'CometUFIFeedbackReactMutation':
      case 'CometUFIFeedbackRemoveReactionMutation': {
        const reaction = input.feedback_reaction_id;
        return text(guard([{
          data: { feedback_react: { feedback: { id: input.feedback_id, viewer_feedback_reaction_info: reaction ? { id: reaction, key: 1 } : null } } },
          extensions: { is_final: true },
        }]));
      }
      case 'useCometUFICreateCommentMutation': {
        const feedback = Buffer.from(String(input.feedback_id), 'base64').toString().replace(/^feedback:/, '');
        const post = feedback.split('_')[0] ?? feedback;
        const id = this.id().slice(-12);
        this.comments.push(`${post}_${id}`);
        return text(guard([
          { data: { comment_create: { feedback_comment_edge: { node: { id: b64(`comment:${post}_${id}`), legacy_fbid: id, body: { text: (input.message as { text?: string })?.text } } } } } },
          { label: 'CometUFICommentBody_comment$defer$CometUFICommentTranslation', path: ['comment_create', 'feedback_comment_edge', 'node'], data: { translation: null } },
          { extensions: { is_final: true } },
        ]));
      }
      case 'useCometUFIDeleteCommentMutation':
        return text(guard([{ data: { comment_delete: { deleted_comment_id: input.comment_id } }, extensions: { is_final: true } }]));
      case 'ComposerStoryCreateMutation':
      case 'useCometFeedToFeedReshare_FeedToFeedMutation': {
        const id = this.id();
        this.stories.push(id);
        return text(guard([
          { data: { story_create: { story: { id: b64(`S:_I${VIEWER.id}:${id}`), legacy_story_hideable_id: id, url: `https://www.facebook.com/${VIEWER.slug}/posts/pfbid0${id}` } } } },
          { extensions: { is_final: true } },
        ]));
      }
      default:
        // Any query (the feed's pagination): a large-ish reply the extension must never read.
        return text(guard([{ data: { viewer: { news_feed: { edges: Array.from({ length: 3 }, (_, i) => ({ cursor: `c${i}`, node: { id: b64(`S:_I1:${i}`) } })) } } } }]));
    }
  }
}

export async function serveFacebook(context: BrowserContext, api: FakeFacebookApi): Promise<void> {
  await serveSite(context, 'https://www.facebook.com', {
    '/': () => facebookHome('en'),
    '/?variant=es': () => facebookHome('es'),
    '/?variant=broken': () => facebookHome('broken'),
    '/?shape=renamed': () => facebookHome('en'),
  }, api.handle);
  await serveSite(context, 'https://static.xx.fbcdn.net', { '/rsrc.php/v4/yQ/r/gfReplicaClient.js': 'facebook/client.js' });
}

export async function openFacebook(h: Harness, url: string = FACEBOOK_URLS.home): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __REPLICA_FB__?: { ready?: boolean } }).__REPLICA_FB__?.ready === true);
  return page;
}

/** A post by its feed position. */
export function post(page: Page, which: { pos: string }): Locator {
  return page.locator(`[aria-posinset="${which.pos}"] > [role="article"], [aria-posinset="${which.pos}"] > div > div > [role="article"]`).first();
}

/** A post's like control (the role=button around its like_button). */
export function likeButton(page: Page, which: { pos: string }): Locator {
  return post(page, which).locator('.ufi [role="button"]').filter({ has: page.locator('[data-ad-rendering-role="like_button"]') });
}

export async function waitForEvents<T>(
  h: Harness, probe: (events: ExportedEvent[]) => T | undefined | null | false, what: string, timeoutMs = 10_000,
): Promise<T> {
  return (await until(async () => probe(await storedEvents(h)), timeoutMs, what)) as T;
}
