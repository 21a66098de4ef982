/**
 * Which of the user's own posts are self-promotional (they take more). Pure and synchronous.
 *
 * A post scores the sum of the signals it shows (links to the user's domains, calls to action, launch
 * language, discount codes and prices, "my course / mi libro", hiring for one's own team, event
 * promotion, urgency, self-mentions, words the user taught us), less two dampers (the post is a
 * question; it credits or congratulates someone else). At `THRESHOLD` or above it is promotional.
 * Every positive signal that fired is a reason in plain words, shown next to the post.
 *
 * Word lists live in data/promo/<lang>.json; the weights below are the model. Both were tuned against
 * tests/corpus/promo-posts.json, a labelled set written independently of the lists; `npm run bench`
 * prints precision and recall on it and the unit tests hold a floor.
 */
import type { PromoReason, PromoSignal } from '../shared/events.ts';
import en from './data/promo/en.json';
import es from './data/promo/es.json';
import { fold, linksIn, mentionsIn, PhraseBook, tokens, withoutLinksAndMentions, wordsAt } from './text.ts';

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

export const THRESHOLD = 0.5;

/** How much each signal adds. One strong signal (own domain) decides alone; weaker ones need company. */
const WEIGHT: Record<PromoSignal, number> = {
  'own-domain': 0.8,
  'self-mention': 0.3,
  'call-to-action': 0.5,
  launch: 0.45,
  discount: 0.55,
  price: 0.3,
  'own-product': 0.35,
  hiring: 0.5,
  event: 0.35,
  urgency: 0.35,
  learned: 0.5,
};

/** A post that asks, or that credits someone else, is less likely to be selling. */
const DAMPER = { question: 0.35, credit: 0.35 } as const;

type Label = 'cta' | 'launch' | 'discount' | 'price' | 'ownProduct' | 'hiring' | 'event' | 'urgency' | 'credit';
const LABEL_SIGNAL: Record<Exclude<Label, 'credit'>, PromoSignal> = {
  cta: 'call-to-action', launch: 'launch', discount: 'discount', price: 'price', ownProduct: 'own-product',
  hiring: 'hiring', event: 'event', urgency: 'urgency',
};
const LANGS = [en, es];
const LABELS: readonly Label[] = ['cta', 'launch', 'discount', 'price', 'ownProduct', 'hiring', 'event', 'urgency', 'credit'];

const BOOK = new PhraseBook<Label>(Object.fromEntries(LABELS.map((l) => [l, LANGS.flatMap((lang) => lang[l])])));
const OPENERS = new PhraseBook<'q'>({ q: LANGS.flatMap((lang) => lang.questionOpeners) });
const STOPWORDS = new Set(LANGS.flatMap((lang) => lang.stopwords.map(fold)));
/** A code word followed by a code (`code LAUNCH20`, `código: VERANO25`): the code itself is upper case. */
const CODE_RE = new RegExp(`(?:${LANGS.flatMap((l) => l.codeCues).join('|')})\\s*:?\\s*([A-Z][A-Z0-9]{3,}|[A-Z0-9]*\\d[A-Z0-9]*[A-Z][A-Z0-9]*)\\b`, 'iu');
const UPPER_CODE_RE = /^[A-Z0-9]*[A-Z][A-Z0-9]*$/u;

function hostOf(link: string): string | null {
  try {
    const url = new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`);
    return url.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

export function normalizeDomain(domain: string): string {
  return (hostOf(domain.trim()) ?? domain.trim().toLowerCase()).replace(/\.$/, '');
}

/** Context compiled once per settings object (the ledger classifies many posts with one context). */
interface Prepared {
  domains: string[];
  handles: Set<string>;
  brands: PhraseBook<string> | null;
  lexicon: Lexicon | undefined;
}
const prepared = new WeakMap<PromoContext, Prepared>();

function prepare(ctx: PromoContext): Prepared {
  let p = prepared.get(ctx);
  if (!p) {
    const brands = (ctx.brands ?? []).map((b) => b.trim()).filter((b) => b.length >= 2);
    p = {
      domains: ctx.domains.map(normalizeDomain).filter(Boolean),
      handles: new Set((ctx.handles ?? []).map((h) => h.trim().replace(/^@/, '').toLowerCase()).filter(Boolean)),
      // Labelled by the name as the user typed it, which is how the reason shows it.
      brands: brands.length ? new PhraseBook<string>(Object.fromEntries(brands.map((b) => [b, [b]]))) : null,
      lexicon: ctx.lexicon,
    };
    prepared.set(ctx, p);
  }
  return p;
}

/** The rule signals of a post, before the user's lexicon is applied (learnLexicon uses them too). */
function ruleSignals(input: PromoInput, p: Prepared): { reasons: PromoReason[]; damp: number; words: string[] } {
  const reasons: PromoReason[] = [];
  const text = input.text;
  for (const link of [...linksIn(text), ...(input.links ?? [])]) {
    const host = hostOf(link);
    const hit = host && p.domains.find((d) => host === d || host.endsWith(`.${d}`));
    if (hit) {
      reasons.push({ code: 'own-domain', detail: hit });
      break;
    }
  }
  const mentions = mentionsIn(text);
  const self = mentions.find((m) => p.handles.has(m));
  const plain = withoutLinksAndMentions(text);
  const words = tokens(fold(plain));
  const brand = p.brands?.find(words).keys().next().value;
  if (self) reasons.push({ code: 'self-mention', detail: `@${self}` });
  else if (brand) reasons.push({ code: 'self-mention', detail: brand });

  const found = BOOK.find(words);
  const code = CODE_RE.exec(plain);
  if (code?.[1] && UPPER_CODE_RE.test(code[1])) reasons.push({ code: 'discount', detail: code[1] });
  for (const label of LABELS) {
    if (label === 'credit') continue;
    const span = found.get(label);
    const signal = LABEL_SIGNAL[label];
    if (span && !reasons.some((r) => r.code === signal)) reasons.push({ code: signal, detail: wordsAt(plain, words, span) });
  }

  let damp = 0;
  if (isQuestion(plain, words)) damp += DAMPER.question;
  // Crediting someone else: a credit phrase, or a mention of another account with nothing of one's own.
  if (found.has('credit')) damp += DAMPER.credit;
  return { reasons, damp, words };
}

/** The post asks rather than tells: it ends with a question, or opens with one. */
function isQuestion(plain: string, words: readonly string[]): boolean {
  const trimmed = plain.replace(/[\s\p{Extended_Pictographic}\u{FE0F}\u{200D}.!)"'»]+$/u, '');
  if (trimmed.endsWith('?')) return true;
  if (!plain.includes('?')) return false;
  const opener = OPENERS.find(words.slice(0, 3));
  return opener.size > 0 && trimmed.replace(/^[¿\s]+/u, '').length > 0;
}

export function classifyPromotion(input: PromoInput, context: PromoContext): PromoResult {
  const p = prepare(context);
  const { reasons: all, damp, words } = ruleSignals(input, p);
  const muted = p.lexicon?.muted;
  const reasons = muted && muted.size > 0 ? all.filter((r) => !muted.has(reasonKey(r))) : all;
  const terms = p.lexicon?.terms;
  if (terms && terms.size > 0) {
    const hit = words.find((w) => terms.has(w));
    if (hit) reasons.push({ code: 'learned', detail: hit });
  }
  let score = -damp;
  for (const r of reasons) score += WEIGHT[r.code];
  score = Math.round(Math.max(0, Math.min(1, score)) * 100) / 100;
  // Reasons are kept below the threshold too: the user sees what almost tipped a post they relabel.
  return { promotional: score >= THRESHOLD, score, reasons };
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
    const { reasons, words } = ruleSignals({ text: label.text }, p);
    const content = new Set(words.filter((w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\p{N}/u.test(w)));
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
