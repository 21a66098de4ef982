/** Give-versus-take balance over today, 7 and 30 days, overall and per platform. Pure. */
import { PLATFORMS, type Kind, type Platform } from '../shared/events.ts';
import type { Settings } from '../shared/settings.ts';
import { lastDays } from './days.ts';
import { flagPoints, parseTallyKey, type DayTally, type TallyKey } from './tally.ts';

export interface WindowTotals {
  give: number;
  take: number;
  /** Live counted actions per kind (self-targeted ones excluded). */
  counts: Record<Kind, number>;
  promoPosts: number;
  /** Replies without substance, counted with a like's weight (also in counts.reply). */
  genericReplies: number;
  /** Actions on one's own posts or thread: recorded, never counted as giving. */
  selfActions: number;
}

export interface Balance {
  today: WindowTotals;
  week: WindowTotals;
  month: WindowTotals;
  /** 7-day totals per platform that has any activity in the last 30 days. */
  perPlatform: Partial<Record<Platform, WindowTotals>>;
  /** Give points per take point over 7 days; null when nothing was taken. */
  ratio: number | null;
  /** Replies that would bring the 7-day balance to the target (0 when met). */
  owed: number;
  met: boolean;
  target: number;
}

export function emptyTotals(): WindowTotals {
  return {
    give: 0, take: 0, promoPosts: 0, genericReplies: 0, selfActions: 0,
    counts: { like: 0, reply: 0, repost: 0, quote: 0, follow: 0, post: 0 },
  };
}

function addCounts(into: WindowTotals, key: TallyKey, n: number, settings: Settings): void {
  const { kind, flag } = parseTallyKey(key);
  if (flag === 'self') {
    into.selfActions += n;
    return;
  }
  into.counts[kind] += n;
  if (flag === 'promo') into.promoPosts += n;
  if (flag === 'generic') into.genericReplies += n;
  if (kind === 'post') into.take += n * flagPoints(settings.weights, kind, flag);
  else into.give += n * flagPoints(settings.weights, kind, flag);
}

/** Replies needed so that give ≥ target × take. */
export function owedReplies(give: number, take: number, target: number, replyWeight: number): number {
  const gap = target * take - give;
  if (gap <= 0) return 0;
  return Math.ceil(gap / (replyWeight > 0 ? replyWeight : 1) - 1e-9);
}

export function computeBalance(tallies: Iterable<DayTally>, settings: Settings, now: number): Balance {
  const days = lastDays(now, 30);
  const todayKey = days[0];
  const week = new Set(days.slice(0, 7));
  const month = new Set(days);
  const out = {
    today: emptyTotals(), week: emptyTotals(), month: emptyTotals(),
  };
  const perPlatform: Partial<Record<Platform, WindowTotals>> = {};
  const disabled = new Set(settings.disabledPlatforms);
  for (const tally of tallies) {
    if (!month.has(tally.day)) continue;
    for (const [key, n] of Object.entries(tally.counts) as [TallyKey, number][]) {
      const { platform } = parseTallyKey(key);
      if (disabled.has(platform)) continue;
      addCounts(out.month, key, n, settings);
      const plat = (perPlatform[platform] ??= emptyTotals());
      if (week.has(tally.day)) {
        addCounts(out.week, key, n, settings);
        addCounts(plat, key, n, settings);
      }
      if (tally.day === todayKey) addCounts(out.today, key, n, settings);
    }
  }
  const { give, take } = out.week;
  const owed = owedReplies(give, take, settings.target, settings.weights.reply);
  return {
    ...out,
    perPlatform: Object.fromEntries(PLATFORMS.filter((p) => perPlatform[p]).map((p) => [p, perPlatform[p]])),
    ratio: take > 0 ? give / take : null,
    owed,
    met: owed === 0,
    target: settings.target,
  };
}

/** Short badge text for the toolbar: the 7-day ratio, or a tick when nothing was taken. */
export function badgeText(balance: Balance): string {
  const { give, take } = balance.week;
  if (give === 0 && take === 0) return '';
  if (balance.ratio === null) return '✓';
  const r = balance.ratio;
  if (r >= 10) return `${Math.min(99, Math.round(r))}`;
  return r.toFixed(1);
}

/** A figure-free reading of the balance, for "hide numbers" mode. */
export type Band = 'empty' | 'balanced' | 'leaningTake' | 'taking';

export function bandOf(balance: Pick<Balance, 'week' | 'target' | 'met'>): Band {
  const { give, take } = balance.week;
  if (give === 0 && take === 0) return 'empty';
  if (balance.met) return 'balanced';
  // Halfway to the target still reads as "leaning take"; below that the week is mostly taking.
  return give >= (balance.target * take) / 2 ? 'leaningTake' : 'taking';
}
