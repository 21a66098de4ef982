/**
 * The site-agnostic content-script runtime (isolated world). It receives the page tap's relayed
 * requests, lets the site's adapter turn successful ones into observations, and sends them to the
 * background. Nothing runs on a feed until a request the adapter cares about completes, apart from
 * one idle-time health check per navigation.
 */
import * as v from 'valibot';
import { ShapeError, type NetworkCall, type SiteAdapter } from '../adapters/types.ts';
import type { HealthProblem, HealthScope } from '../shared/health.ts';
import { ext } from '../shared/extension-api.ts';
import type { ContentToBackground } from '../shared/messages.ts';
import { startNudge } from './nudge/controller.ts';
import { TAP_MESSAGE_KEY } from './page-tap.ts';
import { HEALTH_DELAY_MS } from './timing.ts';

const MAX_BODY = 256 * 1024;
const NetworkCallSchema = v.object({
  method: v.pipe(v.string(), v.maxLength(16)),
  url: v.pipe(v.string(), v.maxLength(4096)),
  status: v.pipe(v.number(), v.integer()),
  requestBody: v.nullable(v.pipe(v.string(), v.maxLength(MAX_BODY))),
  responseBody: v.nullable(v.pipe(v.string(), v.maxLength(MAX_BODY))),
  startedAt: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

export { HEALTH_DELAY_MS };

export function isConfirmed(call: NetworkCall): boolean {
  return call.status >= 200 && call.status < 300;
}

export function startContent(adapter: SiteAdapter): AbortController {
  const controller = new AbortController();
  const { signal } = controller;

  const send = (message: ContentToBackground, attempt = 0): void => {
    if (signal.aborted) return;
    const { runtime } = ext();
    // In a script orphaned by an extension reload, Chrome's sendMessage throws at once instead of
    // rejecting: the promise constructor turns both into one rejection.
    new Promise((resolve) => resolve(runtime.sendMessage(message))).catch(() => {
      // The extension was reloaded or removed: this script is orphaned, stop everything it does.
      if (!runtime.id) {
        controller.abort();
        return;
      }
      // The service worker may be starting up; retry with backoff. Writes are idempotent, so a
      // message delivered twice is harmless.
      if (attempt < 6) setTimeout(() => send(message, attempt + 1), 250 * 2 ** attempt);
    });
  };

  // Reported on every check: the background writes only when the state changes, and a report repeated
  // after "delete all" restores what was cleared. Each scope clears only its own problems.
  const reportHealth = (scope: HealthScope, problem: HealthProblem | null): void => {
    send({ type: 'health', platform: adapter.id, scope, problem });
  };
  // Whether this page has told the background, since it loaded or since its last unreadable request,
  // that it reads requests fine: the first one read says so (which clears a problem an earlier page
  // reported), later ones need not.
  let networkFine = false;

  const onCall = (call: NetworkCall): void => {
    if (!isConfirmed(call) || !adapter.tap.requests.test(call.url)) return;
    try {
      for (const observation of adapter.parseCall(call, document)) send({ type: 'observed', observation });
      if (!networkFine) {
        networkFine = true;
        reportHealth('network', null);
      }
    } catch (error) {
      if (error instanceof ShapeError) {
        networkFine = false;
        reportHealth('network', { code: 'request-shape', detail: error.message.slice(0, 300) });
      } else {
        console.warn('[Give First] could not read a request', error);
      }
    }
  };

  window.addEventListener(
    'message',
    (event: MessageEvent) => {
      if (event.source !== window) return;
      const data: unknown = event.data;
      if (!data || typeof data !== 'object' || !(TAP_MESSAGE_KEY in data)) return;
      const parsed = v.safeParse(NetworkCallSchema, (data as Record<string, unknown>)[TAP_MESSAGE_KEY]);
      if (parsed.success) onCall(parsed.output);
    },
    { signal },
  );

  let timer: ReturnType<typeof setTimeout> | undefined;
  const checkPage = (): void => {
    if (signal.aborted) return;
    try {
      // Sent on every check, not only on change: the background may have forgotten it (delete all), and
      // it ignores a handle it already knows.
      const identity = adapter.readIdentity(document);
      if (identity) send({ type: 'identity', platform: adapter.id, handle: identity });
      const url = new URL(location.href);
      if (adapter.healthApplies?.(url) ?? true) reportHealth('page', adapter.checkHealth(document, url));
    } catch (error) {
      console.warn('[Give First] page check failed', error);
    }
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(checkPage, { timeout: 2000 });
      else checkPage();
    }, HEALTH_DELAY_MS);
  };
  signal.addEventListener('abort', () => clearTimeout(timer));

  // Single-page apps change URL without reloading. The Navigation API tells us where it exists;
  // elsewhere a cheap URL comparison once a second does.
  const nav = (window as { navigation?: EventTarget }).navigation;
  if (nav) nav.addEventListener('navigatesuccess', schedule, { signal });
  else {
    let href = location.href;
    const poll = setInterval(() => {
      if (location.href !== href) {
        href = location.href;
        schedule();
      }
    }, 1000);
    signal.addEventListener('abort', () => clearInterval(poll));
  }
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true, signal });

  adapter.watch?.(document, (observation) => send({ type: 'observed', observation }), signal);
  startNudge(adapter, signal, send);
  return controller;
}
