/**
 * The quality floor: a generic reply ("Great post!", "🔥🔥", "Gracias por compartir") counts with the
 * weight of a like, so the balance never rewards engagement-pod comments. Pure.
 *
 * A reply is generic when, after links' absence is checked and @mentions are set aside, its own words
 * are empty (emoji, a tag) or all but at most one are stock words from data/generic/<lang>.json — unless
 * it asks something, because even a one-word question ("Source?") engages with the post. A reply
 * that carries a link shares something specific and is never generic, unless the link is a reaction GIF.
 */
import en from './data/generic/en.json';
import es from './data/generic/es.json';
import { fold, linksIn, splitLink, tokens, withoutLinksAndMentions } from './text.ts';

const FILLER = new Set([...en.filler, ...es.filler].flatMap((w) => tokens(fold(w))));
const REACTION_HOSTS = new Set(en.reactionHosts);

function isReactionLink(link: string): boolean {
  return REACTION_HOSTS.has(splitLink(link).host);
}

/** Words beyond the stock ones a reply may hold and still be generic (a name: "Great post, Maria!"). */
const SPARE_WORDS = 1;

export function isGenericReply(text: string): boolean {
  const links = linksIn(text);
  // A link shares something specific, unless it is only a reaction GIF.
  if (links.some((link) => !isReactionLink(link))) return false;
  const plain = withoutLinksAndMentions(text);
  const words = tokens(fold(plain)).filter((w) => !FILLER.has(w));
  if (words.length === 0) return true;
  if (plain.includes('?')) return false;
  return words.length <= SPARE_WORDS;
}
