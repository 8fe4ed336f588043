import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Stored trial files carry this. Version 2 adds a content hash; version 1 files (written before
 * it) are still read, with every check but that one (harness/store/trial-integrity.ts).
 */
export const TRIAL_SCHEMA_VERSION = 2;
/** The last version without a content hash. */
export const LEGACY_TRIAL_SCHEMA_VERSION = 1;

const hparamValue = z.union([z.number(), z.string(), z.boolean()]);

export const TargetSchema = z.object({
  metric: z.string(),
  value: z.number(),
  direction: z.enum(['higher', 'lower']),
});

export type Target = z.infer<typeof TargetSchema>;

/**
 * What identifies an external trainer (a `kind: 'command'` method): the command as written, its
 * environment changes, and the SHA-256 of every file it depends on, by path relative to its
 * working directory. Part of the trial id, so editing the script never reuses stale trials.
 * Absent for built-in methods, whose trial ids therefore do not change.
 */
export const CommandIdentitySchema = z.object({
  /** Version of the trainer protocol (docs/protocol.md) the trial was run with. */
  protocol: z.number().int().positive(),
  argv: z.array(z.string()).min(1),
  /** Variables set (string) or unset (null) for the command. */
  env: z.record(z.string(), z.string().nullable()),
  /** Relative path → SHA-256 of the file's content. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)),
});
export type CommandIdentity = z.infer<typeof CommandIdentitySchema>;

/** Everything that determines a trial's result; its hash is the trial id (DESIGN § Rules). */
export const TrialConfigSchema = z.object({
  workload: z.object({ id: z.string(), version: z.number().int(), variant: z.string() }),
  method: z.object({
    id: z.string(),
    version: z.number().int(),
    hparams: z.record(z.string(), hparamValue),
    command: CommandIdentitySchema.optional(),
  }),
  repeat: z.object({ purpose: z.enum(['eval', 'tune', 'calibrate']), index: z.number().int().nonnegative() }),
  backend: z.enum(['tensorflow', 'webgpu', 'blas', 'wasm', 'cpu']),
  numericsClass: z.string(),
  batchSize: z.number().int().positive(),
  budget: z.object({ steps: z.number().int().positive(), seconds: z.number().positive() }),
  evalEvery: z.number().int().positive(),
  /**
   * Time-to-target trials on a workload that sets one: the spacing of the evals replayed before
   * the first regular eval that meets the target (harness/runner/fine-evals.ts). Absent otherwise,
   * so trials without it keep their ids.
   */
  fineEvalEvery: z.number().int().positive().optional(),
  stepHint: z.number().int().positive(),
  target: TargetSchema,
  /** Stop at the first eval that meets the target (time-to-target) or train to the budget. */
  stopAtTarget: z.boolean(),
  /**
   * Record the global L2 norm of every step's raw minibatch gradient (the record's `trace.gradNorm`,
   * and its mean since the last eval as the curve metric `train/grad-norm`). Absent when off, never
   * `false`, so trials without it keep their ids.
   */
  recordGradNorm: z.literal(true).optional(),
});
export type TrialConfig = z.infer<typeof TrialConfigSchema>;

export const CurvePointSchema = z.object({
  step: z.number().int().nonnegative(),
  examples: z.number().int().nonnegative(),
  /** Accumulated training seconds at this eval (AlgoPerf submission time: eval excluded). */
  trainSeconds: z.number().nonnegative(),
  metrics: z.record(z.string(), z.number().nullable()),
});
export type CurvePoint = z.infer<typeof CurvePointSchema>;

export const TrialStatusSchema = z.enum(['reached', 'censored', 'diverged', 'failed', 'timeout']);
export type TrialStatus = z.infer<typeof TrialStatusSchema>;

export const ProvenanceSchema = z.object({
  reprobenchVersion: z.string(),
  gitCommit: z.string().nullable(),
  gitDirty: z.boolean().nullable(),
  tfjsVersion: z.string(),
  backend: z.string(),
  backendReasons: z.array(z.string()),
  numericsClass: z.string(),
  node: z.string(),
  os: z.string(),
  cpu: z.object({ model: z.string(), cores: z.number().int() }),
  gpu: z.string().nullable(),
  configHash: z.string(),
  /**
   * External trainers only: what ran the trial. `backend`/`tfjsVersion` above then describe the
   * harness process that supervised it, not the trainer's numerics.
   */
  external: z
    .object({
      protocol: z.number().int(),
      command: z.array(z.string()),
      /** SHA-256 over the hashed files (canonical JSON of path → SHA-256). */
      scriptHash: z.string(),
      files: z.record(z.string(), z.string()),
      /** The interpreter (or program) and the first line of its `--version` output (null when it has none). */
      interpreter: z.object({ command: z.string(), version: z.string().nullable() }),
      /** What the trainer reported about itself in its `start` line, e.g. `torch 1.13.0`. */
      framework: z.string().nullable(),
    })
    .optional(),
});
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const OutcomeSchema = z.object({
  /** Steps at the first eval meeting the target; null when censored, diverged or failed. */
  stepsToTarget: z.number().int().nonnegative().nullable(),
  examplesToTarget: z.number().int().nonnegative().nullable(),
  secondsToTarget: z.number().nonnegative().nullable(),
  stepsRun: z.number().int().nonnegative(),
  trainSeconds: z.number().nonnegative(),
  evalSeconds: z.number().nonnegative(),
  initSeconds: z.number().nonnegative(),
  /** Metrics at the last eval. */
  finalMetrics: z.record(z.string(), z.number().nullable()),
  /** Best value of the target metric over the evals (null when there was no finite one). */
  bestTargetMetric: z.number().nullable(),
  /**
   * Steps between the last eval that missed the target and the eval that met it (the first eval's
   * step when it met it): how well `stepsToTarget` is known. Null when the target was not reached;
   * absent in trials stored before it was recorded (the curve still tells).
   */
  resolutionSteps: z.number().int().positive().nullable().optional(),
  /** Why the trial ended where it did, in words. */
  reason: z.string(),
  /**
   * Methods that train before training (`selectData` scoring models, a `pilotSchedule` pilot run):
   * the optimizer steps those runs took and the seconds they used, already included in `trainSeconds` and in
   * the curve's seconds but not in `stepsRun`. Absent for every other method.
   */
  scoring: z.object({ steps: z.number().int().nonnegative(), seconds: z.number().nonnegative() }).optional(),
  /**
   * Methods whose schedule is derived from a pilot run (method.ts `pilotSchedule`): the largest
   * per-step difference between the derived learning rate and the pilot's, relative to the pilot's
   * peak (0 = the derived schedule is the pilot's), and between the derived rate and a linear decay
   * from its own peak at step 0 to 0 at its last step (what schedule refinement gives for a constant
   * gradient norm), relative to that peak. The pilot's steps and seconds are in `scoring`.
   */
  derivedSchedule: z
    .object({ lInfFromPilot: z.number().nonnegative(), lInfFromLinear: z.number().nonnegative() })
    .optional(),
});
export type Outcome = z.infer<typeof OutcomeSchema>;

export const TrialRecordSchema = z.object({
  /** The file version the record was read from or will be written as. */
  schemaVersion: z.union([z.literal(LEGACY_TRIAL_SCHEMA_VERSION), z.literal(TRIAL_SCHEMA_VERSION)]),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  config: TrialConfigSchema,
  seeds: z.object({ split: z.string(), init: z.string(), order: z.string(), method: z.string() }),
  status: TrialStatusSchema,
  outcome: OutcomeSchema,
  curve: z.array(CurvePointSchema),
  /** Trials with `recordGradNorm`: per optimizer step (step k at index k − 1), the global L2 norm of the raw minibatch gradient. */
  trace: z.object({ gradNorm: z.array(z.number()) }).optional(),
  error: z.object({ message: z.string(), detail: z.string().optional() }).optional(),
  /** External trainers only: their stderr, size-capped (head and tail kept), absolute paths replaced. */
  log: z.object({ stderr: z.string(), bytes: z.number().int().nonnegative(), truncated: z.boolean() }).optional(),
  provenance: ProvenanceSchema,
  startedAt: z.string(),
  finishedAt: z.string(),
});
export type TrialRecord = z.infer<typeof TrialRecordSchema>;

/** Key-sorted JSON, so the hash does not depend on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function configHash(config: TrialConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex');
}

/** The trial id: the first 16 hex digits of the SHA-256 of the canonical configuration. */
export function trialId(config: TrialConfig): string {
  return configHash(config).slice(0, 16);
}
