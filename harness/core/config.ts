import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ReprobenchError } from '../errors.js';
import type { ClaimDefinition } from './claim.js';
import { MAX_SEEDS } from './limits.js';
import type { MethodDefinition } from './method.js';
import type { PredictorDefinition } from './predictor.js';
import type { Definitions } from './registries.js';
import type { WorkloadDefinition } from './workload.js';

/** Looked up in the working directory, in this order. */
export const CONFIG_FILES = ['reprobench.config.ts', 'reprobench.config.mjs', 'reprobench.config.js'] as const;

export interface UserConfig {
  workloads?: WorkloadDefinition[];
  methods?: MethodDefinition[];
  claims?: ClaimDefinition[];
  /** Curve predictors a predictor claim may name (see definePredictor). */
  predictors?: PredictorDefinition[];
}

/** Declares a `reprobench.config.*` (identity function with types). */
export function defineConfig(config: UserConfig): UserConfig {
  return config;
}

const fn = z.custom<(...a: unknown[]) => unknown>((v) => typeof v === 'function', { message: 'expected a function' });
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/i, 'ids are letters, digits, ".", "_" and "-"');
const hp = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));
const target = z.object({ metric: z.string(), value: z.number(), direction: z.enum(['higher', 'lower']) });

const WorkloadShape = z.object({
  id,
  version: z.number().int().positive(),
  title: z.string(),
  description: z.string(),
  dataAttribution: z.string(),
  loadData: fn,
  createModel: fn,
  target,
  budget: z.object({ steps: z.number().int().positive(), seconds: z.number().positive() }),
  evalEvery: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  fineEvalEvery: z.number().int().positive().optional(),
  stepHint: z.number().int().positive().optional(),
});
const methodCommon = {
  id,
  version: z.number().int().positive(),
  title: z.string(),
  description: z.string(),
  batchSize: z.number().int().positive().optional(),
};
const TfjsMethodShape = z.object({
  ...methodCommon,
  kind: z.literal('tfjs').optional(),
  hparams: hp.and(z.object({ learningRate: z.number().positive() })),
  createOptimizer: fn,
  learningRate: fn,
});
const CommandMethodShape = z.object({
  ...methodCommon,
  kind: z.literal('command'),
  command: z.array(z.string().min(1)).min(1, 'give the program and its arguments, e.g. ["python3", "train.py"]'),
  hparams: hp,
  cwd: z.string().optional(),
  env: z.record(z.string(), z.string().nullable()).optional(),
  files: z.array(z.string().min(1)).optional(),
  watchdogSeconds: z.number().positive().optional(),
});
/** Picks the shape by `kind`, so a mistake is reported by the field of the kind the user meant. */
const MethodShape = z.unknown().superRefine((v, ctx) => {
  const kind = (v as { kind?: unknown } | null)?.kind;
  if (kind !== undefined && kind !== 'tfjs' && kind !== 'command') {
    ctx.addIssue({
      code: 'custom',
      path: ['kind'],
      message: `unknown method kind ${JSON.stringify(kind)} (use 'tfjs', the default, or 'command')`,
    });
    return;
  }
  const r = (kind === 'command' ? CommandMethodShape : TfjsMethodShape).safeParse(v);
  if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
});
const predictorCommon = { description: z.string(), metric: z.string().min(1), method: id };
const arm = z.object({ method: id, hparams: hp.optional() });
const seedCount = z
  .number()
  .int()
  .min(2)
  .max(MAX_SEEDS, `at most ${MAX_SEEDS} seeds per method and workload (docs/limits.md says why)`);
const ClaimShape = z.object({
  id,
  version: z.number().int().positive(),
  title: z.string(),
  paper: z.object({
    title: z.string(),
    authors: z.string(),
    year: z.number().int(),
    url: z.string(),
    catalogue: z.number().int().positive().optional(),
  }),
  quote: z.string(),
  claimedEffect: z.object({
    description: z.string(),
    magnitude: z.number().positive().optional(),
    direction: z.enum(['method-better', 'non-inferior', 'equivalent'], {
      error:
        "declare the kind of claim: 'method-better' (superiority), 'non-inferior' (\"matches or beats\") or 'equivalent' (parity); docs/stats.md",
    }),
  }),
  fidelity: z.discriminatedUnion(
    'kind',
    [z.object({ kind: z.literal('faithful') }), z.object({ kind: z.literal('stand-in'), differs: z.string().min(1) })],
    {
      error:
        "declare fidelity: { kind: 'faithful' } (the paper's setting in miniature) or { kind: 'stand-in', differs: 'what differs' }",
    },
  ),
  testType: z.enum(['time-to-target', 'fixed-budget', 'predictor', 'phenomenon']),
  methods: z.array(arm).min(1),
  baselines: z.array(arm),
  workloads: z.array(id).min(1),
  outcome: z.enum(['final', 'best']).optional(),
  phenomenon: z
    .object({
      description: z.string(),
      statistic: z.union([
        z.object({ kind: z.literal('threshold-ratio'), first: target, then: target }),
        z.object({ kind: z.literal('final-minus-best'), metric: z.string(), direction: z.enum(['higher', 'lower']) }),
        z.object({ kind: z.literal('log-over-power-law'), metric: z.string() }),
        z.object({ kind: z.literal('best'), metric: z.string(), direction: z.enum(['higher', 'lower']) }),
      ]),
      nullRegion: z.tuple([z.number().nullable(), z.number().nullable()]),
      claimedSide: z.enum(['above', 'below']),
      contrasts: z
        .array(z.object({ workload: z.string().min(1), than: z.array(z.string().min(1)).min(1) }))
        .min(1)
        .optional(),
    })
    .optional(),
  predictor: z
    .discriminatedUnion('task', [
      z.object({
        ...predictorCommon,
        baseline: id,
        task: z.literal('schedule-transfer'),
        fit: z.array(id).min(1),
        heldOut: z.array(id).min(1),
        skipFraction: z.number().min(0).lt(1),
      }),
      z.object({
        ...predictorCommon,
        baseline: id,
        task: z.literal('extrapolate-final'),
        observedFraction: z.number().gt(0).lt(1),
      }),
      z.object({
        ...predictorCommon,
        task: z.literal('early-stopping'),
        observedFraction: z.number().gt(0).lt(1),
        checkEvery: z.number().gt(0).lt(1),
        threshold: z.number().gt(0).lt(1),
        maxRegret: z.number().min(0),
      }),
    ])
    .optional(),
  quickWorkloads: z.array(id).optional(),
  margin: z.object({ value: z.number().positive(), units: z.enum(['relative', 'absolute']) }),
  repeats: z.object({ quick: seedCount, standard: seedCount }),
  miniature: z.string(),
  tuning: z
    .union([
      z.object({
        kind: z.literal('grid').optional(),
        hparam: z.string(),
        grid: z.record(z.string(), z.array(z.number()).min(1)),
        seeds: z.number().int().min(1),
        objective: z.literal('median-steps-to-target'),
      }),
      z.object({
        kind: z.literal('search'),
        ruleset: z.literal('external'),
        studies: z.number().int().min(1),
        trialsPerStudy: z.number().int().min(1),
        spaces: z
          .record(
            z.string(),
            z.record(
              z.string(),
              z.union([
                z.object({ min: z.number(), max: z.number(), scaling: z.enum(['log', 'linear']) }),
                z.object({ feasiblePoints: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1) }),
              ]),
            ),
          )
          .optional(),
      }),
    ])
    .optional(),
});
const PredictorShape = z.discriminatedUnion('task', [
  z.object({
    id,
    task: z.literal('extrapolate-final'),
    title: z.string(),
    predict: fn,
    probabilityBelow: fn.optional(),
  }),
  z.object({ id, task: z.literal('schedule-transfer'), title: z.string(), fit: fn }),
]);
const ConfigShape = z.object({
  workloads: z.array(WorkloadShape).optional(),
  methods: z.array(MethodShape).optional(),
  claims: z.array(ClaimShape).optional(),
  predictors: z.array(PredictorShape).optional(),
});

export function findConfigFile(cwd: string): string | null {
  for (const name of CONFIG_FILES) {
    const p = join(cwd, name);
    if (existsSync(p)) return p;
  }
  return null;
}

/**
 * Loads the user's `reprobench.config.{ts,mjs,js}` (TypeScript through jiti, so no build step),
 * and checks its shape so a mistake is reported by field, not as a crash mid-run.
 * @throws ReprobenchError E_BAD_CONFIG
 */
export async function loadUserConfig(path: string): Promise<Definitions> {
  const shown = relative(process.cwd(), path) || path;
  let mod: unknown;
  try {
    if (path.endsWith('.ts')) {
      const { createJiti } = await import('jiti');
      mod = await createJiti(pathToFileURL(resolve(path)).href, { interopDefault: true }).import(resolve(path), {
        default: true,
      });
    } else {
      mod = ((await import(pathToFileURL(resolve(path)).href)) as { default?: unknown }).default;
    }
  } catch (e) {
    const at = await syntaxErrorAt(path);
    if (at) {
      const hint = 'fix the syntax at that line and column, or move the config away to run without it';
      throw new ReprobenchError('E_BAD_CONFIG', `${shown}:${at.line}:${at.column}: syntax error: ${at.message}`, hint, {
        cause: e,
      });
    }
    const first = (e as Error)?.message?.split('\n')[0] ?? String(e);
    const hint = 'fix the error in the config file, or move it away to run without it';
    throw new ReprobenchError('E_BAD_CONFIG', `${shown} could not be loaded: ${first}`, hint, { cause: e });
  }
  const parsed = ConfigShape.safeParse(mod);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `${shown}: ${i.path.join('.') || 'default export'}: ${i.message}`,
      'the default export must be defineConfig({ workloads, methods, claims, predictors }) built with defineWorkload/defineMethod/defineClaim/definePredictor (see README, "Your own workloads, methods and claims")',
    );
  }
  return mod as Definitions;
}

/**
 * Where a syntax error in the config file itself is (1-based line and column). Node's own
 * SyntaxError for an ES module names neither (and other loaders word it their own way), so after
 * any failure to load, the file is parsed again, without running it, by jiti's transform (the
 * parser that loads TypeScript configs), which reports the position. Null when the file parses:
 * the error came from running it, or from a module it imports.
 */
async function syntaxErrorAt(path: string): Promise<{ line: number; column: number; message: string } | null> {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return null;
  }
  const { createJiti } = await import('jiti');
  const out = createJiti(pathToFileURL(resolve(path)).href).transform({
    source,
    filename: resolve(path),
    ts: path.endsWith('.ts'),
  });
  const m = /^exports\.__JITI_ERROR__ = (\{.*\})/.exec(out);
  if (!m) return null;
  const err = JSON.parse(m[1]!) as { line?: unknown; column?: unknown; message?: unknown };
  if (typeof err.line !== 'number' || typeof err.column !== 'number') return null;
  const message =
    (typeof err.message === 'string' ? err.message : 'unexpected token').trim().replace(/\.$/, '') ||
    'unexpected token';
  // The parser counts columns from 0; editors and compilers show them from 1.
  return { line: err.line, column: err.column + 1, message };
}
