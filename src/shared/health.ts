/** Adapter health: whether a site's hooks still match what the adapter expects. */
import type { Platform } from './events.ts';

export interface HealthProblem {
  /** Stable code, for tests and for the record (`no-posts`, `request-shape`, …). */
  code: string;
  /** Short technical detail in English (selector or operation name); shown under the translated line. */
  detail: string;
}

export interface PlatformHealth {
  platform: Platform;
  state: 'ok' | 'degraded';
  /** When the current state began (epoch ms). */
  since: number;
  /** When the adapter last reported (epoch ms). */
  checkedAt: number;
  problem?: HealthProblem;
}
