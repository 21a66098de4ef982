/**
 * A small stateful fake of YouTube's InnerTube endpoints for the replica (tests/replicas/youtube/):
 * answers like/subscribe/comment/post calls in the shapes the web client gets (platforms.md §8.B;
 * YouTube.js and YouTubeKit read the same fields: createCommentAction / createCommentReplyAction with a
 * comment view model, frameworkUpdates' commentEntityPayload, runAttestationCommand's externalPostId),
 * can be told to fail an endpoint, and records every call. Ids and handles match the replica pages.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { serveSite, until, type ExportedEvent, type Harness } from './harness.ts';

export const ORIGIN = 'https://www.youtube.com';
export const VIDEO = 'Gf1rStV1deo';
export const OWNER = { handle: 'alicecodes', channelId: 'UCaL1ceC0desChanneL00001' };
export const ME = { handle: 'givefirst', channelId: 'UCg1veF1rstOwnChanneL0001' };
export const COMMENTS = { bob: 'UgzBob0001CommentAaABAg', carol: 'UgxCarol002CommentAaABAg', own: 'UgyOwnOld0001CommentAaABAg' } as const;

export const YT_URLS = {
  watch: `${ORIGIN}/watch?v=${VIDEO}`,
  es: `${ORIGIN}/watch?v=${VIDEO}&hl=es`,
  broken: `${ORIGIN}/watch?v=${VIDEO}&variant=broken`,
  posts: `${ORIGIN}/@givefirst/posts`,
  postsEs: `${ORIGIN}/@givefirst/posts?hl=es`,
} as const;

export interface YtCall { op: string; body: Record<string, unknown>; status: number }

export class FakeYouTube {
  calls: YtCall[] = [];
  private failing = new Map<string, { status: number; when?: (body: Record<string, unknown>) => boolean; delayMs?: number }>();
  private next = 1;

  reset(): void {
    this.calls = [];
    this.failing.clear();
  }

  /**
   * `op` is the endpoint after /youtubei/v1/, e.g. `like/like`, `comment/perform_comment_action`. `when`
   * fails only the calls whose body it accepts; `delayMs` holds the failing answer back (a slow error).
   */
  fail(op: string, status = 500, options: { when?: (body: Record<string, unknown>) => boolean; delayMs?: number } = {}): void {
    this.failing.set(op, { status, ...options });
  }

  callsTo(op: string): YtCall[] {
    return this.calls.filter((c) => c.op === op);
  }

  private commentAnswer(actionName: string, text: string, reply: boolean) {
    const id = reply ? `${COMMENTS.bob}.AReply${String(this.next++).padStart(4, '0')}` : `UgyNew${String(this.next++).padStart(4, '0')}CommentAaABAg`;
    const key = `Ehp${id.slice(0, 8)}`;
    const view = { commentViewModel: { commentViewModel: { commentKey: key, commentId: id } } };
    return {
      responseContext: { mainAppWebResponseContext: { loggedOut: false } },
      actionResult: { status: 'STATUS_SUCCEEDED' },
      actions: [
        { runAttestationCommand: { requestId: `req-${id}`, ids: [{ encryptedVideoId: VIDEO }, { externalCommentId: id }] } },
        { [actionName]: { contents: reply ? view : { commentThreadRenderer: view } } },
      ],
      frameworkUpdates: { entityBatchUpdate: { mutations: [{ entityKey: key, type: 'ENTITY_MUTATION_TYPE_REPLACE', payload: { commentEntityPayload: {
        key, properties: { commentId: id, content: { content: text }, replyLevel: reply ? 1 : 0 }, author: { channelId: ME.channelId, displayName: `@${ME.handle}` },
      } } }] } },
    };
  }

  async handle(method: string, url: URL, body: string | null): Promise<{ status: number; body: unknown } | undefined> {
    if (!url.pathname.startsWith('/youtubei/v1/')) return undefined;
    const op = url.pathname.slice('/youtubei/v1/'.length);
    if (method !== 'POST') return { status: 405, body: {} };
    const parsed = JSON.parse(body ?? '{}') as Record<string, unknown>;
    const rule = this.failing.get(op);
    const failing = rule && (!rule.when || rule.when(parsed)) ? rule.status : undefined;
    this.calls.push({ op, body: parsed, status: failing ?? 200 });
    if (failing) {
      if (rule?.delayMs) await new Promise((resolve) => setTimeout(resolve, rule.delayMs));
      return { status: failing, body: { error: { code: failing, message: 'Internal error encountered.', status: 'INTERNAL' } } };
    }
    switch (op) {
      case 'like/like':
        return { status: 200, body: { responseContext: {}, actions: [{ openPopupAction: { popup: { notificationActionRenderer: { responseText: { runs: [{ text: 'Added to Liked videos' }] } } }, popupType: 'TOAST' } }] } };
      case 'like/removelike':
      case 'like/dislike':
        return { status: 200, body: { responseContext: {}, actions: [] } };
      case 'subscription/subscribe':
      case 'subscription/unsubscribe': {
        const channelId = (parsed.channelIds as string[] | undefined)?.[0];
        return { status: 200, body: { responseContext: {}, actions: [{ updateSubscribeButtonAction: { subscribed: op.endsWith('/subscribe'), channelId } }] } };
      }
      case 'comment/create_comment':
        return { status: 200, body: this.commentAnswer('createCommentAction', String(parsed.commentText), false) };
      case 'comment/create_comment_reply':
        return { status: 200, body: this.commentAnswer('createCommentReplyAction', String(parsed.commentText), true) };
      case 'comment/perform_comment_action':
        return { status: 200, body: { responseContext: {}, actionResults: [{ status: 'STATUS_SUCCEEDED' }] } };
      case 'backstage/create_post': {
        const id = `UgkxNewPost${String(this.next++).padStart(4, '0')}`;
        return { status: 200, body: { responseContext: {}, actions: [
          { runAttestationCommand: { requestId: `req-${id}`, ids: [{ externalPostId: id }], engagementType: 'ENGAGEMENT_TYPE_POST' } },
          { addBackstagePostAction: { item: { backstagePostThreadRenderer: { post: { backstagePostRenderer: { postId: id, contentText: { runs: [{ text: String(parsed.commentText) }] } } } } } } },
        ] } };
      }
      default:
        return { status: 404, body: {} };
    }
  }
}

export async function serveYouTube(context: BrowserContext, api: FakeYouTube): Promise<void> {
  await serveSite(context, ORIGIN, {
    '/watch': 'youtube/watch.html',
    '/@givefirst/posts': 'youtube/posts.html',
    '/s/desktop/replica/jsbin/desktop_polymer.vflset/desktop_polymer.js': 'youtube/client.js',
    '/s/desktop/replica/jsbin/labels-en.js': 'youtube/labels-en.js',
    '/s/desktop/replica/jsbin/labels-es.js': 'youtube/labels-es.js',
  }, ({ method, url, body }) => api.handle(method, url, body));
}

export async function openYouTube(h: Harness, url: string = YT_URLS.watch): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  await page.locator(url.includes('/posts') ? 'ytd-backstage-post-dialog-renderer' : 'ytd-comment-thread-renderer').first().waitFor();
  return page;
}

/** The comment with this id (new or old element). */
export const comment = (page: Page, id: string): Locator => page.locator(`[data-replica-comment="${id}"]`);
export const videoLike = (page: Page): Locator => page.locator('like-button-view-model button');

export async function ytEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events.filter((e) => e.platform === 'youtube');
}

export async function waitForYtEvent(h: Harness, predicate: (e: ExportedEvent) => boolean, what = 'a YouTube event'): Promise<ExportedEvent> {
  return (await until(async () => (await ytEvents(h)).find(predicate), 10_000, what)) as ExportedEvent;
}
