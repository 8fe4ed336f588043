import { ReprobenchError, isReprobenchError } from '../errors.js';
import { analyseComparison, type ComparisonAnalysis, type Pilot } from './claim-effects.js';
import { validateComparison, type ComparisonInput } from './claim-input.js';
import { oneSidedP, type Side } from './margin-tests.js';
import { holm } from './multiple.js';
import { seedsForTost, seedsForTTest } from './power.js';
import { requireInteger, requireProbability } from './validate.js';
import { claimExplanation, combineLabels } from './verdict-combine.js';
import { equivalenceVerdict } from './verdict-equivalence.js';
import { claimedVsMeasured } from './verdict-headline.js';
import type {
  ClaimDirection,
  ClaimVerdict,
  ClaimVerdictOptions,
  ComparisonLabel,
  ComparisonVerdict,
  MarginTests,
} from './verdict-types.js';

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : x > 0 ? '∞' : '−∞');
const fmtP = (p: number): string => (p < 1e-4 ? p.toExponential(1) : Number(p.toPrecision(2)).toString());

type RawMargins = {
  plus: number;
  minus: number;
  beyondPlus: number;
  beyondMinus: number;
  aboveMinus: number;
  inside: number;
  shortOfM: number | null;
};

/** The five one-sided statements of docs/stats.md § Rules, read off the comparison's own CI method. */
function marginPValues(a: ComparisonAnalysis): RawMargins {
  const [lo, hi] = a.equivalenceBounds;
  const plus = a.higherIsBetter ? hi : lo;
  const minus = a.higherIsBetter ? lo : hi;
  const better: Side = a.higherIsBetter ? 'above' : 'below';
  const worse: Side = a.higherIsBetter ? 'below' : 'above';
  const p = (t: number, side: Side): number => oneSidedP(a.intervals, t, side);
  const aboveMinus = p(minus, better);
  return {
    plus,
    minus,
    beyondPlus: p(plus, better),
    beyondMinus: p(minus, worse),
    aboveMinus,
    inside: Math.max(aboveMinus, p(plus, worse)),
    shortOfM: a.claimedMagnitude === null ? null : p(a.claimedMagnitude, worse),
  };
}

function repeatsNeeded(
  pilot: Pilot | null,
  direction: ClaimDirection,
  alpha: number,
  familySize: number,
  power: number,
  testType: ComparisonInput['testType'],
): number | null {
  if (!pilot) return null;
  // Bonferroni's α/k bounds what Holm needs, so the count is safe for any step of the family.
  const a = alpha / familySize;
  const { design, sd, dPlus, dMinus } = pilot;
  const t = (distance: number) => () => seedsForTTest({ effect: distance, sd, alpha: a, power, design });
  const tries: (() => number)[] = [];
  if (direction === 'non-inferior') tries.push(t(Math.abs(dMinus)));
  else if (dPlus > 0) tries.push(t(dPlus));
  else if (dMinus < 0) tries.push(t(-dMinus));
  else if (Number.isFinite(dMinus))
    tries.push(() =>
      seedsForTost({ margin: (dMinus - dPlus) / 2, trueDifference: (dPlus + dMinus) / 2, sd, alpha: a, power, design }),
    );
  else tries.push(t(-dPlus));
  let best: number | null = null;
  for (const attempt of tries) {
    try {
      const n = attempt();
      best = best === null ? n : Math.min(best, n);
    } catch (e) {
      if (!(isReprobenchError(e) && e.code === 'E_STATS_DEGENERATE')) throw e;
    }
  }
  // Predictor claims and paired speedups get bootstrap p-values floored at the exact sign-flip
  // test's 2^−n: below n = ⌈log2(1/a)⌉ no data can be decisive, whatever the t-based count says.
  const floored = testType === 'predictor' || (testType === 'time-to-target' && pilot.design === 'paired');
  if (best !== null && floored) best = Math.max(best, Math.ceil(Math.log2(1 / a)));
  return best;
}

function decide(
  a: ComparisonAnalysis,
  m: MarginTests,
  direction: ClaimDirection,
  alpha: number,
): { verdict: ComparisonLabel; why: string } {
  const ci = `${a.effectName} ${fmt(a.estimate)} [${fmt(a.ci[0])}, ${fmt(a.ci[1])}]`;
  const hp = (x: { adjustedPValue: number }): string => `Holm p ${fmtP(x.adjustedPValue)}`;
  const sig = (x: { adjustedPValue: number }): boolean => x.adjustedPValue < alpha;
  const plus = `+δ = ${fmt(m.plus)}`;
  const minus = `−δ = ${fmt(m.minus)}`;
  const eqPct = Math.round((1 - 2 * alpha) * 100);
  if (direction === 'non-inferior') {
    if (sig(m.aboveMinus))
      return {
        verdict: 'reproduced',
        why: `${ci}: the worse end stays above ${minus} (non-inferior, ${hp(m.aboveMinus)})`,
      };
    if (sig(m.beyondMinus))
      return { verdict: 'contradicted', why: `${ci}: worse than ${minus} (${hp(m.beyondMinus)})` };
    return {
      verdict: 'inconclusive',
      why: `${ci}: the CI straddles ${minus} (non-inferiority ${hp(m.aboveMinus)}, inferiority ${hp(m.beyondMinus)})`,
    };
  }
  if (sig(m.beyondPlus)) {
    if (m.shortOfM && sig(m.shortOfM)) {
      return {
        verdict: 'smaller than claimed',
        why: `${ci}: beyond ${plus} (${hp(m.beyondPlus)}) but short of the claimed ${fmt(m.shortOfM.threshold)} (${hp(m.shortOfM)})`,
      };
    }
    return {
      verdict: 'reproduced',
      why: `${ci}: beyond ${plus} (${hp(m.beyondPlus)})${m.shortOfM ? ` and the CI reaches the claimed ${fmt(m.shortOfM.threshold)}` : ''}`,
    };
  }
  if (sig(m.beyondMinus))
    return { verdict: 'contradicted', why: `${ci}: worse than ${minus}, against the claim (${hp(m.beyondMinus)})` };
  if (sig(m.inside)) {
    return {
      verdict: 'no meaningful effect',
      why: `${ci}: the ${eqPct}% CI [${fmt(a.equivalenceCi[0])}, ${fmt(a.equivalenceCi[1])}] lies inside ±δ [${fmt(Math.min(m.plus, m.minus))}, ${fmt(Math.max(m.plus, m.minus))}] (TOST, ${hp(m.inside)})`,
    };
  }
  return {
    verdict: 'inconclusive',
    why: `${ci}: neither beyond ${plus} (${hp(m.beyondPlus)}) nor inside ±δ (${hp(m.inside)}) nor worse than ${minus} (${hp(m.beyondMinus)})`,
  };
}

/**
 * Time to target where neither arm reached the target in half its seeds: the effect is a ratio of
 * times capped at the budget, pulled toward 1 by the cap whatever the methods do. It can still show a
 * difference (the cap only shrinks one), never that the arms are alike: "no meaningful effect" and
 * a non-inferiority "reproduced" become inconclusive, with the reason.
 */
function capGuard(
  a: ComparisonAnalysis,
  d: { verdict: ComparisonLabel; why: string },
  direction: ClaimDirection,
): { verdict: ComparisonLabel; why: string } {
  const mostlyCensored = (censored: number, n: number): boolean => 2 * censored > n;
  if (
    a.effectName !== 'speedup' ||
    !mostlyCensored(a.censored.method, a.n.method) ||
    !mostlyCensored(a.censored.baseline, a.n.baseline)
  )
    return d;
  const alike = d.verdict === 'no meaningful effect' || (direction === 'non-inferior' && d.verdict === 'reproduced');
  if (!alike) return d;
  const reached = (n: number, c: number): string => `${n - c}/${n}`;
  return {
    verdict: 'inconclusive',
    why:
      `${d.why}; but neither arm reached the target in half its seeds (method ${reached(a.n.method, a.censored.method)}, ` +
      `baseline ${reached(a.n.baseline, a.censored.baseline)}), so the ratio of times capped at the budget cannot show that they are alike: ` +
      'a later budget or an earlier target would',
  };
}

/**
 * Verdict of one claim over all its comparisons (method vs baseline × workload), by the margin-aware
 * rules of docs/stats.md § Rules: one-sided tests against +δ, −δ and M read off each comparison's
 * CI method, Holm over the claim's comparisons. Superiority (`method-better`) and non-inferiority
 * (`non-inferior`) claims are decided here; equivalence claims (every comparison `equivalent`) go
 * to {@link equivalenceVerdict}. The claim's label never hides a contradicted comparison.
 * @throws ReprobenchError `E_STATS_INPUT` on an empty claim, bad options or unusable comparisons.
 */
export function claimVerdict(comparisons: readonly ComparisonInput[], options: ClaimVerdictOptions): ClaimVerdict {
  // Through `unknown`: Array.isArray would narrow a readonly array to any[] (TypeScript #17002).
  const input: unknown = comparisons;
  if (!Array.isArray(input) || comparisons.length === 0) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a claim verdict needs at least one comparison',
      'pass the (method vs baseline × workload) comparisons of the claim',
    );
  }
  const alpha = options.alpha ?? 0.05;
  requireProbability(alpha, 'alpha');
  if (!(alpha < 0.5))
    throw new ReprobenchError('E_STATS_INPUT', `alpha ${alpha} is too large`, 'use a level below 0.5, e.g. 0.05');
  requireInteger(options.seed, 'seed', 0, 0xffffffff - comparisons.length);
  const resamples = options.resamples ?? 2000;
  requireInteger(resamples, 'resamples', 100);
  const power = options.power ?? 0.8;
  requireProbability(power, 'power');
  comparisons.forEach(validateComparison);
  const directions = new Set(comparisons.map((c) => c.direction ?? 'method-better'));
  if (directions.size > 1) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `a claim mixes directions (${[...directions].join(', ')})`,
      "give every comparison of a claim the claim's direction",
    );
  }
  const direction = [...directions][0] as ClaimDirection;
  if (direction === 'equivalent') return equivalenceVerdict(comparisons, { ...options, alpha, resamples, power });
  if (direction === 'non-inferior' && comparisons.some((c) => c.testType === 'phenomenon')) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a phenomenon cannot be claimed as non-inferiority',
      "phenomenon claims say the statistic lies beyond its null region: use direction 'method-better'",
    );
  }
  const analyses = comparisons.map((c, i) => analyseComparison(c, { alpha, seed: options.seed + i, resamples }));
  const raw = analyses.map(marginPValues);
  const adjust = (pick: (r: RawMargins) => number): number[] => holm(raw.map(pick));
  const adjPlus = adjust((r) => r.beyondPlus);
  const adjMinus = adjust((r) => r.beyondMinus);
  const adjAbove = adjust((r) => r.aboveMinus);
  const adjInside = adjust((r) => r.inside);
  const withM = raw.map((r, i) => [r, i] as const).filter(([r]) => r.shortOfM !== null);
  const adjM = new Map(holm(withM.map(([r]) => r.shortOfM as number)).map((p, j) => [withM[j]![1], p]));
  const adjZero = holm(analyses.map((a) => a.test.pValue));
  const adjZeroOpp = holm(analyses.map((a) => a.test.pValueOpposite));
  const verdicts = analyses.map((a, i): ComparisonVerdict => {
    const c = comparisons[i] as ComparisonInput;
    const r = raw[i] as RawMargins;
    const margins: MarginTests = {
      plus: r.plus,
      minus: r.minus,
      beyondPlus: { threshold: r.plus, pValue: r.beyondPlus, adjustedPValue: adjPlus[i] as number },
      beyondMinus: { threshold: r.minus, pValue: r.beyondMinus, adjustedPValue: adjMinus[i] as number },
      aboveMinus: { threshold: r.minus, pValue: r.aboveMinus, adjustedPValue: adjAbove[i] as number },
      inside: { threshold: r.plus, pValue: r.inside, adjustedPValue: adjInside[i] as number },
      shortOfM:
        r.shortOfM === null
          ? null
          : { threshold: a.claimedMagnitude as number, pValue: r.shortOfM, adjustedPValue: adjM.get(i) as number },
    };
    const d = capGuard(a, decide(a, margins, direction, alpha), direction);
    const need =
      d.verdict === 'inconclusive'
        ? repeatsNeeded(a.pilot, direction, alpha, comparisons.length, power, c.testType)
        : null;
    const { pilot: _pilot, intervals: _intervals, test, ...rest } = a;
    const [eLo, eHi] = a.equivalenceCi;
    // A phenomenon has no baseline arm: its counts are the method's alone (not "n 12/0").
    const pair = (x: number, y: number): string => (c.testType === 'phenomenon' ? `${x}` : `${x}/${y}`);
    const counts = `n ${pair(a.n.method, a.n.baseline)}${a.censored.method + a.censored.baseline ? `, censored ${pair(a.censored.method, a.censored.baseline)}` : ''}${a.diverged.method + a.diverged.baseline ? `, diverged ${pair(a.diverged.method, a.diverged.baseline)}` : ''}`;
    const tail =
      d.verdict === 'inconclusive'
        ? need === null
          ? '; no repeat count would decide it'
          : `; about ${need} repeats per arm would decide it`
        : '';
    return {
      ...rest,
      workload: c.workload,
      methodId: c.method.id,
      baselineId: c.testType === 'phenomenon' ? null : (c.baseline?.id ?? null),
      testType: c.testType,
      direction,
      verdict: d.verdict,
      headline: claimedVsMeasured({ ...a, direction }),
      explanation: `${c.workload}: ${c.method.id}${c.testType === 'phenomenon' ? '' : ` vs ${c.baseline?.id}`} ${d.verdict}: ${d.why} (${counts})${tail}`,
      test: { ...test, adjustedPValue: adjZero[i] as number, adjustedPValueOpposite: adjZeroOpp[i] as number },
      margins,
      equivalent: eLo > a.equivalenceBounds[0] && eHi < a.equivalenceBounds[1],
      repeatsNeeded: need,
      alpha,
    };
  });
  const labels = verdicts.map((v) => v.verdict);
  const overall = combineLabels(labels);
  const needs = verdicts
    .filter((v) => v.verdict === 'inconclusive' && v.repeatsNeeded !== null)
    .map((v) => v.repeatsNeeded as number);
  const repeats =
    needs.length && (overall === 'inconclusive' || overall === 'partly reproduced') ? Math.max(...needs) : null;
  const kind = direction === 'non-inferior' ? 'non-inferiority' : 'superiority';
  const lead = {
    tested: `comparison(s) (${kind}, margin-aware tests, Holm at α = ${alpha})`,
    tail: repeats !== null ? `; about ${repeats} repeats per arm would decide the open ones` : '',
  };
  return {
    overall,
    explanation: claimExplanation(overall, labels, lead),
    lead,
    comparisons: verdicts,
    alpha,
    seed: options.seed,
    repeatsNeeded: repeats,
  };
}
