/**
 * Scores the two judgements on the user's own writing against the labelled corpora in this folder,
 * which were written independently of the word lists in src/core/data. Used by the unit test (a floor
 * a little under the target, so regressions fail) and by `npm run bench` (the figures).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isGenericReply } from '../../src/core/generic.ts';
import { classifyPromotion, type PromoContext } from '../../src/core/promo.ts';

interface Persona {
  lang: string;
  domains: string[];
  handles: string[];
  brands: string[];
}

export interface CorpusPost {
  id: string;
  lang: 'en' | 'es';
  platform: string;
  persona: string;
  text: string;
  links?: string[];
  promotional: boolean;
  why: string;
}

export interface CorpusComment {
  id: string;
  lang: 'en' | 'es';
  platform: string;
  text: string;
  generic: boolean;
  why: string;
}

export interface Score {
  total: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Ids the judgement got wrong, with what it said. */
  wrong: { id: string; expected: boolean; text: string }[];
}

const DIR = import.meta.dirname;

/**
 * The tuning sets (the word lists were fitted on them) and the hold-out sets, written afterwards by
 * someone who saw neither the rules nor the tuning sets, and never tuned on. promo-tuning-2.json was
 * the first hold-out: scored once, then read and tuned on, so it joined the tuning sets.
 */
export const PROMO_SETS = {
  tuning: [
    'promo-posts.json', 'promo-tuning-2.json', 'promo-tuning-3.json', 'promo-tuning-4.json', 'promo-tuning-5.json', 'promo-tuning-6.json', 'promo-tuning-7.json',
    'promo-tuning-8.json', 'promo-tuning-9.json', 'promo-tuning-10.json', 'promo-tuning-11.json', 'promo-tuning-12.json',
  ],
  holdout: ['promo-holdout.json', 'promo-holdout-2.json'],
} as const;
export const GENERIC_SETS = { tuning: ['generic-comments.json', 'generic-tuning-2.json'], holdout: ['generic-holdout.json'] } as const;
export type CorpusSet = 'tuning' | 'holdout';

export function hasCorpus(files: readonly string[]): boolean {
  return files.every((f) => existsSync(join(DIR, f)));
}

/** One set's posts (or one file's), with persona keys prefixed by file so two files' personas never collide. */
export function loadPromoCorpus(set: CorpusSet = 'tuning', files: readonly string[] = PROMO_SETS[set]): { personas: Record<string, Persona>; posts: CorpusPost[] } {
  const personas: Record<string, Persona> = {};
  const posts: CorpusPost[] = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { personas: Record<string, Persona>; posts: CorpusPost[] };
    for (const [key, persona] of Object.entries(data.personas)) personas[`${file}:${key}`] = persona;
    for (const post of data.posts) posts.push({ ...post, persona: `${file}:${post.persona}` });
  }
  return { personas, posts };
}

export function loadGenericCorpus(set: CorpusSet = 'tuning'): { comments: CorpusComment[] } {
  return { comments: GENERIC_SETS[set].flatMap((file) => (JSON.parse(readFileSync(join(DIR, file), 'utf8')) as { comments: CorpusComment[] }).comments) };
}

function score(items: { id: string; text: string; expected: boolean; got: boolean }[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: Score['wrong'] = [];
  for (const item of items) {
    if (item.got && item.expected) tp++;
    if (item.got && !item.expected) fp++;
    if (!item.got && item.expected) fn++;
    if (item.got !== item.expected) wrong.push({ id: item.id, expected: item.expected, text: item.text });
  }
  return {
    total: items.length, truePositives: tp, falsePositives: fp, falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn), wrong,
  };
}

/** The context of a corpus persona, as the extension builds it from settings. Compiled once per persona. */
export function personaContexts(personas: Record<string, Persona>): Map<string, PromoContext> {
  return new Map(Object.entries(personas).map(([key, p]) => [key, { domains: p.domains, handles: p.handles, brands: p.brands }]));
}

export function evaluatePromo(lang?: 'en' | 'es', set: CorpusSet = 'tuning', files?: readonly string[]): Score {
  const { personas, posts } = loadPromoCorpus(set, files);
  const contexts = personaContexts(personas);
  return score(posts.filter((p) => !lang || p.lang === lang).map((p) => ({
    id: p.id, text: p.text, expected: p.promotional,
    got: classifyPromotion(p, contexts.get(p.persona) ?? { domains: [] }).promotional,
  })));
}

/** Scores "generic" as the positive class. */
export function evaluateGeneric(lang?: 'en' | 'es', set: CorpusSet = 'tuning'): Score {
  const { comments } = loadGenericCorpus(set);
  return score(comments.filter((c) => !lang || c.lang === lang).map((c) => ({
    id: c.id, text: c.text, expected: c.generic, got: isGenericReply(c.text),
  })));
}
