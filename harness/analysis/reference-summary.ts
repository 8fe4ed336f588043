import type { ClaimDefinition } from '../core/claim.js';
import type { TrialRecord } from '../core/trial.js';
import { trialSeeds } from '../runner/seeds.js';
import { workloadsFor } from '../plan/plan.js';
import type { ReferenceFile } from '../store/reference.js';
import type { TuningResult } from '../tuning/result.js';
import type { PredictorInputs } from './predictor-outcome.js';
import { summarizeClaim, type ClaimSummary } from './summary.js';

/**
 * A reference's evaluation trials as trial records: what the run that made the reference stored,
 * minus per-trial timestamps and external-trainer provenance, which references do not keep.
 */
export function referenceTrialRecords(ref: ReferenceFile): TrialRecord[] {
  return ref.trials.map((t) => ({
    schemaVersion: 1,
    id: t.trialId,
    config: t.config,
    seeds: trialSeeds(t.config.workload, t.config.method.id, t.config.repeat),
    status: t.status,
    outcome: t.outcome,
    curve: t.curve,
    provenance: { ...ref.provenance, configHash: t.configHash },
    startedAt: ref.createdAt,
    finishedAt: ref.createdAt,
  }));
}

/**
 * The workloads a reference holds trials of, in the card's order, then any the card no longer
 * names: a reference is judged on what it ran, also after its card changed its workloads (until
 * the reference is made again).
 */
function referenceWorkloads(claim: ClaimDefinition, ref: ReferenceFile): string[] {
  const held = [...new Set(ref.trials.map((t) => t.workload))];
  const named = workloadsFor(claim, ref.preset).filter((w) => held.includes(w));
  return [...named, ...held.filter((w) => !named.includes(w))];
}

/**
 * The claim's summary, judged under the current verdict rules from a reference's stored trials:
 * no rerun, the same numbers, today's labels (how the catalogue and `check` re-judge a claim).
 */
export function summarizeReference(
  claim: ClaimDefinition,
  ref: ReferenceFile,
  predictors?: PredictorInputs,
): ClaimSummary {
  const tuning: TuningResult | null = ref.tuning
    ? { kind: ref.tuning.kind, description: ref.tuning.description, rows: ref.tuning.rows, choices: ref.tuning.choices }
    : null;
  const { reprobenchVersion, gitCommit, gitDirty, node, os, cpu } = ref.provenance;
  return summarizeClaim(claim, referenceTrialRecords(ref), {
    preset: ref.preset,
    repeats: ref.repeats,
    workloads: referenceWorkloads(claim, ref),
    backend: ref.backend,
    numericsClass: ref.numericsClass,
    tuning,
    host: { reprobenchVersion, gitCommit, gitDirty, node, os, cpu },
    ...(predictors ? { predictors } : {}),
  });
}
