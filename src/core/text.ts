/**
 * Text helpers shared by the judgements on the user's own writing (self-promotion, generic replies):
 * one normalisation and one tokenizer, so word lists in `data/` match however the user typed
 * (case, accents, curly apostrophes). Pure.
 */

/** Lower case, accents dropped (`Regístrate` → `registrate`), curly apostrophes made straight. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/[’‘`´]/g, "'").toLowerCase();
}

/** A number token stands for any number in a pattern (`only <num> seats left`). */
export const NUM = '<num>';
/** A wildcard token stands for any one word in a pattern (`join * waitlist`). */
export const ANY = '*';

export const URL_RE = /\bhttps?:\/\/[^\s<>"']+|\b(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^\s<>"']*|\bwww\.(?:[a-z0-9-]+\.)+[a-z]{2,}\b|\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|app|co|es|mx|ar|cl|ai|me|xyz|page|link|shop|store|academy|studio|fm|tv|so|ly)\b/gi;
const MENTION_RE = /(^|[^\w@])@[\w.-]+/gu;

/**
 * Words, numbers and the few symbols that carry meaning in a post (`$ € £ %`). Words keep inner
 * apostrophes and hyphens (`we're`, `pre-order`); a number keeps its decimals (`49.99`, `29,90`).
 */
const TOKEN_RE = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[$€£%]/gu;

export function tokens(folded: string): string[] {
  return folded.match(TOKEN_RE) ?? [];
}

export function isNumber(token: string): boolean {
  return token.charCodeAt(0) >= 48 && token.charCodeAt(0) <= 57;
}

/** Removes links and @mentions, whose words are not the writer's own words. */
export function withoutLinksAndMentions(text: string): string {
  return text.replace(URL_RE, ' ').replace(MENTION_RE, '$1 ');
}

export function linksIn(text: string): string[] {
  return text.match(URL_RE) ?? [];
}

export function mentionsIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(MENTION_RE)) out.push(m[0].slice(m[0].indexOf('@') + 1).replace(/[.-]+$/, '').toLowerCase());
  return out;
}

interface Entry<L> {
  label: L;
  parts: string[];
}

/** Where a phrase matched: its first token and how many tokens it covers. */
export interface Span {
  at: number;
  length: number;
}

/**
 * The words of `text` at a span, as the user wrote them (lower case, accents kept) when the tokens of
 * the written and the folded text line up, which they do but for exotic input; else the folded words.
 */
export function wordsAt(text: string, folded: readonly string[], span: Span): string {
  const written = tokens(text.toLowerCase());
  const source = written.length === folded.length ? written : folded;
  return source.slice(span.at, span.at + span.length).join(' ');
}

/**
 * A phrase book: patterns of tokens grouped by label, indexed by first token so matching a post costs
 * one map lookup per token, whatever the size of the lists (10,000 posts must classify in < 100 ms).
 */
export class PhraseBook<L extends string> {
  private readonly byFirst = new Map<string, Entry<L>[]>();
  private readonly anyFirst: Entry<L>[] = [];

  constructor(lists: Partial<Record<L, readonly string[]>>) {
    for (const [label, phrases] of Object.entries(lists) as [L, readonly string[]][]) {
      for (const phrase of phrases) {
        const parts = phrase.split(/\s+/).flatMap((p) => (p === NUM || p === ANY ? [p] : tokens(fold(p))));
        const first = parts[0];
        if (!first) continue;
        const entry = { label, parts };
        // Longest phrase first, so "buy my course" wins over "buy".
        if (first === NUM || first === ANY) this.anyFirst.push(entry);
        else this.byFirst.set(first, [...(this.byFirst.get(first) ?? []), entry].sort((a, b) => b.parts.length - a.parts.length));
      }
    }
  }

  /** Every label found, with where its first match starts and how many tokens it spans. */
  find(toks: readonly string[]): Map<L, Span> {
    const found = new Map<L, Span>();
    for (let i = 0; i < toks.length; i++) {
      const tok = toks[i] as string;
      const literal = this.byFirst.get(tok);
      if (literal) this.tryAll(literal, toks, i, found);
      if (this.anyFirst.length > 0) this.tryAll(this.anyFirst, toks, i, found);
    }
    return found;
  }

  private tryAll(candidates: readonly Entry<L>[], toks: readonly string[], at: number, found: Map<L, Span>): void {
    for (const c of candidates) {
      if (!found.has(c.label) && matchesAt(toks, at, c.parts)) found.set(c.label, { at, length: c.parts.length });
    }
  }
}

function matchesAt(toks: readonly string[], at: number, parts: readonly string[]): boolean {
  if (at + parts.length > toks.length) return false;
  for (let j = 0; j < parts.length; j++) {
    const part = parts[j] as string;
    const tok = toks[at + j] as string;
    if (part === ANY) continue;
    if (part === NUM ? !isNumber(tok) : part !== tok) return false;
  }
  return true;
}
