/**
 * `npm run train:promo`: trains the wording model of the self-promotion classifier (naive Bayes over
 * the features of src/core/promo.ts wordingFeatures) on the tuning corpora, and writes
 * src/core/data/promo/model.json. Deterministic: a unit test retrains and compares, so the file is
 * never edited by hand. The hold-out set is never read here.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { wordingFeatures } from '../../src/core/promo.ts';
import { loadPromoCorpus, personaContexts } from '../corpus/evaluate.ts';

export const MODEL_PATH = join(import.meta.dirname, '..', '..', 'src', 'core', 'data', 'promo', 'model.json');

/** A feature seen fewer times than this in the corpora gets no weight (too little to go on). */
const MIN_COUNT = 2;
/**
 * Nor does one used by fewer authors than this: a word only one persona writes (a name, a street, a
 * pet) is that persona's, and would follow the user who happens to share it ("Lola", "Guji").
 */
const MIN_AUTHORS = 2;
/** A word pair ("link below") needs more authors: pairs are many, and most are one writer's habit. */
const MIN_PAIR_AUTHORS = 3;
const MIN_WEIGHT = 0.05;

export function trainModel(): { _comment: string; prior: number; weights: Record<string, number> } {
  const { personas, posts } = loadPromoCorpus('tuning');
  const contexts = personaContexts(personas);
  const counts = [new Map<string, number>(), new Map<string, number>()] as const;
  const n = [0, 0];
  // Persona keys are unique across files (loadPromoCorpus prefixes them with the file).
  const authors = new Map<string, Set<string>>();
  for (const post of posts) {
    const cls = post.promotional ? 1 : 0;
    n[cls] = (n[cls] ?? 0) + 1;
    const context = contexts.get(post.persona) ?? { domains: [] };
    const input = { text: post.text, ...(post.links ? { links: post.links } : {}) };
    for (const f of wordingFeatures(input, context)) {
      counts[cls].set(f, (counts[cls].get(f) ?? 0) + 1);
      let who = authors.get(f);
      if (!who) authors.set(f, (who = new Set()));
      who.add(post.persona);
    }
  }
  const [plain, promo] = [n[0] ?? 0, n[1] ?? 0];
  const weights: Record<string, number> = {};
  const vocabulary = [...new Set([...counts[0].keys(), ...counts[1].keys()])].sort();
  for (const f of vocabulary) {
    const a = counts[1].get(f) ?? 0;
    const b = counts[0].get(f) ?? 0;
    if (a + b < MIN_COUNT || (authors.get(f)?.size ?? 0) < (f.includes(' ') ? MIN_PAIR_AUTHORS : MIN_AUTHORS)) continue;
    // Log-likelihood ratio with add-one smoothing over "has the feature" per class.
    const w = Math.log((a + 1) / (promo + 2)) - Math.log((b + 1) / (plain + 2));
    // Near-neutral words (most function words) carry nothing and would only cost lookups.
    if (Math.abs(w) >= MIN_WEIGHT) weights[f] = Math.round(w * 1000) / 1000;
  }
  return {
    _comment: `Naive Bayes wording model of the self-promotion classifier, trained by npm run train:promo on the tuning corpora (${posts.length} posts). Do not edit by hand.`,
    prior: Math.round(Math.log(promo / plain) * 1000) / 1000,
    weights,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const model = trainModel();
  writeFileSync(MODEL_PATH, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${MODEL_PATH}: ${Object.keys(model.weights).length} weighted features`);
}
