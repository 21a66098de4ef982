/**
 * The quality floor: a generic reply ("Great post!", "🔥🔥", "Gracias por compartir") counts with the
 * weight of a like, so the balance never rewards engagement-pod comments. Pure.
 *
 * A reply is generic when, after links' absence is checked and @mentions are set aside, its own words
 * are empty (emoji, a tag) or all but at most one are stock words from data/generic/<lang>.json — unless
 * it asks something, because even a one-word question ("Source?") engages with the post. A reply
 * that carries a link shares something specific and is never generic.
 */
import en from './data/generic/en.json';
import es from './data/generic/es.json';
import { fold, linksIn, tokens, withoutLinksAndMentions } from './text.ts';

const FILLER = new Set([...en.filler, ...es.filler].flatMap((w) => tokens(fold(w))));

/** Words beyond the stock ones a reply may hold and still be generic (a name: "Great post, Maria!"). */
const SPARE_WORDS = 1;

export function isGenericReply(text: string): boolean {
  if (linksIn(text).length > 0) return false;
  const plain = withoutLinksAndMentions(text);
  const words = tokens(fold(plain)).filter((w) => !FILLER.has(w));
  if (words.length === 0) return true;
  if (plain.includes('?')) return false;
  return words.length <= SPARE_WORDS;
}
