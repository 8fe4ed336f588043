import { defineClaim } from '../../harness/core/claim.js';
import { CONTINUAL_TASK_STEPS } from '../../workloads/char-lm/continual.js';

/** Both arms: AdamW (PyTorch defaults) at one shared, untuned peak rate, the task length, the authors' ratios. */
const SHARED = { learningRate: 3e-3, taskSteps: CONTINUAL_TASK_STEPS, warmupRatio: 0.05, minLrRatio: 0.1 };

/**
 * Catalogue #64: over a two-task continual pre-training stream (words, then names), the infinite
 * schedule vs a cosine decay restarted per task, held-out bits/char over both corpora at the end.
 * Version 2 (after the first standard run): the author list had the first two authors swapped and
 * the miniature text called Paul Janson the first author; nothing measured changed.
 */
export const infiniteScheduleClaim = defineClaim({
  id: 'infinite-schedule',
  version: 2,
  title: 'The infinite learning-rate schedule beats a repeated cosine decay in continual pre-training',
  paper: {
    title: 'Beyond Cosine Decay: On the effectiveness of Infinite Learning Rate Schedule for Continual Pre-training',
    authors: 'Vaibhav Singh, Paul Janson, Paria Mehrbod, Adam Ibrahim, Irina Rish, Eugene Belilovsky, Benjamin Thérien',
    year: 2025,
    url: 'https://arxiv.org/abs/2503.02844',
    catalogue: 64,
  },
  quote:
    'Our extensive empirical evaluation across diverse image and language datasets demonstrates that the infinite learning ' +
    'rate schedule consistently enhances continual pre-training performance compared to a repeated cosine decay without ' +
    'being restricted to a fixed iteration budget.',
  claimedEffect: {
    description:
      'difference in held-out bits/char over both corpora after the last task, infinite − repeated cosine (< 0 = the ' +
      'infinite schedule better); the abstract gives no size',
    direction: 'method-better',
  },
  fidelity: {
    kind: 'stand-in',
    differs:
      'a character MLP language model over two word corpora (2 tasks) instead of MAE or a Transformer LM over many',
  },
  testType: 'fixed-budget',
  outcome: 'final',
  methods: [{ method: 'infinite-schedule', hparams: SHARED }],
  baselines: [{ method: 'repeated-cosine', hparams: SHARED }],
  workloads: ['char-lm-continual'],
  // 1% of the loss, as the other schedule cards on char-lm (linear-decay, rex).
  margin: { value: 0.01, units: 'relative' },
  repeats: { quick: 2, standard: 6 },
  miniature:
    'The paper pre-trains MAE ViTs and decoder-only LMs over sequences of image or text datasets. Here: the char-lm MLP ' +
    '(6-character one-hot context, 162-128-27, batch 128, AdamW with PyTorch defaults) trained 1,000 steps on CMU-dict ' +
    'words, then 1,000 steps on English first names (same alphabet; workload char-lm-continual), both arms from the same ' +
    "initial weights and on the same batches. The infinite schedule is infinite_lr from the second author's code " +
    '(cosine_cooldown_infinite) with the middle of their sweep fixed before any run: cooldown end 0.4, constant-rate ratio ' +
    '0.5, constant phase to 0.8 of each task, minimum 0.1 of the peak, 5% warmup in the first task only; the baseline is ' +
    'their repeated half-cycle cosine, 5% warmup and decay to 0.1 of the peak, restarted at each task. Peak 3e-3 for both ' +
    '(the rate of the lr-annealing-law card on char-lm), not tuned: the schedules share it, as in the paper. The outcome ' +
    'is the held-out bits/char over 1,000 held-out words of each corpus at the last step, which counts forgetting of the ' +
    "first corpus and learning of the second. Every trial trains both tasks itself from its repeat's seed (no stored " +
    'checkpoint): its compute is 2,000 steps, and the two arms differ in the first task too (the infinite schedule ' +
    'cools to a constant before its anneal), as in the paper. Skeptical notes: two tasks, and names after words is a mild, ' +
    'related shift in an unpressured model; the claim\'s "without being restricted to a fixed iteration budget" (stopping ' +
    'at any point in the constant phase) is not tested; no tuning of the peak or the ratios for either arm.',
});
