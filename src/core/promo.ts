/**
 * Which of the user's own posts are self-promotional (they take more). Pure and synchronous.
 *
 * A post scores the sum of the signals it shows (links to the user's domains, calls to action, launch
 * language, discount codes and prices, "my course / mi libro", hiring for one's own team, event
 * promotion, urgency, self-mentions, words the user taught us), less the dampers (crediting someone
 * else, a service notice, a complaint about marketing, other accounts only), moved by the wording model.
 * A phrase inside a question or a quotation, or just after a negation, does not count. At `THRESHOLD`
 * or above it is promotional.
 * Every positive signal that fired is a reason in plain words, shown next to the post.
 *
 * Word lists live in data/promo/<lang>.json; the weights below and the wording model (model.json) were
 * tuned against the tuning sets in tests/corpus, labelled posts written independently of the lists;
 * `npm run bench` prints precision and recall on them and on the hold-out sets, and the unit tests
 * hold a floor.
 */
import type { PromoReason, PromoSignal } from '../shared/events.ts';
import en from './data/promo/en.json';
import model from './data/promo/model.json';
import es from './data/promo/es.json';
import {
  alternationOf, fold, foldLowered, hashesOf, isBreakAt, isNumberAt, linksIn, mentionsIn, PhraseBook, scanText, scratchScanned, splitLink, tokenAt, tokens, WeightTally,
  withoutLinksAndMentions, wordsAt, wordsOf, type Scanned, type WordHashes,
} from './text.ts';

export type { PromoReason, PromoSignal };

export interface PromoInput {
  text: string;
  /** Links found in the post besides those in the text (e.g. a link card or a quoted URL). */
  links?: readonly string[];
}

/** What the user taught the classifier by relabelling posts (learnLexicon). */
export interface Lexicon {
  /** Words that keep appearing in posts the user marked promotional, and never in those marked not. */
  terms: ReadonlySet<string>;
  /** Reasons (`code:detail`) the user keeps overruling: posts with them were marked not promotional. */
  muted: ReadonlySet<string>;
}

export interface PromoContext {
  /** Domains the user owns (`example.com`; subdomains match too). */
  domains: readonly string[];
  /** The user's own handles (without @), on any site. */
  handles?: readonly string[];
  /** The user's product and brand names. */
  brands?: readonly string[];
  lexicon?: Lexicon;
}

export interface PromoResult {
  promotional: boolean;
  /** 0–1; promotional from THRESHOLD up. */
  score: number;
  reasons: PromoReason[];
}

/** Promotional from this score up (rules and wording together). */
export const THRESHOLD = 0.42;

/**
 * How much the wording model moves the score: its probability that the post is promotional, centred
 * on 0.5, times this. It is a naive Bayes model over the words and word pairs of the tuning corpora
 * (model.json, written by `npm run train:promo`); it catches promotion that uses none of the listed
 * phrases. The weight and THRESHOLD were chosen by cross-validation, one tuning file left out at a
 * time, over the twelve tuning files (3,400 posts): pooled precision 0.92, recall 0.87, where words
 * alone gave 0.91 and 0.85. At 0.9 the model can tip a post with no rule signal alone.
 */
const WORDING_WEIGHT = 0.9;

/** How much each signal adds. One strong signal (own domain or page) decides alone; weaker ones need company. */
const WEIGHT: Record<PromoSignal, number> = {
  'own-domain': 0.8,
  'own-page': 0.8,
  'self-mention': 0.45,
  'call-to-action': 0.5,
  launch: 0.5,
  discount: 0.55,
  price: 0.3,
  'own-product': 0.35,
  hiring: 0.5,
  event: 0.5,
  urgency: 0.35,
  learned: 0.5,
  // Scored separately (WORDING_WEIGHT): the model's share of the score.
  wording: 0,
};

/**
 * What lowers a score: crediting someone else, a service notice about one's own site ("was down,
 * sorry"), a complaint about marketing ("link-in-bio culture"), and talking about other accounts with
 * nothing of one's own in the post.
 */
const DAMPER = { credit: 0.35, notice: 0.7, critique: 0.5, others: 0.3 } as const;

type Label = 'cta' | 'launch' | 'discount' | 'price' | 'ownProduct' | 'hiring' | 'event' | 'urgency' | 'credit' | 'notice' | 'critique' | 'negation';
type SignalLabel = Exclude<Label, 'credit' | 'notice' | 'critique' | 'negation'>;
const LABEL_SIGNAL: Record<SignalLabel, PromoSignal> = {
  cta: 'call-to-action', launch: 'launch', discount: 'discount', price: 'price', ownProduct: 'own-product',
  hiring: 'hiring', event: 'event', urgency: 'urgency',
};
const SIGNAL_LABELS = Object.keys(LABEL_SIGNAL) as SignalLabel[];
const LANGS = [en, es];

const DAMPER_LABELS = ['credit', 'notice', 'critique'] as const;
/** The listed phrases, plus the combinations each language file describes (verb + "my", "my" + product, "new" + product). */
function phrasesOf(label: SignalLabel): string[] {
  return LANGS.flatMap((lang) => {
    const combos = (a: readonly string[], b: readonly string[]): string[] => a.flatMap((x) => b.map((y) => `${x} ${y}`));
    switch (label) {
      case 'cta': return [...lang.cta, ...combos(lang.ctaVerbs, lang.possessives)];
      case 'ownProduct': return [...lang.ownProduct, ...combos(lang.possessives, lang.productNouns)];
      // "new video", as Spanish puts it "video nuevo", and "video is up".
      case 'launch': return [
        ...lang.launch, ...combos(lang.newWords, lang.productNouns), ...combos(lang.productNouns, lang.newWords), ...combos(lang.productNouns, lang.releaseWords),
      ];
      default: return lang[label];
    }
  });
}
const WORDING = new Map<string, number>(Object.entries(model.weights as Record<string, number>));
/** How many words after a negation it covers ("don't have a giveaway", "no voy a abrir otro"). */
const NEGATION_REACH = 3;
/**
 * The phrases, the negations, and the wording model's word weights, on one trie: one lookup per token
 * serves all three. A phrase just after a negation is not urged ("I don't have a giveaway"): it
 * counts like one in a question. Built at the first post classified, not when the module loads: the
 * service worker wakes for every like and reply, and building takes tens of milliseconds.
 */
let book: PhraseBook<Label> | undefined;
function phraseBook(): PhraseBook<Label> {
  book ??= new PhraseBook<Label>({
    ...Object.fromEntries(SIGNAL_LABELS.map((l) => [l, phrasesOf(l)])),
    ...Object.fromEntries(DAMPER_LABELS.map((l) => [l, LANGS.flatMap((lang) => lang[l])])),
    negation: LANGS.flatMap((lang) => lang.negations),
  }, {
    weights: new Map([...WORDING].filter(([word]) => !word.startsWith('__'))),
    negation: { label: 'negation', reach: NEGATION_REACH },
  });
  return book;
}
/** The most the wording model can move a score, either way. */
const MAX_LIFT = WORDING_WEIGHT / 2;
/** Dampers count in questions too ("Link-in-bio culture?"). */
const IN_QUESTIONS: ReadonlySet<Label> = new Set(DAMPER_LABELS);
const STOPWORDS = new Set(LANGS.flatMap((lang) => lang.stopwords.map(fold)));
/** A code word followed by a code (`code LAUNCH20`, `código: VERANO25`): the code itself is upper case. */
const CODE_RE = new RegExp(`(?:${LANGS.flatMap((l) => l.codeCues).join('|')})\\s*:?\\s*([A-Z][A-Z0-9]{3,}|[A-Z0-9]*\\d[A-Z0-9]*[A-Z][A-Z0-9]*)\\b`, 'iu');
const UPPER_CODE_RE = /^[A-Z0-9]*[A-Z][A-Z0-9]*$/u;
/**
 * A code written without a code word, the way affiliate and sponsor posts do ("PEPPER15 gets 15% off",
 * "con LOLA15 les dan 15%"): capitals then the very percentage the post offers ("COVID19 cases fell 20%"
 * is no code).
 */
const BARE_CODE_RE = /(?<![\p{L}\p{N}])\p{Lu}{3,}(\d{1,2})(?![\p{L}\p{N}])/gu;
/** A percentage of one or two digits ("15%", "15 %"), its number captured. */
const PERCENT_RE = /(?<!\d)(\d{1,2})\s?%/g;

function bareCodeIn(plain: string): string | undefined {
  // Codes are rare: the percentages are collected only once there is one.
  let offered: Set<string | undefined> | undefined;
  for (const m of plain.matchAll(BARE_CODE_RE)) {
    offered ??= new Set(Array.from(plain.matchAll(PERCENT_RE), (p) => p[1]));
    if (offered.has(m[1])) return m[0];
  }
  return undefined;
}
/**
 * Whether a code word is in a folded post at all: one scan of the text for all of them, the words
 * factored by their common beginnings ("c(?:o(?:de|upon|digo)|upon)|promo"), which the regex engine
 * scans about twice as fast as a plain list: most positions fail on their first character.
 */
const CODE_CUE_RE = new RegExp(alternationOf(LANGS.flatMap((l) => l.codeCues).map(fold)));


function hostOf(link: string): string | null {
  const { host } = splitLink(link);
  return /^[a-z0-9.-]+$/.test(host) ? host : null;
}

export function normalizeDomain(domain: string): string {
  return (hostOf(domain.trim()) ?? domain.trim().toLowerCase()).replace(/\.$/, '');
}

/** A name squashed for comparing with a URL path segment: "Side Quest Radio" → "sidequestradio". */
function squash(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Context compiled once per settings object (the ledger classifies many posts with one context). */
interface Prepared {
  domains: string[];

  handles: Set<string>;
  /** Handles and brand names as they appear in the path of a profile link (youtube.com/@name). */
  pageNames: Set<string>;
  /** Own pages given as "domains" with a path (youtube.com/@me, github.com/sponsors/me): host/path prefixes. */
  pagePrefixes: string[];
  /** Brand names as typed, and folded for finding them in a folded post. */
  brands: { name: string; folded: string }[];
  /** The words of the brand names, which the wording model never reads (alone or in a pair), and their hashes. */
  brandWords: Set<string>;
  brandHashes: WordHashes;
  lexicon: Lexicon | undefined;
}
const prepared = new WeakMap<PromoContext, Prepared>();

function prepare(ctx: PromoContext): Prepared {
  let p = prepared.get(ctx);
  if (!p) {
    const brands = (ctx.brands ?? []).map((b) => b.trim()).filter((b) => b.length >= 2);
    // A "domain" with a path is a page on someone else's site: counting its whole host would make every
    // YouTube or GitHub link the user's own.
    const split = ctx.domains.map((d) => ({ domain: d, ...splitLink(d) }));
    const withPath = split.filter((d) => d.host && d.path.length > 0);
    const domains = split.filter((d) => d.path.length === 0).map((d) => normalizeDomain(d.domain)).filter(Boolean);
    const handles = new Set((ctx.handles ?? []).map((h) => h.trim().replace(/^@/, '').toLowerCase()).filter(Boolean));
    const brandWords = new Set(brands.flatMap((b) => tokens(fold(b))));
    p = {
      domains,
      handles,
      pageNames: new Set([...handles, ...brands.map(squash)].filter((n) => n.length >= 3)),
      pagePrefixes: withPath.map((d) => `${d.host}/${d.path.join('/')}`),
      brands: brands.map((name) => ({ name, folded: fold(name) })),
      brandWords,
      brandHashes: hashesOf(brandWords),
      lexicon: ctx.lexicon,
    };
    prepared.set(ctx, p);
  }
  return p;
}

/**
 * The one Scanned every post is scanned into (its arrays reused). A post's Signals hold it only until
 * the next post is scanned: every caller of ruleSignals is done with it before calling again.
 */
const SCANNED = scratchScanned();

/** The one tally of word weights, reset for each post (held by its Signals like SCANNED). */
const TALLY = new WeightTally();

const NO_MENTIONS: readonly string[] = [];

/** The rule signals of a post, before the user's lexicon is applied (learnLexicon uses them too). */
interface Signals {
  reasons: PromoReason[];
  damp: number;
  /** A complaint about marketing: it quotes the phrases the wording model learnt as promotion. */
  critique: boolean;
  scanned: Scanned;
  /** The wording model's word weights in the post (found with the phrases). */
  tally: WeightTally;
  /** What the wording model reads besides the words. */
  hasLink: boolean;
  mentions: readonly string[];
  brand: boolean;
}

function ruleSignals(input: PromoInput, p: Prepared): Signals {
  const reasons: PromoReason[] = [];
  const text = input.text;
  const textLinks = linksIn(text);
  const links = input.links?.length ? [...textLinks, ...input.links] : textLinks;
  const lower = text.toLowerCase();
  const ownDomain = p.domains.length ? ownDomainIn(lower, p.domains) ?? ownDomainOfLinks(links, p.domains) : undefined;
  if (ownDomain) reasons.push({ code: 'own-domain', detail: ownDomain.toLowerCase() });
  else if (p.pagePrefixes.length > 0 || p.pageNames.size > 0) {
    // One's own page on someone else's site: youtube.com/@me, github.com/me/tool, patreon.com/mybrand.
    for (const link of links) {
      const { host, path } = splitLink(link);
      const full = `${host}/${path.join('/')}`;
      const prefix = p.pagePrefixes.find((page) => full === page || full.startsWith(`${page}/`));
      const name = prefix ? undefined : path.find((segment) => p.pageNames.has(segment));
      if (prefix || name) {
        reasons.push({ code: 'own-page', detail: prefix ?? `${host}/${name}` });
        break;
      }
    }
  }
  const mentions = text.includes('@') ? mentionsIn(text) : NO_MENTIONS;
  const self = mentions.find((m) => p.handles.has(m));
  const plain = withoutLinksAndMentions(text, textLinks);
  // Without links or mentions the plain text is the text, whose lower case is known.
  const folded = plain === text ? foldLowered(text, lower) : fold(plain);
  const scanned = scanText(folded, SCANNED);
  const brand = p.brands.find((b) => containsWord(folded, b.folded))?.name;
  if (self) reasons.push({ code: 'self-mention', detail: `@${self}` });
  else if (brand) reasons.push({ code: 'self-mention', detail: brand });

  // The code regex only where a code word is (most posts have none).
  const code = CODE_CUE_RE.test(folded) ? CODE_RE.exec(plain) : null;
  if (code?.[1] && UPPER_CODE_RE.test(code[1])) reasons.push({ code: 'discount', detail: code[1] });
  else if (folded.includes('%')) {
    const bare = bareCodeIn(plain);
    if (bare) reasons.push({ code: 'discount', detail: bare });
  }
  const tally = TALLY;
  tally.reset();
  // A phrase inside a question asks about it rather than urging it ("Should I buy a new laptop?").
  const found = phraseBook().find(scanned, IN_QUESTIONS, tally, p.brandHashes);
  if (found.bits !== 0) for (const label of SIGNAL_LABELS) {
    const span = found.get(label);
    const signal = LABEL_SIGNAL[label];
    if (span && !hasReason(reasons, signal)) reasons.push({ code: signal, detail: wordsAt(plain, scanned, span) });
  }

  let damp = 0;
  const ownLink = hasReason(reasons, 'own-domain') || hasReason(reasons, 'own-page');
  const ownThing = ownLink || hasReason(reasons, 'self-mention') || hasReason(reasons, 'own-product');
  for (const label of DAMPER_LABELS) {
    // A service notice is about one's own site or shop: without it, "was down" is about anything.
    if (found.has(label) && (label !== 'notice' || ownThing)) damp += DAMPER[label];
  }
  // About other accounts, with nothing of one's own (domain, page, handle, brand) in it.
  const ownSignal = ownLink || hasReason(reasons, 'self-mention');
  if (!ownSignal && mentions.some((m) => !p.handles.has(m))) damp += DAMPER.others;
  return { reasons, damp, critique: found.has('critique'), scanned, tally, hasLink: links.length > 0, mentions, brand: brand !== undefined };
}

function hasReason(reasons: readonly PromoReason[], code: PromoSignal): boolean {
  for (const r of reasons) if (r.code === code) return true;
  return false;
}

/**
 * One of the user's domains written anywhere in the text ("lenakorte.design", "jobs.fernlight.health"),
 * not as part of a longer name ("example.com.evil.net", "notexample.com").
 */
function ownDomainIn(lower: string, domains: readonly string[]): string | undefined {
  for (const domain of domains) {
    let at = lower.indexOf(domain);
    while (at !== -1) {
      const before = lower.charCodeAt(at - 1);
      const after = lower.slice(at + domain.length, at + domain.length + 2);
      // Before: start, a subdomain's dot, or anything that is not part of a name; after: not a name either.
      const startsOk = at === 0 || before === 46 || !/[a-z0-9-]/.test(lower.charAt(at - 1));
      const endsOk = !/^[a-z0-9-]|^\.[a-z0-9]/.test(after);
      if (startsOk && endsOk) return domain;
      at = lower.indexOf(domain, at + 1);
    }
  }
  return undefined;
}

function ownDomainOfLinks(links: readonly string[], domains: readonly string[]): string | undefined {
  for (const link of links) {
    const host = hostOf(link);
    const hit = host && domains.find((d) => host === d || host.endsWith(`.${d}`));
    if (hit) return hit;
  }
  return undefined;
}

/** `needle` in `haystack` as whole words (both folded). */
function containsWord(haystack: string, needle: string): boolean {
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    const before = at === 0 ? '' : haystack[at - 1] ?? '';
    const after = haystack[at + needle.length] ?? '';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

export function classifyPromotion(input: PromoInput, context: PromoContext): PromoResult {
  const p = prepare(context);
  const signals = ruleSignals(input, p);
  const { reasons: all, damp, scanned } = signals;
  const muted = p.lexicon?.muted;
  const reasons = muted && muted.size > 0 ? all.filter((r) => !muted.has(reasonKey(r))) : all;
  const terms = p.lexicon?.terms;
  if (terms && terms.size > 0) {
    for (let i = 0; i < scanned.count; i++) {
      const word = isBreakAt(scanned, i) ? '' : tokenAt(scanned, i);
      if (terms.has(word)) {
        reasons.push({ code: 'learned', detail: word });
        break;
      }
    }
  }
  let rules = -damp;
  for (const r of reasons) rules += WEIGHT[r.code];
  rules = Math.max(0, Math.min(1, rules));
  // The wording model counts only where it can change the outcome: a post the rules put beyond its
  // reach keeps the rules' score and reasons. (Its word weights were summed by the phrase lookup.)
  // Nor does it judge a complaint about marketing ("link in bio culture"), made of the very phrases
  // it learnt as promotion.
  let lift = 0;
  if (!signals.critique && rules + MAX_LIFT >= THRESHOLD && rules - MAX_LIFT < THRESHOLD) {
    lift = WORDING_WEIGHT * (1 / (1 + Math.exp(-wordingOf(signals, p))) - 0.5);
    const top = lift >= 0.1 ? topWords(signals) : [];
    if (top.length > 0) reasons.push({ code: 'wording', detail: top.join(', ') });
  }
  const score = Math.round(Math.max(0, Math.min(1, rules + lift)) * 100) / 100;
  // Reasons are kept below the threshold too: the user sees what almost tipped a post they relabel.
  return { promotional: score >= THRESHOLD, score, reasons };
}

/**
 * The features the wording model reads: the post's own words (numbers as one feature), each two
 * tokens in a row within a sentence, and whether it has a link, mentions the user, mentions someone
 * else, or names the user's brand — never the brand's own words, so what it learnt from the corpora's
 * brands carries over to any user's. The training script uses this; wordingOf and PhraseBook.find
 * compute the same without making strings.
 */
export function wordingFeatures(input: PromoInput, context: PromoContext): string[] {
  const p = prepare(context);
  const signals = ruleSignals(input, p);
  const out = new Set<string>(markerFeatures(signals, p));
  const s = signals.scanned;
  for (let i = 0; i < s.count; i++) {
    if (isBreakAt(s, i)) continue;
    const word = tokenAt(s, i);
    if (p.brandWords.has(word)) continue;
    out.add(isNumberAt(s, i) ? '__num__' : word);
    // Two tokens in a row, in one sentence ("link below", "out thursday"), as PhraseBook.find counts them.
    const next = i + 1 < s.count && !isBreakAt(s, i + 1) ? tokenAt(s, i + 1) : undefined;
    if (next !== undefined && !p.brandWords.has(next)) out.add(`${word} ${next}`);
  }
  return [...out];
}

/** The markers the wording model reads besides words, in the order their weights are added. */
const MARKERS = ['__link__', '__self__', '__mention__', '__brand__'] as const;

/** Which MARKERS a post shows (markerFeatures names them for training; wordingOf adds their weights). */
function markersOf(signals: Signals, p: Prepared): readonly boolean[] {
  return [
    signals.hasLink,
    signals.mentions.some((m) => p.handles.has(m)),
    signals.mentions.some((m) => !p.handles.has(m)),
    signals.brand,
  ];
}

function markerFeatures(signals: Signals, p: Prepared): string[] {
  const shown = markersOf(signals, p);
  return MARKERS.filter((_, i) => shown[i]);
}

/** The weights of MARKERS and of numbers, looked up once. */
const MARKER_WEIGHTS = MARKERS.map((f) => WORDING.get(f) ?? 0);
const NUMBER_WEIGHT = WORDING.get('__num__') ?? 0;

/** The wording model's log-odds that the post is promotional (the same features as wordingFeatures, without strings). */
function wordingOf(signals: Signals, p: Prepared): number {
  let logOdds = model.prior + signals.tally.sum;
  const shown = markersOf(signals, p);
  for (let i = 0; i < shown.length; i++) if (shown[i]) logOdds += MARKER_WEIGHTS[i] as number;
  const s = signals.scanned;
  for (let i = 0; i < s.count; i++) {
    if (isNumberAt(s, i)) {
      logOdds += NUMBER_WEIGHT;
      break;
    }
  }
  return logOdds;
}

/** The two words (or pairs) that weighed most for "promotional", to name as the reason (never the user's brand: find skips it). */
function topWords(signals: Signals): string[] {
  return signals.tally.topIds(2).map((id) => phraseBook().wordOf(id));
}

export function reasonKey(reason: PromoReason): string {
  return `${reason.code}:${fold(reason.detail)}`;
}

/** A post the user labelled themselves. */
export interface LabelledPost {
  text: string;
  promotional: boolean;
}

/** How many labelled posts must agree before the classifier learns from them. */
export const LEARN_AFTER = 2;

/**
 * Learns the user's own vocabulary from their relabels: words in at least LEARN_AFTER posts they marked
 * promotional and in none they marked not promotional become a signal; reasons that fired on at least
 * LEARN_AFTER posts they marked not promotional, and on none they confirmed, stop counting.
 */
export function learnLexicon(labels: readonly LabelledPost[], context: PromoContext): Lexicon {
  const p = prepare({ ...context, lexicon: undefined });
  const promoWords = new Map<string, number>();
  const plainWords = new Set<string>();
  const overruled = new Map<string, number>();
  const confirmed = new Set<string>();
  for (const label of labels) {
    const { reasons, scanned } = ruleSignals({ text: label.text }, p);
    const content = new Set(wordsOf(scanned).filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\p{N}/u.test(w)));
    for (const r of reasons) {
      const key = reasonKey(r);
      if (label.promotional) confirmed.add(key);
      else overruled.set(key, (overruled.get(key) ?? 0) + 1);
    }
    if (label.promotional) for (const w of content) promoWords.set(w, (promoWords.get(w) ?? 0) + 1);
    else for (const w of content) plainWords.add(w);
  }
  const terms = new Set([...promoWords].filter(([w, n]) => n >= LEARN_AFTER && !plainWords.has(w)).map(([w]) => w));
  const muted = new Set([...overruled].filter(([k, n]) => n >= LEARN_AFTER && !confirmed.has(k)).map(([k]) => k));
  return { terms, muted };
}
