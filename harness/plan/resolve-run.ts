import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { TuningResult } from '../tuning/result.js';
import { workloadsFor } from './plan.js';
import { checkClaimPlan } from './plan-size.js';
import { recordedTuning, type RecordedTuning } from './recorded-tuning.js';

/**
 * Where a run's tuned points come from: the card's tuning, run here; the points a committed
 * standard reference chose, reused by the quick preset; or the points of the reference `check`
 * compares with. Null when the card tunes nothing.
 */
export type RunTuning =
  | { kind: 'card' }
  | { kind: 'recorded'; recorded: RecordedTuning }
  | { kind: 'reference'; result: TuningResult | null }
  | null;

/** A preset and the options beside it, resolved once into what every planner and command reads. */
export interface ResolvedRun {
  preset: Preset;
  /** Evaluation seeds per method and workload. */
  repeats: number;
  /** The most seeds per method and workload the run may plan (adaptive seeding's cap, else `repeats`): the limits are checked with it. */
  maxRepeats: number;
  /** The workloads the preset runs. */
  workloads: string[];
  tuning: RunTuning;
}

export interface RunRequest {
  /** `--seeds`: evaluation seeds per method and workload instead of the preset's. */
  seeds?: number;
  /** `run --adaptive`: seeds are added in batches up to `seeds`, else the standard preset's repeats. */
  adaptive?: boolean;
  /** `check`: the reference compared with. The run takes at most its seeds, and its tuned points instead of tuning. */
  reference?: { repeats: number; tuning: TuningResult | null };
  /** Where the quick preset looks for a committed reference's tuning (default: the working directory). */
  cwd?: string;
}

/**
 * The one place a preset becomes repeats, workloads, tuning and the plan's size limits. `seeds`
 * is `--seeds` (or undefined), or a request with more. Checks the limits before anything is planned.
 * @throws ReprobenchError E_BAD_OPTION (seeds), E_PLAN_TOO_LARGE (trials); from readReference when
 *   the quick preset's committed reference is damaged
 */
export function resolveRun(claim: ClaimDefinition, preset: Preset, seeds?: number | RunRequest): ResolvedRun {
  const req: RunRequest = typeof seeds === 'object' ? seeds : seeds === undefined ? {} : { seeds };
  const fromPreset = req.seeds ?? claim.repeats[preset];
  const repeats = req.reference ? Math.min(claim.repeats[preset], req.reference.repeats) : fromPreset;
  const maxRepeats = req.adaptive ? (req.seeds ?? claim.repeats.standard) : repeats;
  // Limits first: a typo like --seeds 1e9 must not start planning (or reading references).
  checkClaimPlan(claim, preset, maxRepeats);
  return { preset, repeats, maxRepeats, workloads: workloadsFor(claim, preset), tuning: tuningOf(claim, preset, req) };
}

function tuningOf(claim: ClaimDefinition, preset: Preset, req: RunRequest): RunTuning {
  if (req.reference) return { kind: 'reference', result: req.reference.tuning };
  if (!claim.tuning) return null;
  const recorded = recordedTuning(claim, preset, req.cwd);
  return recorded ? { kind: 'recorded', recorded } : { kind: 'card' };
}
