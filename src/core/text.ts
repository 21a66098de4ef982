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
  if (ASCII_RE.test(text)) return text.toLowerCase().replace(/[`]/g, "'");
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
const LETTER_OR_DIGIT_RE = /^[\p{L}\p{N}\p{M}]$/u;

function isWordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  let known = WORD_UNIT[c];
  if (known === 0) {
    known = LETTER_OR_DIGIT_RE.test(String.fromCharCode(c)) ? 1 : 2;
    WORD_UNIT[c] = known;
  }
  return known === 1;
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

/**
 * Splits text into words, numbers and the few symbols that carry meaning (`$ € £ %`), and with
 * `breaks`, runs of sentence punctuation. Words keep inner apostrophes and hyphens (`we're`,
 * `pre-order`); a number keeps its decimals (`49.99`, `29,90`).
 */
function scan(text: string, breaks: boolean, out: string[] = []): string[] {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let j = i + 1;
    if (isDigitUnit(c)) {
      while (j < n && isDigitUnit(text.charCodeAt(j))) j++;
      while (j + 1 < n && (text.charCodeAt(j) === 46 || text.charCodeAt(j) === 44) && isDigitUnit(text.charCodeAt(j + 1))) {
        j += 2;
        while (j < n && isDigitUnit(text.charCodeAt(j))) j++;
      }
    } else if (isWordUnit(c)) {
      for (;;) {
        while (j < n && isWordUnit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if ((d === 39 || d === 45) && j + 1 < n && isWordUnit(text.charCodeAt(j + 1))) j++;
        else break;
      }
    } else if (isSymbolUnit(c)) {
      // one unit
    } else if (breaks && isBreakUnit(c)) {
      while (j < n && isBreakUnit(text.charCodeAt(j))) j++;
    } else {
      i++;
      continue;
    }
    out.push(text.slice(i, j));
    i = j;
  }
  return out;
}

export function tokens(folded: string): string[] {
  return scan(folded, false);
}

/** A sentence break among tokens: no phrase spans one, so phrases never run across sentences. */
export const BREAK = '.';

/**
 * Tokens with sentence breaks kept (as BREAK), and for each token whether it is not the writer's own
 * statement: inside a question (a sentence that ends with `?` or opens with `¿`) or inside quotation
 * marks ("«¡40 % de descuento, solo hoy!» says the email"). An unbalanced quote marks nothing.
 */
export function sentenceTokens(folded: string): { toks: string[]; asked: boolean[] } {
  const toks = scan(folded, true);
  const asked: boolean[] = new Array<boolean>(toks.length).fill(false);
  if (folded.includes('?') || folded.includes('¿')) {
    let start = 0;
    let opensAsQuestion = false;
    for (let i = 0; i <= toks.length; i++) {
      const t = toks[i];
      if (t !== undefined && !endsSentence(t)) continue;
      // A sentence ends here (or the text does): a question if it ends with "?" or opened with "¿".
      if (opensAsQuestion || (t !== undefined && t.includes('?'))) for (let j = start; j < i; j++) asked[j] = true;
      opensAsQuestion = t !== undefined && t.includes('¿');
      start = i + 1;
    }
  }
  if (/["“”«»]/.test(folded)) markQuoted(toks, asked);
  for (let i = 0; i < toks.length; i++) if (isBreakUnit((toks[i] as string).charCodeAt(0))) toks[i] = BREAK;
  return { toks, asked };
}

function endsSentence(token: string): boolean {
  for (let k = 0; k < token.length; k++) {
    const c = token.charCodeAt(k);
    if (isBreakUnit(c) && !isQuoteUnit(c)) return true;
  }
  return false;
}

function markQuoted(toks: readonly string[], asked: boolean[]): void {
  const inside: boolean[] = new Array<boolean>(toks.length).fill(false);
  let open = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as string;
    if (!isBreakUnit(t.charCodeAt(0))) {
      inside[i] = open;
      continue;
    }
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (c === 34) open = !open;
      else if (c === 8220 || c === 171) open = true;
      else if (c === 8221 || c === 187) open = false;
    }
  }
  if (open) return;
  for (let i = 0; i < toks.length; i++) if (inside[i]) asked[i] = true;
}

export function isNumber(token: string): boolean {
  return token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57;
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

/** The tokens of `text` as written (lower case, accents kept), aligned with sentenceTokens(fold(text)). */
export function writtenTokens(text: string): string[] {
  return scan(text.toLowerCase(), true).map((t) => (isBreakUnit(t.charCodeAt(0)) ? BREAK : t));
}

/**
 * The words of `text` at a span, as the user wrote them (lower case, accents kept) when the tokens of
 * the written and the folded text line up, which they do but for exotic input; else the folded words.
 */
export function wordsAt(written: readonly string[], folded: readonly string[], span: Span): string {
  const source = written.length === folded.length ? written : folded;
  return source.slice(span.at, span.at + span.length).join(' ');
}

/** A node of the phrase trie: what follows a token, and the labels of the phrases that end here. */
interface Node<L> {
  next?: Map<string, Node<L>>;
  num?: Node<L>;
  any?: Node<L>;
  ends?: L[];
}

/**
 * A phrase book: patterns of tokens grouped by label, kept as a trie of tokens, so matching a post
 * costs a few map lookups per token whatever the size of the lists (10,000 posts must classify in
 * < 100 ms, and the lists hold thousands of phrases once combinations are expanded).
 */
export class PhraseBook<L extends string> {
  private readonly root: Node<L> = {};

  constructor(lists: Partial<Record<L, readonly string[]>>) {
    for (const [label, phrases] of Object.entries(lists) as [L, readonly string[]][]) {
      for (const phrase of phrases) {
        const parts = phrase.split(/\s+/).flatMap((p) => (p === NUM || p === ANY ? [p] : tokens(fold(p))));
        if (parts.length === 0) continue;
        let node = this.root;
        for (const part of parts) {
          if (part === NUM) node = node.num ??= {};
          else if (part === ANY) node = node.any ??= {};
          else {
            node.next ??= new Map();
            let child = node.next.get(part);
            if (!child) node.next.set(part, (child = {}));
            node = child;
          }
        }
        (node.ends ??= []).includes(label) || node.ends.push(label);
      }
    }
  }

  /**
   * Every label found, with where its first match starts and how many tokens it spans (the longest
   * phrase at that start). Where `skip` marks a token, only phrases of the `always` labels may start.
   */
  find(toks: readonly string[], skip?: readonly boolean[], always?: ReadonlySet<L>): Map<L, Span> {
    const found = new Map<L, Span>();
    const root = this.root;
    for (let i = 0; i < toks.length; i++) {
      const only = skip?.[i] ? (always ?? EMPTY) : undefined;
      if (only && only.size === 0) continue;
      // The first step inline: most tokens start no phrase at all.
      const tok = toks[i] as string;
      const first = root.next?.get(tok);
      if (first) this.walk(first, toks, i, i + 1, found, only);
      if (root.num && isNumber(tok)) this.walk(root.num, toks, i, i + 1, found, only);
      if (root.any && tok !== BREAK) this.walk(root.any, toks, i, i + 1, found, only);
    }
    return found;
  }

  private walk(node: Node<L>, toks: readonly string[], start: number, at: number, found: Map<L, Span>, only?: ReadonlySet<L>): void {
    if (at < toks.length) {
      const tok = toks[at] as string;
      const literal = node.next?.get(tok);
      if (literal) this.walk(literal, toks, start, at + 1, found, only);
      if (node.num && isNumber(tok)) this.walk(node.num, toks, start, at + 1, found, only);
      if (node.any && tok !== BREAK) this.walk(node.any, toks, start, at + 1, found, only);
    }
    // Deeper (longer) matches were recorded first; a label keeps its first, longest match.
    if (node.ends && at > start) {
      for (const label of node.ends) {
        if (only && !only.has(label)) continue;
        if (!found.has(label)) found.set(label, { at: start, length: at - start });
      }
    }
  }
}
