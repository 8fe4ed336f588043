import type { ClaimDefinition, Preset } from '../core/claim.js';
import type { TrialRecord } from '../core/trial.js';
import type { HostProvenance } from '../store/provenance.js';
import type { TuningResult } from '../tuning/result.js';
import { chosenPoints } from '../tuning/result.js';
import { tuningSensitivity, type TuningSensitivity } from '../tuning/sensitivity.js';
import { canonicalJson } from '../core/trial.js';
import { cardHash, preregisteredFields } from '../core/preregistration.js';
import type { AdaptiveResult } from '../scheduler/adaptive.js';
import { armRepeats, targetOf } from './arms.js';
import { summarizeArm, type WorkloadSummary } from './arm-summary.js';
import { judgeClaim, type ClaimJudgement } from './judge.js';
import { predictorOutcome, type PredictorInputs } from './predictor-outcome.js';

/** Everything `summary.json` holds: enough to rebuild the terminal and HTML summaries. */
export interface ClaimSummary {
  claim: Pick<
    ClaimDefinition,
    | 'id'
    | 'version'
    | 'title'
    | 'paper'
    | 'quote'
    | 'claimedEffect'
    | 'testType'
    | 'margin'
    | 'miniature'
    | 'outcome'
    | 'phenomenon'
    | 'predictor'
  > & {
    tuningRecord: ClaimDefinition['tuningRecord'] | null;
  };
  /** The card's pre-registered fields and their hash (absent in summaries written before cards were recorded). */
  card?: { hash: string; fields: Record<string, unknown> };
  /** Where this run's sweep chose differently from the card's record (`workload/method`: [now, recorded]). */
  tuningDrift: Record<string, [unknown, unknown]>;
  methods: string[];
  baselines: string[];
  preset: Preset;
  repeats: number;
  backend: string;
  numericsClass: string;
  tuning: TuningResult | null;
  /** How much each comparison rests on the tuning choice, from the tuning trials (harness/tuning/sensitivity.ts); [] without tuning. */
  tuningSensitivity: TuningSensitivity[];
  workloads: WorkloadSummary[];
  judgement: ClaimJudgement;
  /** Set by `run --adaptive`: the sequential design and its decisions (the verdict that accounts for the looks). */
  adaptive: AdaptiveResult | null;
  host: HostProvenance;
  generatedAt: string;
}

export function summarizeClaim(
  claim: ClaimDefinition,
  trials: TrialRecord[],
  ctx: {
    preset: Preset;
    repeats: number;
    workloads: string[];
    backend: string;
    numericsClass: string;
    tuning: TuningResult | null;
    host: HostProvenance;
    adaptive?: AdaptiveResult | null;
    /** Schedule-transfer predictor claims: each trial's learning rates (from the method registry). */
    predictors?: PredictorInputs;
  },
): ClaimSummary {
  const points = chosenPoints(ctx.tuning);
  const workloads: WorkloadSummary[] = ctx.workloads.map((w) => ({
    workload: w,
    target: targetOf(trials, w) ?? null,
    arms: [...claim.methods, ...claim.baselines].map((arm) =>
      summarizeArm(
        armRepeats(trials, arm.method, w, points[`${w}/${arm.method}`] ?? null, claim.phenomenon?.statistic),
      ),
    ),
    ...(claim.predictor
      ? {
          predictor: predictorOutcome(
            claim.predictor,
            trials,
            w,
            ctx.predictors,
            claim.methods.map((m) => m.method),
          ),
        }
      : {}),
  }));
  const { id, version, title, paper, quote, claimedEffect, testType, margin, miniature } = claim;
  const fields = preregisteredFields(claim);
  const tuningDrift: Record<string, [unknown, unknown]> = {};
  if (claim.tuningRecord && ctx.tuning) {
    for (const [key, now] of Object.entries(chosenPoints(ctx.tuning))) {
      const recorded = claim.tuningRecord.chosen[key];
      if (!recorded || canonicalJson(recorded) !== canonicalJson(now)) tuningDrift[key] = [now, recorded ?? null];
    }
  }
  return {
    claim: {
      id,
      version,
      title,
      paper,
      quote,
      claimedEffect,
      testType,
      margin,
      miniature,
      ...(claim.outcome ? { outcome: claim.outcome } : {}),
      ...(claim.phenomenon ? { phenomenon: claim.phenomenon } : {}),
      ...(claim.predictor ? { predictor: claim.predictor } : {}),
      tuningRecord: claim.tuningRecord ?? null,
    },
    card: { hash: cardHash(fields), fields },
    tuningDrift,
    methods: claim.methods.map((m) => m.method),
    baselines: claim.baselines.map((b) => b.method),
    preset: ctx.preset,
    repeats: ctx.repeats,
    backend: ctx.backend,
    numericsClass: ctx.numericsClass,
    tuning: ctx.tuning,
    tuningSensitivity: sensitivityOf(claim, ctx.tuning, workloads),
    workloads,
    judgement: judgeClaim(claim, workloads),
    adaptive: ctx.adaptive ?? null,
    host: ctx.host,
    generatedAt: new Date().toISOString(),
  };
}

function sensitivityOf(
  claim: ClaimDefinition,
  tuning: TuningResult | null,
  workloads: WorkloadSummary[],
): TuningSensitivity[] {
  if (!tuning || (claim.testType !== 'time-to-target' && claim.testType !== 'fixed-budget')) return [];
  const pairs = workloads.flatMap((w) =>
    claim.methods.flatMap((m) =>
      claim.baselines.map((b) => ({ workload: w.workload, method: m.method, baseline: b.method })),
    ),
  );
  return tuningSensitivity(tuning, pairs, {
    fixedBudget: claim.testType === 'fixed-budget',
    higherIsBetter: (w) => workloads.find((x) => x.workload === w)?.target?.direction === 'higher',
  });
}
