import { defineClaim } from '../../harness/core/claim.js';

/** Every arm: AdamW (PyTorch defaults), no warmup, the same peak rate; only the schedule differs. */
const PEAK = { learningRate: 3e-3 };

/**
 * Catalogue #101, the prediction half: the scaling law with LR annealing, fitted per seed on the
 * constant and cosine curves, predicts the validation-loss curves of four held-out schedules
 * better (lower MAPE) than a schedule-agnostic power law in steps fitted to the same curves.
 */
export const lrAnnealingLawClaim = defineClaim({
  id: 'lr-annealing-law',
  version: 1,
  title: 'A loss-curve law with an LR-annealing term predicts the curves of unseen schedules',
  paper: {
    title: 'Scaling Law with Learning Rate Annealing',
    authors: 'Howe Tissue, Venus Wang, Lu Wang',
    year: 2024,
    url: 'https://arxiv.org/abs/2408.11029',
    catalogue: 101,
  },
  quote:
    'Applying the scaling law with LR annealing and fitting only one or two training curves, we can accurately predict the loss ' +
    'of language model training at any given step and across any learning rate scheduler (LRS).',
  claimedEffect: {
    description:
      'error ratio: mean absolute percentage error of the predicted validation-loss curves of held-out schedules, ' +
      'annealing law / step power law (< 1 = the law predicts better); the abstract gives no size',
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'predictor',
  predictor: {
    task: 'schedule-transfer',
    description:
      'per seed: fit L = L0 + A·S1^(−α) − C·S2 (λ = 0.999) and, as the baseline, L = L0 + A·s^(−α) by least squares on every eval of ' +
      'the constant and cosine curves; predict the whole validation-loss (bits/char) curves of linear decay, WSD, step decay and REX ' +
      "from their schedules; error = MAPE over each held-out curve's evals, averaged over the four",
    metric: 'validation/loss',
    method: 'lr-annealing-law',
    baseline: 'step-power-law',
    fit: ['adamw', 'cosine-decay'],
    heldOut: ['linear-decay', 'wsd', 'step-decay', 'rex'],
    skipFraction: 0,
  },
  // adamw is the constant schedule (its default); the schedule methods share its optimizer defaults.
  methods: [
    { method: 'adamw', hparams: PEAK },
    { method: 'cosine-decay', hparams: PEAK },
    { method: 'linear-decay', hparams: PEAK },
    { method: 'wsd', hparams: PEAK },
    { method: 'step-decay', hparams: PEAK },
    { method: 'rex', hparams: PEAK },
  ],
  baselines: [],
  workloads: ['char-lm'],
  // Error ratios within 10% of 1 are no difference worth the name.
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 2, standard: 6 },
  miniature:
    'The paper fits GPT-style language models of up to ~600M parameters over tens of thousands of steps, with warmup, and predicts ' +
    'held-out schedules (constant, cosine, WSD, multi-step, ...) at every step. Here: the char-lm workload (a 6-character-context ' +
    'MLP language model on CMU-dict words, batch 128, 1,700 steps, held-out bits/char every 50 steps, 34 evals), AdamW (PyTorch ' +
    "defaults) at one peak rate 3e-3 for every schedule, no warmup, no tuning (the law is about the schedule's shape, so the " +
    "peak rate is shared, not tuned per schedule). Per seed the law is fitted on the constant and cosine curves (the paper's " +
    '"one or two training curves") with Levenberg–Marquardt least squares (the paper uses a Huber loss and L-BFGS), λ = 0.999, ' +
    "S1 and S2 recomputed from each method's schedule at every update. Only the prediction half is tested, against a " +
    'schedule-agnostic power law in steps fitted to the same curves; "less than 1% of the computational cost required by the ' +
    'chinchilla scaling law" and the model-size extension are not tested.',
});
