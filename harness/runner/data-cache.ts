import type { SupervisedData, WorkloadDefinition } from '../core/workload.js';
import { Rng } from '../rng.js';
import { deriveSeed } from './seeds.js';

const loaded = new Map<string, Promise<SupervisedData>>();

/**
 * A workload's data, loaded once per process and shared by every trial a worker runs
 * (trials never mutate it). Keyed by id, version and variant, like the split seed.
 */
export function workloadData(def: WorkloadDefinition, variant: string, cacheDir: string): Promise<SupervisedData> {
  const key = `${def.id}@${def.version}/${variant}`;
  let p = loaded.get(key);
  if (!p) {
    const splitSeed = new Rng(deriveSeed('split', [def.id, def.version, variant]));
    p = def.loadData({ cacheDir, splitSeed, variant });
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}
