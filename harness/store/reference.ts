import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
import { ReferenceCardSchema } from '../core/preregistration.js';
import {
  canonicalJson,
  CurvePointSchema,
  OutcomeSchema,
  ProvenanceSchema,
  TrialConfigSchema,
  TrialStatusSchema,
} from '../core/trial.js';
import { writeJsonAtomic } from './atomic.js';
import { impossibleOutcome } from './trial-integrity.js';

/** Reference files carry this; older versions are refused with a coded error that says how to regenerate. */
export const REFERENCE_SCHEMA_VERSION = 1;
/** Curves longer than this are thinned for storage; the digest still covers every point. */
export const MAX_STORED_CURVE_POINTS = 200;

const hparamValue = z.union([z.number(), z.string(), z.boolean()]);

export const ReferenceTrialSchema = z.object({
  /** `id` or `id:variant`, as the claim names it. */
  workload: z.string(),
  method: z.string(),
  repeat: z.number().int().nonnegative(),
  trialId: z.string(),
  configHash: z.string(),
  config: TrialConfigSchema,
  status: TrialStatusSchema,
  outcome: OutcomeSchema,
  /** The eval curve, every point unless it had more than MAX_STORED_CURVE_POINTS. */
  curve: z.array(CurvePointSchema),
  curveThinned: z.boolean(),
  /** SHA-256 of the full curve's steps and metrics (not its timings): bit-identity in one number. */
  curveDigest: z.string(),
  /**
   * External trainers only: the numerics the trainer reported in its `start` line (e.g. `torch
   * 1.13.0a0; OpenBLAS Haswell; ATen AVX2`). The harness's numerics class does not describe them,
   * so `check` compares such a trial bit for bit only where the trainer reports the same.
   */
  framework: z.string().nullable().optional(),
});
export type ReferenceTrial = z.infer<typeof ReferenceTrialSchema>;

export const ReferenceFileSchema = z.object({
  schemaVersion: z.literal(REFERENCE_SCHEMA_VERSION),
  claim: z.object({ id: z.string(), version: z.number().int() }),
  numericsClass: z.string(),
  backend: z.string(),
  preset: z.enum(['quick', 'standard']),
  repeats: z.number().int().positive(),
  /** What the claim's tuning chose (the evaluation trials ran these points) and the rows behind it. */
  tuning: z
    .object({
      kind: z.enum(['grid', 'search']),
      description: z.string(),
      // medianMetric / metric: fixed-budget claims' tuning outcome (absent for time-to-target claims).
      choices: z.array(
        z.object({
          workload: z.string(),
          method: z.string(),
          point: z.record(z.string(), hparamValue),
          medianSteps: z.number().nullable(),
          medianMetric: z.number().nullable().optional(),
        }),
      ),
      rows: z.array(
        z.object({
          workload: z.string(),
          method: z.string(),
          study: z.number().int().nullable(),
          point: z.record(z.string(), hparamValue),
          steps: z.array(z.number().nullable()),
          medianSteps: z.number().nullable(),
          winner: z.boolean(),
          metric: z.number().nullable().optional(),
          // Search tuning with a re-check: whether the point was re-run, and (fixed budget) its outcome per seed.
          rechecked: z.boolean().optional(),
          metrics: z.array(z.number().nullable()).optional(),
        }),
      ),
    })
    .nullable(),
  trials: z.array(ReferenceTrialSchema),
  provenance: ProvenanceSchema.omit({ configHash: true }),
  command: z.string(),
  createdAt: z.string(),
  /** The card's pre-registered fields, hash and commit (absent in references that predate pre-registration). */
  card: ReferenceCardSchema.optional(),
  /** SHA-256 of the canonical JSON of every other field: a hand edit or damage is detected on read. */
  contentHash: z.string(),
});
export type ReferenceFile = z.infer<typeof ReferenceFileSchema>;

export function curveDigest(curve: Array<{ step: number; metrics: Record<string, number | null> }>): string {
  return createHash('sha256')
    .update(canonicalJson(curve.map((p) => [p.step, p.metrics])))
    .digest('hex');
}

export function contentHash(file: Omit<ReferenceFile, 'contentHash'>): string {
  return createHash('sha256').update(canonicalJson(file)).digest('hex');
}

/** Keeps at most MAX_STORED_CURVE_POINTS evenly spaced points, always the first and the last. */
export function thinCurve<T>(curve: T[]): { curve: T[]; thinned: boolean } {
  if (curve.length <= MAX_STORED_CURVE_POINTS) return { curve, thinned: false };
  const keep = new Set<number>();
  for (let i = 0; i < MAX_STORED_CURVE_POINTS; i++)
    keep.add(Math.round((i * (curve.length - 1)) / (MAX_STORED_CURVE_POINTS - 1)));
  return { curve: curve.filter((_, i) => keep.has(i)), thinned: true };
}

/** Where a claim's references live: the user's `reference-results/` for their claims, the package's for shipped ones. */
export function referenceDirs(cwd: string): string[] {
  const dirs = [join(cwd, 'reference-results')];
  const pkg = join(PACKAGE_ROOT, 'reference-results');
  if (pkg !== dirs[0]) dirs.push(pkg);
  return dirs;
}

export function referencePath(dir: string, claim: string, numericsClass: string): string {
  return join(dir, claim, `${numericsClass}.json`);
}

/** Every reference file of a claim, in the first directory that has any. */
export function findReferences(cwd: string, claim: string): string[] {
  for (const dir of referenceDirs(cwd)) {
    const d = join(dir, claim);
    if (existsSync(d)) {
      const files = readdirSync(d)
        .filter((f) => f.endsWith('.json'))
        .sort();
      if (files.length) return files.map((f) => join(d, f));
    }
  }
  return [];
}

/** A claim's reference files read once for everything that renders from them, or why they could not be. */
export type ClaimReferences = { refs: ReferenceFile[]; error: null } | { refs: null; error: unknown };

/** Reads and verifies every reference file of a claim ({@link findReferences}); an unreadable one is the error. */
export function readClaimReferences(cwd: string, claim: string): ClaimReferences {
  try {
    return { refs: findReferences(cwd, claim).map(readReference), error: null };
  } catch (e) {
    return { refs: null, error: e };
  }
}

/**
 * Reads and verifies a reference file.
 * @throws ReprobenchError E_CORRUPT_RESULT (unparsable or invalid), E_SCHEMA_VERSION (other
 *   schema version), E_REFERENCE_TAMPERED (content hash mismatch)
 */
export function readReference(path: string): ReferenceFile {
  const shown = relative(process.cwd(), path) || path;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `reference file ${shown} is not valid JSON (${(e as Error).message})`,
      'restore it from version control, or regenerate it with `reprobench reference update <claim>`',
    );
  }
  const version = (raw as { schemaVersion?: unknown })?.schemaVersion;
  if (version !== REFERENCE_SCHEMA_VERSION) {
    throw new ReprobenchError(
      'E_SCHEMA_VERSION',
      `reference file ${shown} has schema version ${String(version)}; this reprobench reads version ${REFERENCE_SCHEMA_VERSION}`,
      typeof version === 'number' && version > REFERENCE_SCHEMA_VERSION
        ? 'upgrade reprobench to read it'
        : `regenerate it: \`reprobench reference update ${(raw as { claim?: { id?: string } })?.claim?.id ?? '<claim>'} --preset standard\` (and commit the result)`,
    );
  }
  const parsed = ReferenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `reference file ${shown} is invalid: ${i.path.join('.')}: ${i.message}`,
      'restore it from version control, or regenerate it with `reprobench reference update <claim>`',
    );
  }
  const { contentHash: stored, ...rest } = parsed.data;
  if (contentHash(rest) !== stored) {
    throw new ReprobenchError(
      'E_REFERENCE_TAMPERED',
      `reference file ${shown} does not match its content hash: it was edited by hand or damaged`,
      `restore it (\`git checkout -- ${shown}\`) or regenerate it deliberately with \`reprobench reference update ${parsed.data.claim.id}\``,
    );
  }
  for (const t of parsed.data.trials) {
    // Thinned curves keep their last point, so the budget check sees the same steps as the trial's own file.
    const impossible = impossibleOutcome(t);
    if (impossible) {
      throw new ReprobenchError(
        'E_CORRUPT_RESULT',
        `reference file ${shown}: trial ${t.trialId} has an impossible outcome: ${impossible}`,
        `regenerate it deliberately with \`reprobench reference update ${parsed.data.claim.id}\``,
      );
    }
  }
  return parsed.data;
}

export function writeReference(path: string, file: Omit<ReferenceFile, 'contentHash'>): ReferenceFile {
  const full = { ...file, contentHash: contentHash(file) };
  writeJsonAtomic(path, full);
  return full;
}
