/**
 * The weekly self-review, as pure functions: local week boundaries from a configurable first day, a
 * week's figures from its events (per day, per action, per platform, people), how the nudge did, the
 * 12-week trend from the per-day counters, a suggested next target, and the week as CSV.
 * No browser API here; the background feeds it index-range reads (background/review.ts).
 */
import type { GiveFirstEvent, Kind, Platform } from '../shared/events.ts';
import { weightOf, type Settings } from '../shared/settings.ts';
import type { Band } from './balance.ts';
import { isoWithOffset } from './days.ts';
import { flagPoints, isLive, isSelfTargeted, parseTallyKey, type DayTally, type OwnHandles, type TallyKey } from './tally.ts';

/** A shown nudge counts as heeded when a give follows within this time (the definition). */
export const HEED_WINDOW_MS = 15 * 60_000;
/** "Haven't heard from you lately" looks this many weeks back before the selected week. */
export const LAPSED_WEEKS = 4;
export const TREND_WEEKS = 12;

// ——— Calendar ———————————————————————————————————————————————————————————————————————————————
// Weeks are named by the `YYYY-MM-DD` of their first local day. All stepping is done on the calendar
// in UTC (which has no gaps), never by adding 7 × 24 h to local times: a week with a DST change is
// 167 or 169 hours long, and stepping local clocks goes wrong on days that do not exist (days.ts).

const KEY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseKey(key: string): [number, number, number] {
  const m = KEY.exec(key);
  if (!m) throw new Error(`not a day key: ${key}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The day key `n` calendar days after `key` (n may be negative). */
export function addDays(key: string, n: number): string {
  const [y, m, d] = parseKey(key);
  const step = new Date(Date.UTC(y, m, d + n));
  return `${step.getUTCFullYear()}-${pad(step.getUTCMonth() + 1)}-${pad(step.getUTCDate())}`;
}

/** Day of the week of a day key, 0 = Sunday (calendar fact, no time zone involved). */
export function weekdayOf(key: string): number {
  const [y, m, d] = parseKey(key);
  return new Date(Date.UTC(y, m, d)).getUTCDay();
}

/** Key of the week (its first day) that contains the local time `ms`, weeks starting on `weekStart`. */
export function weekOf(ms: number, weekStart: number): string {
  const d = new Date(ms);
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return addDays(day, -((d.getDay() - weekStart + 7) % 7));
}

/** Epoch ms of the start of a local day. If local midnight does not exist (DST at 00:00), the first instant that does. */
export function startOfDay(key: string): number {
  const [y, m, d] = parseKey(key);
  return new Date(y, m, d).getTime();
}

/** [start, end) of a week in epoch ms: local midnight of its first day to local midnight seven days later. */
export function weekBounds(week: string): { start: number; end: number } {
  return { start: startOfDay(week), end: startOfDay(addDays(week, 7)) };
}

export function weekDays(week: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(week, i));
}

/** The review shown by default: the last complete week before the one containing `now`. */
export function defaultReviewWeek(now: number, weekStart: number): string {
  return addDays(weekOf(now, weekStart), -7);
}

/** When the next week begins after `now` (the review notification's alarm). */
export function nextWeekStart(now: number, weekStart: number): number {
  return startOfDay(addDays(weekOf(now, weekStart), 7));
}

// ——— A week's figures ——————————————————————————————————————————————————————————————————————————

/** Chart stacks: four kinds of giving, two of taking (reposts and quotes share one, as in the issue). */
export const GIVE_STACKS = ['likes', 'replies', 'reposts', 'follows'] as const;
export const TAKE_STACKS = ['posts', 'promoPosts'] as const;
export type GiveStack = (typeof GIVE_STACKS)[number];
export type TakeStack = (typeof TAKE_STACKS)[number];
export type Stack = GiveStack | TakeStack;

export interface Points {
  give: number;
  take: number;
  /** Give per take; null when nothing was taken. */
  ratio: number | null;
}

export interface DayFigures extends Points {
  day: string;
  /** Points per stack, so bar heights add up to the day's give and take. */
  points: Record<Stack, number>;
  /** Actions per stack. */
  counts: Record<Stack, number>;
}

export interface Person {
  platform: Platform;
  author: string;
  count: number;
  /** The person's profile where it can be derived, else the last thing engaged with. */
  url?: string;
}

export interface NudgeLogEntry {
  platform: Platform;
  at: number;
  outcome: 'shown' | 'engageFirst' | 'postedAnyway' | 'snoozed';
}

export interface NudgeFigures {
  shown: number;
  /** Shown nudges followed by a give on the same site within 15 minutes. */
  heeded: number;
  postedAnyway: number;
  snoozed: number;
}

export interface WeekFigures extends Points {
  week: string;
  days: DayFigures[];
  perPlatform: Partial<Record<Platform, Points & { actions: number }>>;
  posts: number;
  promoPosts: number;
  /** Replies without substance, counted with a like's weight. */
  genericReplies: number;
  /** Live actions counted (self-targeted excluded). */
  actions: number;
}

function stackOf(kind: Kind, promotional: boolean): Stack {
  switch (kind) {
    case 'like': return 'likes';
    case 'reply': return 'replies';
    case 'repost':
    case 'quote': return 'reposts';
    case 'follow': return 'follows';
    case 'post': return promotional ? 'promoPosts' : 'posts';
  }
}

function zeroStacks(): Record<Stack, number> {
  return { likes: 0, replies: 0, reposts: 0, follows: 0, posts: 0, promoPosts: 0 };
}

export function ratioOf(give: number, take: number): number | null {
  return take > 0 ? give / take : null;
}

/** Whether an event counts in the week: live, its site not switched off, and not an action on one's own post. */
function counts(event: GiveFirstEvent, own: OwnHandles, disabled: ReadonlySet<Platform>): boolean {
  return isLive(event) && !disabled.has(event.platform) && !isSelfTargeted(event, own);
}

/**
 * Figures of one week from events (any superset: only those inside the week's bounds are used).
 * Undone events are excluded; imported and hand-added events count like captured ones.
 */
export function weekFigures(week: string, events: readonly GiveFirstEvent[], settings: Settings, own: OwnHandles): WeekFigures {
  const { start, end } = weekBounds(week);
  const keys = weekDays(week);
  const bounds = keys.map((k) => startOfDay(k)).concat(end);
  const days: DayFigures[] = keys.map((day) => ({ day, give: 0, take: 0, ratio: null, points: zeroStacks(), counts: zeroStacks() }));
  const perPlatform: WeekFigures['perPlatform'] = {};
  const disabled = new Set(settings.disabledPlatforms);
  let give = 0;
  let take = 0;
  let posts = 0;
  let promoPosts = 0;
  let genericReplies = 0;
  let actions = 0;
  for (const event of events) {
    if (event.at < start || event.at >= end || !counts(event, own, disabled)) continue;
    // Index by the day bounds (7 comparisons) rather than formatting a date per event.
    let i = 0;
    while (i < 6 && event.at >= (bounds[i + 1] ?? end)) i++;
    const day = days[i];
    if (!day) continue;
    const promo = event.kind === 'post' && event.promotional === true;
    const generic = event.kind === 'reply' && event.generic === true;
    if (generic) genericReplies++;
    const points = weightOf(settings.weights, event.kind, promo, generic);
    const stack = stackOf(event.kind, promo);
    day.points[stack] += points;
    day.counts[stack] += 1;
    const plat = (perPlatform[event.platform] ??= { give: 0, take: 0, ratio: null, actions: 0 });
    plat.actions++;
    actions++;
    if (event.kind === 'post') {
      day.take += points;
      plat.take += points;
      take += points;
      posts++;
      if (promo) promoPosts++;
    } else {
      day.give += points;
      plat.give += points;
      give += points;
    }
  }
  for (const day of days) day.ratio = ratioOf(day.give, day.take);
  for (const plat of Object.values(perPlatform)) if (plat) plat.ratio = ratioOf(plat.give, plat.take);
  return { week, give, take, ratio: ratioOf(give, take), days, perPlatform, posts, promoPosts, genericReplies, actions };
}

/**
 * The same figures from the per-day counters alone (no event read): what the review's first render
 * uses. Counters hold live, non-self actions by day, platform, kind and promotional flag, which is all
 * the figures need (week-summary.test.ts checks both ways agree).
 */
export function weekFiguresFromTallies(week: string, tallies: readonly DayTally[], settings: Settings): WeekFigures {
  const keys = weekDays(week);
  const days: DayFigures[] = keys.map((day) => ({ day, give: 0, take: 0, ratio: null, points: zeroStacks(), counts: zeroStacks() }));
  const index = new Map(keys.map((k, i) => [k, i]));
  const perPlatform: WeekFigures['perPlatform'] = {};
  const disabled = new Set(settings.disabledPlatforms);
  const out = { give: 0, take: 0, posts: 0, promoPosts: 0, genericReplies: 0, actions: 0 };
  for (const tally of tallies) {
    const day = days[index.get(tally.day) ?? -1];
    if (!day) continue;
    for (const [key, n] of Object.entries(tally.counts) as [TallyKey, number][]) {
      const { platform, kind, flag } = parseTallyKey(key);
      if (flag === 'self' || disabled.has(platform)) continue;
      const promo = flag === 'promo';
      if (flag === 'generic') out.genericReplies += n;
      const points = n * flagPoints(settings.weights, kind, flag);
      const stack = stackOf(kind, promo);
      day.points[stack] += points;
      day.counts[stack] += n;
      const plat = (perPlatform[platform] ??= { give: 0, take: 0, ratio: null, actions: 0 });
      plat.actions += n;
      out.actions += n;
      if (kind === 'post') {
        day.take += points;
        plat.take += points;
        out.take += points;
        out.posts += n;
        if (promo) out.promoPosts += n;
      } else {
        day.give += points;
        plat.give += points;
        out.give += points;
      }
    }
  }
  for (const day of days) day.ratio = ratioOf(day.give, day.take);
  for (const plat of Object.values(perPlatform)) if (plat) plat.ratio = ratioOf(plat.give, plat.take);
  return { week, ...out, ratio: ratioOf(out.give, out.take), days, perPlatform };
}

/** Where a person's profile lives, for sites whose profile URL follows from the handle alone. */
export function profileUrl(platform: Platform, author: string): string | undefined {
  const handle = encodeURIComponent(author.replace(/^@/, ''));
  switch (platform) {
    case 'x': return `https://x.com/${handle}`;
    case 'bluesky': return `https://bsky.app/profile/${handle}`;
    case 'threads': return `https://www.threads.net/@${handle}`;
    case 'reddit': return `https://www.reddit.com/user/${handle}`;
    case 'youtube': return `https://www.youtube.com/@${handle}`;
    case 'hackernews': return `https://news.ycombinator.com/user?id=${handle}`;
    case 'mastodon': {
      const [user, server] = author.replace(/^@/, '').split('@');
      return user && server ? `https://${server}/@${encodeURIComponent(user)}` : undefined;
    }
    default: return undefined;
  }
}

/** Only http(s) links are ever drawn (a doctored backup could carry `javascript:` URLs). */
function safeUrl(url: string | undefined): string | undefined {
  return url && /^https:\/\//i.test(url) ? url : undefined;
}

/** Gives to other people in [from, to), grouped by (platform, author), most first. */
export function peopleIn(events: readonly GiveFirstEvent[], from: number, to: number, settings: Settings, own: OwnHandles): Person[] {
  const disabled = new Set(settings.disabledPlatforms);
  const map = new Map<string, Person & { last: number }>();
  for (const event of events) {
    if (event.at < from || event.at >= to || event.kind === 'post' || !counts(event, own, disabled)) continue;
    const author = event.target?.author?.replace(/^@/, '');
    if (!author) continue;
    const key = `${event.platform}|${author.toLowerCase()}`;
    const person = map.get(key) ?? { platform: event.platform, author, count: 0, last: 0 };
    person.count++;
    if (event.at >= person.last) {
      person.last = event.at;
      person.author = author;
      person.url = safeUrl(profileUrl(event.platform, author) ?? event.target?.url);
    }
    map.set(key, person);
  }
  return [...map.values()]
    .sort((a, b) => b.count - a.count || b.last - a.last || a.author.localeCompare(b.author))
    .map(({ last: _last, ...p }) => (p.url === undefined ? { platform: p.platform, author: p.author, count: p.count } : p));
}

/** How the nudge did in [from, to): heeded = a shown nudge followed by a give on the same site within 15 minutes. */
export function nudgeFigures(log: readonly NudgeLogEntry[], events: readonly GiveFirstEvent[], from: number, to: number, own: OwnHandles): NudgeFigures {
  const gives = events
    .filter((e) => e.kind !== 'post' && isLive(e) && !isSelfTargeted(e, own))
    .map((e) => ({ platform: e.platform, at: e.at }))
    .sort((a, b) => a.at - b.at);
  const out: NudgeFigures = { shown: 0, heeded: 0, postedAnyway: 0, snoozed: 0 };
  for (const entry of log) {
    if (entry.at < from || entry.at >= to) continue;
    if (entry.outcome === 'postedAnyway') out.postedAnyway++;
    else if (entry.outcome === 'snoozed') out.snoozed++;
    else if (entry.outcome === 'shown') {
      out.shown++;
      if (gives.some((g) => g.platform === entry.platform && g.at >= entry.at && g.at <= entry.at + HEED_WINDOW_MS)) out.heeded++;
    }
  }
  return out;
}

// ——— Trend from the per-day counters ————————————————————————————————————————————————————————————

export interface TrendWeek extends Points {
  week: string;
  actions: number;
  posts: number;
  promoPosts: number;
}

/** Give, take and ratio for each of the `count` weeks ending with `lastWeek`, oldest first, from day counters. */
export function weeklyTrend(tallies: readonly DayTally[], lastWeek: string, count: number, settings: Settings): TrendWeek[] {
  const weeks = Array.from({ length: count }, (_, i) => addDays(lastWeek, -7 * (count - 1 - i)));
  const out: TrendWeek[] = weeks.map((week) => ({ week, give: 0, take: 0, ratio: null, actions: 0, posts: 0, promoPosts: 0 }));
  const first = weeks[0] ?? lastWeek;
  const disabled = new Set(settings.disabledPlatforms);
  for (const tally of tallies) {
    // Day keys compare as strings; the week index is the number of whole weeks since the first.
    if (tally.day < first) continue;
    const [y, m, d] = parseKey(tally.day);
    const [fy, fm, fd] = parseKey(first);
    const index = Math.floor((Date.UTC(y, m, d) - Date.UTC(fy, fm, fd)) / (7 * 86_400_000));
    const week = out[index];
    if (!week) continue;
    for (const [key, n] of Object.entries(tally.counts) as [TallyKey, number][]) {
      const { platform, kind, flag } = parseTallyKey(key);
      if (flag === 'self' || disabled.has(platform)) continue;
      week.actions += n;
      // Through flagPoints like the week's own figures, so a generic reply weighs as a like here too.
      if (kind === 'post') {
        week.take += n * flagPoints(settings.weights, kind, flag);
        week.posts += n;
        if (flag === 'promo') week.promoPosts += n;
      } else week.give += n * flagPoints(settings.weights, kind, flag);
    }
  }
  for (const week of out) week.ratio = ratioOf(week.give, week.take);
  return out;
}

// ——— Words and suggestions ———————————————————————————————————————————————————————————————————

export type Change = 'first' | 'up' | 'down' | 'same';

/** How a figure moved against last week, in words the page translates. 10 % either way counts as the same. */
export function changeOf(now: number | null, before: number | null): Change {
  if (before === null || before === 0) return now === null || now === 0 ? 'same' : 'first';
  if (now === null) return 'down';
  const rel = (now - before) / before;
  if (rel > 0.1) return 'up';
  if (rel < -0.1) return 'down';
  return 'same';
}

/**
 * Next week's target, suggested from this week: keep the target when it was met or nothing was
 * taken; otherwise suggest a step halfway from what was reached to the target, so the goal stays within
 * reach (a missed target that never moves teaches people to ignore it). Rounded to 0.5, at least 1.
 */
export function suggestTarget(figures: Points, target: number): number {
  if (figures.ratio === null || figures.ratio >= target) return target;
  const half = (figures.ratio + target) / 2;
  return Math.max(1, Math.min(target, Math.round(half * 2) / 2));
}

/** The figure-free reading of give and take for "hide numbers" mode, by the same rule as balance.ts bandOf. */
export function pointsBand(points: Pick<Points, 'give' | 'take'>, target: number): Band {
  const { give, take } = points;
  if (give === 0 && take === 0) return 'empty';
  if (give >= target * take) return 'balanced';
  return give >= (target * take) / 2 ? 'leaningTake' : 'taking';
}

/** Share of own posts that were promotional; null without posts. */
export function promoShare(posts: number, promoPosts: number): number | null {
  return posts > 0 ? promoPosts / posts : null;
}

// ——— CSV ——————————————————————————————————————————————————————————————————————————————————————

export const CSV_COLUMNS = ['time', 'platform', 'action', 'author', 'url', 'target_id', 'promotional', 'source', 'undone_at', 'text'] as const;

/**
 * One RFC 4180 field. Text from other people (authors) and the user's own posts could start with a
 * spreadsheet formula (`=HYPERLINK(…)`); such cells get a leading apostrophe (OWASP, "CSV Injection").
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The week's events as CSV, one row per event in time order, ISO-8601 times with the local offset. */
export function weekCsv(events: readonly GiveFirstEvent[]): string {
  const rows = [...events].sort((a, b) => a.at - b.at).map((e) => [
    isoWithOffset(e.at), e.platform, e.kind, e.target?.author ?? '', e.target?.url ?? '', e.target?.id ?? '',
    e.kind === 'post' ? String(e.promotional === true) : '', e.source, e.undoneAt === undefined ? '' : isoWithOffset(e.undoneAt), e.text ?? '',
  ].map(csvField).join(','));
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}

// ——— The whole review ——————————————————————————————————————————————————————————————————————————

export const HAPPY_ANSWERS = ['yes', 'somewhat', 'no'] as const;
export type HappyAnswer = (typeof HAPPY_ANSWERS)[number];

/** The reflection saved for a week: the answer, an intention in the user's words, next week's target. */
export interface Reflection {
  week: string;
  happy: HappyAnswer;
  intention: string;
  target: number;
  savedAt: number;
}

export interface ReviewInput {
  week: string;
  now: number;
  settings: Settings;
  own: OwnHandles;
  /** Events in the 15 minutes after each shown nudge (any superset works): for "heeded". */
  events: readonly GiveFirstEvent[];
  /** Nudge log of the week. */
  nudges: readonly NudgeLogEntry[];
  /** Day counters covering the TREND_WEEKS weeks ending with the week (last week and the norm come from them). */
  tallies: readonly DayTally[];
  reflection?: Reflection;
  /** What the user said a week earlier: shown beside this week's result. */
  previousReflection?: Reflection;
}

/**
 * The review as first drawn. Built for speed with a long history (≤ 300 ms with a year, ~100,000
 * events): the figures of this week and last, the trend and the promotional norm all come from the
 * per-day counters; events are read only right after shown nudges. The people (five weeks of events)
 * and the week's events for CSV are separate, later reads (weekPeople, the page's export button).
 */
export interface Review {
  week: string;
  /** True while the week has not ended yet (a partial week). */
  partial: boolean;
  current: WeekFigures;
  previous: TrendWeek;
  change: { give: Change; take: Change; ratio: Change };
  /** Share of own posts that were promotional this week, and over the four weeks before (the user's norm). */
  promo: { share: number | null; norm: number | null };
  nudge: NudgeFigures;
  trend: TrendWeek[];
  target: number;
  suggestedTarget: number;
  reflection?: Reflection;
  previousReflection?: Reflection;
}

export const PEOPLE_SHOWN = 10;

export function buildReview(input: ReviewInput): Review {
  const { week, settings, own, events } = input;
  const { start, end } = weekBounds(week);
  const current = weekFiguresFromTallies(week, input.tallies, settings);
  const trend = weeklyTrend(input.tallies, week, TREND_WEEKS, settings);
  const previous = trend[trend.length - 2] ?? { week: addDays(week, -7), give: 0, take: 0, ratio: null, actions: 0, posts: 0, promoPosts: 0 };
  // The norm: the user's own share of promotional posts over the four weeks before this one.
  const before = trend.slice(-1 - LAPSED_WEEKS, -1);
  const normPosts = before.reduce((sum, w) => sum + w.posts, 0);
  const normPromo = before.reduce((sum, w) => sum + w.promoPosts, 0);
  return {
    week,
    partial: input.now < end,
    current,
    previous,
    change: {
      give: changeOf(current.give, previous.give),
      take: changeOf(current.take, previous.take),
      ratio: changeOf(current.ratio, previous.ratio),
    },
    promo: { share: promoShare(current.posts, current.promoPosts), norm: promoShare(normPosts, normPromo) },
    nudge: nudgeFigures(input.nudges, events, start, end, own),
    trend,
    target: settings.target,
    suggestedTarget: input.reflection?.target ?? suggestTarget(current, settings.target),
    ...(input.reflection ? { reflection: input.reflection } : {}),
    ...(input.previousReflection ? { previousReflection: input.previousReflection } : {}),
  };
}

/**
 * The people of a week: those engaged with most, and those engaged with in the LAPSED_WEEKS weeks
 * before but not during it ("haven't heard from you lately"), most engaged first.
 */
export function weekPeople(week: string, events: readonly GiveFirstEvent[], settings: Settings, own: OwnHandles): { people: Person[]; lapsed: Person[] } {
  const { start, end } = weekBounds(week);
  const people = peopleIn(events, start, end, settings, own);
  const seen = new Set(people.map((p) => `${p.platform}|${p.author.toLowerCase()}`));
  const lapsed = peopleIn(events, startOfDay(addDays(week, -7 * LAPSED_WEEKS)), start, settings, own)
    .filter((p) => !seen.has(`${p.platform}|${p.author.toLowerCase()}`));
  return { people: people.slice(0, PEOPLE_SHOWN), lapsed: lapsed.slice(0, PEOPLE_SHOWN) };
}
