/**
 * The accuracy floors of the two judgements on the user's own writing, on labelled corpora written
 * independently of the rules (tests/corpus). The targets (issue #6) are precision ≥ 0.90 and recall
 * ≥ 0.85; the floors sit a little under them so a regression fails the gate while `npm run bench`
 * prints the exact figures.
 */
import { describe, expect, it } from 'vitest';
import { evaluateGeneric, evaluatePromo, loadGenericCorpus, loadPromoCorpus, type Score } from '../corpus/evaluate.ts';

const FLOOR = { precision: 0.87, recall: 0.82 };

/** Holds the floor, and on failure lists every item judged wrong. */
function expectFloor(score: Score): void {
  const report = score.wrong.map((w) => `${w.id} (${w.expected ? 'missed' : 'false positive'}): ${w.text}`).join('\n');
  expect(score.precision, report).toBeGreaterThanOrEqual(FLOOR.precision);
  expect(score.recall, report).toBeGreaterThanOrEqual(FLOOR.recall);
}

describe('the corpora', () => {
  it('are big enough, in both languages, with both labels, and every post has a known persona', () => {
    const { personas, posts } = loadPromoCorpus();
    expect(posts.length).toBeGreaterThanOrEqual(300);
    expect(new Set(posts.map((p) => p.id)).size).toBe(posts.length);
    for (const lang of ['en', 'es']) {
      const mine = posts.filter((p) => p.lang === lang);
      expect(mine.filter((p) => p.promotional).length, lang).toBeGreaterThan(30);
      expect(mine.filter((p) => !p.promotional).length, lang).toBeGreaterThan(30);
    }
    expect(posts.filter((p) => !(p.persona in personas))).toEqual([]);
    const { comments } = loadGenericCorpus();
    expect(comments.length).toBeGreaterThanOrEqual(200);
    expect(new Set(comments.map((c) => c.id)).size).toBe(comments.length);
  });
});

describe('self-promotion classifier on the corpus', () => {
  for (const lang of [undefined, 'en', 'es'] as const) {
    it(`${lang ?? 'all posts'}: precision ≥ ${FLOOR.precision}, recall ≥ ${FLOOR.recall}`, () => {
      expectFloor(evaluatePromo(lang));
    });
  }
});

describe('generic-reply rule on the labelled replies', () => {
  for (const lang of [undefined, 'en', 'es'] as const) {
    it(`${lang ?? 'all replies'}: precision ≥ ${FLOOR.precision}, recall ≥ ${FLOOR.recall}`, () => {
      expectFloor(evaluateGeneric(lang));
    });
  }
});
