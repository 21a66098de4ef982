/**
 * The one contract every site adapter implements. An adapter holds all knowledge of one site —
 * selectors, URLs, request shapes — and nothing else: no storage, no messaging, no UI.
 */
import type { Platform } from '../shared/events.ts';
import type { HealthProblem } from '../shared/health.ts';
import type { Observation } from '../shared/observations.ts';

/** A completed request the page made, as relayed by the page tap (src/content/page-tap.ts). */
export interface NetworkCall {
  method: string;
  url: string;
  /** HTTP status; 0 when the request failed at the network level. */
  status: number;
  requestBody: string | null;
  responseBody: string | null;
  /** Epoch ms when the request was sent. */
  startedAt: number;
}

/**
 * The parts of a site's network knowledge the MAIN-world tap needs; kept apart so its bundle stays tiny.
 * The reductions below run in the page's world, before anything is relayed: what they drop never reaches
 * the extension. A relayed body is reduced first (form fields, then JSON fields), then cut to the tap's
 * size limit.
 */
export interface TapSpec {
  /** Requests (other than GET) worth relaying, matched against the absolute URL. */
  requests: RegExp;
  /** Of those, the ones whose response body the adapter reads. */
  responses: RegExp;
  /**
   * For sites whose request bodies are forms that also carry session tokens (Meta's GraphQL sends
   * fb_dtsg, lsd, jazoest… beside the operation): only these fields are relayed, everything else is
   * dropped in the page world, so tokens never reach the extension. When set, every relayed body is
   * read as application/x-www-form-urlencoded.
   */
  formFields?: readonly string[];
  /**
   * Form fields whose value is JSON (Meta's `variables`) or signed JSON (`signed_body=SIGNATURE.{json}`),
   * each with the JSON paths kept (dotted, nested allowed; src/shared/json-fields.ts). A value that is
   * not such JSON is dropped with its field. Applied after `formFields`.
   */
  formJsonFields?: Readonly<Record<string, readonly string[]>>;
  /**
   * For JSON request bodies: the paths kept (dotted, nested allowed), everything else (client context,
   * visitor data, click tracking) is dropped. A body that is not JSON is relayed as null.
   */
  jsonFields?: readonly string[];
  /**
   * For JSON answers: the paths kept, as `jsonFields`. An answer that is not plain JSON (Meta's
   * `for (;;);`-guarded or several documents included) is relayed as null.
   */
  responseJsonFields?: readonly string[];
  /**
   * Further narrows `requests` by the body: one GraphQL endpoint carries every query and mutation, and
   * only the few mutations the adapter reads are relayed. Tested against the raw body as the page sends it,
   * before any reduction (a cheap test: a body it rejects is never parsed, copied or kept). Requests whose
   * body cannot be read as text are not relayed when this is set.
   */
  bodies?: RegExp;
  /**
   * The URLs `bodies` applies to (absent: all of `requests`). Threads sends its mutations to a GraphQL
   * endpoint shared with every feed query, but posts to an endpoint of their own: a post is relayed
   * whatever its body, so that a changed body shows as a request the adapter cannot read.
   */
  bodiesFor?: RegExp;
}

/** What kind of writing a composer's submit would publish; only `post` (original) can be nudged. */
export type ComposerKind = 'post' | 'reply' | 'quote' | 'edit' | 'message';

export interface ComposerInfo {
  kind: ComposerKind;
  /** The draft as the user wrote it (read only, never changed). */
  draft: string;
  /** The composer's box, for placing the nudge card beside it. */
  anchor: Element;
}

/** What the nudge needs from a site: its submit controls and what they would publish. */
export interface ComposerHooks {
  /** The submit control a click on `target` activates, or null. */
  submitFromClick(target: Element): HTMLElement | null;
  /** The submit control a key press submits (e.g. Ctrl/Cmd+Enter in the text box), or null. */
  submitFromKey(event: KeyboardEvent): HTMLElement | null;
  /** Describes the composer a submit control belongs to; null when it cannot tell (then no nudge). */
  describe(submit: HTMLElement, url: URL): ComposerInfo | null;
  /**
   * Sees every click first (capture phase) so the adapter can remember what opened a composer (a
   * reply button, a quote item). Must be cheap: it runs on every click on the site.
   */
  noteClick(target: Element, now: number): void;
  /** Up to `max` posts by other people visible on the page, the best to answer first. */
  suggestions(doc: Document, ownHandle: string | null, max: number): HTMLElement[];
}

export interface SiteAdapter {
  id: Platform;
  /** Content-script match patterns; the manifest lists exactly these (checked by a meta-test). */
  matches: readonly string[];
  tap: TapSpec;
  /**
   * Turns one completed request into observations. Called only for 2xx responses: a failed request
   * never counts. `doc` is there to enrich targets (author, URL) from the page.
   */
  parseCall(call: NetworkCall, doc: Document): Observation[];
  /** The signed-in user's own handle as the page shows it, or null. */
  readIdentity(doc: Document): string | null;
  /**
   * Whether the hooks the adapter relies on still match this page; `null` means fine.
   * Runs when the page is idle after a navigation, never from a mutation callback.
   */
  checkHealth(doc: Document, url: URL): HealthProblem | null;
  /**
   * Whether this page can tell anything about health (a timeline can; a settings page cannot). On pages
   * where it returns false nothing is reported, so a degraded state is not cleared by a page that merely
   * has nothing to check. Absent: every page is judged.
   */
  healthApplies?(url: URL): boolean;
  /** Composer hooks for the nudge before posting. */
  composer: ComposerHooks;
  /**
   * For actions that are not fetch/XHR calls (server-rendered forms, image beacons, unknown endpoints):
   * watch the page — delegated listeners on the document, never per-element and never heavy work in a
   * mutation callback — and emit an observation only once the page confirms the action (the UI state
   * flipped, the new comment appeared). Everything it adds must stop when `signal` aborts.
   */
  watch?(doc: Document, emit: (observation: Observation) => void, signal: AbortSignal): void;
}

/** Thrown by parsers when a request the adapter knows has an unexpected shape; becomes a health report. */
export class ShapeError extends Error {
  constructor(readonly operation: string, detail: string) {
    super(`${operation}: ${detail}`);
  }
}
