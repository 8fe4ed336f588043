import type { TestType } from '../stats/claim-input.js';
import type { HParams, SearchDimension } from './method.js';

/** How a claim measures its outcome: the stats engine's type, the one definition. */
export type { TestType } from '../stats/claim-input.js';

/** A method as a claim runs it: the registered method plus the card's hyperparameter overrides. */
export interface ArmSpec {
  method: string;
  /** Overrides of the method's defaults that the card states (e.g. a shared schedule). */
  hparams?: HParams;
  /**
   * Record every step's gradient norm in this arm's trials (trial config `recordGradNorm`; the
   * curve metric `train/grad-norm`). Only `true` joins the trial id, so arms without it keep theirs.
   */
  recordGradNorm?: true;
}

/**
 * A grid sweep of one hyperparameter (DESIGN § Rules, fair tuning): every method gets the same
 * number of grid points and tuning seeds, disjoint from the evaluation seeds.
 */
export interface GridTuning {
  kind?: 'grid';
  /** The hyperparameter swept. */
  hparam: string;
  /** Candidate values per method id; every method gets the same number of points. */
  grid: Record<string, number[]>;
  /** Tuning repeats per point (seeded in their own stream, never equal to evaluation seeds). */
  seeds: number;
  /** How the winner is picked: lowest median steps to target (censored counts as infinite). */
  objective: 'median-steps-to-target';
}

/**
 * AlgoPerf's external-tuning ruleset: per method, `studies` studies of `trialsPerStudy` points
 * drawn (Halton) from its search space, each trial on its own tuning seed. Arms with the same
 * search space get the same points (one Halton stream per workload, study and space). Each
 * study's best `recheck.top` points are re-run until each has `recheck.seeds` tuning seeds; the
 * study's result is its best re-checked point by the median over those seeds (steps to target, a
 * missed target counting as infinite). The method's is the median over studies, and its
 * evaluation runs the point of the median study's winner. Every method gets the same budget.
 */
export interface SearchTuning {
  kind: 'search';
  ruleset: 'external';
  studies: number;
  trialsPerStudy: number;
  /** Search space per method id; a method without one here uses its own `searchSpace`. */
  spaces?: Record<string, Record<string, SearchDimension>>;
  /** The second tuning phase. `seeds` counts the first trial; `seeds: 1` re-checks nothing. @default { top: 2, seeds: 3 } */
  recheck?: { top: number; seeds: number };
  /** Why this card tunes with fewer than 2 studies × 6 points (DESIGN § Fair tuning); required then. */
  reducedBudget?: string;
}

export type TuningSpec = GridTuning | SearchTuning;

/**
 * What the tuning chose when the card's author ran it, with the command (the card's record). Left
 * out until a run under the card's current tuning has chosen (then copy summary.json `tuning.choices`).
 */
export interface TuningRecord {
  command: string;
  date: string;
  backend: string;
  /** The chosen point per `workload/method`. */
  chosen: Record<string, HParams>;
  /** Time-to-target claims: median steps to target per `workload/method` of the chosen point (null = not reached). */
  time?: Record<string, number | null>;
  /** Fixed-budget claims: the chosen point's median final (or best) target metric per `workload/method`. */
  metric?: Record<string, number | null>;
}

/**
 * A per-trial statistic read off the eval curve, for phenomenon claims (DESIGN § Statistics:
 * "the card's declared statistic"). Declared as data so the summary can show what was measured.
 * - `threshold-ratio`: the step at which `then` is first met divided by the step at which `first`
 *   is first met (e.g. test loss vs train loss: a grokking delay). `then` never met counts as the
 *   step budget, a lower bound; `first` never met leaves the trial without a value (reported).
 * - `final-minus-best`: the metric at the last eval minus its best value over the curve, in the
 *   metric's better direction made positive (0 = still at its best; > 0 = it got worse: overfitting).
 * - `log-over-power-law`: how much better y = a + b·ln t describes the metric's growth over the
 *   evals than y = c·t^α (both least squares in y): log2(SSE power / SSE log). > 0 = logarithmic
 *   growth fits better (+1: half the squared error); a random walk (y ∝ √t) gives < 0
 *   (analysis/growth-law.ts).
 * - `best`: the metric's best value over the curve (the early-stopped value), in its own units.
 */
export type CurveStatistic =
  | {
      kind: 'threshold-ratio';
      first: { metric: string; value: number; direction: 'higher' | 'lower' };
      then: { metric: string; value: number; direction: 'higher' | 'lower' };
    }
  | { kind: 'final-minus-best'; metric: string; direction: 'higher' | 'lower' }
  | { kind: 'log-over-power-law'; metric: string }
  | { kind: 'best'; metric: string; direction: 'higher' | 'lower' };

/**
 * A phenomenon stated across workloads (variants): "the statistic is larger at `workload` than at
 * each of `than`". Per repeat index, the value judged against the null region is the statistic at
 * `workload` minus the statistic at one `than` workload; one comparison per `than` workload, all
 * in the claim's Holm family. The repeats pair by index (same seeds' streams where the workloads share them).
 */
export interface PhenomenonContrast {
  workload: string;
  than: string[];
}

/** What decides a phenomenon claim: the statistic, and the values that would mean "no phenomenon". */
export interface PhenomenonSpec {
  /** In words, with units, for the report. */
  description: string;
  statistic: CurveStatistic;
  /** Values of the statistic consistent with no phenomenon; null = unbounded on that side. */
  nullRegion: [number | null, number | null];
  /** Where the paper says the statistic lies: above or below the null region. */
  claimedSide: 'above' | 'below';
  /**
   * Judge differences between workloads instead of each workload's statistic (see
   * {@link PhenomenonContrast}); the null region then bounds the difference. @default none
   */
  contrasts?: PhenomenonContrast[];
}

/**
 * What a predictor claim predicts, from which trials, and with which predictors (DESIGN §
 * Statistics, predictor). The claim's arms are training runs that only produce curves; the
 * comparison is between two predictors (registered by id: benchmarks/methods/predictors/, or a config's), per seed (repeat):
 * - `schedule-transfer`: fit on the curves of the `fit` arms, predict the whole curves of the
 *   `heldOut` arms (their learning rates per step are recomputed from each method's schedule);
 *   error = mean absolute percentage error over each held-out curve's evals at or after
 *   `skipFraction` of the budget, averaged over the held-out arms.
 * - `extrapolate-final`: see only the evals up to `observedFraction` of the budget of each arm's
 *   curve and predict the metric at the last eval; error = absolute error, averaged over the arms.
 * - `early-stopping`: predictive early stopping in a sweep (LC-PFN § early stopping, Domhan et al.
 *   2015). Per seed the arms' curves run one after another in a seeded random order; from
 *   `observedFraction` of its budget on, every `checkEvery` of the budget, a curve is stopped when
 *   the `method` predictor's probability that its final value beats the best final value so far
 *   falls below `threshold`. The per-seed "error" is the steps run with stopping and its baseline
 *   the steps of the full sweep (ratio = 1 / speed-up); a seed whose kept best final value is more
 *   than `maxRegret` (relative) worse than the sweep's best is charged the full sweep. A lower-is-better metric only.
 */
export type PredictorSpec = {
  /** In words, with units, for the report. */
  description: string;
  /** The curve metric predicted, e.g. 'validation/loss'. */
  metric: string;
  /** The paper's predictor (an id in the predictor registry). */
  method: string;
} & (
  | {
      task: 'schedule-transfer';
      /** The predictor it is compared with. */
      baseline: string;
      fit: string[];
      heldOut: string[];
      skipFraction: number;
    }
  | { task: 'extrapolate-final'; baseline: string; observedFraction: number }
  | { task: 'early-stopping'; observedFraction: number; checkEvery: number; threshold: number; maxRegret: number }
);

/** What a predictor claim compares its predictor with: a baseline predictor, or running every curve to the end. */
export function predictorBaseline(p: PredictorSpec): string {
  return p.task === 'early-stopping' ? 'full sweep (no stopping)' : p.baseline;
}

export interface ClaimDefinition {
  id: string;
  version: number;
  title: string;
  paper: { title: string; authors: string; year: number; url: string; catalogue?: number };
  /** The paper's own words. */
  quote: string;
  /**
   * The effect the paper claims, in words, and its size M where the paper gives one. `direction`
   * is the kind of claim (docs/stats.md § Rules), and a card states it: `method-better`
   * (superiority: the method beats the baseline by more than the margin; M, if given, is the
   * claimed size), `non-inferior` ("matches or beats", "without sacrificing": the method is no
   * worse than the margin allows; no M), or `equivalent` (a parity claim: TOST within the margin;
   * no M; docs/protocol.md).
   */
  claimedEffect: {
    description: string;
    magnitude?: number;
    direction: 'method-better' | 'non-inferior' | 'equivalent';
  };
  /**
   * How close the card is to the paper: `faithful` (the paper's method and setting, in miniature)
   * or `stand-in` (a related method or setting); a stand-in says in one line what differs. Every
   * verdict is printed with it.
   */
  fidelity: { kind: 'faithful' } | { kind: 'stand-in'; differs: string };
  testType: TestType;
  /** fixed-budget only: the per-seed outcome is the target metric at the last eval (`final`) or its best value. @default 'final' */
  outcome?: 'final' | 'best';
  /** phenomenon only (required there): the statistic and its null region. */
  phenomenon?: PhenomenonSpec;
  /** predictor only (required there): the predictors compared and the curves they work on. */
  predictor?: PredictorSpec;
  methods: ArmSpec[];
  /** The arms each method is compared with; empty for phenomenon and predictor claims (a predictor claim's arms only make curves). */
  baselines: ArmSpec[];
  workloads: string[];
  /** Workloads the `quick` preset runs (all when absent). */
  quickWorkloads?: string[];
  /**
   * Arms (method ids among `methods`) whose comparisons check the setting, not the paper's claim:
   * e.g. a dense arm showing that pruning costs accuracy at all. They are judged, Holm-adjusted with
   * the rest and shown, but not counted in the claim's label; unless every one is reproduced, the
   * claim is inconclusive (the setting cannot show the effect), whatever its other comparisons say.
   */
  validityChecks?: Array<{ method: string; why: string }>;
  /** Equivalence margin δ, relative to the baseline's value unless `absolute`. */
  margin: { value: number; units: 'relative' | 'absolute' };
  /** Repeats per preset; presets change nothing else (DESIGN § Rules). */
  repeats: { quick: number; standard: number };
  tuning?: TuningSpec;
  tuningRecord?: TuningRecord;
  /** How the miniature differs from the paper's setting. */
  miniature: string;
}

/** Declares a claim (identity function with types). */
export function defineClaim(def: ClaimDefinition): ClaimDefinition {
  return def;
}

export type Preset = 'quick' | 'standard';

export function armId(arm: ArmSpec): string {
  return arm.method;
}
