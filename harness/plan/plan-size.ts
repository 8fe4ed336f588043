import type { ClaimDefinition, Preset } from '../core/claim.js';
import { checkPlannedTrials, checkSeeds } from '../core/limits.js';
import { armsOf, workloadsFor } from './plan.js';

/**
 * How many trials a run of the claim plans (tuning and evaluation), counted from the card without
 * building them: what the planners in claim-tuning.ts and plan.ts would produce. An upper
 * bound where a quick run reuses a reference's tuning (recorded-tuning.ts): that tuning is counted.
 */
export function plannedTrialCount(claim: ClaimDefinition, preset: Preset, repeats: number): number {
  const workloads = workloadsFor(claim, preset).length;
  const arms = armsOf(claim);
  const t = claim.tuning;
  const tuning = !t
    ? 0
    : t.kind === 'search'
      ? workloads * arms.length * t.studies * t.trialsPerStudy
      : workloads * arms.reduce((sum, a) => sum + (t.grid[a.method]?.length ?? 0), 0) * t.seeds;
  return tuning + workloads * arms.length * repeats;
}

/**
 * The limits on a claim's plan, checked before anything is planned.
 * @throws ReprobenchError E_BAD_OPTION (seeds), E_PLAN_TOO_LARGE (trials)
 */
export function checkClaimPlan(claim: ClaimDefinition, preset: Preset, repeats: number): void {
  checkSeeds(repeats, '--seeds');
  checkPlannedTrials(
    plannedTrialCount(claim, preset, repeats),
    `claim ${claim.id} with ${repeats} seeds per method and workload`,
  );
}
