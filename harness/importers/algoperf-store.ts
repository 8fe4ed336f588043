import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';

/**
 * The stored form of imported AlgoPerf results (docs/algoperf.md § Stored format):
 *
 *   <out>/<submission>/submission.json                                   what was imported, and what was skipped
 *   <out>/<submission>/trials/<workload>_<framework>/study_<k>/trial_<j>.json   one trial: its curve, target, time to result
 *
 * Both are schema-versioned and validated on read; `reprobench score` reads them.
 */
export const IMPORTED_SCHEMA_VERSION = 1;

const direction = z.enum(['higher', 'lower']);
const ruleset = z.enum(['external', 'self']);
const version = z.enum(['0.5', '0.6']);
const framework = z.enum(['jax', 'pytorch']);
const role = z.enum(['base', 'held-out', 'other-variant']);

export const ImportedTrialSchema = z.object({
  schemaVersion: z.literal(IMPORTED_SCHEMA_VERSION),
  kind: z.literal('algoperf-trial'),
  submission: z.string().min(1),
  ruleset,
  algoperfVersion: version,
  /** Workload name without framework suffix, e.g. `fastmri_tanh`. */
  workload: z.string().min(1),
  baseWorkload: z.string().min(1),
  /** base: scored; held-out: the v0.5 variant guarding its base; other-variant: imported, not scored. */
  role,
  framework,
  study: z.number().int().nonnegative(),
  trial: z.number().int().nonnegative(),
  target: z.object({ metric: z.string(), value: z.number(), direction }),
  /** max_allowed_runtime of the ruleset (self-tuning: the longer budget). */
  budgetSeconds: z.number().positive(),
  stepHint: z.number().int().positive(),
  timeToResult: z.object({
    status: z.enum(['reached', 'not-reached', 'after-budget']),
    /** Accumulated submission time at the first eval meeting the target; null unless reached. */
    seconds: z.number().nullable(),
    step: z.number().nullable(),
    evalIndex: z.number().int().nullable(),
  }),
  /** Evals in logged order: global_step, accumulated_submission_time, validation/* and test/* metrics (null = missing or NaN). */
  curve: z.array(
    z.object({ step: z.number(), seconds: z.number(), metrics: z.record(z.string(), z.number().nullable()) }),
  ),
  provenance: z.object({
    /** "imported from AlgoPerf logs v0.5 at <path relative to the AlgoPerf root>". */
    source: z.string(),
    targetsFile: z.string(),
    reprobenchVersion: z.string(),
  }),
});
export type ImportedTrial = z.infer<typeof ImportedTrialSchema>;

export const ImportedSubmissionSchema = z.object({
  schemaVersion: z.literal(IMPORTED_SCHEMA_VERSION),
  kind: z.literal('algoperf-submission'),
  name: z.string().min(1),
  ruleset,
  algoperfVersion: version,
  frameworks: z.array(framework),
  /** The submission's folder relative to the AlgoPerf root. */
  source: z.string(),
  targetsFile: z.string(),
  trials: z.number().int().nonnegative(),
  workloads: z.record(
    z.string(),
    z.object({
      role,
      framework,
      studies: z.number().int(),
      trials: z.number().int(),
      budgetSeconds: z.number(),
      target: z.object({ metric: z.string(), value: z.number(), direction }),
    }),
  ),
  skipped: z.array(z.object({ path: z.string(), reason: z.string() })),
  warnings: z.array(z.string()),
  reprobenchVersion: z.string(),
});
export type ImportedSubmission = z.infer<typeof ImportedSubmissionSchema>;

export const SUBMISSION_FILE = 'submission.json';

/** Path of a trial's file inside its submission folder. */
export function trialPath(
  submissionDir: string,
  t: Pick<ImportedTrial, 'workload' | 'framework' | 'study' | 'trial'>,
): string {
  return join(submissionDir, 'trials', `${t.workload}_${t.framework}`, `study_${t.study}`, `trial_${t.trial}.json`);
}

function readValidated<T>(file: string, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `${file} is not valid JSON: ${(e as Error).message}`,
      'import the submission again with `reprobench import algoperf ... --overwrite`',
      { cause: e },
    );
  }
  const v = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (v !== IMPORTED_SCHEMA_VERSION) {
    throw new ReprobenchError(
      'E_SCHEMA_VERSION',
      `${file} has schemaVersion ${JSON.stringify(v)}; this reprobench reads ${IMPORTED_SCHEMA_VERSION}`,
      'import the logs again with this reprobench version',
    );
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `${file}: ${issue.path.join('.') || '(top level)'}: ${issue.message}`,
      'import the submission again with `reprobench import algoperf ... --overwrite`',
    );
  }
  return r.data;
}

/** An imported submission folder, read and validated. */
export interface LoadedSubmission {
  dir: string;
  meta: ImportedSubmission;
  trials: ImportedTrial[];
}

/**
 * Reads one submission folder (one written by `reprobench import algoperf`).
 * @throws ReprobenchError E_CORRUPT_RESULT / E_SCHEMA_VERSION naming the file
 */
export function readImportedSubmission(dir: string): LoadedSubmission {
  const meta = readValidated(join(dir, SUBMISSION_FILE), ImportedSubmissionSchema);
  const trials: ImportedTrial[] = [];
  const walk = (d: string): void => {
    if (!existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name.startsWith('.')) continue; // temp files of an interrupted write
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith('.json')) trials.push(readValidated(join(d, e.name), ImportedTrialSchema));
    }
  };
  walk(join(dir, 'trials'));
  if (trials.length !== meta.trials) {
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `${dir} holds ${trials.length} trial files but its ${SUBMISSION_FILE} records ${meta.trials}`,
      'import the submission again with `reprobench import algoperf ... --overwrite`',
    );
  }
  const foreign = trials.find(
    (t) => t.submission !== meta.name || t.ruleset !== meta.ruleset || t.algoperfVersion !== meta.algoperfVersion,
  );
  if (foreign)
    throw new ReprobenchError(
      'E_CORRUPT_RESULT',
      `${dir} holds a trial of ${foreign.submission} (${foreign.ruleset}, v${foreign.algoperfVersion}) inside ${meta.name}`,
      'import each submission into its own folder',
    );
  return { dir, meta, trials };
}

/**
 * The submission folders a results path names: the path itself when it holds `submission.json`,
 * else each child folder that does (hidden folders, e.g. an interrupted import, are skipped).
 * @throws ReprobenchError E_SCORING_INPUT when there is none
 */
export function submissionFoldersIn(path: string): string[] {
  if (existsSync(join(path, SUBMISSION_FILE))) return [path];
  if (!existsSync(path))
    throw new ReprobenchError(
      'E_SCORING_INPUT',
      `${path} does not exist`,
      'give folders written by `reprobench import algoperf --out <dir>`, or submission folders inside them',
    );
  const found = readdirSync(path, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.') && existsSync(join(path, e.name, SUBMISSION_FILE)))
    .map((e) => join(path, e.name))
    .sort();
  if (found.length === 0)
    throw new ReprobenchError(
      'E_SCORING_INPUT',
      `no imported submission in ${path} (no ${SUBMISSION_FILE} in it or its sub-folders)`,
      'give folders written by `reprobench import algoperf --out <dir>`, or submission folders inside them',
    );
  return found;
}

/** The display name of a submission: its folder's name (what `--json` keys `scores` by). */
export function submissionName(dir: string): string {
  return basename(dir);
}
