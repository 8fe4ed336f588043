import { spawn } from 'node:child_process';
import type { BackendInfo } from '../../harness/backends/select.js';
import type { Registries } from '../../harness/core/registries.js';
import { childEntry } from './child-entry.js';
import { timedPool } from './pool-run.js';
import { round, spread, type Spread } from './stats.js';
import { benchTrial } from './trial-spec.js';

export interface ScalingReport {
  backend: string;
  stepsPerTrial: number;
  repeats: number;
  /** Trials per measurement (the same trials on both sides). */
  trials: number;
  /** Wall seconds for the same trials: one plain process running them all, two plain processes splitting them; the pool with 1 and with 2 workers. */
  plain1: Spread;
  plain2: Spread;
  pool1: Spread;
  pool2: Spread;
  /** Gain of two plain processes over one on the same trials: plain1 / plain2, per repeat. */
  plainScaling: Spread;
  /** Gain of 2 workers over 1 on the same trials: pool1 / pool2, per repeat. */
  poolScaling: Spread;
  /** poolScaling / plainScaling per repeat (the goal is ≥ 0.95). */
  efficiency: Spread;
}

function plainProcess(backend: string, steps: number, repeats: number[], cacheDir: string): Promise<void> {
  const entry = childEntry('plain-child');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...entry.execArgv, entry.path, backend, String(steps), repeats.join(','), cacheDir],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-2000)));
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`plain benchmark process exited ${code}: ${err.trim()}`)),
    );
  });
}

async function wall(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return (performance.now() - t0) / 1000;
}

/**
 * Worker-pool scaling against plain processes, in the same run, on the same trials: per repeat,
 * one plain process running all of them in a row, then two plain processes each running half;
 * the pool running them with one worker, then with two (the order alternates between repeats to
 * spread drift in machine load). Both sides start processes the same way (one, or two at once),
 * so the ratio of the two gains isolates what the pool adds: IPC, the store, scheduling.
 */
export async function measureScaling(
  registries: Registries,
  backend: BackendInfo,
  steps: number,
  count: number,
  repeats: number,
  cacheDir: string,
  log: (l: string) => void,
): Promise<ScalingReport> {
  const ids = Array.from({ length: count }, (_, i) => i);
  const trials = ids.map((i) => benchTrial(registries, backend, i, steps));
  const halves = [ids.filter((i) => i % 2 === 0), ids.filter((i) => i % 2 === 1)];
  const s = { plain1: [] as number[], plain2: [] as number[], pool1: [] as number[], pool2: [] as number[] };
  for (let r = 0; r < repeats; r++) {
    const plain = async () => {
      s.plain1.push(await wall(() => plainProcess(backend.name, steps, ids, cacheDir)));
      s.plain2.push(await wall(() => Promise.all(halves.map((h) => plainProcess(backend.name, steps, h, cacheDir)))));
    };
    const pool = async () => {
      s.pool1.push(await wall(() => timedPool(trials, 1, backend, cacheDir)));
      s.pool2.push(await wall(() => timedPool(trials, 2, backend, cacheDir)));
    };
    if (r % 2 === 0) {
      await plain();
      await pool();
    } else {
      await pool();
      await plain();
    }
    log(`scaling: repeat ${r + 1}/${repeats} done`);
  }
  const plainScaling = s.plain1.map((v, i) => v / s.plain2[i]!);
  const poolScaling = s.pool1.map((v, i) => v / s.pool2[i]!);
  const r3 = (x: Spread): Spread => ({ median: round(x.median), min: round(x.min), max: round(x.max), n: x.n });
  return {
    backend: backend.name,
    stepsPerTrial: steps,
    trials: count,
    repeats,
    plain1: r3(spread(s.plain1)),
    plain2: r3(spread(s.plain2)),
    pool1: r3(spread(s.pool1)),
    pool2: r3(spread(s.pool2)),
    plainScaling: r3(spread(plainScaling)),
    poolScaling: r3(spread(poolScaling)),
    efficiency: r3(spread(poolScaling.map((v, i) => v / plainScaling[i]!))),
  };
}
