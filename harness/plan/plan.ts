import type { BackendInfo } from '../backends/select.js';
import type { ArmSpec, ClaimDefinition, Preset } from '../core/claim.js';
import { isCommandMethod, type HParams, type HParamValue } from '../core/method.js';
import { commandIdentity } from '../runner/external/identity.js';
import type { Registries } from '../core/registries.js';
import { trialId, type TrialConfig } from '../core/trial.js';
import { parseWorkloadRef, resolveVariant } from '../core/workload.js';
import { choiceKey } from '../tuning/result.js';
import { ReprobenchError } from '../errors.js';
import type { Repeat } from '../runner/seeds.js';

export interface PlannedTrial {
  id: string;
  config: TrialConfig;
  /** Short human label: `adan · fashion-mnist-mlp · eval#3`. */
  label: string;
}

export function armsOf(claim: ClaimDefinition): ArmSpec[] {
  return [...claim.methods, ...claim.baselines];
}

export function workloadsFor(claim: ClaimDefinition, preset: Preset): string[] {
  return preset === 'quick' && claim.quickWorkloads ? claim.quickWorkloads : claim.workloads;
}

/** The configuration of one trial of a claim: method defaults, then the card's overrides, then `extra`. */
export function trialConfig(
  registries: Registries,
  claim: ClaimDefinition,
  workloadId: string,
  arm: ArmSpec,
  repeat: Repeat,
  backend: BackendInfo,
  extra: HParams = {},
): PlannedTrial {
  return makeTrial(registries, {
    workloadId,
    arm,
    repeat,
    backend,
    extra,
    stopAtTarget: claim.testType === 'time-to-target',
  });
}

export interface TrialSpec {
  workloadId: string;
  arm: ArmSpec;
  repeat: Repeat;
  backend: BackendInfo;
  extra?: HParams;
  stopAtTarget: boolean;
  /** Replaces the workload's step budget (and step hint): only target-setting runs do this. */
  budgetSteps?: number;
}

export function makeTrial(registries: Registries, spec: TrialSpec): PlannedTrial {
  const { workloadId, arm, repeat, backend, extra = {} } = spec;
  const ref = parseWorkloadRef(workloadId);
  const w = resolveVariant(registries.workloads.get(ref.id), ref.variant);
  const m = registries.methods.get(arm.method);
  if (arm.recordGradNorm && isCommandMethod(m)) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `arm ${m.id} asks for the gradient-norm trace, but ${m.id} runs an external trainer, which does not report gradient norms`,
      'leave recordGradNorm off for external trainers, or use a built-in method',
    );
  }
  const horizon = inExamples(m.budgetUnit === 'examples' ? w.batchSize / (m.batchSize ?? w.batchSize) : 1, {
    budget: spec.budgetSteps
      ? { ...w.budget, steps: spec.budgetSteps, seconds: w.budget.seconds * (spec.budgetSteps / w.budget.steps) }
      : w.budget,
    stepHint: spec.budgetSteps ?? w.stepHint,
  });
  const config: TrialConfig = {
    workload: { id: w.def.id, version: w.def.version, variant: w.variant },
    method: {
      id: m.id,
      version: m.version,
      hparams: { ...m.hparams, ...arm.hparams, ...extra },
      // External trainers: the command and its files' hashes join the id (absent for built-ins, whose ids stay as they were).
      ...(isCommandMethod(m) ? { command: commandIdentity(m) } : {}),
    },
    repeat,
    backend: backend.name,
    numericsClass: backend.numericsClass,
    batchSize: m.batchSize ?? w.batchSize,
    budget: horizon.budget,
    evalEvery: w.evalEvery,
    // Fine evals serve steps to target, so only trials that stop at it take them.
    ...(spec.stopAtTarget && w.fineEvalEvery !== undefined ? { fineEvalEvery: w.fineEvalEvery } : {}),
    stepHint: horizon.stepHint,
    target: w.target,
    stopAtTarget: spec.stopAtTarget,
    ...(arm.recordGradNorm === true ? { recordGradNorm: true as const } : {}),
  };
  const extraText = Object.entries(extra)
    .map(([k, v]) => ` ${k}=${fmtValue(v)}`)
    .join('');
  return {
    id: trialId(config),
    config,
    label: `${m.id} · ${workloadId} · ${repeat.purpose}#${repeat.index}${extraText}`,
  };
}

/**
 * A method whose budget is in examples (method.ts `budgetUnit`) scales the steps and step hint by
 * workload batch / its batch; the seconds guard stays (the same examples cost about the same time).
 */
function inExamples(
  scale: number,
  t: Pick<TrialConfig, 'budget' | 'stepHint'>,
): Pick<TrialConfig, 'budget' | 'stepHint'> {
  if (scale === 1) return t;
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  return { budget: { ...t.budget, steps: scaled(t.budget.steps) }, stepHint: scaled(t.stepHint) };
}

export function planEvaluation(
  registries: Registries,
  claim: ClaimDefinition,
  preset: Preset,
  repeats: number,
  backend: BackendInfo,
  /** The tuned point per `workload/method` (see tuning/result.ts); empty when the claim tunes nothing. */
  tuned: Record<string, HParams>,
): PlannedTrial[] {
  const out: PlannedTrial[] = [];
  for (const w of workloadsFor(claim, preset)) {
    for (const arm of armsOf(claim)) {
      const extra: HParams = tuned[choiceKey(w, arm.method)] ?? {};
      for (let i = 0; i < repeats; i++) {
        out.push(trialConfig(registries, claim, w, arm, { purpose: 'eval', index: i }, backend, extra));
      }
    }
  }
  return out;
}

export function fmtValue(v: HParamValue): string {
  return typeof v === 'number' ? Number(v.toPrecision(3)).toString() : String(v);
}
