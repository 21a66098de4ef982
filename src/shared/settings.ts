/**
 * User settings, kept in `browser.storage.local` under one versioned key. Pure: no browser API here,
 * so the background, the pages and the content scripts all read settings through the same code.
 */
import * as v from 'valibot';
import { KINDS, PLATFORMS, type Kind, type Platform } from './events.ts';

export const SETTINGS_KEY = 'settings';
/**
 * Version history: 1 — target, weights, handles, domains, sites. 2 — adds `nudge` (strength, quiet
 * hours, per-site switch) and `hideNumbers`. 3 — adds `brands` (product and brand names, for the
 * self-promotion classifier). Older stored settings are upgraded by filling what they lack with defaults
 * (normalizeSettings), never by dropping what the user chose.
 */
export const SETTINGS_VERSION = 3;

export type NudgeStrength = 'gentle' | 'pause' | 'reflect';

export interface NudgeSettings {
  enabled: boolean;
  /** gentle: the card · pause: a 5-second wait on "Post anyway" · reflect: type a reason first. */
  strength: NudgeStrength;
  /** Local hours [from, to) when no nudge shows; may wrap midnight (22 → 7). null: none. */
  quietHours: { from: number; to: number } | null;
  /** Sites where the user switched the nudge off. */
  disabledPlatforms: Platform[];
}

export interface Weights {
  like: number;
  follow: number;
  repost: number;
  quote: number;
  reply: number;
  /** What an ordinary own post takes. */
  post: number;
  /** What a self-promotional own post takes. */
  promoPost: number;
}

export interface Settings {
  version: number;
  /** Give points wanted for each take point (3 means 3 : 1). */
  target: number;
  weights: Weights;
  /** The user's own handles per platform, without a leading @. */
  handles: Partial<Record<Platform, string[]>>;
  /** Domains the user owns; a post linking to one is promotional. */
  domains: string[];
  /** The user's product and brand names; a post naming one leans promotional. */
  brands: string[];
  /** Sites whose capture is switched off. */
  disabledPlatforms: Platform[];
  /** The nudge before posting. */
  nudge: NudgeSettings;
  /** Show bands ("balanced", "leaning take") instead of figures, for those who'd rather not count. */
  hideNumbers: boolean;
  /** First day of the review week, 0 = Sunday … 6 = Saturday (local time). Monday by default (ISO 8601). */
  weekStart: number;
  /** A notification at the start of each week when the last week's review is ready. */
  reviewNotifications: boolean;
}

export const DEFAULT_WEIGHTS: Weights = {
  like: 1, follow: 1, repost: 2, quote: 2, reply: 3, post: 1, promoPost: 2,
};

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  target: 3,
  weights: DEFAULT_WEIGHTS,
  handles: {},
  domains: [],
  brands: [],
  disabledPlatforms: [],
  nudge: { enabled: true, strength: 'gentle', quietHours: null, disabledPlatforms: [] },
  hideNumbers: false,
  weekStart: 1,
  reviewNotifications: true,
};

export const TARGET_PRESETS = [
  { id: 'jab', target: 3 },
  { id: 'reddit', target: 9 },
  { id: 'eighty', target: 4 },
] as const;

const weight = v.pipe(v.number(), v.minValue(0), v.maxValue(100));
const handleList = v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(50));

export const SettingsSchema = v.object({
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  target: v.pipe(v.number(), v.minValue(0.1), v.maxValue(100)),
  weights: v.object({
    like: weight, follow: weight, repost: weight, quote: weight, reply: weight, post: weight, promoPost: weight,
  }),
  handles: v.record(v.picklist(PLATFORMS), handleList),
  domains: v.pipe(v.array(v.pipe(v.string(), v.maxLength(253))), v.maxLength(100)),
  brands: v.pipe(v.array(v.pipe(v.string(), v.maxLength(100))), v.maxLength(100)),
  disabledPlatforms: v.array(v.picklist(PLATFORMS)),
  nudge: v.object({
    enabled: v.boolean(),
    strength: v.picklist(['gentle', 'pause', 'reflect']),
    quietHours: v.nullable(v.object({
      from: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
      to: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23)),
    })),
    disabledPlatforms: v.array(v.picklist(PLATFORMS)),
  }),
  hideNumbers: v.boolean(),
  weekStart: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6)),
  reviewNotifications: v.boolean(),
});

/**
 * Reads whatever is stored (possibly an older version, possibly damaged) and returns valid settings.
 * Unknown or invalid parts fall back to defaults rather than throwing: settings must never brick the UI.
 */
export function normalizeSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return structuredClone(DEFAULT_SETTINGS);
  const merged = {
    ...structuredClone(DEFAULT_SETTINGS),
    ...(raw as Record<string, unknown>),
    version: SETTINGS_VERSION,
  } as Record<string, unknown>;
  merged.weights = { ...DEFAULT_WEIGHTS, ...((raw as { weights?: object }).weights ?? {}) };
  merged.nudge = { ...DEFAULT_SETTINGS.nudge, ...((raw as { nudge?: object }).nudge ?? {}) };
  const parsed = v.safeParse(SettingsSchema, merged);
  if (parsed.success) return parsed.output as Settings;
  // Keep every valid top-level field and reset only the broken ones.
  const out = structuredClone(DEFAULT_SETTINGS) as unknown as Record<string, unknown>;
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    const field = v.safeParse(schema, merged[key]);
    if (field.success) out[key] = field.output;
  }
  return out as unknown as Settings;
}

export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@/, '').toLowerCase();
}

/** Points of one action. A generic reply ("Great post!") is worth what a like is: the quality floor. */
export function weightOf(weights: Weights, kind: Kind, promotional: boolean, generic = false): number {
  if (kind === 'post') return promotional ? weights.promoPost : weights.post;
  if (kind === 'reply' && generic) return weights.like;
  return weights[kind];
}

export { KINDS };
