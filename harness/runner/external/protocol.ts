import { z } from 'zod';
import type { HParams } from '../../core/method.js';
import type { Target, TrialConfig } from '../../core/trial.js';
import type { TrialSeeds } from '../seeds.js';

/**
 * The trainer protocol (docs/protocol.md). Bump on any change a trainer could notice; trainers
 * check `protocol` in the document they read and refuse versions they do not know.
 */
export const PROTOCOL_VERSION = 2;

/** The one JSON document a trainer reads from stdin (then stdin is closed). */
export interface TrainerInput {
  protocol: number;
  trial: { id: string; repeat: TrialConfig['repeat'] };
  workload: { id: string; version: number; variant: string; options: Record<string, number | string | boolean> };
  method: { id: string; version: number };
  hparams: HParams;
  /** 32-hex-digit seeds, derived as for built-in trials (harness/runner/seeds.ts). */
  seeds: TrialSeeds;
  batchSize: number;
  budget: { steps: number; seconds: number };
  evalEvery: number;
  stepHint: number;
  target: Target;
  stopAtTarget: boolean;
  /**
   * Version 2: with `stopAtTarget`, only an eval at a multiple of `stopEvery` (or the last step)
   * that meets the target ends the trial; steps to target are the first eval since the previous
   * such step that met it (the in-process rule, crossing.ts). Equals `evalEvery` without fine evals.
   */
  stopEvery: number;
  /** The workload's exported data (`reprobench data export` layout): the directory and its header file. */
  data: { dir: string; header: string };
}

/**
 * How often an external trainer evaluates: a time-to-target trial with fine evals has no replay
 * out of process (fine-evals.ts), so its trainer evaluates every `fineEvalEvery` steps throughout,
 * which gives its steps to target the same resolution.
 */
export function evalCadence(config: Pick<TrialConfig, 'evalEvery' | 'fineEvalEvery'>): number {
  return config.fineEvalEvery ?? config.evalEvery;
}

export function trainerInput(
  id: string,
  config: TrialConfig,
  seeds: TrialSeeds,
  options: TrainerInput['workload']['options'],
  data: TrainerInput['data'],
): TrainerInput {
  return {
    protocol: PROTOCOL_VERSION,
    trial: { id, repeat: config.repeat },
    workload: { ...config.workload, options },
    method: { id: config.method.id, version: config.method.version },
    hparams: config.method.hparams,
    seeds,
    batchSize: config.batchSize,
    budget: config.budget,
    evalEvery: evalCadence(config),
    stepHint: config.stepHint,
    target: config.target,
    stopAtTarget: config.stopAtTarget,
    stopEvery: config.evalEvery,
    data,
  };
}

/** Non-finite numbers: Python's json writes them as bare NaN/Infinity tokens; strings are accepted too. */
const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };
const num = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity']).transform((s) => NON_FINITE[s]!)]);
const finiteNonNeg = z.number().nonnegative();

const Start = z.object({
  type: z.literal('start'),
  framework: z.string().max(200).optional(),
  initSeconds: finiteNonNeg.optional(),
});
const Progress = z.object({
  type: z.literal('progress'),
  step: z.number().int().positive(),
  examples: z.number().int().nonnegative(),
  trainSeconds: finiteNonNeg,
  /** Training loss of the last step (or mean since the last line); NaN/Inf marks divergence. */
  loss: num.nullable().optional(),
});
const Eval = z.object({
  type: z.literal('eval'),
  step: z.number().int().positive(),
  metrics: z.record(z.string(), num.nullable()),
  evalSeconds: finiteNonNeg,
});
const Final = z.object({ type: z.literal('final'), step: z.number().int().nonnegative() });

export const TrainerMessageSchema = z.discriminatedUnion('type', [Start, Progress, Eval, Final]);
export type TrainerMessage = z.infer<typeof TrainerMessageSchema>;

/** Lines longer than this are a protocol error (a runaway trainer must not exhaust memory). */
export const MAX_LINE_CHARS = 1 << 20;

/** Bare NaN / Infinity / -Infinity tokens outside strings become strings, so JSON.parse accepts them. */
function quoteNonFinite(line: string): string {
  return line.replace(/"(?:[^"\\]|\\.)*"|-?Infinity|NaN/g, (m) => (m.startsWith('"') ? m : `"${m}"`));
}

export type ParsedLine = { ok: true; message: TrainerMessage } | { ok: false; error: string };

/** Parses and validates one stdout line; the error says what is wrong in words. */
export function parseTrainerLine(line: string): ParsedLine {
  if (line.length > MAX_LINE_CHARS)
    return { ok: false, error: `line is ${line.length} characters long (at most ${MAX_LINE_CHARS})` };
  let raw: unknown;
  try {
    raw = JSON.parse(quoteNonFinite(line));
  } catch (e) {
    return { ok: false, error: `not a JSON object (${(e as Error).message})` };
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { ok: false, error: 'not a JSON object' };
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string' || !['start', 'progress', 'eval', 'final'].includes(type)) {
    return {
      ok: false,
      error: `unknown message type ${JSON.stringify(type ?? null)} (expected start, progress, eval or final)`,
    };
  }
  const parsed = TrainerMessageSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`);
    return { ok: false, error: `${type} message: ${issues.join('; ')}` };
  }
  return { ok: true, message: parsed.data };
}
