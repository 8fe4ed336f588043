import { ReprobenchError, isReprobenchError } from '../errors.js';
import { isPaired, prepareArm, validateComparison, type ComparisonInput, type PreparedArm } from './claim-input.js';
import { mean, sd, variance } from './descriptives.js';
import { holm } from './multiple.js';
import { pairedTTest } from './paired-t.js';
import { seedsForTost, seedsForTTest } from './power.js';
import { tResult } from './t-common.js';
import { pairedTost, tost } from './tost.js';
import { claimExplanation, combineLabels } from './verdict-combine.js';
import { claimedVsMeasured } from './verdict-headline.js';
import type { ClaimVerdict, ClaimVerdictOptions, ComparisonLabel, ComparisonVerdict } from './verdict-types.js';
import { welchTTest } from './welch.js';

const fmt = (x: number): string => (Number.isFinite(x) ? Number(x.toPrecision(3)).toString() : String(x));
const fmtP = (p: number): string => (p < 1e-4 ? p.toExponential(1) : Number(p.toPrecision(2)).toString());

function need2(arm: PreparedArm, label: string): void {
  if (arm.values.length < 2) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `${label} has ${arm.values.length} usable repeat(s)`,
      'run at least 2 repeats per arm',
    );
  }
}

/**
 * Verdict of an equivalence (parity) claim: the method and the baseline are claimed to give the
 * same outcome — steps to target (a missed target counts at the budget, a diverged seed too) or
 * the fixed-budget metric — within the card's margin δ (relative to the baseline's mean, or
 * absolute). Per comparison:
 *
 * - **reproduced**: TOST shows equivalence at α (paired TOST over repeats when both arms hold the
 *   same repeats, Welch TOST otherwise): the (1 − 2α) CI of the mean difference lies inside ±δ.
 *   No multiplicity adjustment is needed for "every comparison is equivalent" (intersection–union).
 * - **contradicted**: the difference is significantly beyond the margin: the two-sided test of
 *   |difference| ≤ δ rejects at α after Holm over the claim's comparisons.
 * - **inconclusive**: anything else, with the repeats a decisive answer would need.
 *
 * Fields of the result keep claimVerdict's shape: `test.pValue` is the TOST p-value and
 * `test.pValueOpposite` the p-value of "beyond the margin" (Holm-adjusted in `adjustedPValueOpposite`).
 * @throws ReprobenchError `E_STATS_INPUT` on unusable input or test types other than time-to-target and fixed-budget.
 */
export function equivalenceVerdict(
  comparisons: readonly ComparisonInput[],
  options: ClaimVerdictOptions,
): ClaimVerdict {
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
  const power = options.power ?? 0.8;
  const analyses = comparisons.map((c) => {
    validateComparison({ ...c, direction: 'method-better' });
    if (c.testType !== 'time-to-target' && c.testType !== 'fixed-budget') {
      throw new ReprobenchError(
        'E_STATS_INPUT',
        `equivalence of '${c.method.id}' on '${c.workload}': ${c.testType} is not supported`,
        'equivalence claims are time-to-target or fixed-budget',
      );
    }
    const m = prepareArm(c.method, c.testType, c.budget, 'method');
    const b = prepareArm(c.baseline!, c.testType, c.budget, 'baseline');
    need2(m, `method '${c.method.id}' on '${c.workload}'`);
    need2(b, `baseline '${c.baseline!.id}' on '${c.workload}'`);
    const paired = isPaired(m, b);
    const eq = (paired ? pairedTost : tost)(m.values, b.values, {
      margin: c.margin,
      marginUnits: c.marginUnits,
      alpha,
    });
    const two = (paired ? pairedTTest : welchTTest)(m.values, b.values, { confidence: 1 - alpha });
    const delta = eq.bounds[1];
    // Beyond the margin, either way: H0 |d| ≤ δ; each side one-sided at the same SE and df as TOST.
    const above = tResult(eq.estimate - delta, eq.standardError, eq.df, 'greater', 1 - alpha).pValue;
    const below = tResult(eq.estimate + delta, eq.standardError, eq.df, 'less', 1 - alpha).pValue;
    const beyond = Math.min(1, 2 * Math.min(above, below));
    const spread = paired
      ? sd(m.values.map((x, i) => x - (b.values[i] as number)))
      : Math.sqrt((variance(m.values) + variance(b.values)) / 2);
    return { c, m, b, paired, eq, two, delta, beyond, spread };
  });
  const adjBeyond = holm(analyses.map((a) => a.beyond));
  const verdicts = analyses.map((a, i): ComparisonVerdict => {
    const { c, m, b, paired, eq, two, delta } = a;
    const adj = adjBeyond[i] as number;
    const unit = c.testType === 'time-to-target' ? ' steps' : '';
    const diff = `difference ${fmt(eq.estimate)}${unit} [${fmt(two.ci[0])}, ${fmt(two.ci[1])}]`;
    const region = `±${fmt(delta)}${unit} (${c.marginUnits === 'relative' ? `${fmt(c.margin * 100)}% of the baseline mean ${fmt(mean(b.values))}` : 'absolute'})`;
    let verdict: ComparisonLabel;
    let why: string;
    if (eq.equivalent) {
      verdict = 'reproduced';
      why = `${diff}: the ${Math.round((1 - 2 * alpha) * 100)}% CI [${fmt(eq.ci[0])}, ${fmt(eq.ci[1])}] lies inside the margin ${region} (TOST p ${fmtP(eq.pValue)})`;
    } else if (adj < alpha) {
      verdict = 'contradicted';
      why = `${diff}: significantly beyond the margin ${region} (Holm p ${fmtP(adj)})`;
    } else {
      verdict = 'inconclusive';
      why = `${diff}: neither inside the margin ${region} (TOST p ${fmtP(eq.pValue)}) nor significantly beyond it (Holm p ${fmtP(adj)})`;
    }
    let need: number | null = null;
    if (verdict === 'inconclusive') {
      const design = paired ? 'paired' : 'independent';
      try {
        need =
          Math.abs(eq.estimate) < delta
            ? seedsForTost({ margin: delta, trueDifference: eq.estimate, sd: a.spread, alpha, power, design })
            : seedsForTTest({
                effect: Math.abs(eq.estimate) - delta,
                sd: a.spread,
                alpha: alpha / comparisons.length,
                power,
                sides: 'two-sided',
                design,
              });
      } catch (e) {
        if (!(isReprobenchError(e) && e.code === 'E_STATS_DEGENERATE')) throw e;
      }
    }
    const counts = `n ${m.values.length}/${b.values.length}${m.censored + b.censored ? `, censored ${m.censored}/${b.censored}` : ''}${m.diverged + b.diverged ? `, diverged ${m.diverged}/${b.diverged}` : ''}`;
    const tail =
      verdict === 'inconclusive'
        ? need === null
          ? '; no repeat count would decide it'
          : `; about ${need} repeats per arm would decide it`
        : '';
    const binding = eq.lower.pValue >= eq.upper.pValue ? eq.lower : eq.upper;
    return {
      effectName: 'difference',
      estimand:
        c.testType === 'time-to-target'
          ? 'mean difference in steps to target (method − baseline); a missed target counts at the budget'
          : 'mean difference of the final metric (method − baseline)',
      estimate: eq.estimate,
      ci: two.ci,
      ciMethod: paired ? 'paired t' : 'Welch t',
      equivalenceCi: eq.ci,
      equivalenceBounds: eq.bounds,
      higherIsBetter: c.testType === 'time-to-target' ? false : !c.lowerIsBetter,
      claimedMagnitude: null,
      paired,
      n: { method: m.values.length, baseline: b.values.length },
      censored: { method: m.censored, baseline: b.censored },
      diverged: { method: m.diverged, baseline: b.diverged },
      workload: c.workload,
      methodId: c.method.id,
      baselineId: c.baseline!.id,
      testType: c.testType,
      direction: 'equivalent',
      verdict,
      headline: claimedVsMeasured({
        effectName: 'difference',
        estimate: eq.estimate,
        ci: two.ci,
        claimedMagnitude: null,
        direction: 'equivalent',
        higherIsBetter: false,
        equivalenceBounds: eq.bounds,
      }),
      explanation: `${c.workload}: ${c.method.id} vs ${c.baseline!.id} ${verdict}: ${why} (${counts})${tail}`,
      test: {
        name: `TOST, ${paired ? 'paired' : 'Welch'} t (equivalence within the margin)`,
        statistic: binding.statistic,
        pValue: eq.pValue,
        pValueOpposite: a.beyond,
        adjustedPValue: eq.pValue,
        adjustedPValueOpposite: adj,
      },
      margins: null,
      equivalent: eq.equivalent,
      repeatsNeeded: need,
      alpha,
    };
  });
  const labels = verdicts.map((v) => v.verdict);
  const overall = combineLabels(labels);
  const needs = verdicts.filter((v) => v.repeatsNeeded !== null).map((v) => v.repeatsNeeded as number);
  const repeats = overall === 'inconclusive' && needs.length ? Math.max(...needs) : null;
  const lead = {
    tested: `equivalence comparison(s), TOST at α = ${alpha}`,
    tail: repeats !== null ? `; about ${repeats} repeats per arm would decide it` : '',
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
