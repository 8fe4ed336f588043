import { ReprobenchError } from '../errors.js';
import { studentTCdf } from './distributions.js';
import { mean, variance } from './descriptives.js';
import { logRankTest } from './logrank.js';
import { welchSe } from './welch.js';
import { absoluteMargin } from './tost.js';
import { efficacyBoundaries, pToZ, type SpendingFunction } from './sequential-boundaries.js';
import { calibratedBoundaries } from './sequential-calibration.js';
import { requireFinite, requireInteger, requireProbability } from './validate.js';

/** Options of {@link createSequentialPlan}. */
export interface SequentialPlanOptions {
  /** One-sided level of the claimed-direction test over the whole design. @default 0.05 */
  alpha?: number;
  /** Comparisons in the claim's family; each plan runs at alpha / familySize (Bonferroni). @default 1 */
  familySize?: number;
  /** Hard cap on seeds per arm; the last look is here. */
  maxSeedsPerArm: number;
  /** Seeds added per arm between looks. */
  batchSize: number;
  /** Seeds per arm at the first look (at least 2; rounded up to a multiple of batchSize). @default max(3, batchSize) */
  minSeedsPerArm?: number;
  /** @default 'obrien-fleming' */
  spending?: SpendingFunction;
  /** 'fixed-budget' looks at a (paired or Welch) t statistic; 'time-to-target' at the log-rank z. */
  testType: 'fixed-budget' | 'time-to-target';
  /** fixed-budget only: whether lower metric values are better. @default false */
  lowerIsBetter?: boolean;
  /** Equivalence margin δ for stopping early as equivalent; omit to never stop for equivalence. */
  margin?: number;
  /** fixed-budget: 'absolute' or 'relative' (to the baseline mean); time-to-target: relative (hazard ratio within [1/(1+δ), 1+δ]). @default 'relative' */
  marginUnits?: 'absolute' | 'relative';
  /** fixed-budget: repeats are paired by index (common random numbers). @default true */
  paired?: boolean;
  /**
   * How bounds are computed. 'calibrated' (fixed-budget default): simulated for the t statistics
   * actually used (see calibratedBoundaries), which keeps the false-positive rate at alpha;
   * 'normal': Lan–DeMets normal theory (the time-to-target default, for the log-rank z).
   */
  boundaries?: 'calibrated' | 'normal';
  /** Monte Carlo paths for 'calibrated' bounds. @default 200000 paired, 100000 unpaired */
  calibrationPaths?: number;
  /** Seed of the calibration, so a stored plan can be recomputed. @default 20261127 */
  calibrationSeed?: number;
}

/** One planned look. */
export interface SequentialLook {
  index: number;
  /** Seeds per arm that must have finished before this look. */
  seedsPerArm: number;
  /** seedsPerArm / maxSeedsPerArm. */
  informationFraction: number;
  /** Efficacy bound on the z scale: stop when z ≥ it (or ≤ −it for the opposite direction). */
  boundary: number;
}

/** A frozen plan: pure data, safe to store in the run directory and reload. */
export interface SequentialPlan {
  version: 1;
  /** Per-comparison one-sided level actually used (alpha / familySize). */
  alpha: number;
  options: Required<Omit<SequentialPlanOptions, 'margin'>> & { margin: number | null };
  looks: SequentialLook[];
}

/** Outcomes so far, ordered by repeat index (repeat i of both arms at position i). */
export interface SequentialData {
  method: number[];
  baseline: number[];
  /** time-to-target: true where the target was reached (false = censored at the budget). */
  methodEvents?: boolean[];
  baselineEvents?: boolean[];
}

/** What to do after a look. */
export interface SequentialDecision {
  stop: boolean;
  /** 'continue' while running; at a stop the verdict the design supports. */
  /**
   * What the design decided about significance (not a claim label: the claim verdict also weighs
   * the margin and M): the claimed direction, the opposite one, equivalence within the margin, or
   * nothing by the seed cap.
   */
  decision: 'continue' | 'claimed direction' | 'opposite direction' | 'equivalent' | 'undecided';
  /** Why it stopped: 'efficacy' | 'opposite' | 'equivalence' | 'max-seeds', or null. */
  reason: 'efficacy' | 'opposite' | 'equivalence' | 'max-seeds' | null;
  look: number;
  seedsPerArm: number;
  /** The look's statistic on the z scale, positive = method better. */
  z: number;
  /** The efficacy bound used at this look (recomputed if seedsPerArm differs from the plan). */
  boundary: number;
  /** The two TOST statistics on the z scale (both must reach the bound), or null without a margin. */
  equivalenceZ: [number, number] | null;
  /** When continuing: how many seeds per arm to have at the next look, and which repeat indices to add. */
  nextBatch: { seedsPerArm: number; fromRepeat: number; toRepeat: number } | null;
  explanation: string;
}

const bad = (m: string, h: string): ReprobenchError => new ReprobenchError('E_STATS_INPUT', m, h);

/**
 * Plans a group-sequential comparison: looks after every `batchSize` seeds per arm up to
 * `maxSeedsPerArm`, with Lan–DeMets alpha-spending efficacy bounds (one-sided, claimed
 * direction). Symmetric bounds decide the opposite direction, and TOST with the same bounds
 * decides equivalence; neither of those can raise the false-positive rate of "reproduced".
 * @throws ReprobenchError `E_STATS_INPUT` on inconsistent sizes or levels.
 */
export function createSequentialPlan(options: SequentialPlanOptions): SequentialPlan {
  const alpha0 = options.alpha ?? 0.05;
  requireProbability(alpha0, 'alpha');
  const familySize = options.familySize ?? 1;
  requireInteger(familySize, 'familySize', 1);
  requireInteger(options.maxSeedsPerArm, 'maxSeedsPerArm', 2, 100_000);
  requireInteger(options.batchSize, 'batchSize', 1, options.maxSeedsPerArm);
  const min = options.minSeedsPerArm ?? Math.max(3, options.batchSize);
  requireInteger(min, 'minSeedsPerArm', 2, options.maxSeedsPerArm);
  if (options.testType !== 'fixed-budget' && options.testType !== 'time-to-target') {
    throw bad(
      `sequential designs support 'fixed-budget' and 'time-to-target', not '${String(options.testType)}'`,
      'run predictor and phenomenon claims with a fixed number of seeds',
    );
  }
  const marginUnits = options.marginUnits ?? 'relative';
  if (options.margin !== undefined && !(options.margin > 0))
    throw bad(`margin is ${String(options.margin)}`, 'pass a positive margin or omit it');
  if (options.testType === 'time-to-target' && options.margin !== undefined && marginUnits !== 'relative') {
    throw bad('time-to-target margins are relative', "use marginUnits: 'relative'");
  }
  const first = Math.ceil(min / options.batchSize) * options.batchSize;
  const seeds = lookSeeds(first, options.batchSize, options.maxSeedsPerArm);
  const alpha = alpha0 / familySize;
  const fractions = seeds.map((n) => n / options.maxSeedsPerArm);
  const spending = options.spending ?? 'obrien-fleming';
  if (spending !== 'obrien-fleming' && spending !== 'pocock')
    throw bad(`unknown spending function '${String(spending)}'`, "use 'obrien-fleming' or 'pocock'");
  const boundaries = options.boundaries ?? (options.testType === 'fixed-budget' ? 'calibrated' : 'normal');
  if (boundaries !== 'calibrated' && boundaries !== 'normal')
    throw bad(`unknown boundaries '${String(boundaries)}'`, "use 'calibrated' or 'normal'");
  if (boundaries === 'calibrated' && options.testType !== 'fixed-budget') {
    throw bad('calibrated bounds are for t statistics (fixed-budget)', "use boundaries: 'normal' for time-to-target");
  }
  const paired = options.paired ?? true;
  const calibrationPaths = options.calibrationPaths ?? (paired ? 200_000 : 100_000);
  requireInteger(calibrationPaths, 'calibrationPaths', 1000);
  const calibrationSeed = options.calibrationSeed ?? 20261127;
  const resolved = { boundaries, calibrationPaths, calibrationSeed, paired };
  const bounds = computeBounds(seeds, options.maxSeedsPerArm, alpha, spending, resolved);
  return {
    version: 1,
    alpha,
    options: {
      alpha: alpha0,
      familySize,
      maxSeedsPerArm: options.maxSeedsPerArm,
      batchSize: options.batchSize,
      minSeedsPerArm: first,
      spending,
      testType: options.testType,
      lowerIsBetter: options.lowerIsBetter ?? false,
      margin: options.margin ?? null,
      marginUnits,
      ...resolved,
    },
    looks: seeds.map((n, i) => ({
      index: i,
      seedsPerArm: n,
      informationFraction: fractions[i] as number,
      boundary: bounds[i] as number,
    })),
  };
}

/** Seeds per arm at each look: first, first + batch, … up to max; a short last step is merged. */
export function lookSeeds(first: number, batch: number, max: number): number[] {
  const seeds: number[] = [];
  for (let n = Math.min(first, max); ; n += batch) {
    seeds.push(Math.min(n, max));
    if (n >= max) break;
  }
  // A last look only a few seeds after the previous one buys little and costs a bound: merge it.
  const tail = (seeds[seeds.length - 1] as number) - (seeds[seeds.length - 2] ?? 0);
  if (seeds.length > 2 && tail < batch / 2) seeds.splice(seeds.length - 2, 1);
  return seeds;
}

type BoundSettings = Pick<SequentialPlan['options'], 'boundaries' | 'calibrationPaths' | 'calibrationSeed' | 'paired'>;

function computeBounds(
  seeds: number[],
  max: number,
  alpha: number,
  spending: SpendingFunction,
  o: BoundSettings,
): number[] {
  if (o.boundaries === 'calibrated') {
    return calibratedBoundaries(seeds, max, alpha, spending, o.paired, {
      paths: o.calibrationPaths,
      seed: o.calibrationSeed,
    });
  }
  return efficacyBoundaries(
    seeds.map((n) => n / max),
    alpha,
    spending,
  );
}

/** t statistic → z with the same one-sided p-value (so small-df looks meet normal bounds). */
const tz = (t: number, df: number): number =>
  Number.isFinite(t) ? pToZ(1 - studentTCdf(t, df)) : t > 0 ? Infinity : -Infinity;

function meanDifferenceStats(
  plan: SequentialPlan,
  m: number[],
  b: number[],
): { z: number; eq: [number, number] | null } {
  const o = plan.options;
  const sign = o.lowerIsBetter ? -1 : 1;
  let d: number;
  let se: number;
  let df: number;
  if (o.paired) {
    const diff = m.map((x, i) => x - (b[i] as number));
    d = mean(diff);
    se = Math.sqrt(variance(diff) / diff.length);
    df = diff.length - 1;
  } else {
    d = mean(m) - mean(b);
    ({ se, df } = welchSe(m, b));
  }
  const t = (x: number): number => (se > 0 ? x / se : x === 0 ? 0 : x > 0 ? Infinity : -Infinity);
  const z = tz(t(sign * d), df);
  if (o.margin === null) return { z, eq: null };
  const delta = absoluteMargin(o.margin, o.marginUnits, mean(b));
  return { z, eq: [tz(t(d + delta), df), tz(t(delta - d), df)] };
}

function logRankStats(plan: SequentialPlan, data: SequentialData): { z: number; eq: [number, number] | null } {
  const lr = logRankTest([
    { times: data.method, events: data.methodEvents ?? data.method.map(() => true) },
    { times: data.baseline, events: data.baselineEvents ?? data.baseline.map(() => true) },
  ]);
  const m = plan.options.margin;
  if (m === null || lr.variance === 0) return { z: lr.z, eq: m === null ? null : [0, 0] };
  // Peto's log hazard ratio of the method and its standard error 1/√V.
  const lhr = lr.z / Math.sqrt(lr.variance);
  const w = Math.log(1 + m);
  const s = Math.sqrt(lr.variance);
  return { z: lr.z, eq: [(lhr + w) * s, (w - lhr) * s] };
}

/**
 * The decision at look `lookIndex` given all outcomes so far. Pure: the caller (e.g.
 * `reprobench run --adaptive`) runs `nextBatch`, then calls again with lookIndex + 1.
 * If the data hold a different number of seeds than planned (a trial failed), the bound is
 * recomputed by the spending function for the actual information fraction (Lan–DeMets).
 * @throws ReprobenchError `E_STATS_INPUT` on a bad look index, unequal arms (paired designs) or bad values.
 */
export function sequentialDecision(plan: SequentialPlan, lookIndex: number, data: SequentialData): SequentialDecision {
  const o = plan.options;
  requireInteger(lookIndex, 'lookIndex', 0, plan.looks.length - 1);
  requireFinite(data.method, 'method outcomes', 2);
  requireFinite(data.baseline, 'baseline outcomes', 2);
  if ((o.paired || o.testType === 'time-to-target') && data.method.length !== data.baseline.length) {
    throw bad(
      `look ${lookIndex}: the arms hold ${data.method.length} and ${data.baseline.length} seeds`,
      'finish the same repeats in both arms before a look',
    );
  }
  const n = Math.min(data.method.length, data.baseline.length);
  const look = plan.looks[lookIndex] as SequentialLook;
  let boundary = look.boundary;
  if (n !== look.seedsPerArm) {
    const prev = plan.looks.slice(0, lookIndex).map((l) => l.seedsPerArm);
    if (prev.length && n <= (prev[prev.length - 1] as number)) {
      throw bad(
        `look ${lookIndex} has ${n} seeds per arm, no more than the previous look`,
        'each look needs more seeds than the one before',
      );
    }
    if (n > o.maxSeedsPerArm)
      throw bad(
        `look ${lookIndex} has ${n} seeds per arm, above the cap ${o.maxSeedsPerArm}`,
        'stop adding seeds at maxSeedsPerArm',
      );
    boundary = computeBounds([...prev, n], o.maxSeedsPerArm, plan.alpha, o.spending, o)[lookIndex] as number;
  }
  const { z, eq } =
    o.testType === 'fixed-budget' ? meanDifferenceStats(plan, data.method, data.baseline) : logRankStats(plan, data);
  const last = lookIndex === plan.looks.length - 1 || n >= o.maxSeedsPerArm;
  const base = { look: lookIndex, seedsPerArm: n, z, boundary, equivalenceZ: eq };
  const zs = `z ${z.toFixed(2)} vs bound ±${boundary.toFixed(2)} at look ${lookIndex + 1} (${n} seeds per arm)`;
  if (z >= boundary)
    return {
      ...base,
      stop: true,
      decision: 'claimed direction',
      reason: 'efficacy',
      nextBatch: null,
      explanation: `stop: significant in the claimed direction, ${zs}`,
    };
  if (z <= -boundary)
    return {
      ...base,
      stop: true,
      decision: 'opposite direction',
      reason: 'opposite',
      nextBatch: null,
      explanation: `stop: significant in the opposite direction, ${zs}`,
    };
  if (eq && eq[0] >= boundary && eq[1] >= boundary) {
    return {
      ...base,
      stop: true,
      decision: 'equivalent',
      reason: 'equivalence',
      nextBatch: null,
      explanation: `stop: equivalent within the margin (TOST z ${eq[0].toFixed(2)}, ${eq[1].toFixed(2)}), ${zs}`,
    };
  }
  if (last)
    return {
      ...base,
      stop: true,
      decision: 'undecided',
      reason: 'max-seeds',
      nextBatch: null,
      explanation: `stop: seed cap reached undecided, ${zs}`,
    };
  const next = plan.looks[lookIndex + 1] as SequentialLook;
  return {
    ...base,
    stop: false,
    decision: 'continue',
    reason: null,
    nextBatch: { seedsPerArm: next.seedsPerArm, fromRepeat: n, toRepeat: next.seedsPerArm - 1 },
    explanation: `continue: ${zs}; run repeats ${n}..${next.seedsPerArm - 1}`,
  };
}
