/** Adapter health: whether a site's hooks still match what the adapter expects. */
import type { Platform } from './events.ts';

export interface HealthProblem {
  /** Stable code, for tests and for the record (`no-posts`, `request-shape`, …). */
  code: string;
  /** Short technical detail in English (selector or operation name); shown under the translated line. */
  detail: string;
}

/**
 * Who found a problem: the page check (the site's markup) or the network reader (a request the
 * adapter could not read). Each clears only its own problems.
 */
export type HealthScope = 'page' | 'network';
export const HEALTH_SCOPES: readonly HealthScope[] = ['page', 'network'];

export interface PlatformHealth {
  platform: Platform;
  state: 'ok' | 'degraded';
  /** When the current state began (epoch ms). */
  since: number;
  /** When the adapter last reported (epoch ms). */
  checkedAt: number;
  /** The problem shown: the page's, else the network's. */
  problem?: HealthProblem;
  /** Each scope's open problem. */
  problems?: Partial<Record<HealthScope, HealthProblem>>;
}

const sameProblem = (a: HealthProblem | undefined, b: HealthProblem | undefined): boolean => a?.code === b?.code && a?.detail === b?.detail;

/**
 * A platform's health after one scope reports (problem, or null for "fine"): degraded while any scope
 * has a problem, so a page that looks fine never clears a request the adapter could not read, nor the
 * other way round. Null when nothing changed (the background then writes nothing). A record written
 * before scopes existed counts its problem as the network's if it was a request-shape one, else the page's.
 */
export function nextHealth(
  before: PlatformHealth | undefined, platform: Platform, scope: HealthScope, problem: HealthProblem | null, now: number,
): PlatformHealth | null {
  const problems: Partial<Record<HealthScope, HealthProblem>> = {
    ...(before?.problems ?? (before?.problem ? { [before.problem.code === 'request-shape' ? 'network' : 'page']: before.problem } : {})),
  };
  if (before && sameProblem(problems[scope], problem ?? undefined)) return null;
  if (problem) problems[scope] = problem;
  else delete problems[scope];
  const shown = problems.page ?? problems.network;
  const state = shown ? 'degraded' : 'ok';
  return {
    platform, state, checkedAt: now,
    since: before?.state === state ? before.since : now,
    ...(shown ? { problem: shown, problems } : {}),
  };
}
