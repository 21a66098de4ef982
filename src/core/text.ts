/**
 * Text helpers shared by the judgements on the user's own writing (self-promotion, generic replies):
 * one normalisation and one tokenizer, so word lists in `data/` match however the user typed
 * (case, accents, curly apostrophes). Pure.
 */

const ASCII_RE = /^[\x00-\x7f]*$/;

/** Latin letters with accents (U+00C0–U+024F) → their base letter; worked out once from NFD. */
const LATIN_BASE: string[] = [];
for (let c = 0xc0; c <= 0x24f; c++) {
  const base = String.fromCharCode(c).normalize('NFD').replace(/\p{M}+/gu, '');
  LATIN_BASE[c - 0xc0] = base.length > 0 ? base : String.fromCharCode(c);
}
/** Anything beyond Latin (or combining marks already apart) takes the general, slower path. */
const BEYOND_LATIN_RE = /[\u0250-\u1fff\u0300-\u036f]/;

/** Lower case, accents dropped (`Regístrate` → `registrate`), curly apostrophes made straight. */
export function fold(text: string): string {
  // Most posts are plain ASCII: no accents to drop, and Unicode normalisation is the costly part.
  if (ASCII_RE.test(text)) return text.includes('`') ? text.toLowerCase().replace(/`/g, "'") : text.toLowerCase();
  if (BEYOND_LATIN_RE.test(text)) return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xc0) continue;
    const swap = c <= 0x24f ? LATIN_BASE[c - 0xc0] : c === 0x2019 || c === 0x2018 || c === 0xb4 ? "'" : undefined;
    if (swap === undefined) continue;
    out += text.slice(from, i) + swap;
    from = i + 1;
  }
  return (out + text.slice(from)).toLowerCase().replace(/[`´]/g, "'");
}

/** A number token stands for any number in a pattern (`only <num> seats left`). */
export const NUM = '<num>';
/** A wildcard token stands for any one word in a pattern (`join * waitlist`). */
export const ANY = '*';

/**
 * Link candidates: with a scheme, or a dotted host with an optional path. linksIn keeps a bare host
 * only when it is clearly one (www., a path, or a common top-level domain), so "e.g." or "v2.0" stay words.
 */
const URL_CANDIDATE_RE = /\bhttps?:\/\/[^\s<>"']+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"']*)?/gi;
const BARE_TLD_RE = /\.(?:com|org|net|io|dev|app|co|es|mx|ar|cl|ai|me|xyz|page|link|shop|store|academy|studio|fm|tv|so|ly|design|blog|news|tech|art|site|online|agency|digital|health|photo|games|edu|gov|uk|de|fr|it|pt|br|pe|uy|ve|cr|ec|bo|py|do)$/i;

function isLink(candidate: string): boolean {
  return /^https?:/i.test(candidate) || candidate.includes('/') || /^www\./i.test(candidate) || BARE_TLD_RE.test(candidate);
}
const MENTION_RE = /(^|[^\w@])@[\w.-]+/gu;

// Which UTF-16 code units are letters or digits, worked out once per unit: a hand-written scanner is
// several times faster than a Unicode-property regex, and 10,000 posts must classify in < 100 ms.
const WORD_UNIT = new Uint8Array(65536);
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;
/** WORD_UNIT values: not yet known, a letter or digit, a combining mark, anything else. */
const LETTER = 1;
const MARK = 2;
const OTHER = 3;

function unitClass(c: number): number {
  let known = WORD_UNIT[c] ?? OTHER;
  if (known === 0) {
    const ch = String.fromCharCode(c);
    known = LETTER_OR_DIGIT_RE.test(ch) ? LETTER : MARK_RE.test(ch) ? MARK : OTHER;
    WORD_UNIT[c] = known;
  }
  return known;
}

/** A letter, a digit, or a combining mark (inside a word: "café" written with a separate accent). */
function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return unitClass(c) !== OTHER;
}

/** A word starts with a letter or digit: a lone mark (an emoji's variation selector, U+FE0F) is no word. */
function isWordStart(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return unitClass(c) === LETTER;
}

const isDigitUnit = (c: number): boolean => c >= 48 && c <= 57;
/** $ € £ % carry meaning in a post (prices, discounts). */
const isSymbolUnit = (c: number): boolean => c === 36 || c === 8364 || c === 163 || c === 37;
/** Double quotation marks: " “ ” « ». Straight ones toggle; the others open or close. */
const isQuoteUnit = (c: number): boolean => c === 34 || c === 8220 || c === 8221 || c === 171 || c === 187;
/**
 * . ! ? ¿ ¡ and newlines end (or, for ¿ ¡, open) a sentence; quotation marks also break a phrase,
 * since what sits between them is someone else's words.
 */
const isBreakUnit = (c: number): boolean => c === 46 || c === 33 || c === 63 || c === 191 || c === 161 || c === 10 || isQuoteUnit(c);

/** What a token is: a word, a number, one of the symbols, or a run of sentence punctuation. */
const WORD = 0;
const NUMBER = 1;
const SYMBOL = 2;
const BREAK_RUN = 3;

/**
 * A text cut into tokens, as positions (no strings are made until asked for): words, numbers and the
 * few symbols that carry meaning (`$ € £ %`), and runs of sentence punctuation (breaks). Words keep
 * inner apostrophes and hyphens (`we're`, `pre-order`); a number keeps its decimals (`49.99`, `29,90`).
 */
export interface Scanned {
  /** The text scanned (folded, for matching). */
  text: string;
  count: number;
  start: number[];
  end: number[];
  kind: number[];
  /** A hash of each token's text, made while scanning: matching looks tokens up by it without slicing. */
  hash: number[];
  /** Tokens that are not the writer's own statement: in a question, or between quotation marks. */
  asked: boolean[] | null;
}

export function scanText(text: string): Scanned {
  const start: number[] = [];
  const end: number[] = [];
  const kind: number[] = [];
  const hash: number[] = [];
  const n = text.length;
  let i = 0;
  let marks = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    let k: number;
    // The hash (FNV-1a, as hashRange) is made in the same pass as the token.
    let h = Math.imul(2166136261 ^ c, 16777619);
    if (isDigitUnit(c)) {
      k = NUMBER;
      for (;;) {
        while (j < n && isDigitUnit(text.charCodeAt(j))) h = Math.imul(h ^ text.charCodeAt(j++), 16777619);
        const d = text.charCodeAt(j);
        if ((d === 46 || d === 44) && j + 1 < n && isDigitUnit(text.charCodeAt(j + 1))) h = Math.imul(h ^ text.charCodeAt(j++), 16777619);
        else break;
      }
      // "31k", "2m": an amount written short (revenue, followers, a loan), one word rather than a
      // number, so that "$31k net" is not read as a price.
      const unit = text.charCodeAt(j);
      if ((unit === 107 || unit === 109) && !isWordUnit(text.charCodeAt(j + 1))) {
        h = Math.imul(h ^ unit, 16777619);
        j++;
        k = WORD;
      }
    } else if (isWordStart(c)) {
      k = WORD;
      for (;;) {
        while (j < n && isWordUnit(text.charCodeAt(j))) h = Math.imul(h ^ text.charCodeAt(j++), 16777619);
        const d = text.charCodeAt(j);
        if ((d === 39 || d === 45) && j + 1 < n && isWordUnit(text.charCodeAt(j + 1))) h = Math.imul(h ^ text.charCodeAt(j++), 16777619);
        else break;
      }
    } else if (isSymbolUnit(c)) {
      k = SYMBOL;
    } else if (isBreakUnit(c)) {
      k = BREAK_RUN;
      if (c === 63 || c === 191 || isQuoteUnit(c)) marks = true;
      while (j < n && isBreakUnit(text.charCodeAt(j))) {
        const d = text.charCodeAt(j);
        if (d === 63 || d === 191 || isQuoteUnit(d)) marks = true;
        j++;
      }
      h = 0;
    } else {
      i++;
      continue;
    }
    start.push(i);
    end.push(j);
    kind.push(k);
    hash.push(h >>> 0);
    i = j;
  }
  const scanned: Scanned = { text, count: start.length, start, end, kind, hash, asked: null };
  // Only a text with a question mark or a quotation mark has tokens that are not its own statement.
  if (marks) markAsked(scanned);
  return scanned;
}

/** FNV-1a over a range of UTF-16 units. */
function hashRange(text: string, from: number, to: number): number {
  let h = 2166136261;
  for (let k = from; k < to; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h >>> 0;
}

/** The token's text ('' for a break). */
export function tokenAt(s: Scanned, i: number): string {
  return s.kind[i] === BREAK_RUN ? '' : s.text.slice(s.start[i], s.end[i]);
}

/** Whether token `i` is exactly `word`. */
function tokenIs(s: Scanned, i: number, word: string): boolean {
  const from = s.start[i] as number;
  return (s.end[i] as number) - from === word.length && s.text.startsWith(word, from);
}

export function isNumberAt(s: Scanned, i: number): boolean {
  return s.kind[i] === NUMBER;
}

export function isBreakAt(s: Scanned, i: number): boolean {
  return s.kind[i] === BREAK_RUN;
}

/** The words, numbers and symbols of a scanned text, without breaks. */
export function wordsOf(s: Scanned): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.count; i++) if (s.kind[i] !== BREAK_RUN) out.push(tokenAt(s, i));
  return out;
}

export function tokens(folded: string): string[] {
  return wordsOf(scanText(folded));
}

/** Questions (a sentence ends with `?` or opens with `¿`) and quotations; an unbalanced quote marks nothing. */
function markAsked(s: Scanned): void {
  const asked: boolean[] = new Array<boolean>(s.count).fill(false);
  let sentence = 0;
  let opensAsQuestion = false;
  let quoteOpen = false;
  const quoted: number[] = [];
  for (let i = 0; i <= s.count; i++) {
    if (i < s.count && s.kind[i] !== BREAK_RUN) {
      if (quoteOpen) quoted.push(i);
      continue;
    }
    let question = opensAsQuestion && i === s.count;
    let ends = i === s.count;
    let opens = false;
    if (i < s.count) {
      for (let k = s.start[i] as number; k < (s.end[i] as number); k++) {
        const c = s.text.charCodeAt(k);
        if (c === 34) quoteOpen = !quoteOpen;
        else if (c === 8220 || c === 171) quoteOpen = true;
        else if (c === 8221 || c === 187) quoteOpen = false;
        else {
          ends = true;
          if (c === 63) question = true;
          if (c === 191) opens = true;
        }
      }
    }
    if (!ends) continue;
    // A sentence ends here (or the text does): a question if it ends with "?" or opened with "¿".
    if (question || opensAsQuestion) for (let j = sentence; j < i; j++) asked[j] = true;
    opensAsQuestion = opens;
    sentence = i + 1;
  }
  if (!quoteOpen) for (const i of quoted) asked[i] = true;
  s.asked = asked;
}

/** Single words looked up by a scanned token's hash, without slicing it (negations, say). */
export class WordSet {
  private readonly byHash = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    for (const word of words) {
      for (const token of tokens(fold(word))) {
        const h = hashRange(token, 0, token.length);
        const bucket = this.byHash.get(h) ?? [];
        if (!bucket.includes(token)) bucket.push(token);
        this.byHash.set(h, bucket);
      }
    }
  }

  /** Whether token `i` of `s` is one of the words. */
  hasAt(s: Scanned, i: number): boolean {
    const bucket = this.byHash.get(s.hash[i] as number);
    return bucket !== undefined && bucket.some((word) => tokenIs(s, i, word));
  }
}

/**
 * Marks the `reach` tokens after each of `words` (in the same sentence) as not the writer's own
 * statement, like a question: "I don't have a giveaway", "no hay lista de espera".
 */
export function markAfter(s: Scanned, words: WordSet, reach: number): void {
  for (let i = 0; i < s.count; i++) {
    if (s.kind[i] === BREAK_RUN || !words.hasAt(s, i)) continue;
    const asked = (s.asked ??= new Array<boolean>(s.count).fill(false));
    for (let j = i + 1; j <= i + reach && j < s.count && s.kind[j] !== BREAK_RUN; j++) asked[j] = true;
  }
}

/** Removes links and @mentions, whose words are not the writer's own words. `links`: linksIn(text), if known. */
export function withoutLinksAndMentions(text: string, links?: readonly string[]): string {
  let out = text;
  for (const link of links ?? linksIn(text)) out = out.split(link).join(' ');
  return out.includes('@') ? out.replace(MENTION_RE, '$1 ') : out;
}

/** Cheap test first: most posts have no "word.word" at all, and the candidate regex is the costly part. */
const MAYBE_LINK_RE = /[a-z0-9]\.[a-z]/i;

export function linksIn(text: string): string[] {
  if (!MAYBE_LINK_RE.test(text)) return [];
  // A link ends before the punctuation that follows it in a sentence ("at example.com/x, or…").
  return (text.match(URL_CANDIDATE_RE) ?? []).map((l) => l.replace(/[.,;:!?)\]»”'"]+$/u, '')).filter(isLink);
}

/**
 * Host (lower case, without www.) and path segments (lower case, without @) of a link, by hand: `new URL`
 * costs more than the rest of a post's classification, and nothing else of the link is needed.
 */
export function splitLink(link: string): { host: string; path: string[] } {
  const bare = link.trim().replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const cut = bare.search(/[/?#]/);
  const host = (cut === -1 ? bare : bare.slice(0, cut)).replace(/:\d+$/, '').toLowerCase().replace(/^www\./, '');
  const rest = cut === -1 ? '' : bare.slice(cut).replace(/[?#].*$/, '');
  return { host, path: rest.split('/').map((p) => p.replace(/^@/, '').toLowerCase()).filter(Boolean) };
}

export function mentionsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MENTION_RE)) out.push(m[0].slice(m[0].indexOf('@') + 1).replace(/[.-]+$/, '').toLowerCase());
  return out;
}


const EMPTY: ReadonlySet<never> = new Set();

/** Where a phrase matched: its first token and how many tokens it covers. */
export interface Span {
  at: number;
  length: number;
}

/**
 * The words at a span as the user wrote them (`written` is the text before folding): lower case,
 * accents kept, when folding kept every character in place, which it does but for exotic input; else
 * the folded words.
 */
export function wordsAt(written: string, s: Scanned, span: Span): string {
  const from = s.start[span.at] as number;
  const to = s.end[span.at + span.length - 1] as number;
  return (written.length === s.text.length ? written : s.text).slice(from, to).toLowerCase();
}

/** A node of the phrase trie: the tokens that may follow, a number or any word in place of a token, and the labels of the phrases that end here. */
class Node<L> {
  // Every field is set in the constructor: one object shape for every node keeps the hot loop's
  // property reads monomorphic.
  /** On a first-level node: the word, and its weight in a word-weight model (find's `tally`). */
  word: string | undefined = undefined;
  weight: number | undefined = undefined;
  /** The last find that counted this word's weight: each word counts once per text. */
  countedIn = 0;
  /** By the hash of the next token: the token itself (to rule out a collision) and where it leads. */
  next: Map<number, { word: string; node: Node<L> }[]> | undefined = undefined;
  num: Node<L> | undefined = undefined;
  any: Node<L> | undefined = undefined;
  ends: L[] | undefined = undefined;
}

/**
 * A phrase book: patterns of tokens grouped by label, kept as a trie of tokens, so matching a post
 * costs about one map lookup per token whatever the size of the lists (10,000 posts must classify in
 * < 100 ms, and the lists hold thousands of phrases once combinations are expanded). A phrase never
 * runs across a sentence break.
 */
export class PhraseBook<L extends string> {
  private readonly root = new Node<L>();
  private finds = 0;

  /**
   * `weights`: optional word weights (a word-level model) kept on the same trie, so that one lookup per
   * token serves both the phrases and the model (find's `tally`).
   */
  constructor(lists: Partial<Record<L, readonly string[]>>, weights?: ReadonlyMap<string, number>) {
    for (const [label, phrases] of Object.entries(lists) as [L, readonly string[]][]) {
      for (const phrase of phrases) {
        const parts = phrase.split(/\s+/).flatMap((p) => (p === NUM || p === ANY ? [p] : tokens(fold(p))));
        if (parts.length === 0) continue;
        let node = this.root;
        for (const part of parts) {
          if (part === NUM) node = node.num ??= new Node<L>();
          else if (part === ANY) node = node.any ??= new Node<L>();
          else node = child(node, part);
        }
        if (!node.ends) node.ends = [label];
        else if (!node.ends.includes(label)) node.ends.push(label);
      }
    }
    for (const [word, weight] of weights ?? []) {
      const node = child(this.root, word);
      node.word = word;
      node.weight = weight;
    }
  }

  /**
   * Every label found, with where its first match starts and how many tokens it spans (the longest
   * phrase at that start). Where the text marks a token as asked (a question or a quotation), only
   * phrases of the `always` labels may start.
   */
  /** The weight of `word` if the last find counted it (it was in the text), else undefined. */
  countedWeight(word: string): number | undefined {
    const node = this.root.next?.get(hashRange(word, 0, word.length))?.find((c) => c.word === word)?.node;
    return node && node.countedIn === this.finds ? node.weight : undefined;
  }

  find(s: Scanned, always?: ReadonlySet<L>, tally?: WeightTally): Map<L, Span> {
    this.finds++;
    const found = new Map<L, Span>();
    const root = this.root;
    for (let i = 0; i < s.count; i++) {
      if (s.kind[i] === BREAK_RUN) continue;
      // The first step inline: most tokens start no phrase at all.
      const first = root.next && step(root.next, s, i);
      // Word weights count every word once, questions and quotations included.
      if (tally && first?.weight !== undefined && first.countedIn !== this.finds) {
        first.countedIn = this.finds;
        tally.add(first.word as string, first.weight);
      }
      const only = s.asked?.[i] ? (always ?? EMPTY) : undefined;
      if (only && only.size === 0) continue;
      // A node that only carries a word weight starts no phrase.
      if (first && (first.next || first.num || first.any || first.ends)) this.walk(first, s, i, i, found, only);
      if (root.num && s.kind[i] === NUMBER) this.walk(root.num, s, i, i, found, only);
      if (root.any) this.walk(root.any, s, i, i, found, only);
    }
    return found;
  }

  /** `node` has matched tokens first..i: longer phrases first (recorded first), then those ending here. */
  private walk(node: Node<L>, s: Scanned, first: number, i: number, found: Map<L, Span>, only?: ReadonlySet<L>): void {
    const j = i + 1;
    if (j < s.count && s.kind[j] !== BREAK_RUN) {
      const literal = node.next && step(node.next, s, j);
      if (literal) this.walk(literal, s, first, j, found, only);
      if (node.num && s.kind[j] === NUMBER) this.walk(node.num, s, first, j, found, only);
      if (node.any) this.walk(node.any, s, first, j, found, only);
    }
    if (!node.ends) return;
    for (const label of node.ends) {
      if (only && !only.has(label)) continue;
      if (!found.has(label)) found.set(label, { at: first, length: i - first + 1 });
    }
  }
}

/**
 * What find adds up from the word weights, each word once: their sum, and the few words that weigh
 * most (to name them). No array per word: this runs for every word of every post.
 */
export class WeightTally {
  sum = 0;
  /** The heaviest positive words, heaviest first, at most TOP. */
  readonly top: { word: string; weight: number }[] = [];
  static readonly TOP = 4;

  add(word: string, weight: number): void {
    this.sum += weight;
    if (weight <= 0) return;
    const top = this.top;
    if (top.length === WeightTally.TOP && weight <= (top[top.length - 1] as { weight: number }).weight) return;
    let at = top.length;
    while (at > 0 && (top[at - 1] as { weight: number }).weight < weight) at--;
    top.splice(at, 0, { word, weight });
    if (top.length > WeightTally.TOP) top.pop();
  }
}

function child<L>(node: Node<L>, word: string): Node<L> {
  node.next ??= new Map();
  const h = hashRange(word, 0, word.length);
  const bucket = node.next.get(h) ?? [];
  let found = bucket.find((c) => c.word === word)?.node;
  if (!found) {
    found = new Node<L>();
    bucket.push({ word, node: found });
    node.next.set(h, bucket);
  }
  return found;
}

/** Where token `i` leads from a node's `next`, if anywhere. */
function step<L>(next: NonNullable<Node<L>['next']>, s: Scanned, i: number): Node<L> | undefined {
  const bucket = next.get(s.hash[i] as number);
  if (!bucket) return undefined;
  for (const c of bucket) if (tokenIs(s, i, c.word)) return c.node;
  return undefined;
}
