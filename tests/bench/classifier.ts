/**
 * Bench part 7: the judgements on the user's own writing. Accuracy of the self-promotion classifier and
 * of the generic-reply rule on the labelled corpora (tests/corpus), and the time to classify 10,000
 * posts (issue #6: precision ≥ 0.90, recall ≥ 0.85, 10,000 posts < 100 ms). Runs in Node: the classifier
 * is pure code, the same module the background imports.
 */
import { performance } from 'node:perf_hooks';
import { classifyPromotion } from '../../src/core/promo.ts';
import {
  evaluateGeneric, evaluatePromo, GENERIC_SETS, hasCorpus, loadPromoCorpus, personaContexts, PROMO_SETS, type CorpusSet, type Score,
} from '../corpus/evaluate.ts';
import { median } from './stats.ts';

export const CLASSIFIER_BUDGET = { precision: 0.9, recall: 0.85, tenThousandMs: 100 };
const POSTS = 10_000;
const RUNS = 7;

type RowFn = (metric: string, value: string, budget: string, pass: boolean | null) => void;

const pr = (s: Score): string => `precision ${s.precision.toFixed(3)}, recall ${s.recall.toFixed(3)} (${s.total} items; ${s.falsePositives} false positives, ${s.falseNegatives} missed)`;

export function classifierFigures(row: RowFn): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // The tuning set is what the word lists were fitted on; the hold-out set, written afterwards by
  // someone who saw neither, is the honest figure. The budget line is the hold-out's when it exists.
  const sets: CorpusSet[] = hasCorpus(PROMO_SETS.holdout) ? ['tuning', 'holdout'] : ['tuning'];
  for (const set of sets) {
    const promo = evaluatePromo(undefined, set);
    const judged = set === sets[sets.length - 1];
    row(`self-promotion, ${set} set`, pr(promo), judged ? `precision ≥ ${CLASSIFIER_BUDGET.precision}, recall ≥ ${CLASSIFIER_BUDGET.recall}` : '',
      judged ? promo.precision >= CLASSIFIER_BUDGET.precision && promo.recall >= CLASSIFIER_BUDGET.recall : null);
    for (const lang of ['en', 'es'] as const) row(`  — ${lang} posts`, pr(evaluatePromo(lang, set)), '', null);
    // Each hold-out file on its own too: they were written to different briefs (the first one asked
    // for many deliberately disguised promotions).
    if (set === 'holdout') for (const file of PROMO_SETS.holdout) row(`  — ${file}`, pr(evaluatePromo(undefined, set, [file])), '', null);
    out[`promo-${set}`] = { ...promo, wrong: promo.wrong.map((w) => w.id) };
  }
  for (const set of ['tuning', 'holdout'] as const) {
    if (!hasCorpus(GENERIC_SETS[set])) continue;
    const generic = evaluateGeneric(undefined, set);
    row(`generic replies, ${set} set (generic = positive)`, pr(generic), '', null);
    for (const lang of ['en', 'es'] as const) row(`  — ${lang} replies`, pr(evaluateGeneric(lang, set)), '', null);
    out[`generic-${set}`] = { ...generic, wrong: generic.wrong.map((w) => w.id) };
  }

  // 10,000 posts: the corpus repeated, each with its persona's context (compiled once per context,
  // as the background does with one settings object).
  const { personas, posts } = loadPromoCorpus();
  const contexts = personaContexts(personas);
  const batch = Array.from({ length: POSTS }, (_, i) => posts[i % posts.length]!);
  const times: number[] = [];
  let flagged = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    flagged = 0;
    // A corpus post is a PromoInput as it is (text, links): nothing is made per post but the result.
    for (const p of batch) if (classifyPromotion(p, contexts.get(p.persona) ?? { domains: [] }).promotional) flagged++;
    times.push(performance.now() - started);
  }
  const best = Math.min(...times);
  // The fastest run beside the median: on a shared machine a slow phase moves every run, and the two
  // together show whether this run caught one.
  row(`classify ${POSTS.toLocaleString('en')} posts, median of ${RUNS} (first run ${times[0]!.toFixed(1)} ms, fastest ${best.toFixed(1)} ms)`, `${median(times).toFixed(1)} ms`,
    `< ${CLASSIFIER_BUDGET.tenThousandMs} ms`, median(times) < CLASSIFIER_BUDGET.tenThousandMs);
  return { ...out, times, best, flagged };
}
