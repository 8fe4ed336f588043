import { createHash } from 'node:crypto';
import type { ClaimDefinition } from '../core/claim.js';
import { claimVerdict, type ClaimVerdict, type ComparisonInput } from '../stats/index.js';
import type { ArmSummary, WorkloadSummary } from './summary.js';

export type ClaimJudgement = ClaimVerdict & {
  /** How the verdicts were reached, shown next to them. */
  basis: string;
  /** Comparisons left out for lack of outcomes (trials that failed or timed out), with why. */
  unjudged: Array<{ workload: string; method: string; baseline: string; reason: string }>;
};

/** Fewer usable seeds than this in an arm and no test can say anything. */
const MIN_OUTCOMES = 2;

/** The bootstrap seed of a claim's verdict: from its id and version, so a rerun gives the same CIs. */
export function verdictSeed(claim: ClaimDefinition): number {
  return parseInt(createHash('sha256').update(`reprobench-verdict-v1\0${claim.id}\0${claim.version}`).digest('hex').slice(0, 7), 16);
}

function arm(a: ArmSummary) {
  return { id: a.method, repeats: a.repeats, values: a.steps, events: a.events, diverged: a.diverged };
}

/**
 * The claim's verdict from the statistics engine (DESIGN § Statistics): every method vs every
 * baseline on every workload, one-sided in the claimed direction, Holm over the claim's family.
 */
export function judgeClaim(claim: ClaimDefinition, workloads: WorkloadSummary[]): ClaimJudgement {
  const equivalence = claim.claimedEffect.direction === 'equivalent';
  const comparisons: ComparisonInput[] = [];
  const unjudged: ClaimJudgement['unjudged'] = [];
  for (const w of workloads) {
    for (const m of claim.methods) {
      for (const b of claim.baselines) {
        const ma = w.arms.find((a) => a.method === m.method)!;
        const ba = w.arms.find((a) => a.method === b.method)!;
        const short = [ma, ba].filter((a) => a.n < MIN_OUTCOMES);
        if (short.length) {
          const reason = short.map((a) => `${a.method} has ${a.n} usable outcome${a.n === 1 ? '' : 's'} (${a.missing.length} failed or timed out)`).join('; ');
          unjudged.push({ workload: w.workload, method: m.method, baseline: b.method, reason });
          continue;
        }
        comparisons.push({
          method: arm(ma),
          baseline: arm(ba),
          workload: w.workload,
          testType: claim.testType,
          ...(equivalence ? { direction: 'equivalent' as const } : {}),
          lowerIsBetter: true,
          budget: ma.budgetSteps,
          margin: claim.margin.value,
          marginUnits: claim.margin.units,
          ...(claim.claimedEffect.magnitude !== undefined ? { claimedMagnitude: claim.claimedEffect.magnitude } : {}),
        });
      }
    }
  }
  const seed = verdictSeed(claim);
  if (comparisons.length === 0) {
    return {
      overall: 'inconclusive', explanation: `no comparison has enough outcomes: ${unjudged.map((u) => u.reason).join('; ')}`,
      comparisons: [], alpha: 0.05, seed, repeatsNeeded: null, basis: 'statistics engine: nothing to test', unjudged,
    };
  }
  const v = claimVerdict(comparisons, { seed });
  const left = unjudged.length ? `; ${unjudged.length} comparison${unjudged.length === 1 ? '' : 's'} left out for lack of outcomes` : '';
  return {
    ...v,
    overall: unjudged.length && v.overall === 'reproduced' ? 'partially reproduced' : v.overall,
    basis: equivalence
      ? `statistics engine: ${claim.testType}, equivalence claim: TOST within ${claim.margin.units === 'relative' ? `±${claim.margin.value * 100}% of the baseline mean` : `±${claim.margin.value}`} (reproduced) against a difference beyond the margin (not reproduced, Holm over ${comparisons.length} comparison${comparisons.length === 1 ? '' : 's'}) at α = ${v.alpha}${left}`
      : `statistics engine: ${claim.testType}, one-sided tests in the claimed direction, Holm over ${comparisons.length} comparison${comparisons.length === 1 ? '' : 's'} at α = ${v.alpha}${left}`,
    unjudged,
  };
}
