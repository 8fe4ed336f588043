import { createHash } from 'node:crypto';

/**
 * Seed derivation (DESIGN § Rules). Every random source of a trial gets its own 128-bit seed:
 *
 *   seed = first 16 bytes of SHA-256("reprobench-seed-v1" \0 stream \0 part1 \0 part2 ...)
 *
 * - `split`:  (workload id, version, variant) — the train/validation split, fixed per workload
 *   version so a target always refers to the same validation set. A workload that declares
 *   `dataPerRepeat` (a synthetic task whose claim is about the typical data set, not one draw)
 *   draws its data from (workload id, version, variant, 'data', repeat purpose, repeat index)
 *   instead: `dataSeed`. Repeat k of every method still sees the same data (pairing holds).
 * - `init`, `order`: (workload id, version, variant, repeat purpose, repeat index) — weight
 *   initialisation and batch order. Shared by every method, so repeat k of each method starts
 *   from the same weights and sees the same batches (paired comparisons, common random numbers).
 * - `method`: (method id, repeat purpose, repeat index) — method-specific randomness.
 *   A stage planner's probe batches (runner/stages.ts) come from a stream seeded with
 *   deriveSeed('method', [that method seed, 'stage-probes']), so they never share draws with it.
 *
 * Tuning repeats use purpose `tune`, evaluation repeats `eval`, target-setting runs `calibrate`,
 * so no two of them share a seed.
 */
export type SeedStream = 'split' | 'init' | 'order' | 'method';

export type RepeatPurpose = 'eval' | 'tune' | 'calibrate';

export interface Repeat {
  purpose: RepeatPurpose;
  index: number;
}

export function deriveSeed(stream: SeedStream, parts: Array<string | number>): string {
  const h = createHash('sha256');
  h.update('reprobench-seed-v1');
  for (const p of [stream, ...parts]) h.update('\0' + String(p));
  return h.digest('hex').slice(0, 32);
}

/** The seed of the stream a workload's data loader draws from (see above). */
export function dataSeed(
  workload: { id: string; version: number; variant: string },
  repeat?: Repeat,
  perRepeat = false,
): string {
  const w = [workload.id, workload.version, workload.variant];
  return perRepeat && repeat
    ? deriveSeed('split', [...w, 'data', repeat.purpose, repeat.index])
    : deriveSeed('split', w);
}

export interface TrialSeeds {
  split: string;
  init: string;
  order: string;
  method: string;
}

export function trialSeeds(
  workload: { id: string; version: number; variant: string },
  methodId: string,
  repeat: Repeat,
): TrialSeeds {
  const w = [workload.id, workload.version, workload.variant];
  return {
    split: deriveSeed('split', w),
    init: deriveSeed('init', [...w, repeat.purpose, repeat.index]),
    order: deriveSeed('order', [...w, repeat.purpose, repeat.index]),
    method: deriveSeed('method', [methodId, repeat.purpose, repeat.index]),
  };
}
