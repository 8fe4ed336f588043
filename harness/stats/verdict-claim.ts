import { ReprobenchError, isReprobenchError } from '../errors.js';
import { analyseComparison, type ComparisonAnalysis, type Pilot } from './claim-effects.js';
import { validateComparison, type ComparisonInput, type TestType } from './claim-input.js';
import { holm } from './multiple.js';
import { equivalenceVerdict } from './verdict-equivalence.js';
import { seedsForTost, seedsForTTest } from './power.js';
import { requireInteger, requireProbability } from './validate.js';

/** A claim verdict (DESIGN § Statistics). */
export type ClaimVerdictLabel = 'reproduced' | 'partially reproduced' | 'not reproduced' | 'inconclusive';

/** Options of {@link claimVerdict}. */
export interface ClaimVerdictOptions {
  /** Family-wise level (Holm over the claim's comparisons). @default 0.05 */
  alpha?: number;
  /** Seed of the bootstrap CIs; comparison i uses seed + i. Store it with the verdict. */
  seed: number;
  /** Bootstrap resamples per CI. @default 2000 */
  resamples?: number;
  /** Power a decisive follow-up should have when sizing `repeatsNeeded`. @default 0.8 */
  power?: number;
}

/** The verdict of one comparison with the numbers behind it. */
export interface ComparisonVerdict extends Omit<ComparisonAnalysis, 'pilot' | 'test'> {
  workload: string;
  methodId: string;
  /** The baseline's id; null for phenomenon claims. */
  baselineId: string | null;
  testType: TestType;
  verdict: ClaimVerdictLabel;
  /** One line a person can read: the verdict and the numbers that decided it. */
  explanation: string;
  test: ComparisonAnalysis['test'] & {
    /** Holm-adjusted p of the claimed direction over the claim's family. */
    adjustedPValue: number;
    /** Holm-adjusted p of the opposite direction. */
    adjustedPValueOpposite: number;
  };
  /** Whether the (1 − 2α) CI lies inside the equivalence bounds (TOST at α). */
  equivalent: boolean;
  /** inconclusive only: repeats per arm that a decisive answer would need (power analysis on this run as a pilot); else null. */
  repeatsNeeded: number | null;
  alpha: number;
}

/** Result of {@link claimVerdict}. */
export interface ClaimVerdict {
  overall: ClaimVerdictLabel;
  explanation: string;
  comparisons: ComparisonVerdict[];
  alpha: number;
  seed: number;
  /** For an inconclusive overall verdict: the largest repeatsNeeded among inconclusive comparisons. */
  repeatsNeeded: number | null;
}

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x));
const fmtP = (p: number): string => (p < 1e-4 ? p.toExponential(1) : Number(p.toPrecision(2)).toString());

function repeatsNeeded(pilot: Pilot | null, alpha: number, familySize: number, power: number, testType: ComparisonInput['testType']): number | null {
  if (!pilot) return null;
  // Bonferroni's α/k bounds what Holm needs, so the count is safe for any step of the family.
  const a = alpha / familySize;
  const tries: (() => number)[] = [];
  if (pilot.effect !== 0) tries.push(() => seedsForTTest({ effect: pilot.effect, sd: pilot.sd, alpha: a, power, design: pilot.design }));
  if (Math.abs(pilot.offset) < pilot.margin) {
    tries.push(() => seedsForTost({ margin: pilot.margin, trueDifference: pilot.offset, sd: pilot.sd, alpha, power, design: pilot.design }));
  }
  let best: number | null = null;
  for (const t of tries) {
    try {
      const n = t();
      best = best === null ? n : Math.min(best, n);
    } catch (e) {
      if (!(isReprobenchError(e) && e.code === 'E_STATS_DEGENERATE')) throw e;
    }
  }
  // Predictor claims are decided by the exact signed-rank test, whose smallest one-sided p with
  // n pairs is 2^−n: below n = ⌈log2(1/a)⌉ no data can be significant, whatever the t-based count says.
  if (best !== null && testType === 'predictor') best = Math.max(best, Math.ceil(Math.log2(1 / a)));
  return best;
}

function decide(a: ComparisonAnalysis, adj: number, adjOpp: number, alpha: number): { verdict: ClaimVerdictLabel; why: string; equivalent: boolean } {
  const [eLo, eHi] = a.equivalenceCi;
  const equivalent = eLo > a.equivalenceBounds[0] && eHi < a.equivalenceBounds[1];
  const ci = `${a.effectName} ${fmt(a.estimate)} [${fmt(a.ci[0])}, ${fmt(a.ci[1])}]`;
  const M = a.claimedMagnitude;
  if (adj < alpha) {
    // The CI's end in the better direction: does it still reach the claimed size?
    const reach = a.higherIsBetter ? a.ci[1] >= (M ?? -Infinity) : a.ci[0] <= (M ?? Infinity);
    if (M !== null && !reach) {
      return { verdict: 'partially reproduced', why: `${ci}, Holm p ${fmtP(adj)}: significant but the whole CI falls short of the claimed ${fmt(M)}`, equivalent };
    }
    return { verdict: 'reproduced', why: `${ci}, Holm p ${fmtP(adj)}${M !== null ? `: significant and the CI reaches the claimed ${fmt(M)}` : ': significant in the claimed direction'}`, equivalent };
  }
  if (adjOpp < alpha) return { verdict: 'not reproduced', why: `${ci}: significantly worse than the baseline (Holm p ${fmtP(adjOpp)})`, equivalent };
  if (equivalent) {
    return {
      verdict: 'not reproduced',
      why: `${ci}: the ${Math.round((1 - 2 * alpha) * 100)}% CI [${fmt(eLo)}, ${fmt(eHi)}] lies inside the no-effect region [${fmt(a.equivalenceBounds[0])}, ${fmt(a.equivalenceBounds[1])}] (TOST)`,
      equivalent,
    };
  }
  return { verdict: 'inconclusive', why: `${ci}, Holm p ${fmtP(adj)}: neither significant nor equivalent`, equivalent };
}

function combine(labels: ClaimVerdictLabel[]): ClaimVerdictLabel {
  const all = (l: ClaimVerdictLabel): boolean => labels.every((x) => x === l);
  if (all('reproduced')) return 'reproduced';
  if (all('not reproduced')) return 'not reproduced';
  if (labels.some((x) => x === 'reproduced' || x === 'partially reproduced')) return 'partially reproduced';
  // Only "not reproduced" and "inconclusive" remain: more seeds could still change the picture.
  return 'inconclusive';
}

/**
 * Verdict of one claim over all its comparisons (method vs baseline × workload), with the effect
 * measures, tests and rules of DESIGN § Statistics; Holm over the family of comparisons. The
 * overall verdict is `reproduced` / `not reproduced` when every comparison is, `partially
 * reproduced` when some (not all) are reproduced or partially so, else `inconclusive`.
 * Comparisons whose direction is `equivalent` (all of them, or none) go to {@link equivalenceVerdict}.
 * @throws ReprobenchError `E_STATS_INPUT` on an empty claim, bad options or unusable comparisons.
 */
export function claimVerdict(comparisons: readonly ComparisonInput[], options: ClaimVerdictOptions): ClaimVerdict {
  if (!Array.isArray(comparisons) || comparisons.length === 0) {
    throw new ReprobenchError('E_STATS_INPUT', 'a claim verdict needs at least one comparison', 'pass the (method vs baseline × workload) comparisons of the claim');
  }
  const alpha = options.alpha ?? 0.05;
  requireProbability(alpha, 'alpha');
  if (!(alpha < 0.5)) throw new ReprobenchError('E_STATS_INPUT', `alpha ${alpha} is too large`, 'use a level below 0.5, e.g. 0.05');
  requireInteger(options.seed, 'seed', 0, 0xffffffff - comparisons.length);
  const resamples = options.resamples ?? 2000;
  requireInteger(resamples, 'resamples', 100);
  const power = options.power ?? 0.8;
  requireProbability(power, 'power');
  comparisons.forEach(validateComparison);
  const equivalence = comparisons.filter((c) => c.direction === 'equivalent').length;
  if (equivalence === comparisons.length) return equivalenceVerdict(comparisons, { ...options, alpha, resamples, power });
  if (equivalence > 0) {
    throw new ReprobenchError('E_STATS_INPUT', 'a claim mixes equivalence comparisons with one-sided ones', "give every comparison of a claim the claim's direction");
  }
  const analyses = comparisons.map((c, i) => analyseComparison(c, { alpha, seed: options.seed + i, resamples }));
  const adj = holm(analyses.map((a) => a.test.pValue));
  const adjOpp = holm(analyses.map((a) => a.test.pValueOpposite));
  const verdicts = analyses.map((a, i): ComparisonVerdict => {
    const c = comparisons[i] as ComparisonInput;
    const d = decide(a, adj[i] as number, adjOpp[i] as number, alpha);
    const need = d.verdict === 'inconclusive' ? repeatsNeeded(a.pilot, alpha, comparisons.length, power, c.testType) : null;
    const { pilot: _pilot, test, ...rest } = a;
    // A phenomenon has no baseline arm: its counts are the method's alone (not "n 12/0").
    const pair = (m: number, b: number): string => (c.testType === 'phenomenon' ? `${m}` : `${m}/${b}`);
    const counts = `n ${pair(a.n.method, a.n.baseline)}${a.censored.method + a.censored.baseline ? `, censored ${pair(a.censored.method, a.censored.baseline)}` : ''}${a.diverged.method + a.diverged.baseline ? `, diverged ${pair(a.diverged.method, a.diverged.baseline)}` : ''}`;
    const tail = d.verdict === 'inconclusive' ? (need === null ? '; no repeat count would decide it' : `; about ${need} repeats per arm would decide it`) : '';
    return {
      ...rest,
      workload: c.workload,
      methodId: c.method.id,
      baselineId: c.testType === 'phenomenon' ? null : (c.baseline?.id ?? null),
      testType: c.testType,
      verdict: d.verdict,
      explanation: `${c.workload}: ${c.method.id}${c.testType === 'phenomenon' ? '' : ` vs ${c.baseline?.id}`} ${d.verdict}: ${d.why} (${counts})${tail}`,
      test: { ...test, adjustedPValue: adj[i] as number, adjustedPValueOpposite: adjOpp[i] as number },
      equivalent: d.equivalent,
      repeatsNeeded: need,
      alpha,
    };
  });
  const overall = combine(verdicts.map((v) => v.verdict));
  const tally = (['reproduced', 'partially reproduced', 'not reproduced', 'inconclusive'] as const)
    .map((l) => [l, verdicts.filter((v) => v.verdict === l).length] as const)
    .filter(([, k]) => k > 0)
    .map(([l, k]) => `${k} ${l}`)
    .join(', ');
  const needs = verdicts.filter((v) => v.verdict === 'inconclusive' && v.repeatsNeeded !== null).map((v) => v.repeatsNeeded as number);
  const repeats = overall === 'inconclusive' && needs.length ? Math.max(...needs) : null;
  return {
    overall,
    explanation: `${overall}: ${tally} of ${verdicts.length} comparison(s), Holm at α = ${alpha}${repeats !== null ? `; about ${repeats} repeats per arm would decide it` : ''}`,
    comparisons: verdicts,
    alpha,
    seed: options.seed,
    repeatsNeeded: repeats,
  };
}
