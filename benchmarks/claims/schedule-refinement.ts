import { defineClaim } from '../../harness/core/claim.js';
import { linearDecayClaim } from './linear-decay.js';

/**
 * The peak rate both arms run at: linear decay's tuned point on char-lm in the linear-decay card's
 * wasm reference (reference-results/linear-decay/wasm-tfjs4.22.0-k4.json, tuning.choices). The
 * refinement paper derives the schedule at the baseline's rate and does not retune.
 */
const CHAR_LM_LINEAR_LR = 0.012089592064615585;
const HP = { learningRate: CHAR_LM_LINEAR_LR, warmupFraction: 0.02 };

/**
 * Catalogue #73, the second half of the abstract's last sentence: a schedule refined from a
 * linear-decay run's gradient norms beats linear decay. Each refined trial runs its own
 * linear-decay pilot (same seeds, so the same run as the baseline's trial of that repeat), derives
 * the schedule from it and trains again from the same initialisation.
 */
export const scheduleRefinementClaim = defineClaim({
  id: 'schedule-refinement',
  version: 1,
  title: "A schedule refined from a linear-decay run's gradient norms beats linear decay",
  paper: linearDecayClaim.paper,
  quote:
    'To go beyond this worst-case analysis, we use the observed gradient norms to derive schedules refined for any particular task. ' +
    'These refined schedules exhibit learning rate warm-up and rapid learning rate annealing near the end of training. [...] We ' +
    'validate that overall, the linear-decay schedule matches or outperforms all commonly used default schedules including cosine ' +
    'annealing, and that our schedule refinement method gives further improvements.',
  claimedEffect: {
    description:
      'difference in final validation loss (nats/char) at the same number of training steps, refined − linear decay (negative = ' +
      "refined better); the abstract gives no size. The refined arm's pilot run doubles its compute (recorded per trial as " +
      'scoring steps and seconds); the paper counts the pilot as a one-off cost too. Each refined trial records two L∞ ' +
      "distances relative to the peak (outcome.derivedSchedule): from the pilot's schedule, and from plain linear decay without " +
      'warmup (what refinement gives for a constant gradient norm). The second says how much the observed norms shaped the ' +
      'schedule: where it is small, a verdict of no meaningful effect reads "refinement reduces to linear decay (without warmup) ' +
      'here", not "refinement does not help"',
    direction: 'method-better',
  },
  fidelity: { kind: 'faithful' },
  testType: 'fixed-budget',
  outcome: 'final',
  methods: [{ method: 'refined-schedule', hparams: HP }],
  baselines: [{ method: 'linear-decay', hparams: HP }],
  workloads: ['char-lm'],
  margin: { value: 0.01, units: 'relative' },
  repeats: { quick: 3, standard: 12 },
  miniature:
    'The paper refines schedules for 10 deep-learning problems and a series of LLMs from gradient-norm sequences of earlier runs. ' +
    'Here: the CMU-dict character MLP at its calibrated budget (1,700 steps, batch 128), AdamW (PyTorch defaults) at one peak rate, ' +
    "linear decay's tuned point in the linear-decay card's wasm reference (0.0121), with its 2% linear warmup in the linear-decay " +
    'arm and in the pilot; no arm is retuned, as in the paper, so any tuning bias favours the baseline. The refinement follows the ' +
    "authors' code (facebookresearch/adaptive_scheduling): per-step gradient norms of the pilot smoothed by the README's median " +
    'filter with σ₂ = 0.1 (the value in visual.py; the README gives none), then find_closed_form_schedule with the Adam weights ' +
    'w_t = G̃_t⁻¹ on the L1 norm of the raw minibatch gradient (visual.py for the `_l1` sequences; the SGD variant, G̃⁻² on L2 ' +
    'norms, is for SGD), divided by its maximum (visual.py) and multiplied by the peak rate; the refined schedule replaces the ' +
    "warmup. One pilot per repeat (the paper refines once per problem). Reviewer's note: on a small model the minibatch gradient " +
    'norm is dominated by noise and may barely change over training, so the refined schedule may be close to linear decay and the ' +
    'test has little to detect; the per-trial L∞ distances say whether that happened. A quick run made before this card was ' +
    'committed (3 repeats, used for sizing only) showed exactly that: the L1 norm varies by about ±10% around a flat level, the ' +
    "refined schedule is close to linear decay from step 0, and its distance from the pilot is dominated by the pilot's 2% " +
    "warmup; the second distance was added to the record then. 1% of the final loss is the linear-decay card's margin.",
});
