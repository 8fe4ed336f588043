import type { Preset } from '../core/claim.js';
import type { HParams } from '../core/method.js';
import type { TrialRecord } from '../core/trial.js';
import { ReprobenchError } from '../errors.js';
import { armRepeats } from '../analysis/arms.js';
import {
  createSequentialPlan,
  sequentialDecision,
  type SequentialDecision,
  type SequentialPlan,
} from '../stats/index.js';
import { writeJsonAtomic } from '../store/atomic.js';
import { join } from 'node:path';
import { planEvaluation, workloadsFor } from '../plan/plan.js';
import { runPhase, type ClaimSession } from './session.js';

export interface AdaptiveComparison {
  workload: string;
  method: string;
  baseline: string;
  /** The decision at each look this comparison took part in; the last one is final. */
  looks: SequentialDecision[];
}

/** What `run --adaptive` decided, stored as `adaptive.json` and shown in the summary. */
export interface AdaptiveResult {
  plan: SequentialPlan;
  comparisons: AdaptiveComparison[];
  /** Seeds per arm when the run stopped. */
  seedsPerArm: number;
  maxSeedsPerArm: number;
  /** The seeds a fixed design with the cap would have run per arm, minus what ran. */
  seedsSaved: number;
}

/**
 * How a sequential decision reads next to the claim verdict: the design decides significance
 * only, while `reproduced` in a claim verdict also asks whether the CI reaches the claimed size.
 */
export function sequentialLabel(d: SequentialDecision): string {
  switch (d.decision) {
    case 'claimed direction':
      return 'significant in the claimed direction';
    case 'equivalent':
      return 'equivalent within the margin';
    case 'opposite direction':
      return 'significant in the opposite direction';
    case 'undecided':
      return 'undecided at the seed cap';
    default:
      return 'still open';
  }
}

export interface AdaptiveOptions {
  preset: Preset;
  maxSeedsPerArm: number;
  batchSize: number;
  chosen: Record<string, HParams>;
  runDir: string;
}

/**
 * `run --adaptive`: a group-sequential design (reprobench/stats) over the claim's comparisons.
 * Every arm gets the same seeds; after each batch every undecided comparison is looked at, and
 * the run stops adding seeds once all are decided (or at the cap). Each comparison's plan runs at
 * α / (number of comparisons), so the claim's family keeps its level. Trials are cached like any
 * other, so a killed adaptive run resumes by replaying its looks.
 */
export async function runAdaptive(
  s: ClaimSession,
  o: AdaptiveOptions,
): Promise<{ records: TrialRecord[]; result: AdaptiveResult; ran: number }> {
  const { claim } = s;
  // The statistics engine also plans fixed-budget designs; claims of that type arrive with the
  // claims catalogue, and this loop feeds steps to target, so it accepts time-to-target only.
  if (claim.testType !== 'time-to-target') {
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `--adaptive supports time-to-target claims; "${claim.id}" is ${claim.testType}`,
      'run it without --adaptive, with a fixed number of seeds',
    );
  }
  if (claim.claimedEffect.direction === 'equivalent') {
    throw new ReprobenchError(
      'E_BAD_OPTION',
      `--adaptive tests a one-sided claim; "${claim.id}" claims equivalence`,
      'run it without --adaptive, with a fixed number of seeds (--seeds N)',
    );
  }
  const workloads = workloadsFor(claim, o.preset);
  const pairs = workloads.flatMap((w) =>
    claim.methods.flatMap((m) => claim.baselines.map((b) => ({ workload: w, method: m.method, baseline: b.method }))),
  );
  const plan = createSequentialPlan({
    alpha: 0.05,
    familySize: pairs.length,
    maxSeedsPerArm: o.maxSeedsPerArm,
    batchSize: o.batchSize,
    minSeedsPerArm: o.batchSize,
    testType: claim.testType,
    margin: claim.margin.value,
    marginUnits: claim.margin.units,
  });
  const comparisons: AdaptiveComparison[] = pairs.map((p) => ({ ...p, looks: [] }));
  let records: TrialRecord[] = [];
  let ran = 0;
  let seeds = 0;
  for (let look = 0; look < plan.looks.length; look++) {
    seeds = plan.looks[look]!.seedsPerArm;
    const phase = await runPhase(
      s,
      `evaluation, look ${look + 1}/${plan.looks.length} (${seeds} seeds per arm)`,
      planEvaluation(s.registries, claim, o.preset, seeds, s.backend, o.chosen),
    );
    records = phase.records;
    ran += phase.ran;
    for (const c of comparisons) {
      if (c.looks.at(-1)?.stop) continue;
      const m = armRepeats(records, c.method, c.workload);
      const b = armRepeats(records, c.baseline, c.workload);
      const d = sequentialDecision(plan, look, {
        method: m.steps,
        baseline: b.steps,
        methodEvents: m.events,
        baselineEvents: b.events,
      });
      c.looks.push(d);
      s.log(`look ${look + 1}: ${c.method} vs ${c.baseline} on ${c.workload}: ${d.explanation}`);
    }
    const result: AdaptiveResult = {
      plan,
      comparisons,
      seedsPerArm: seeds,
      maxSeedsPerArm: o.maxSeedsPerArm,
      seedsSaved: o.maxSeedsPerArm - seeds,
    };
    writeJsonAtomic(join(o.runDir, 'adaptive.json'), result);
    if (comparisons.every((c) => c.looks.at(-1)?.stop)) return { records, result, ran };
  }
  return {
    records,
    result: {
      plan,
      comparisons,
      seedsPerArm: seeds,
      maxSeedsPerArm: o.maxSeedsPerArm,
      seedsSaved: o.maxSeedsPerArm - seeds,
    },
    ran,
  };
}
