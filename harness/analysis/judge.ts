import { createHash } from 'node:crypto';
import { predictorBaseline, type ClaimDefinition, type PhenomenonContrast } from '../core/claim.js';
import {
  claimExplanation,
  claimVerdict,
  combineLabels,
  type ClaimVerdict,
  type ComparisonInput,
} from '../stats/index.js';
import { scopedLabel, verdictScope, type Fidelity, type VerdictScope } from './scope.js';
import type { ArmSummary, WorkloadSummary } from './arm-summary.js';

export type ClaimJudgement = ClaimVerdict & {
  /** How the verdicts were reached, shown next to them. */
  basis: string;
  /** Comparisons left out for lack of outcomes (trials that failed or timed out), with why. */
  unjudged: Array<{ workload: string; method: string; baseline: string | null; reason: string }>;
  /** Where the verdict holds: the miniature's workloads, targets and budgets. */
  scope: VerdictScope;
  /** The card's fidelity to the paper. */
  fidelity: Fidelity;
  /** The label with its scope and fidelity: what every output prints. */
  scopedLabel: string;
};

/**
 * Adds the scope and fidelity every label carries; left-out comparisons keep a claim from being fully
 * reproduced; the card's validity checks gate the label instead of counting in it.
 */
function scoped(
  claim: ClaimDefinition,
  workloads: WorkloadSummary[],
  v: Omit<ClaimJudgement, 'scope' | 'fidelity' | 'scopedLabel'>,
): ClaimJudgement {
  const scope = verdictScope(
    claim,
    workloads.map((w) => ({ workload: w.workload, target: w.target, budgetSteps: w.arms[0]?.budgetSteps ?? null })),
  );
  const checks = new Set((claim.validityChecks ?? []).map((c) => c.method));
  const comparisons = v.comparisons.map((c) => (checks.has(c.methodId) ? { ...c, validityCheck: true as const } : c));
  const counted = comparisons.filter((c) => !c.validityCheck);
  const gates = comparisons.filter((c) => c.validityCheck);
  const failed = gates.filter((c) => c.verdict !== 'reproduced');
  const combined = counted.length
    ? combineLabels(
        counted.map((c) => c.verdict),
        v.unjudged.length,
      )
    : v.overall;
  const overall = failed.length ? 'inconclusive' : combined;
  const name = (c: (typeof comparisons)[number]) => `${c.methodId} vs ${c.baselineId ?? '—'} on ${c.workload}`;
  const notes = [
    ...(v.unjudged.length && counted.length && combined !== combineLabels(counted.map((c) => c.verdict))
      ? [`${v.unjudged.length} comparison(s) not judged`]
      : []),
    ...(failed.length
      ? [`validity check not met: ${failed.map((c) => `${name(c)} ${c.verdict}`).join(', ')}`]
      : gates.length
        ? [`validity check met (${gates.map(name).join(', ')}), not counted in the label`]
        : []),
  ];
  // The engine's lead tallies every comparison; with validity checks it is restated over the counted ones.
  const body =
    gates.length && counted.length && v.lead
      ? claimExplanation(
          combined,
          counted.map((c) => c.verdict),
          { ...v.lead, tested: `counted ${v.lead.tested}` },
        )
      : v.explanation;
  const fidelity = claim.fidelity;
  return {
    ...v,
    comparisons,
    overall,
    explanation: notes.length ? `${overall} (${notes.join('; ')}); ${body}` : body,
    scope,
    fidelity,
    scopedLabel: scopedLabel(overall, scope, fidelity),
  };
}

/** Fewer usable seeds than this in an arm and no test can say anything. */
const MIN_OUTCOMES = 2;

/** The bootstrap seed of a claim's verdict: from its id and version, so a rerun gives the same CIs. */
export function verdictSeed(claim: ClaimDefinition): number {
  return parseInt(
    createHash('sha256').update(`reprobench-verdict-v1\0${claim.id}\0${claim.version}`).digest('hex').slice(0, 7),
    16,
  );
}

/**
 * One arm's per-seed outcomes as the claim's test type measures them (DESIGN § Statistics):
 * steps to target (censored at the budget); the final or best target metric at the budget; or
 * the card's statistic. A seed without a finite outcome (diverged, or a curve that gives no
 * statistic) is passed as diverged: the statistics engine then leaves it out and counts it.
 */
export function armValues(
  claim: ClaimDefinition,
  a: ArmSummary,
): { id: string; repeats: number[]; values: number[]; events: boolean[]; diverged: boolean[] } {
  if (claim.testType === 'time-to-target')
    return { id: a.method, repeats: a.repeats, values: a.steps, events: a.events, diverged: a.diverged };
  const raw =
    claim.testType === 'phenomenon' ? (a.statistic ?? []) : claim.outcome === 'best' ? a.bestMetric : a.finalMetric;
  const missing = a.repeats.map((_, i) => a.diverged[i] === true || raw[i] == null || !Number.isFinite(raw[i]));
  return {
    id: a.method,
    repeats: a.repeats,
    values: a.repeats.map((_, i) => (missing[i] ? NaN : (raw[i] as number))),
    events: a.repeats.map(() => true),
    diverged: missing,
  };
}

/** Usable outcomes of an arm for this claim (time-to-target keeps diverged seeds, censored). */
function usable(claim: ClaimDefinition, a: ArmSummary): number {
  return claim.testType === 'time-to-target' ? a.n : armValues(claim, a).diverged.filter((d) => !d).length;
}

/**
 * The claim's verdict from the statistics engine (DESIGN § Statistics): every method vs every
 * baseline on every workload, one-sided in the claimed direction, Holm over the claim's family.
 */
export function judgeClaim(claim: ClaimDefinition, workloads: WorkloadSummary[]): ClaimJudgement {
  if (claim.testType === 'predictor') return judgePredictor(claim, workloads);
  const comparisons: ComparisonInput[] = [];
  const unjudged: ClaimJudgement['unjudged'] = [];
  const phen = claim.testType === 'phenomenon' ? claim.phenomenon : undefined;
  if (phen?.contrasts) contrastComparisons(claim, phen.contrasts, workloads, comparisons, unjudged);
  for (const w of phen?.contrasts ? [] : workloads) {
    // Which way is better: fewer steps; the target metric's direction; the side the card claims.
    const lowerIsBetter =
      claim.testType === 'time-to-target'
        ? true
        : phen
          ? phen.claimedSide === 'below'
          : w.target?.direction !== 'higher';
    for (const m of claim.methods) {
      for (const b of phen ? [null] : claim.baselines) {
        const ma = w.arms.find((a) => a.method === m.method)!;
        const ba = b ? w.arms.find((a) => a.method === b.method)! : null;
        const short = [ma, ...(ba ? [ba] : [])].filter((a) => usable(claim, a) < MIN_OUTCOMES);
        if (short.length) {
          const reason = short
            .map((a) => {
              const k = usable(claim, a);
              return `${a.method} has ${k} usable outcome${k === 1 ? '' : 's'} (${a.missing.length} failed or timed out${a.n > k ? `, ${a.n - k} without a value` : ''})`;
            })
            .join('; ');
          unjudged.push({ workload: w.workload, method: m.method, baseline: b?.method ?? null, reason });
          continue;
        }
        comparisons.push({
          method: armValues(claim, ma),
          ...(ba ? { baseline: armValues(claim, ba) } : {}),
          workload: w.workload,
          testType: claim.testType,
          direction: claim.claimedEffect.direction,
          lowerIsBetter,
          budget: ma.budgetSteps,
          margin: claim.margin.value,
          marginUnits: claim.margin.units,
          ...(claim.claimedEffect.magnitude !== undefined ? { claimedMagnitude: claim.claimedEffect.magnitude } : {}),
          ...(phen ? { nullRegion: phen.nullRegion } : {}),
        });
      }
    }
  }
  const seed = verdictSeed(claim);
  if (comparisons.length === 0) {
    return scoped(claim, workloads, {
      overall: 'inconclusive',
      explanation: `no comparison has enough outcomes: ${unjudged.map((u) => u.reason).join('; ')}`,
      comparisons: [],
      alpha: 0.05,
      seed,
      repeatsNeeded: null,
      lead: null,
      basis: 'statistics engine: nothing to test',
      unjudged,
    });
  }
  const v = claimVerdict(comparisons, { seed });
  const left = unjudged.length
    ? `; ${unjudged.length} comparison${unjudged.length === 1 ? '' : 's'} left out for lack of outcomes`
    : '';
  const family = `Holm over ${comparisons.length} comparison${comparisons.length === 1 ? '' : 's'} at α = ${v.alpha}`;
  const margin =
    claim.margin.units === 'relative'
      ? `±${Number((claim.margin.value * 100).toPrecision(4))}%`
      : `±${claim.margin.value}`;
  const kind = claim.claimedEffect.direction;
  return scoped(claim, workloads, {
    ...v,
    basis:
      kind === 'equivalent'
        ? `statistics engine: ${claim.testType}, equivalence claim: TOST within ${claim.margin.units === 'relative' ? `${margin} of the baseline mean` : margin} (reproduced) against a difference beyond the margin (contradicted, ${family})${left}`
        : `statistics engine: ${claim.testType}, ${kind === 'non-inferior' ? 'non-inferiority' : 'superiority'} claim, margin δ = ${margin}: one-sided tests against +δ, −δ${claim.claimedEffect.magnitude !== undefined ? ' and the claimed M' : ''}, ${family}${left}`,
    unjudged,
  });
}

/**
 * A phenomenon stated across workloads (PhenomenonContrast): per method and per `than` workload,
 * the per-repeat difference of the statistic (focal − other), paired by repeat index, judged as
 * the phenomenon's value against its null region. A repeat missing on either side is left out (counted).
 */
function contrastComparisons(
  claim: ClaimDefinition,
  contrasts: PhenomenonContrast[],
  workloads: WorkloadSummary[],
  comparisons: ComparisonInput[],
  unjudged: ClaimJudgement['unjudged'],
): void {
  const phen = claim.phenomenon!;
  const armAt = (w: string, m: string) => workloads.find((x) => x.workload === w)?.arms.find((a) => a.method === m);
  for (const k of contrasts) {
    for (const other of k.than) {
      const label = `${k.workload} − ${other}`;
      for (const m of claim.methods) {
        const a = armAt(k.workload, m.method);
        const b = armAt(other, m.method);
        if (!a || !b) {
          unjudged.push({
            workload: label,
            method: m.method,
            baseline: null,
            reason: `no trials of ${!a ? k.workload : other} in this run`,
          });
          continue;
        }
        const va = armValues(claim, a);
        const vb = armValues(claim, b);
        const repeats = va.repeats.filter((r) => vb.repeats.includes(r));
        const diff = repeats.map((r) => va.values[va.repeats.indexOf(r)]! - vb.values[vb.repeats.indexOf(r)]!);
        const missing = diff.map((d) => !Number.isFinite(d));
        const n = missing.filter((x) => !x).length;
        if (n < MIN_OUTCOMES) {
          unjudged.push({
            workload: label,
            method: m.method,
            baseline: null,
            reason: `${n} repeat(s) with the statistic on both workloads (${repeats.length} run on both)`,
          });
          continue;
        }
        comparisons.push({
          method: {
            id: m.method,
            repeats,
            values: diff.map((d, i) => (missing[i] ? NaN : d)),
            events: repeats.map(() => true),
            diverged: missing,
          },
          workload: label,
          testType: 'phenomenon',
          direction: claim.claimedEffect.direction,
          lowerIsBetter: phen.claimedSide === 'below',
          budget: a.budgetSteps,
          margin: claim.margin.value,
          marginUnits: claim.margin.units,
          ...(claim.claimedEffect.magnitude !== undefined ? { claimedMagnitude: claim.claimedEffect.magnitude } : {}),
          nullRegion: phen.nullRegion,
        });
      }
    }
  }
}

/** A predictor's per-seed errors as a statistics-engine arm: a seed without an error is left out (and counted). */
function predictorArm(
  id: string,
  repeats: number[],
  errors: number[],
): { id: string; repeats: number[]; values: number[]; diverged: boolean[] } {
  return { id, repeats, values: errors, diverged: errors.map((e) => !Number.isFinite(e)) };
}

/**
 * Predictor claims: per workload, the card's predictor vs its baseline predictor on the same
 * seeds' curves (paired), error ratio with a one-sided Wilcoxon signed-rank test (lower is better),
 * Holm over the workloads (DESIGN § Statistics).
 */
function judgePredictor(claim: ClaimDefinition, workloads: WorkloadSummary[]): ClaimJudgement {
  const comparisons: ComparisonInput[] = [];
  const unjudged: ClaimJudgement['unjudged'] = [];
  for (const w of workloads) {
    const p = w.predictor;
    if (!p) continue;
    const usableSeeds = p.repeats.filter(
      (_, i) => Number.isFinite(p.methodErrors[i]) && Number.isFinite(p.baselineErrors[i]),
    ).length;
    if (usableSeeds < MIN_OUTCOMES) {
      unjudged.push({
        workload: w.workload,
        method: p.method,
        baseline: p.baseline,
        reason: `${usableSeeds} seed(s) with both predictor errors${p.notes.length ? ` (${p.notes.join('; ')})` : ''}`,
      });
      continue;
    }
    comparisons.push({
      method: predictorArm(p.method, p.repeats, p.methodErrors),
      baseline: predictorArm(p.baseline, p.repeats, p.baselineErrors),
      workload: w.workload,
      testType: 'predictor',
      lowerIsBetter: true,
      direction: claim.claimedEffect.direction,
      margin: claim.margin.value,
      marginUnits: claim.margin.units,
      ...(claim.claimedEffect.magnitude !== undefined ? { claimedMagnitude: claim.claimedEffect.magnitude } : {}),
    });
  }
  const seed = verdictSeed(claim);
  if (comparisons.length === 0) {
    return scoped(claim, workloads, {
      overall: 'inconclusive',
      explanation: `no comparison has enough predictor errors: ${unjudged.map((u) => u.reason).join('; ')}`,
      comparisons: [],
      alpha: 0.05,
      seed,
      repeatsNeeded: null,
      lead: null,
      basis: 'statistics engine: nothing to test',
      unjudged,
    });
  }
  const v = claimVerdict(comparisons, { seed });
  const left = unjudged.length
    ? `; ${unjudged.length} comparison${unjudged.length === 1 ? '' : 's'} left out for lack of errors`
    : '';
  return scoped(claim, workloads, {
    ...v,
    basis: `statistics engine: predictor ${claim.predictor?.method} vs ${claim.predictor ? predictorBaseline(claim.predictor) : ''}, per-seed errors paired, margin δ = ±${Number((claim.margin.value * 100).toPrecision(4))}% on the error ratio, one-sided tests against ±δ (lower error is better), Holm over ${comparisons.length} comparison${comparisons.length === 1 ? '' : 's'} at α = ${v.alpha}${left}`,
    unjudged,
  });
}
