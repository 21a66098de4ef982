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

/** The parts of a site's network knowledge the MAIN-world tap needs; kept apart so its bundle stays tiny. */
export interface TapSpec {
  /** Requests (other than GET) worth relaying, matched against the absolute URL. */
  requests: RegExp;
  /** Of those, the ones whose response body the adapter reads. */
  responses: RegExp;
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
   * Whether the hooks the adapter relies on still match this page. `null` means fine or not applicable.
   * Runs when the page is idle after a navigation, never from a mutation callback.
   */
  checkHealth(doc: Document, url: URL): HealthProblem | null;
}

/** Thrown by parsers when a request the adapter knows has an unexpected shape; becomes a health report. */
export class ShapeError extends Error {
  constructor(readonly operation: string, detail: string) {
    super(`${operation}: ${detail}`);
  }
}
