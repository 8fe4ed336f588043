import type { SupervisedData, WorkloadDefinition } from '../core/workload.js';
import { Rng } from '../rng.js';
import { dataSeed, type Repeat } from './seeds.js';

const loaded = new Map<string, Promise<SupervisedData>>();

/**
 * A workload's data, loaded once per process and shared by every trial a worker runs
 * (trials never mutate it). Keyed by id, version and variant, like the split seed.
 * A workload that declares `dataPerRepeat` gets a fresh draw for each `repeat` (seeds.ts,
 * `dataSeed`), not kept: such data sets are synthetic and cheap, and a run has many of them.
 */
export function workloadData(
  def: WorkloadDefinition,
  variant: string,
  cacheDir: string,
  repeat?: Repeat,
): Promise<SupervisedData> {
  if (def.dataPerRepeat && repeat) {
    return def.loadData({
      cacheDir,
      splitSeed: new Rng(dataSeed({ id: def.id, version: def.version, variant }, repeat, true)),
      variant,
    });
  }
  const key = `${def.id}@${def.version}/${variant}`;
  let p = loaded.get(key);
  if (!p) {
    const splitSeed = new Rng(dataSeed({ id: def.id, version: def.version, variant }));
    p = def.loadData({ cacheDir, splitSeed, variant });
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}
