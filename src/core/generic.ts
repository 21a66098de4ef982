/**
 * The quality floor: a generic reply ("Great post!", "🔥🔥", "Gracias por compartir") counts with the
 * weight of a like, so the balance never rewards engagement-pod comments. Pure.
 *
 * A reply is generic when, after links' absence is checked and @mentions are set aside, its own words
 * are empty (emoji, a tag) or all but at most one are stock words from data/generic/<lang>.json — unless
 * it asks something, because even a one-word question ("Source?") engages with the post. Hashtags,
 * laughter and letters doubled for emphasis count as stock too. A reply
 * that carries a link shares something specific and is never generic, unless the link is a reaction GIF.
 */
import en from './data/generic/en.json';
import es from './data/generic/es.json';
import { fold, linksIn, splitLink, tokens, tokensOfEach, withoutLinksAndMentions } from './text.ts';

const FILLER = new Set(tokensOfEach([...en.filler, ...es.filler].map(fold)).flat());
/** Letters typed twice or more for emphasis ("graciasss", "goood"): the stock words compared with runs made single. */
const collapse = (word: string): string => word.replace(/(\p{L})\1+/gu, '$1');
const FILLER_COLLAPSED = new Set([...FILLER].map(collapse));
/** Laughter in any spelling: "jajaja", "jsjs", "hahaha", "lmaooo", "xd". */
const LAUGH_RE = /^(?:(?:ja|je|ji|ha|he|hi|js|xd)+j?|lo+l|lmf?a+o+|x+d+)$/;
/** Hashtags tag a reply, they say nothing about the post ("Love this! #leadership #growth"). */
const HASHTAG_RE = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu;

function isFiller(word: string): boolean {
  return FILLER.has(word) || LAUGH_RE.test(word) || FILLER_COLLAPSED.has(collapse(word));
}
const REACTION_HOSTS = new Set(en.reactionHosts);

function isReactionLink(link: string): boolean {
  return REACTION_HOSTS.has(splitLink(link).host);
}

/**
 * Words beyond the stock ones a reply may hold and still be generic: one (a name: "Great post,
 * Maria!"), or in a long reply a small share (a pod comment of thirty stock words and a name, a city).
 */
const SPARE_WORDS = 1;
const SPARE_SHARE = 0.1;

export function isGenericReply(text: string): boolean {
  const links = linksIn(text);
  // A link shares something specific, unless it is only a reaction GIF.
  if (links.some((link) => !isReactionLink(link))) return false;
  const plain = withoutLinksAndMentions(text, links).replace(HASHTAG_RE, '$1 ');
  const all = tokens(fold(plain));
  const words = all.filter((w) => !isFiller(w));
  if (words.length === 0) return true;
  if (plain.includes('?')) return false;
  return words.length <= Math.max(SPARE_WORDS, Math.floor(all.length * SPARE_SHARE));
}
