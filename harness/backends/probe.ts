import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { writeJsonAtomic } from '../store/atomic.js';

/**
 * How `--backend auto` picks among the backends that load: a short probe of the workload's own
 * training step on each, the fastest wins, and the result is cached per machine, model, tfjs
 * version and kernel sets (a probe costs a few seconds; a cached choice keeps the numerics class,
 * and so the trial ids, stable across runs on the machine).
 */

/** One training step of a model, for timing. */
export interface ProbeRun {
  step(): Promise<void>;
  dispose(): void;
}

/** A model to probe with: `key` identifies it in the cache (workload id, version, variant); data load only in `create`. */
export interface ProbeModel {
  key: string;
  create(): ProbeRun | Promise<ProbeRun>;
}

/** A backend that loaded: `activate` makes it tfjs's current backend; `numericsClass` is part of the cache key. */
export interface ProbeCandidate {
  name: string;
  numericsClass: string;
  activate(): Promise<void>;
}

export interface ProbeResult {
  chosen: string;
  /** Milliseconds per step summed over the models, per candidate. */
  msPerStep: Record<string, number>;
  cached: boolean;
  date: string;
  reason: string;
}

/** A candidate within this share of the fastest counts as tied; the earlier in the preference order wins ties. */
export const TIE = 0.05;

const CACHE_FILE = 'backend-choice.json';

/** What a cached choice is valid for: this machine's CPU and GPU, tfjs, the candidates' classes, the models. */
export function probeKey(candidates: ProbeCandidate[], models: ProbeModel[], gpu: string | null): string {
  const parts = {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    gpu,
    tfjs: tf.version.tfjs,
    candidates: candidates.map((c) => c.numericsClass),
    models: models.map((m) => m.key),
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

type Cache = Record<string, { chosen: string; msPerStep: Record<string, number>; date: string; models: string[] }>;

function readCache(path: string): Cache {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Cache;
  } catch {
    return {}; // a torn or foreign file: probe again and overwrite it
  }
}

/** Median milliseconds per step of `model` on the current backend: warm-up, then timed chunks. */
async function timeModel(model: ProbeModel, seconds: number): Promise<number> {
  const run = await model.create();
  try {
    for (let i = 0; i < 3; i++) await run.step();
    const t0 = performance.now();
    await run.step();
    const one = Math.max(performance.now() - t0, 0.01);
    const perChunk = Math.max(1, Math.floor((seconds * 1000) / 5 / one));
    const chunks: number[] = [];
    for (let c = 0; c < 5; c++) {
      const t = performance.now();
      for (let i = 0; i < perChunk; i++) await run.step();
      chunks.push((performance.now() - t) / perChunk);
    }
    chunks.sort((a, b) => a - b);
    return chunks[2]!;
  } finally {
    run.dispose();
  }
}

/** The first of `names` (preference order) within TIE of the fastest. */
export function pickFastest(names: string[], msPerStep: Record<string, number>): string {
  const best = Math.min(...names.map((n) => msPerStep[n]!));
  return names.find((n) => msPerStep[n]! <= best * (1 + TIE))!;
}

const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/**
 * The fastest of `candidates` (in preference order) on `models`, from the cache under `cacheDir`
 * when this machine probed the same candidates and models before. Leaves the chosen backend active.
 */
export async function probeFastest(
  candidates: ProbeCandidate[],
  models: ProbeModel[],
  o: { cacheDir: string; gpu: string | null; secondsPerModel?: number },
): Promise<ProbeResult> {
  if (candidates.length === 0) throw new Error('probeFastest: no candidates');
  const key = probeKey(candidates, models, o.gpu);
  const path = join(o.cacheDir, CACHE_FILE);
  const cache = readCache(path);
  const hit = cache[key];
  const modelNames = models.map((m) => m.key).join(', ');
  let result: ProbeResult;
  if (hit && candidates.some((c) => c.name === hit.chosen)) {
    result = { chosen: hit.chosen, msPerStep: hit.msPerStep, cached: true, date: hit.date, reason: '' };
  } else {
    const msPerStep: Record<string, number> = {};
    for (const c of candidates) {
      await c.activate();
      let total = 0;
      for (const m of models) total += await timeModel(m, o.secondsPerModel ?? 0.5);
      msPerStep[c.name] = total;
    }
    const chosen = pickFastest(
      candidates.map((c) => c.name),
      msPerStep,
    );
    const date = new Date().toISOString();
    result = { chosen, msPerStep, cached: false, date, reason: '' };
    try {
      writeJsonAtomic(path, { ...cache, [key]: { chosen, msPerStep, date, models: models.map((m) => m.key) } });
    } catch {
      // an unwritable cache dir costs a probe next time, nothing else
    }
  }
  const times = candidates
    .filter((c) => result.msPerStep[c.name] !== undefined)
    .map((c) => `${c.name} ${fmt(result.msPerStep[c.name]!)}`)
    .join(', ');
  const when = result.cached ? `probed ${result.date.slice(0, 10)} on this machine, cached` : 'probed now';
  const order = candidates.map((c) => c.name).join(' > ');
  result.reason = `auto chose ${result.chosen}: fastest training step of ${modelNames} (ms per step: ${times}; ${when}; ties within ${TIE * 100}% go to the earlier of ${order})`;
  await candidates.find((c) => c.name === result.chosen)!.activate();
  return result;
}
