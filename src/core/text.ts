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

/** ASCII letters and digits, by code: one array read on the hot path. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;

/** A letter, a digit, or a combining mark (inside a word: "café" written with a separate accent). */
function isWordUnit(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : unitClass(c) !== OTHER;
}

/** A word starts with a letter or digit: a lone mark (an emoji's variation selector, U+FE0F) is no word. */
function isWordStart(c: number): boolean {
  return c < 128 ? ASCII_WORD[c] === 1 : unitClass(c) === LETTER;
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
  /** Per token: where it starts and ends in `text`, and its kind. */
  start: number[];
  end: number[];
  kind: number[];
  /**
   * Two hashes of each token's text, made while scanning: matching looks tokens up by them without
   * slicing (two independent 30-bit hashes: two different words pass for each other about once in 2^60).
   */
  hash: number[];
  hash2: number[];
  /** Tokens that are not the writer's own statement: in a question, or between quotation marks. */
  asked: boolean[] | null;
}

export function scanText(text: string): Scanned {
  const n = text.length;
  const start: number[] = [];
  const end: number[] = [];
  const kind: number[] = [];
  const hash: number[] = [];
  const hash2: number[] = [];
  let count = 0;
  let i = 0;
  let marks = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    let k: number;
    // The hashes (FNV-1a and a polynomial one, as hashWord) are made in the same pass as the token,
    // each unit read once.
    let h = Math.imul(2166136261 ^ c, 16777619);
    let g = c;
    if (isDigitUnit(c)) {
      k = NUMBER;
      while (j < n) {
        const d = text.charCodeAt(j);
        // Digits, and a decimal point or comma between digits.
        if (!isDigitUnit(d) && !((d === 46 || d === 44) && j + 1 < n && isDigitUnit(text.charCodeAt(j + 1)))) break;
        h = Math.imul(h ^ d, 16777619);
        g = (Math.imul(g, 31) + d) | 0;
        j++;
      }
      // "31k", "2m": an amount written short (revenue, followers, a loan), one word rather than a
      // number, so that "$31k net" is not read as a price.
      const unit = j < n ? text.charCodeAt(j) : 0;
      if ((unit === 107 || unit === 109) && !(j + 1 < n && isWordUnit(text.charCodeAt(j + 1)))) {
        h = Math.imul(h ^ unit, 16777619);
        g = (Math.imul(g, 31) + unit) | 0;
        j++;
        k = WORD;
      }
    } else if (isWordStart(c)) {
      k = WORD;
      while (j < n) {
        const d = text.charCodeAt(j);
        // Letters and digits, and an apostrophe or hyphen between them ("we're", "pre-order").
        if (!isWordUnit(d) && !((d === 39 || d === 45) && j + 1 < n && isWordUnit(text.charCodeAt(j + 1)))) break;
        h = Math.imul(h ^ d, 16777619);
        g = (Math.imul(g, 31) + d) | 0;
        j++;
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
      g = 0;
    } else {
      i++;
      continue;
    }
    start.push(i);
    end.push(j);
    kind.push(k);
    hash.push(h & SMI);
    hash2.push(g & SMI);
    count++;
    i = j;
  }
  const scanned: Scanned = { text, count, start, end, kind, hash, hash2, asked: null };
  // Only a text with a question mark or a quotation mark has tokens that are not its own statement.
  if (marks) markAsked(scanned);
  return scanned;
}

/**
 * Hashes are cut to 30 bits: small integers that V8 keeps unboxed in the token arrays and compares
 * directly, where a full 32-bit hash would often be a heap number.
 */
const SMI = 0x3fffffff;

/** The two hashes scanText makes of a token, of a whole word. */
function hashWord(word: string): [number, number] {
  let h = 2166136261;
  let g = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    h = Math.imul(h ^ c, 16777619);
    g = (Math.imul(g, 31) + c) | 0;
  }
  return [h & SMI, g & SMI];
}

/** The token's text ('' for a break). */
export function tokenAt(s: Scanned, i: number): string {
  return s.kind[i] === BREAK_RUN ? '' : s.text.slice(s.start[i], s.end[i]);
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

/**
 * Marks the `reach` tokens after each one-word phrase of `words` (in the same sentence) as not the
 * writer's own statement, like a question: "I don't have a giveaway", "no hay lista de espera".
 */
export function markAfter<L extends string>(s: Scanned, words: PhraseBook<L>, reach: number): void {
  for (let i = 0; i < s.count; i++) {
    if (s.kind[i] === BREAK_RUN || !words.isWordAt(s, i)) continue;
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

/**
 * A phrase book: patterns of tokens grouped by label, kept as a trie of tokens, so matching a post
 * costs about one table lookup per token whatever the size of the lists (10,000 posts must classify
 * in < 100 ms, and the lists hold thousands of phrases once combinations are expanded). A phrase never
 * runs across a sentence break.
 *
 * The trie is flat, in typed arrays: nodes are numbers (0 is the root), and the edges for literal
 * tokens live in one open-addressing table keyed by (node, both token hashes). A lookup is a few
 * integer reads, where a Map of arrays of strings cost a hash of a heap number and a string compare.
 */
export class PhraseBook<L extends string> {
  private readonly labels: L[] = [];
  private readonly bitOf = new Map<L, number>();
  /** Per node: the node a number or any word leads to (-1: none), the labels ending here (bits). */
  private readonly num: Int32Array;
  private readonly any: Int32Array;
  private readonly ends: Int32Array;
  /** Per node: whether it has literal edges; whether a phrase can start from it (edges, num, any or ends). */
  private readonly hasEdges: Uint8Array;
  private readonly startsPhrase: Uint8Array;
  /** Per node on the first level: its word, its weight in a word-weight model (NaN: none), the last find that counted it. */
  private readonly words: (string | undefined)[] = [];
  private readonly weight: Float64Array;
  private readonly countedIn: Int32Array;
  /** The edge table: parent node (-1: empty slot), the token's two hashes, the child node. */
  private readonly edgeParent: Int32Array;
  private readonly edgeH1: Int32Array;
  private readonly edgeH2: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly edgeMask: number;
  private finds = 0;
  /** `always` sets turned into label bits, once per set. */
  private readonly masks = new WeakMap<ReadonlySet<L>, number>();

  /**
   * `weights`: optional word weights (a word-level model) kept on the same trie, so that one lookup per
   * token serves both the phrases and the model (find's `tally`).
   */
  constructor(lists: Partial<Record<L, readonly string[]>>, weights?: ReadonlyMap<string, number>) {
    // Built with plain arrays and a list of edges, then frozen into the typed arrays.
    const num: number[] = [-1];
    const any: number[] = [-1];
    const ends: number[] = [0];
    const weight: number[] = [Number.NaN];
    // Children by word, per node (the lists expand to thousands of phrases sharing few words).
    const children: Map<string, number>[] = [new Map()];
    const edges: { parent: number; h: number; g: number; child: number }[] = [];
    const newNode = (): number => {
      num.push(-1);
      any.push(-1);
      ends.push(0);
      weight.push(Number.NaN);
      children.push(new Map());
      return num.length - 1;
    };
    const childOf = (parent: number, word: string): number => {
      const known = (children[parent] as Map<string, number>).get(word);
      if (known !== undefined) return known;
      const [h, g] = hashWord(word);
      const child = newNode();
      (children[parent] as Map<string, number>).set(word, child);
      edges.push({ parent, h, g, child });
      return child;
    };
    // The tokens of each word of a pattern, worked out once per distinct word.
    const partTokens = new Map<string, string[]>();
    const tokensOfPart = (part: string): string[] => {
      let out = partTokens.get(part);
      if (!out) {
        out = part === NUM || part === ANY ? [part] : tokens(fold(part));
        partTokens.set(part, out);
      }
      return out;
    };
    for (const [label, phrases] of Object.entries(lists) as [L, readonly string[]][]) {
      let bit = this.bitOf.get(label);
      if (bit === undefined) {
        bit = this.labels.length;
        if (bit > 30) throw new Error('PhraseBook: at most 31 labels');
        this.labels.push(label);
        this.bitOf.set(label, bit);
      }
      for (const phrase of phrases) {
        const parts = phrase.split(/\s+/).flatMap(tokensOfPart);
        if (parts.length === 0) continue;
        let node = 0;
        for (const part of parts) {
          if (part === NUM) node = num[node] !== -1 ? (num[node] as number) : (num[node] = newNode());
          else if (part === ANY) node = any[node] !== -1 ? (any[node] as number) : (any[node] = newNode());
          else node = childOf(node, part);
        }
        ends[node] = (ends[node] as number) | (1 << bit);
      }
    }
    for (const [word, w] of weights ?? []) {
      const node = childOf(0, word);
      this.words[node] = word;
      weight[node] = w;
    }

    const count = num.length;
    this.num = Int32Array.from(num);
    this.any = Int32Array.from(any);
    this.ends = Int32Array.from(ends);
    this.weight = Float64Array.from(weight);
    this.countedIn = new Int32Array(count);
    this.hasEdges = new Uint8Array(count);
    for (const edge of edges) this.hasEdges[edge.parent] = 1;
    this.startsPhrase = new Uint8Array(count);
    for (let node = 0; node < count; node++) {
      this.startsPhrase[node] = this.hasEdges[node] || num[node] !== -1 || any[node] !== -1 || ends[node] !== 0 ? 1 : 0;
    }
    // A table at most half full keeps probe runs short.
    let size = 16;
    while (size < edges.length * 2) size *= 2;
    this.edgeMask = size - 1;
    this.edgeParent = new Int32Array(size).fill(-1);
    this.edgeH1 = new Int32Array(size);
    this.edgeH2 = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    for (const edge of edges) {
      let slot = slotOf(edge.parent, edge.h) & this.edgeMask;
      while (this.edgeParent[slot] !== -1) slot = (slot + 1) & this.edgeMask;
      this.edgeParent[slot] = edge.parent;
      this.edgeH1[slot] = edge.h;
      this.edgeH2[slot] = edge.g;
      this.edgeChild[slot] = edge.child;
    }
  }

  /** Where a token with hashes (h, g) leads from `parent`, or -1. */
  private edge(parent: number, h: number, g: number): number {
    const mask = this.edgeMask;
    for (let slot = slotOf(parent, h) & mask; ; slot = (slot + 1) & mask) {
      const p = this.edgeParent[slot] as number;
      if (p === -1) return -1;
      if (p === parent && this.edgeH1[slot] === h && this.edgeH2[slot] === g) return this.edgeChild[slot] as number;
    }
  }

  /** Whether token `i` of `s`, on its own, is one of the phrases. */
  isWordAt(s: Scanned, i: number): boolean {
    const node = this.edge(0, s.hash[i] as number, s.hash2[i] as number);
    return node !== -1 && this.ends[node] !== 0;
  }

  /** The weight of `word` if the last find counted it (it was in the text), else undefined. */
  countedWeight(word: string): number | undefined {
    const [h, g] = hashWord(word);
    const node = this.edge(0, h, g);
    return node !== -1 && this.countedIn[node] === this.finds && !Number.isNaN(this.weight[node]) ? this.weight[node] : undefined;
  }

  /**
   * Every label found, with where its first match starts and how many tokens it spans (the longest
   * phrase at that start). Where the text marks a token as asked (a question or a quotation), only
   * phrases of the `always` labels may start.
   */
  find(s: Scanned, always?: ReadonlySet<L>, tally?: WeightTally): Map<L, Span> {
    const finds = ++this.finds;
    const found = new Map<L, Span>();
    let alwaysMask = 0;
    if (always) {
      alwaysMask = this.masks.get(always) ?? 0;
      if (!this.masks.has(always)) {
        for (const label of always) alwaysMask |= 1 << (this.bitOf.get(label) ?? 31);
        this.masks.set(always, alwaysMask);
      }
    }
    const rootNum = this.num[0] as number;
    const rootAny = this.any[0] as number;
    const { kind, hash, hash2, asked } = s;
    for (let i = 0; i < s.count; i++) {
      if (kind[i] === BREAK_RUN) continue;
      // The first step inline: most tokens start no phrase at all.
      const first = this.edge(0, hash[i] as number, hash2[i] as number);
      // Word weights count every word once, questions and quotations included.
      if (tally && first !== -1 && this.countedIn[first] !== finds) {
        const w = this.weight[first] as number;
        if (!Number.isNaN(w)) {
          this.countedIn[first] = finds;
          tally.add(this.words[first] as string, w);
        }
      }
      const allowed = asked?.[i] ? alwaysMask : -1;
      if (allowed === 0) continue;
      // A node that only carries a word weight starts no phrase.
      if (first !== -1 && this.startsPhrase[first]) this.walk(first, s, i, i, found, allowed);
      if (rootNum !== -1 && kind[i] === NUMBER) this.walk(rootNum, s, i, i, found, allowed);
      if (rootAny !== -1) this.walk(rootAny, s, i, i, found, allowed);
    }
    return found;
  }

  /** `node` has matched tokens first..i: longer phrases first (recorded first), then those ending here. */
  private walk(node: number, s: Scanned, first: number, i: number, found: Map<L, Span>, allowed: number): void {
    const j = i + 1;
    if (j < s.count && s.kind[j] !== BREAK_RUN) {
      if (this.hasEdges[node]) {
        const literal = this.edge(node, s.hash[j] as number, s.hash2[j] as number);
        if (literal !== -1) this.walk(literal, s, first, j, found, allowed);
      }
      const num = this.num[node] as number;
      if (num !== -1 && s.kind[j] === NUMBER) this.walk(num, s, first, j, found, allowed);
      const any = this.any[node] as number;
      if (any !== -1) this.walk(any, s, first, j, found, allowed);
    }
    let ends = (this.ends[node] as number) & allowed;
    while (ends !== 0) {
      const bit = 31 - Math.clz32(ends);
      ends &= ~(1 << bit);
      const label = this.labels[bit] as L;
      if (!found.has(label)) found.set(label, { at: first, length: i - first + 1 });
    }
  }
}

/** A slot of the edge table for (node, first hash). */
function slotOf(parent: number, h: number): number {
  return Math.imul(parent + 1, 0x9e3779b1) ^ h;
}

/**
 * What find adds up from the word weights, each word once: their sum, and the few words that weigh
 * most (to name them). No array per word: this runs for every word of every post.
 */
export class WeightTally {
  sum = 0;
  static readonly TOP = 4;
  /** The heaviest positive words and their weights, heaviest first: at most TOP, in fixed slots. */
  private readonly words: string[] = [];
  private readonly weights: number[] = [];

  add(word: string, weight: number): void {
    this.sum += weight;
    if (weight <= 0) return;
    const { words, weights } = this;
    const n = words.length;
    if (n === WeightTally.TOP && weight <= (weights[n - 1] as number)) return;
    // Shift lighter words down one slot (the last falls off when full), then place this one.
    let at = n < WeightTally.TOP ? n : n - 1;
    while (at > 0 && (weights[at - 1] as number) < weight) {
      words[at] = words[at - 1] as string;
      weights[at] = weights[at - 1] as number;
      at--;
    }
    words[at] = word;
    weights[at] = weight;
  }

  /** The heaviest positive words, heaviest first. */
  get top(): { word: string; weight: number }[] {
    return this.words.map((word, i) => ({ word, weight: this.weights[i] as number }));
  }
}
