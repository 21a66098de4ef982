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
  return foldKnowing(text, undefined);
}

/** fold(text) for a caller that has text.toLowerCase() already. */
export function foldLowered(text: string, lower: string): string {
  return foldKnowing(text, lower);
}

function foldKnowing(text: string, lower: string | undefined): string {
  // Most posts are plain ASCII: no accents to drop, and Unicode normalisation is the costly part.
  if (ASCII_RE.test(text)) {
    const folded = lower ?? text.toLowerCase();
    return folded.includes('`') ? folded.replace(/`/g, "'") : folded;
  }
  if (BEYOND_LATIN_RE.test(text)) return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase();
  // Latin with accents or curly apostrophes (over half the posts: Spanish ones, and English ones with
  // ’): the lower case with each accented letter swapped for its base. One regex replace finds them
  // about twice as fast as a loop over every character, and makes a flat string (the scanner reads a
  // string grown piece by piece about half as fast).
  const low = lower ?? text.toLowerCase();
  // Lower case that changes the length ("İ" → "i̇") takes the general path.
  if (low.length !== text.length) return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase();
  return low.replace(TO_SWAP_RE, swapUnit);
}

/** What foldKnowing swaps in lower-case Latin text: accented letters, and quotes used as apostrophes. */
const TO_SWAP_RE = /[`\u00b4\u00c0-\u024f\u2018\u2019]/g;

function swapUnit(unit: string): string {
  const c = unit.charCodeAt(0);
  return c >= 0xc0 && c <= 0x24f ? (LATIN_BASE[c - 0xc0] as string) : "'";
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

/**
 * What each UTF-16 code unit is to the scanner, in one table the scanner reads per character: ASCII and
 * the few punctuation marks that matter are filled in here, the rest of Unicode on first sight (a
 * Unicode-property regex per character would be several times slower).
 */
const UNIT = new Uint8Array(65536);
/** Not yet known. */
const UNKNOWN = 0;
/** A letter, or a digit other than 0–9 (part of a word). */
const LETTER = 1;
/** 0–9: starts a number. */
const DIGIT = 2;
/** A combining mark: inside a word ("café" written with a separate accent), but starts none. */
const MARK = 3;
/** $ € £ %: carry meaning in a post (prices, discounts). */
const SYMBOL_UNIT = 4;
/** . ! ¡ and newlines end (or, for ¡, open) a sentence. */
const STOP = 5;
/** ? ¿: end or open a question. */
const ASK = 6;
/** Double quotation marks " “ ” « »: break a phrase, since what sits between them is someone else's words. */
const QUOTE = 7;
const OTHER = 8;
/** Units inside a word: letters, digits and marks. */
const inWord = (cls: number): boolean => cls <= MARK;

for (let c = 0; c < 128; c++) UNIT[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : c >= 48 && c <= 57 ? DIGIT : OTHER;
for (const c of [36, 8364, 163, 37]) UNIT[c] = SYMBOL_UNIT;
for (const c of [46, 33, 161, 10]) UNIT[c] = STOP;
for (const c of [63, 191]) UNIT[c] = ASK;
for (const c of [34, 8220, 8221, 171, 187]) UNIT[c] = QUOTE;
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /^\p{M}$/u;

/** A letter, a digit or a combining mark (for the rare look-ahead; the loops read UNIT themselves). */
function isWordUnit(c: number): boolean {
  const cls = UNIT[c] as number;
  return inWord(cls === UNKNOWN ? learnUnit(c) : cls);
}

/** The class of a unit not seen before (called once per distinct unit). */
function learnUnit(c: number): number {
  const ch = String.fromCharCode(c);
  const cls = LETTER_OR_DIGIT_RE.test(ch) ? LETTER : MARK_RE.test(ch) ? MARK : OTHER;
  UNIT[c] = cls;
  return cls;
}

/** What a token is: a word, a number, one of the symbols, or a run of sentence punctuation. */
const WORD = 0;
const NUMBER = 1;
const SYMBOL = 2;
const BREAK_RUN = 3;

/**
 * A text cut into tokens, as positions (no strings are made until asked for): words, numbers and the
 * few symbols that carry meaning (`$ € £ %`), and runs of sentence punctuation (breaks). Words keep
 * inner apostrophes and hyphens (`we're`, `pre-order`); a number keeps its decimals (`49.99`, `29,90`).
 *
 * The per-token arrays are typed and may be longer than `count`: a caller that scans many texts passes
 * the same Scanned back to scanText, which reuses them (allocating five arrays per post cost more than
 * the scan itself). Only the first `count` entries mean anything.
 */
export interface Scanned {
  /** The text scanned (folded, for matching). */
  text: string;
  count: number;
  /** Per token: where it starts and ends in `text`, and its kind. */
  start: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  /**
   * Two hashes of each token's text, made while scanning: matching looks tokens up by them without
   * slicing. The first is FNV-1a (30 bits); the second, checkOf, is the token's length and last unit,
   * which cost nothing per unit (a second rolling hash cost two more multiplications per unit). The edge table compares
   * both: two different words pass for each other only if their FNV hashes collide (once in 2^30
   * comparisons) and they also end alike and are as long.
   */
  hash: Int32Array;
  hash2: Int32Array;
  /** Tokens that are not the writer's own statement (1): in a question, between quotation marks, after a negation. Null: none. */
  asked: Uint8Array | null;
  /** The array `asked` uses once a token is marked (kept for the next scan). */
  askedSpace: Uint8Array;
}

function emptyScanned(capacity: number): Scanned {
  return {
    text: '', count: 0, asked: null,
    start: new Int32Array(capacity), end: new Int32Array(capacity), kind: new Uint8Array(capacity),
    hash: new Int32Array(capacity), hash2: new Int32Array(capacity), askedSpace: new Uint8Array(capacity),
  };
}

/**
 * A Scanned to pass to scanText again and again (see Scanned). What it held is overwritten by the next
 * scan, so a caller keeps one only while nothing else scans into it.
 */
export function scratchScanned(): Scanned {
  return emptyScanned(256);
}

/** `text` cut into tokens, into `into` when given (its arrays reused), else into a new Scanned. */
export function scanText(text: string, into?: Scanned): Scanned {
  const n = text.length;
  // A text never has more tokens than units.
  const s = into ?? emptyScanned(n);
  if (s.start.length < n) {
    const capacity = Math.max(n, s.start.length * 2);
    Object.assign(s, emptyScanned(capacity));
  }
  const { start, end, kind, hash, hash2 } = s;
  let count = 0;
  let i = 0;
  let marks = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cls = UNIT[c] as number;
    if (cls === UNKNOWN) cls = learnUnit(c);
    if (cls === OTHER || cls === MARK) {
      i++;
      continue;
    }
    let j = i + 1;
    let k: number;
    // The hash (FNV-1a, as hashWord) is made in the same pass as the token, each unit read once.
    let h = Math.imul(2166136261 ^ c, 16777619);
    if (cls === DIGIT) {
      k = NUMBER;
      while (j < n) {
        const d = text.charCodeAt(j);
        // Digits, and a decimal point or comma between digits.
        if (UNIT[d] !== DIGIT) {
          if (!((d === 46 || d === 44) && j + 1 < n && UNIT[text.charCodeAt(j + 1)] === DIGIT)) break;
        }
        h = Math.imul(h ^ d, 16777619);
        j++;
      }
      // "31k", "2m": an amount written short (revenue, followers, a loan), one word rather than a
      // number, so that "$31k net" is not read as a price.
      const unit = j < n ? text.charCodeAt(j) : 0;
      if ((unit === 107 || unit === 109) && !(j + 1 < n && isWordUnit(text.charCodeAt(j + 1)))) {
        h = Math.imul(h ^ unit, 16777619);
        j++;
        k = WORD;
      }
    } else if (cls === LETTER) {
      k = WORD;
      while (j < n) {
        const d = text.charCodeAt(j);
        let dc = UNIT[d] as number;
        if (dc === UNKNOWN) dc = learnUnit(d);
        // Letters and digits, and an apostrophe or hyphen between them ("we're", "pre-order").
        if (!inWord(dc) && !((d === 39 || d === 45) && j + 1 < n && isWordUnit(text.charCodeAt(j + 1)))) break;
        h = Math.imul(h ^ d, 16777619);
        j++;
      }
    } else if (cls === SYMBOL_UNIT) {
      k = SYMBOL;
    } else {
      // A run of sentence punctuation and quotation marks.
      k = BREAK_RUN;
      if (cls !== STOP) marks = true;
      while (j < n) {
        const dc = UNIT[text.charCodeAt(j)] as number;
        if (dc < STOP || dc > QUOTE) break;
        if (dc !== STOP) marks = true;
        j++;
      }
      h = 0;
    }
    start[count] = i;
    end[count] = j;
    kind[count] = k;
    hash[count] = h & SMI;
    hash2[count] = k === BREAK_RUN ? 0 : checkOf(j - i, text.charCodeAt(j - 1));
    count++;
    i = j;
  }
  s.text = text;
  s.count = count;
  s.asked = null;
  // Only a text with a question mark or a quotation mark has tokens that are not its own statement.
  if (marks) markAsked(s);
  return s;
}

/** The text's asked marks, started (all clear) in the Scanned's own space on first use. */
function askedOf(s: Scanned): Uint8Array {
  if (!s.asked) {
    s.asked = s.askedSpace;
    s.asked.fill(0, 0, s.count);
  }
  return s.asked;
}

/** Marks token i as not the writer's own statement. */
function markAskedAt(s: Scanned, i: number): void {
  askedOf(s)[i] = 1;
}

/**
 * Hashes are cut to 30 bits: small integers that V8 keeps unboxed in the token arrays and compares
 * directly, where a full 32-bit hash would often be a heap number.
 */
const SMI = 0x3fffffff;

/** A token's second hash (Scanned.hash2): its length and last unit, 16 bits. */
function checkOf(length: number, last: number): number {
  return ((length & 0xff) << 8) | (last & 0xff);
}

/** The two hashes scanText makes of a token, of a whole word. */
function hashWord(word: string): [number, number] {
  let h = 2166136261;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 16777619);
  return [h & SMI, word.length === 0 ? 0 : checkOf(word.length, word.charCodeAt(word.length - 1))];
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

/** One Scanned for tokens(), which turns it into strings at once. */
const TOKENS_SPACE = scratchScanned();

export function tokens(folded: string): string[] {
  return wordsOf(scanText(folded, TOKENS_SPACE));
}

/**
 * tokens() of each of many (folded) texts, in one scan of them joined by a unit that belongs to no
 * token. Word lists are tokenized this way at start-up: a scanner that V8 first compiled on thousands
 * of one-word calls ran about twice as slowly on real posts afterwards (measured in Node 20).
 */
export function tokensOfEach(texts: readonly string[]): string[][] {
  const s = scanText(texts.join('\u0000'));
  const out = texts.map((): string[] => []);
  let t = 0;
  // Where text t ends in the joined string.
  let limit = texts[0]?.length ?? 0;
  for (let i = 0; i < s.count; i++) {
    while ((s.start[i] as number) > limit) limit += 1 + (texts[++t] as string).length;
    if (s.kind[i] !== BREAK_RUN) (out[t] as string[]).push(tokenAt(s, i));
  }
  return out;
}

/** Questions (a sentence ends with `?` or opens with `¿`) and quotations; an unbalanced quote marks nothing. */
function markAsked(s: Scanned): void {
  const asked = askedOf(s);
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
    if (question || opensAsQuestion) asked.fill(1, sentence, i);
    opensAsQuestion = opens;
    sentence = i + 1;
  }
  if (!quoteOpen) for (const i of quoted) asked[i] = 1;
}

/** Removes links and @mentions, whose words are not the writer's own words. `links`: linksIn(text), if known. */
export function withoutLinksAndMentions(text: string, links?: readonly string[]): string {
  let out = text;
  for (const link of links ?? linksIn(text)) out = out.split(link).join(' ');
  return out.includes('@') ? out.replace(MENTION_RE, '$1 ') : out;
}

/** A regex source matching exactly `words`, factored as a trie of their characters. */
export function alternationOf(words: readonly string[]): string {
  interface Node { next: Map<string, Node>; end: boolean }
  const root: Node = { next: new Map(), end: false };
  for (const word of words) {
    let node = root;
    for (const ch of word) {
      let next = node.next.get(ch);
      if (!next) node.next.set(ch, (next = { next: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const alternatives = [...node.next].map(([ch, child]) => ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') + emit(child));
    if (alternatives.length === 0) return '';
    const body = alternatives.length === 1 ? (alternatives[0] as string) : `(?:${alternatives.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return emit(root);
}

const isAsciiLetter = (c: number): boolean => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * Whether the text has a letter or digit, a dot, then a letter ("example.com", "v2.app"): the cheap
 * test first, since most posts have no link and the candidate regex is the costly part. The dots are
 * found with indexOf, which was several times quicker than a regex over the whole post.
 */
function mayHaveLink(text: string): boolean {
  for (let at = text.indexOf('.', 1); at !== -1; at = text.indexOf('.', at + 1)) {
    const before = text.charCodeAt(at - 1);
    if ((isAsciiLetter(before) || (before >= 48 && before <= 57)) && isAsciiLetter(text.charCodeAt(at + 1))) return true;
  }
  return false;
}

export function linksIn(text: string): string[] {
  if (!mayHaveLink(text)) return [];
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

export interface PhraseBookOptions<L extends string> {
  /**
   * Word weights (a word-level model) kept on the same trie, so that one lookup per token serves both
   * the phrases and the model (find's `tally`). A key is one token, or two in a row separated by a
   * space (a word pair). Weights are kept to three decimals.
   */
  weights?: ReadonlyMap<string, number>;
  /**
   * A label of one-word phrases that are not found themselves but mark the `reach` tokens after them,
   * in the same sentence, as not the writer's own statement, like a question: "I don't have a
   * giveaway", "no hay lista de espera". Found in the same lookup as the phrases.
   */
  negation?: { label: L; reach: number };
}

/**
 * A phrase book: patterns of tokens grouped by label, kept as a trie of tokens, so matching a post
 * costs about one table lookup per token whatever the size of the lists (10,000 posts must classify
 * in < 100 ms, and the lists hold thousands of phrases once combinations are expanded). A phrase never
 * runs across a sentence break.
 *
 * The trie is flat, in one typed array: nodes are numbers (0 is the root), each kept in the slot of an
 * open-addressing table keyed by its parent and the token that leads to it (both hashes). A lookup is
 * a few integer reads on one cache line, where a Map of arrays of strings cost a hash of a heap number
 * and a string compare.
 */
export class PhraseBook<L extends string> {
  private readonly labels: L[] = [];
  private readonly bitOf = new Map<L, number>();
  /**
   * The nodes, in one open-addressing table of 16-byte slots, each node in the slot of the edge that
   * leads to it (a trie node has one): the lookup of a token reads the node it reaches on the same
   * cache line. A table of edges beside an array of nodes cost two memory reads per step, and on this
   * shared machine, when other work fills the caches, those reads were most of find's time.
   *
   * A node's id is its slot + 1 (0 is the root, which has no slot). Its record (RECORD_STRIDE integers,
   * at (id - 1) * RECORD_STRIDE): the edge's key (edgeKey: the parent's id mixed into the token's first
   * hash); the token's second hash (16 bits) above the node's weight in a word-weight model (thousandths,
   * signed 16 bits); the labels ending at the node with five flags above them (ENDS); a filter of the
   * tokens its own edges take. The nodes a number or any word leads to have no edge to hash: their
   * records follow the table.
   */
  private readonly records: Int32Array;
  private readonly mask: number;
  /** The nodes a number, or any word, leads to, by the id they lead from (only those with HAS_JUMPS). */
  private readonly numOf = new Map<number, number>();
  private readonly anyOf = new Map<number, number>();
  private readonly rootNum: number = -1;
  private readonly rootAny: number = -1;
  /** By node id: the word or word pair it weighs. */
  private readonly words: (string | undefined)[] = [];
  private finds = 0;
  /**
   * The nodes whose weight a find has counted: a small open-addressing set, stamped with the find's
   * number, that stays in the fastest cache (a mark in each record was a write to a cold line).
   */
  private seenNode = new Int32Array(1024);
  private seenFind = new Int32Array(1024);
  private seenShift = 32 - 10;
  /** What find returns, reused by every find. */
  private readonly found = new Found<L>(this.labels);
  /** The last `always` set find was given, as label bits (a caller passes the same set post after post). */
  private lastAlways: ReadonlySet<L> | undefined;
  private lastAlwaysMask = 0;

  /** The label bit of the negation words (0: none), and how many tokens after one they cover. */
  private readonly negationBit: number = 0;
  private readonly negationReach: number = 0;

  constructor(lists: Partial<Record<L, readonly string[]>>, options: PhraseBookOptions<L> = {}) {
    const { weights, negation } = options;
    // Built with plain arrays and a list of edges, then frozen into the typed arrays.
    const num: number[] = [-1];
    const any: number[] = [-1];
    const ends: number[] = [0];
    const weight: number[] = [Number.NaN];
    const parentOf: number[] = [-1];
    // Children by word, per node (the lists expand to thousands of phrases sharing few words).
    const children: Map<string, number>[] = [new Map()];
    const edges: { parent: number; h: number; g: number; child: number }[] = [];
    const wordOfNode: string[] = [];
    const newNode = (parent: number): number => {
      parentOf.push(parent);
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
      const child = newNode(parent);
      (children[parent] as Map<string, number>).set(word, child);
      edges.push({ parent, h, g, child });
      return child;
    };
    // The tokens of each distinct word of the patterns, all in one scan.
    const partsOf = new Map<string, string[]>();
    for (const phrases of Object.values(lists) as readonly string[][]) for (const phrase of phrases) partsOf.set(phrase, phrase.split(/\s+/));
    const distinct = [...new Set([...partsOf.values()].flat())].filter((part) => part !== NUM && part !== ANY);
    const tokenized = tokensOfEach(distinct.map(fold));
    const partTokens = new Map<string, string[]>([[NUM, [NUM]], [ANY, [ANY]], ...distinct.map((part, i) => [part, tokenized[i] as string[]] as const)]);
    const tokensOfPart = (part: string): string[] => partTokens.get(part) as string[];
    for (const [label, phrases] of Object.entries(lists) as [L, readonly string[]][]) {
      let bit = this.bitOf.get(label);
      if (bit === undefined) {
        bit = this.labels.length;
        if (bit > 26) throw new Error('PhraseBook: at most 27 labels');
        this.labels.push(label);
        this.bitOf.set(label, bit);
      }
      for (const phrase of phrases) {
        const parts = (partsOf.get(phrase) as string[]).flatMap(tokensOfPart);
        if (parts.length === 0) continue;
        let node = 0;
        for (const part of parts) {
          if (part === NUM) node = num[node] !== -1 ? (num[node] as number) : (num[node] = newNode(node));
          else if (part === ANY) node = any[node] !== -1 ? (any[node] as number) : (any[node] = newNode(node));
          else node = childOf(node, part);
        }
        ends[node] = (ends[node] as number) | (1 << bit);
      }
    }
    if (negation) {
      this.negationBit = 1 << (this.bitOf.get(negation.label) ?? 31);
      this.negationReach = negation.reach;
    }
    for (const [key, w] of weights ?? []) {
      // A word, or two words in a row ("link below"): a pair's weight sits on the second word's node.
      const [a, b] = key.split(' ') as [string, string | undefined];
      const node = b === undefined ? childOf(0, a) : childOf(childOf(0, a), b);
      wordOfNode[node] = key;
      weight[node] = w;
    }

    const count = num.length;
    // Each edge sets one bit of its parent's filter: a node has edges when its filter is not 0.
    const filter = new Int32Array(count);
    for (const edge of edges) filter[edge.parent] = (filter[edge.parent] as number) | filterBit(edge.h);
    // Which nodes a phrase can still end below (or at): only those are worth walking. Most nodes with
    // children lead only to word pairs of the model, which no walk finds; walking them was a call for
    // nearly every token. A child always has a higher number than its parent, so one backward pass
    // sees every child before its parent.
    const leads = new Uint8Array(count);
    for (let node = count - 1; node > 0; node--) {
      if (((ends[node] as number) & ~this.negationBit) !== 0) leads[node] = 1;
      if (leads[node]) leads[parentOf[node] as number] = 1;
    }
    // The table at most 65% full: a probe that finds nothing reads about four slots, most on one line.
    let size = 16;
    while (size * 0.65 < edges.length) size *= 2;
    this.mask = size - 1;
    this.records = new Int32Array((size + count - 1 - edges.length) * RECORD_STRIDE);
    // Ids by creation order: parents before children, so a child's key can use its parent's id.
    const edgeOf = new Map(edges.map((edge) => [edge.child, edge]));
    const idOf = new Int32Array(count);
    let extra = size;
    for (let node = 1; node < count; node++) {
      const edge = edgeOf.get(node);
      let slot: number;
      if (edge) {
        const key = edgeKey(idOf[edge.parent] as number, edge.h);
        slot = key & this.mask;
        while (this.records[slot * RECORD_STRIDE + ENDS] !== 0) slot = (slot + 1) & this.mask;
        this.records[slot * RECORD_STRIDE + KEY] = key;
        this.records[slot * RECORD_STRIDE + CHECK_WEIGHT] = (edge.g & 0xffff) << 16;
        this.records[slot * RECORD_STRIDE + ENDS] = OCCUPIED;
      } else {
        slot = extra++;
      }
      idOf[node] = slot + 1;
    }
    for (let node = 1; node < count; node++) {
      const id = idOf[node] as number;
      const at = (id - 1) * RECORD_STRIDE;
      const w = weight[node] as number;
      if (!Number.isNaN(w)) {
        // Thousandths: the model's weights have three decimals, so integer sums are exact. A record
        // keeps 16 bits of them: a weight beyond ±32.767 (a naive Bayes weight is a few units) is cut
        // there rather than failing every classification.
        const milli = Math.max(-0x7fff, Math.min(0x7fff, Math.round(w * 1000)));
        this.records[at + CHECK_WEIGHT] = (this.records[at + CHECK_WEIGHT] as number) | (milli & 0xffff);
        this.words[id] = wordOfNode[node];
      }
      const jumps = (num[node] as number) !== -1 || (any[node] as number) !== -1;
      this.records[at + ENDS] = (ends[node] as number) | OCCUPIED | (filter[node] !== 0 ? HAS_EDGES : 0) | (leads[node] ? LEADS_TO_PHRASE : 0)
        | (Number.isNaN(w) ? 0 : HAS_WEIGHT) | (jumps ? HAS_JUMPS : 0);
      this.records[at + FILTER] = filter[node] as number;
      if ((num[node] as number) !== -1) this.numOf.set(id, idOf[num[node] as number] as number);
      if ((any[node] as number) !== -1) this.anyOf.set(id, idOf[any[node] as number] as number);
    }
    if ((num[0] as number) !== -1) this.rootNum = idOf[num[0] as number] as number;
    if ((any[0] as number) !== -1) this.rootAny = idOf[any[0] as number] as number;
  }

  /** The id of the node a token (hashes h, g) leads to from node `parent`, or -1. */
  private edge(parent: number, h: number, g: number): number {
    const records = this.records;
    const mask = this.mask;
    const key = edgeKey(parent, h);
    const check = (g & 0xffff) << 16;
    for (let slot = key & mask; ; slot = (slot + 1) & mask) {
      const at = slot * RECORD_STRIDE;
      if (records[at + ENDS] === 0) return -1;
      if (records[at + KEY] === key && ((records[at + CHECK_WEIGHT] as number) & ~0xffff) === check) return slot + 1;
    }
  }

  /**
   * Where the next token (hashes h, g) leads from a non-root node, or -1: the node's filter first, which
   * answers about a third of these steps (no such edge) without a lookup.
   */
  private step(node: number, h: number, g: number): number {
    return (this.records[(node - 1) * RECORD_STRIDE + FILTER] as number) & filterBit(h) ? this.edge(node, h, g) : -1;
  }

  /** Adds a node's weight to the tally, once per find. */
  private count(node: number, finds: number, tally: WeightTally): void {
    const at = (node - 1) * RECORD_STRIDE;
    const records = this.records;
    if (((records[at + ENDS] as number) & HAS_WEIGHT) === 0) return;
    const seenNode = this.seenNode;
    const seenFind = this.seenFind;
    const mask = seenNode.length - 1;
    for (let k = Math.imul(node, 0x9e3779b1) >>> this.seenShift; ; k = (k + 1) & mask) {
      if (seenFind[k] !== finds) {
        seenFind[k] = finds;
        seenNode[k] = node;
        break;
      }
      if (seenNode[k] === node) return;
    }
    // The weight: the low 16 bits, signed.
    tally.add(node, ((records[at + CHECK_WEIGHT] as number) << 16) >> 16);
  }

  /** The word (or word pair) a tally's id stands for (WeightTally.topIds). */
  wordOf(id: number): string {
    return this.words[id] ?? '';
  }

  /**
   * Every label found, with where its first match starts and how many tokens it spans (the longest
   * phrase at that start). Where the text marks a token as asked (a question or a quotation), only
   * phrases of the `always` labels may start. The answer is the book's one Found, overwritten by its
   * next find.
   */
  find(s: Scanned, always?: ReadonlySet<L>, tally?: WeightTally, unweighted?: WordHashes): Found<L> {
    const finds = ++this.finds;
    const found = this.found;
    found.bits = 0;
    if (always !== this.lastAlways) {
      let mask = 0;
      for (const label of always ?? []) mask |= 1 << (this.bitOf.get(label) ?? 31);
      this.lastAlways = always;
      this.lastAlwaysMask = mask;
    }
    const alwaysMask = this.lastAlwaysMask;
    const records = this.records;
    const rootNum = this.rootNum;
    const rootAny = this.rootAny;
    const { kind, hash, hash2, count } = s;
    // A post counts at most two weights a token: the set stays at most a quarter full.
    if (this.seenNode.length < count * 8) {
      let bits = 10;
      while (1 << bits < count * 8) bits++;
      this.seenNode = new Int32Array(1 << bits);
      this.seenFind = new Int32Array(1 << bits);
      this.seenShift = 32 - bits;
    }
    const negationBit = this.negationBit;
    // Negation words mark what follows them; they are never found themselves.
    const reported = ~negationBit;
    for (let i = 0; i < count; i++) {
      if (kind[i] === BREAK_RUN) continue;
      const first = this.edge(0, hash[i] as number, hash2[i] as number);
      const at = (first - 1) * RECORD_STRIDE;
      // The next token's node below this one: the second step of a phrase, or a word pair's weight.
      let second = -2;
      if (first !== -1) {
        // Word weights count every word and pair once, questions and quotations included, but never
        // the `unweighted` words (the user's brand), alone or in a pair.
        if (tally && !isListed(unweighted, hash[i] as number, hash2[i] as number)) {
          this.count(first, finds, tally);
          const j = i + 1;
          if ((records[at + ENDS] as number) & HAS_EDGES && j < count && kind[j] !== BREAK_RUN) {
            second = this.step(first, hash[j] as number, hash2[j] as number);
            if (second !== -1 && !isListed(unweighted, hash[j] as number, hash2[j] as number)) this.count(second, finds, tally);
          }
        }
        // The tokens after a negation are marked before the loop reaches them, which comes to the same
        // as marking them beforehand: whether a phrase may match depends on its first token only.
        if ((records[at + ENDS] as number) & negationBit) {
          for (let j = i + 1; j <= i + this.negationReach && j < count && kind[j] !== BREAK_RUN; j++) markAskedAt(s, j);
        }
      }
      const allowed = (s.asked !== null && s.asked[i] === 1 ? alwaysMask : -1) & reported;
      if (allowed === 0) continue;
      // A node that only carries a word weight starts no phrase.
      if (first !== -1 && (records[at + ENDS] as number) & LEADS_TO_PHRASE) {
        // Most phrase starts ("the", "de", "my") lead nowhere in the post: a walk is begun only if the
        // next step may lead on to a phrase (or is not known yet), or a label not found yet ends here.
        // That skips two walks in three.
        const ends = records[at + ENDS] as number;
        const j = i + 1;
        const further = j < count && kind[j] !== BREAK_RUN
          && (second === -2 || ends & HAS_JUMPS || (second !== -1 && (records[(second - 1) * RECORD_STRIDE + ENDS] as number) & LEADS_TO_PHRASE));
        if (further || (ends & allowed & LABEL_BITS & ~found.bits) !== 0) this.walk(first, s, i, i, found, allowed, second);
      }
      if (rootNum !== -1 && kind[i] === NUMBER) this.walk(rootNum, s, i, i, found, allowed);
      if (rootAny !== -1) this.walk(rootAny, s, i, i, found, allowed);
    }
    return found;
  }

  /** `node` has matched tokens first..i: longer phrases first (recorded first), then those ending here. */
  private walk(node: number, s: Scanned, first: number, i: number, found: Found<L>, allowed: number, next = -2): void {
    const j = i + 1;
    const at = (node - 1) * RECORD_STRIDE;
    const records = this.records;
    if (j < s.count && s.kind[j] !== BREAK_RUN) {
      if ((records[at + ENDS] as number) & HAS_EDGES) {
        // `next`: the literal step from here, when find has looked it up already (-2: not yet).
        const literal = next !== -2 ? next : this.step(node, s.hash[j] as number, s.hash2[j] as number);
        if (literal !== -1 && (records[(literal - 1) * RECORD_STRIDE + ENDS] as number) & LEADS_TO_PHRASE) this.walk(literal, s, first, j, found, allowed);
      }
      // Number and wildcard steps exist only in phrases: they always lead to one.
      if ((records[at + ENDS] as number) & HAS_JUMPS) {
        const num = this.numOf.get(node);
        if (num !== undefined && s.kind[j] === NUMBER) this.walk(num, s, first, j, found, allowed);
        const any = this.anyOf.get(node);
        if (any !== undefined) this.walk(any, s, first, j, found, allowed);
      }
    }
    // Labels found already keep their first match.
    let ends = (records[at + ENDS] as number) & allowed & LABEL_BITS & ~found.bits;
    while (ends !== 0) {
      const bit = 31 - Math.clz32(ends);
      ends &= ~(1 << bit);
      found.bits |= 1 << bit;
      found.at[bit] = first;
      found.length[bit] = i - first + 1;
    }
  }
}

/**
 * The labels a find found, each with the span of its first match, as bits and two small arrays: a Map
 * made per post cost more than reading it. Each book has one, which its next find overwrites; a caller
 * reads it before finding again.
 */
export class Found<L extends string> {
  /** A bit per label found (its bit in the book). */
  bits = 0;
  /** Per label bit: the span of its first match. */
  readonly at = new Int32Array(32);
  readonly length = new Int32Array(32);

  /** The book's labels, by bit. */
  constructor(private readonly labels: readonly L[]) {}

  get size(): number {
    let n = 0;
    for (let b = this.bits; b !== 0; b &= b - 1) n++;
    return n;
  }

  has(label: L): boolean {
    return this.bitOfFound(label) !== -1;
  }

  get(label: L): Span | undefined {
    const bit = this.bitOfFound(label);
    return bit === -1 ? undefined : { at: this.at[bit] as number, length: this.length[bit] as number };
  }

  /** The label's bit if it was found, else -1: only the few bits set are compared (a Map lookup per label asked cost more). */
  private bitOfFound(label: L): number {
    for (let b = this.bits; b !== 0; b &= b - 1) {
      const bit = 31 - Math.clz32(b & -b);
      if (this.labels[bit] === label) return bit;
    }
    return -1;
  }
}

/**
 * Words as their two hashes, side by side (hashesOf): what find's `unweighted` lists. `mask` has bit
 * (h & 31) set for each word's first hash h: nearly every token fails that one test, and only the
 * rest compare hashes (a brand's words checked for every token cost a fifth of find).
 */
export interface WordHashes {
  mask: number;
  hashes: Int32Array;
}

export function hashesOf(words: Iterable<string>): WordHashes {
  const out: number[] = [];
  let mask = 0;
  for (const word of words) {
    const [h, g] = hashWord(word);
    out.push(h, g);
    mask |= 1 << (h & 31);
  }
  return { mask, hashes: Int32Array.from(out) };
}

function isListed(list: WordHashes | undefined, h: number, g: number): boolean {
  if (list === undefined || ((list.mask >>> (h & 31)) & 1) === 0) return false;
  const hashes = list.hashes;
  for (let k = 0; k < hashes.length; k += 2) if (hashes[k] === h && hashes[k + 1] === g) return true;
  return false;
}

/** A node's record (PhraseBook.records): its fields. */
const RECORD_STRIDE = 4;
const KEY = 0;
const CHECK_WEIGHT = 1;
const ENDS = 2;
/**
 * A node's filter: bit (h & 31) set for the first hash h of each token its literal edges take. A token
 * whose bit is clear is no edge; of the second steps find tries (about 190,000 in 10,000 posts, over half
 * of them no edge), the filter answers about a third without a lookup.
 */
const FILTER = 3;

function filterBit(h: number): number {
  return 1 << (h & 31);
}
/** The labels' bits in ENDS (at most 27 labels), and the five flags above them. */
const LABEL_BITS = 0x07ffffff;
/** Set in every record: an empty slot's ENDS is 0. */
const OCCUPIED = 1 << 27;
const HAS_JUMPS = 1 << 28;
const HAS_WEIGHT = 1 << 29;
const LEADS_TO_PHRASE = 1 << 30;
const HAS_EDGES = 1 << 31;

/** An edge's key: its parent node mixed into the token's first hash (the root's edges keep the hash as it is). */
function edgeKey(parent: number, h: number): number {
  return (h ^ Math.imul(parent, 0x9e3779b1)) & SMI;
}

/**
 * What find adds up from the word weights, each word once: their sum, and the words themselves as the
 * book's ids (PhraseBook.wordOf), from which topIds names the heaviest. Adding is a sum and two array
 * writes, nothing allocated: the heaviest are sorted out only when asked, which few posts are.
 * One tally serves post after post (reset). Weights are added in thousandths (integers, as the
 * book keeps them), so the sum is exact whatever the order.
 */
export class WeightTally {
  static readonly TOP = 4;
  private milli = 0;
  private ids = new Int32Array(64);
  private weights = new Int32Array(64);
  private size = 0;

  /** The sum of the weights added. */
  get sum(): number {
    return this.milli / 1000;
  }

  reset(): void {
    this.milli = 0;
    this.size = 0;
  }

  /** Adds a word's weight, in thousandths. */
  add(id: number, milli: number): void {
    this.milli += milli;
    if (milli <= 0) return;
    if (this.size === this.ids.length) {
      const ids = new Int32Array(this.size * 2);
      const weights = new Int32Array(this.size * 2);
      ids.set(this.ids);
      weights.set(this.weights);
      this.ids = ids;
      this.weights = weights;
    }
    this.ids[this.size] = id;
    this.weights[this.size] = milli;
    this.size++;
  }

  /** The ids of the `limit` (at most TOP) heaviest positive words, heaviest first (of equal weights, the first added). */
  topIds(limit: number = WeightTally.TOP): number[] {
    const top: number[] = [];
    const topWeights: number[] = [];
    for (let k = 0; k < this.size; k++) {
      const weight = this.weights[k] as number;
      const n = top.length;
      if (n === limit && weight <= (topWeights[n - 1] as number)) continue;
      // Lighter words move down one place (the last falls off when full); this one takes the gap.
      let at = n < limit ? n : n - 1;
      while (at > 0 && (topWeights[at - 1] as number) < weight) {
        top[at] = top[at - 1] as number;
        topWeights[at] = topWeights[at - 1] as number;
        at--;
      }
      top[at] = this.ids[k] as number;
      topWeights[at] = weight;
    }
    return top;
  }
}
