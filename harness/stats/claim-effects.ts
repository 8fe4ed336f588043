import { ReprobenchError } from '../errors.js';
import { bootstrapDistribution, bootstrapInterval, type BootstrapInterval } from './bootstrap.js';
import { mean, sd, variance } from './descriptives.js';
import { logRankTest } from './logrank.js';
import { mannWhitneyU } from './mann-whitney.js';
import { oneSampleTTest, pairedTTest } from './paired-t.js';
import type { Design } from './power.js';
import { kaplanMeier } from './survival.js';
import { absoluteMargin } from './tost.js';
import { welchTTest } from './welch.js';
import { wilcoxonSignedRank } from './wilcoxon.js';
import { normCdf, normSf } from './distributions.js';
import { smoothedSpeedupInterval, speedupCiAt } from './speedup-interval.js';
import { isPaired, prepareArm, type ComparisonInput, type PreparedArm } from './claim-input.js';
import type { IntervalFamily } from './margin-tests.js';

/** What one comparison's data say, before Holm and the verdict rules. */
export interface ComparisonAnalysis {
  /** 'speedup' | 'difference' | 'error ratio' | 'statistic'. */
  effectName: string;
  /** How the effect was estimated, e.g. 'KM median ratio' or 'restricted-mean ratio (horizon = budget)'. */
  estimand: string;
  estimate: number;
  /** Two-sided (1 − α) CI of the effect. */
  ci: [number, number];
  /** How `ci` was computed. */
  ciMethod: string;
  /** Two-sided (1 − 2α) CI; equivalence (TOST at α) holds when it lies inside `equivalenceBounds`. */
  equivalenceCi: [number, number];
  /** The effect values that mean "no effect worth the name": ±δ around no-effect, or the null region. */
  equivalenceBounds: [number, number];
  /** Orientation: whether larger effect values favour the method. */
  higherIsBetter: boolean;
  /** M on the effect's scale (absolute units), or null. */
  claimedMagnitude: number | null;
  test: { name: string; statistic: number; pValue: number; pValueOpposite: number };
  paired: boolean;
  n: { method: number; baseline: number };
  censored: { method: number; baseline: number };
  diverged: { method: number; baseline: number };
  /** Pilot numbers on a scale where t-test power applies (log scale for ratios); null when not available. */
  pilot: Pilot | null;
  /** The CI method at every level (the verdict rules invert it for their p-values); not serialised. */
  intervals: IntervalFamily;
}

/**
 * Pilot used to size a decisive follow-up, on a scale where t-test power applies (log scale for
 * ratios), oriented so that positive favours the method: how far the estimate lies beyond +δ
 * (`dPlus` > 0: beyond it) and above −δ (`dMinus` < 0: worse than −δ).
 */
export interface Pilot {
  design: Design;
  sd: number;
  dPlus: number;
  dMinus: number;
}

interface Ctx {
  alpha: number;
  seed: number;
  resamples: number;
}

const need2 = (arm: PreparedArm, label: string): void => {
  if (arm.values.length < 2) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `${label} has ${arm.values.length} usable repeat(s)`,
      'run at least 2 repeats per arm (diverged runs do not count outside time-to-target)',
    );
  }
};

/**
 * A resampling method cannot resolve more than the data hold: with n pairs the exact sign-flip test's
 * smallest one-sided p is 2^−n, with samples of n and m the permutation test's is 1/C(n+m, n).
 * Bootstrap p-values are floored there, so a handful of seeds never yields a decisive p.
 */
function smallestExactP(sizes: number[]): number {
  if (sizes.length === 1) return 2 ** -(sizes[0] as number);
  const [n, m] = sizes as [number, number];
  let c = 1;
  for (let i = 1; i <= Math.min(n, m); i++) c = (c * (n + m - Math.min(n, m) + i)) / i;
  return 1 / c;
}

function twoBoots(
  sizes: number[],
  stat: (idx: readonly (readonly number[])[]) => number,
  ctx: Ctx,
): [BootstrapInterval, BootstrapInterval, IntervalFamily] {
  // One set of resamples for every level: the 1 − α and 1 − 2α intervals and the verdict's p-values.
  const dist = bootstrapDistribution(sizes, stat, { seed: ctx.seed, resamples: ctx.resamples, method: 'percentile' });
  const family: IntervalFamily = {
    ciAt: (confidence) => {
      const i = bootstrapInterval(dist, confidence);
      return [i.lower, i.upper];
    },
    minP: Math.max(1 / (ctx.resamples + 1), smallestExactP(sizes)),
  };
  return [bootstrapInterval(dist, 1 - ctx.alpha), bootstrapInterval(dist, 1 - 2 * ctx.alpha), family];
}

const pick = (xs: readonly number[], idx: readonly number[]): number[] => idx.map((i) => xs[i] as number);
const logs = (xs: readonly number[]): number[] | null => (xs.every((x) => x > 0) ? xs.map(Math.log) : null);

function logPilot(m: number[], b: number[], paired: boolean, effect: number, margin: number): Pilot | null {
  const lm = logs(m);
  const lb = logs(b);
  if (!lm || !lb || !(effect > 0)) return null;
  const le = Math.log(effect);
  const s = paired ? sd(lb.map((x, i) => x - (lm[i] as number))) : Math.sqrt((variance(lm) + variance(lb)) / 2);
  const delta = Math.log(1 + margin);
  return { design: paired ? 'paired' : 'independent', sd: s, dPlus: le - delta, dMinus: le + delta };
}

/** Time-to-target: speedup = KM median(baseline)/KM median(method), else restricted-mean ratio. */
function timeToTarget(
  c: ComparisonInput,
  m: PreparedArm,
  b: PreparedArm,
  paired: boolean,
  ctx: Ctx,
): Omit<ComparisonAnalysis, 'n' | 'censored' | 'diverged'> {
  const budget = c.budget as number;
  const kmM = kaplanMeier(m.values, m.events);
  const kmB = kaplanMeier(b.values, b.events);
  const useMedian = kmM.median !== null && kmB.median !== null;
  // Smoothed bootstrap (speedup-interval.ts; docs/stats.md § Speedup intervals): every level from the same resamples.
  const iv = smoothedSpeedupInterval(m, b, {
    budget,
    center: useMedian ? 'median' : 'restricted-mean',
    paired,
    confidences: [1 - ctx.alpha, 1 - 2 * ctx.alpha],
    seed: ctx.seed,
    resamples: ctx.resamples,
  });
  const [ci, eq] = iv.intervals as [[number, number], [number, number]];
  const estimate = iv.estimate;
  const intervals: IntervalFamily = {
    ciAt: (confidence) => speedupCiAt(iv, confidence),
    minP: Math.max(
      1 / (ctx.resamples + 1),
      smallestExactP(paired ? [m.values.length] : [m.values.length, b.values.length]),
    ),
  };
  const lr = logRankTest([
    { times: m.values, events: m.events },
    { times: b.values, events: b.events },
  ]);
  return {
    effectName: 'speedup',
    estimand: useMedian
      ? 'KM median ratio (baseline / method)'
      : `restricted-mean ratio to the budget ${budget} (an arm reached the target in under half its seeds, so its KM median does not exist)`,
    estimate,
    ci,
    ciMethod: `${paired ? 'paired' : 'two-sample'} smoothed bootstrap (log-normal kernel, h = n^-1/5), ${ctx.resamples} resamples, seed ${ctx.seed}`,
    equivalenceCi: eq,
    equivalenceBounds: [1 / (1 + c.margin), 1 + c.margin],
    higherIsBetter: true,
    claimedMagnitude: c.claimedMagnitude ?? null,
    // The method reaching the target sooner means more events than expected in its group (z > 0).
    test: { name: 'log-rank (one-sided)', statistic: lr.z, pValue: normSf(lr.z), pValueOpposite: normCdf(lr.z) },
    paired,
    pilot: logPilot(m.values, b.values, paired, estimate, c.margin),
    intervals,
  };
}

/** Fixed budget: difference method − baseline with a paired (or Welch) t CI and test. */
function fixedBudget(
  c: ComparisonInput,
  m: PreparedArm,
  b: PreparedArm,
  paired: boolean,
  ctx: Ctx,
): Omit<ComparisonAnalysis, 'n' | 'censored' | 'diverged'> {
  const better = c.lowerIsBetter ? 'less' : 'greater';
  const worse = c.lowerIsBetter ? 'greater' : 'less';
  const t = paired ? pairedTTest : welchTTest;
  const two = t(m.values, b.values, { confidence: 1 - ctx.alpha });
  const eq = t(m.values, b.values, { confidence: 1 - 2 * ctx.alpha });
  const delta = absoluteMargin(c.margin, c.marginUnits, mean(b.values));
  const sign = c.lowerIsBetter ? -1 : 1;
  const M =
    c.claimedMagnitude === undefined
      ? null
      : sign * absoluteMargin(Math.abs(c.claimedMagnitude), c.marginUnits, mean(b.values));
  const s = paired
    ? sd(m.values.map((x, i) => x - (b.values[i] as number)))
    : Math.sqrt((variance(m.values) + variance(b.values)) / 2);
  return {
    effectName: 'difference',
    estimand: 'mean difference (method − baseline)',
    estimate: two.estimate,
    ci: two.ci,
    ciMethod: paired ? 'paired t' : 'Welch t',
    equivalenceCi: eq.ci,
    equivalenceBounds: [-delta, delta],
    higherIsBetter: !c.lowerIsBetter,
    claimedMagnitude: M,
    test: {
      name: paired ? 'paired t (one-sided)' : 'Welch t (one-sided)',
      statistic: two.statistic,
      pValue: t(m.values, b.values, { alternative: better }).pValue,
      pValueOpposite: t(m.values, b.values, { alternative: worse }).pValue,
    },
    paired,
    pilot: {
      design: paired ? 'paired' : 'independent',
      sd: s,
      dPlus: sign * two.estimate - delta,
      dMinus: sign * two.estimate + delta,
    },
    intervals: { ciAt: (confidence) => t(m.values, b.values, { confidence }).ci, minP: 0 },
  };
}

/** Predictor: ratio of mean errors (method / baseline) with a Wilcoxon (or Mann–Whitney) test. */
function predictor(
  c: ComparisonInput,
  m: PreparedArm,
  b: PreparedArm,
  paired: boolean,
  ctx: Ctx,
): Omit<ComparisonAnalysis, 'n' | 'censored' | 'diverged'> {
  if (!(mean(b.values) > 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `baseline predictor error on '${c.workload}' has mean ${mean(b.values)}`,
      'an error ratio needs a positive baseline error',
    );
  }
  const better = c.lowerIsBetter ? 'less' : 'greater';
  const worse = c.lowerIsBetter ? 'greater' : 'less';
  const ratio = (x: number[], y: number[]): number => mean(x) / mean(y);
  const stat = paired
    ? (idx: readonly (readonly number[])[]): number =>
        ratio(pick(m.values, idx[0] as number[]), pick(b.values, idx[0] as number[]))
    : (idx: readonly (readonly number[])[]): number =>
        ratio(pick(m.values, idx[0] as number[]), pick(b.values, idx[1] as number[]));
  const [ci, eq, intervals] = twoBoots(paired ? [m.values.length] : [m.values.length, b.values.length], stat, ctx);
  const test = paired
    ? {
        name: 'Wilcoxon signed-rank (one-sided)',
        p: wilcoxonSignedRank(m.values, b.values, { alternative: better }),
        q: wilcoxonSignedRank(m.values, b.values, { alternative: worse }),
      }
    : {
        name: 'Mann–Whitney U (one-sided)',
        p: mannWhitneyU(m.values, b.values, { alternative: better }),
        q: mannWhitneyU(m.values, b.values, { alternative: worse }),
      };
  const estimate = ratio(m.values, b.values);
  // Pilot on the log scale, oriented so that positive favours the method.
  const pilot = logPilot(b.values, m.values, paired, c.lowerIsBetter ? 1 / estimate : estimate, c.margin);
  return {
    effectName: 'error ratio',
    estimand: 'ratio of mean errors (method / baseline)',
    estimate,
    ci: [ci.lower, ci.upper],
    ciMethod: `${paired ? 'paired' : 'two-sample'} percentile bootstrap, ${ctx.resamples} resamples, seed ${ctx.seed}`,
    equivalenceCi: [eq.lower, eq.upper],
    equivalenceBounds: [1 / (1 + c.margin), 1 + c.margin],
    higherIsBetter: !c.lowerIsBetter,
    claimedMagnitude: c.claimedMagnitude ?? null,
    test: { name: test.name, statistic: test.p.statistic, pValue: test.p.pValue, pValueOpposite: test.q.pValue },
    paired,
    pilot,
    intervals,
  };
}

/** Phenomenon: mean of the declared statistic, its t CI against the null region. */
function phenomenon(
  c: ComparisonInput,
  m: PreparedArm,
  ctx: Ctx,
): Omit<ComparisonAnalysis, 'n' | 'censored' | 'diverged'> {
  const lo = c.nullRegion?.[0] ?? -Infinity;
  const hi = c.nullRegion?.[1] ?? Infinity;
  const claimBound = c.lowerIsBetter ? lo : hi;
  const otherBound = c.lowerIsBetter ? hi : lo;
  if (!Number.isFinite(claimBound)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `phenomenon on '${c.workload}': the null region is unbounded on the claimed side`,
      'bound the null region on the side the paper claims the statistic lies beyond',
    );
  }
  const better = c.lowerIsBetter ? 'less' : 'greater';
  const worse = c.lowerIsBetter ? 'greater' : 'less';
  const two = oneSampleTTest(m.values, 0, { confidence: 1 - ctx.alpha });
  const eq = oneSampleTTest(m.values, 0, { confidence: 1 - 2 * ctx.alpha });
  const claimTest = oneSampleTTest(m.values, claimBound, { alternative: better });
  const pOpp = Number.isFinite(otherBound) ? oneSampleTTest(m.values, otherBound, { alternative: worse }).pValue : 1;
  const sign = c.lowerIsBetter ? -1 : 1;
  return {
    effectName: 'statistic',
    estimand: 'mean of the declared statistic',
    estimate: two.estimate,
    ci: two.ci,
    ciMethod: 'one-sample t',
    equivalenceCi: eq.ci,
    equivalenceBounds: [lo, hi],
    higherIsBetter: !c.lowerIsBetter,
    claimedMagnitude: c.claimedMagnitude ?? null,
    test: {
      name: `one-sample t against the null region's ${c.lowerIsBetter ? 'lower' : 'upper'} end (one-sided)`,
      statistic: claimTest.statistic,
      pValue: claimTest.pValue,
      pValueOpposite: pOpp,
    },
    paired: false,
    pilot: {
      design: 'paired',
      sd: sd(m.values),
      dPlus: sign * (two.estimate - claimBound),
      dMinus: Number.isFinite(otherBound) ? sign * (two.estimate - otherBound) : Infinity,
    },
    intervals: { ciAt: (confidence) => oneSampleTTest(m.values, 0, { confidence }).ci, minP: 0 },
  };
}

/**
 * Computes the effect, CIs and one-sided p-values of one comparison per DESIGN § Statistics.
 * @throws ReprobenchError `E_STATS_INPUT` on unusable input (fewer than 2 usable repeats per arm, bad values).
 */
export function analyseComparison(c: ComparisonInput, ctx: Ctx): ComparisonAnalysis {
  const m = prepareArm(c.method, c.testType, c.budget, 'method');
  need2(m, `method '${c.method.id}' on '${c.workload}'`);
  if (c.testType === 'phenomenon') {
    const core = phenomenon(c, m, ctx);
    return {
      ...core,
      n: { method: m.values.length, baseline: 0 },
      censored: { method: 0, baseline: 0 },
      diverged: { method: m.diverged, baseline: 0 },
    };
  }
  const base = c.baseline as NonNullable<ComparisonInput['baseline']>;
  const b = prepareArm(base, c.testType, c.budget, 'baseline');
  need2(b, `baseline '${base.id}' on '${c.workload}'`);
  const paired = isPaired(m, b);
  const fn = c.testType === 'time-to-target' ? timeToTarget : c.testType === 'fixed-budget' ? fixedBudget : predictor;
  const core = fn(c, m, b, paired, ctx);
  return {
    ...core,
    n: { method: m.values.length, baseline: b.values.length },
    censored: { method: m.censored, baseline: b.censored },
    diverged: { method: m.diverged, baseline: b.diverged },
  };
}
