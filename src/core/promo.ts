/**
 * First, simple self-promotion classifier for the user's own posts: links to their own domains and
 * call-to-action phrases (English and Spanish, in data/promo-phrases.json). Pure and synchronous.
 */
import phrases from './data/promo-phrases.json';

export interface PromoInput {
  text: string;
  /** Links found in the post besides those in the text (e.g. a link card or a quoted URL). */
  links?: readonly string[];
}

export interface PromoContext {
  /** Domains the user owns (`example.com`; subdomains match too). */
  domains: readonly string[];
}

export type PromoReason = { code: 'own-domain'; detail: string } | { code: 'call-to-action'; detail: string };

export interface PromoResult {
  promotional: boolean;
  score: number;
  reasons: PromoReason[];
}

const URL_RE = /\bhttps?:\/\/[^\s<>"']+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s<>"']*)?/gi;

const PHRASES: readonly string[] = [...phrases.en, ...phrases.es];
const PHRASE_RE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${PHRASES.map(escapeRegExp).join('|')})(?=$|[^\\p{L}\\p{N}])`,
  'iu',
);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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

export function classifyPromotion(input: PromoInput, context: PromoContext): PromoResult {
  const reasons: PromoReason[] = [];
  const own = context.domains.map(normalizeDomain).filter(Boolean);
  const links = [...(input.text.match(URL_RE) ?? []), ...(input.links ?? [])];
  for (const link of links) {
    const host = hostOf(link);
    const hit = host && own.find((d) => host === d || host.endsWith(`.${d}`));
    if (hit) {
      reasons.push({ code: 'own-domain', detail: hit });
      break;
    }
  }
  const cta = PHRASE_RE.exec(input.text.toLowerCase());
  if (cta?.[1]) reasons.push({ code: 'call-to-action', detail: cta[1] });
  const score = reasons.length === 0 ? 0 : Math.min(1, 0.6 + 0.3 * (reasons.length - 1));
  return { promotional: reasons.length > 0, score, reasons };
}
