import type { ExampleSet, SupervisedData } from '../core/workload.js';
import { ReprobenchError } from '../errors.js';

/**
 * The training set restricted to `rows` (validation untouched): a copy, so the shared, cached
 * workload data are never modified. Used by methods that train on part of the data (a random
 * subset repeated for more epochs, or the examples a pruning score keeps).
 */
export function subsetTraining(data: SupervisedData, rows: Int32Array): SupervisedData {
  const { train, featureSize } = data;
  if (rows.length === 0 || rows.some((r) => !(r >= 0 && r < train.n))) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `a training subset must hold 1..${train.n} row indices below ${train.n}`,
      "check the method's trainSubset (e.g. hparams.dataFraction in (0, 1])",
    );
  }
  const x = new (train.x.constructor as Uint8ArrayConstructor | Float32ArrayConstructor)(rows.length * featureSize);
  const ySize = train.y.length / train.n;
  const y = new (train.y.constructor as Int32ArrayConstructor | Float32ArrayConstructor)(rows.length * ySize);
  rows.forEach((r, i) => {
    x.set(train.x.subarray(r * featureSize, (r + 1) * featureSize), i * featureSize);
    y.set(train.y.subarray(r * ySize, (r + 1) * ySize), i * ySize);
  });
  const sub: ExampleSet = { x, y, n: rows.length };
  // The workload's own order names rows of the whole set, which the subset renumbers.
  const { trainOrder: _wholeSetOrder, ...rest } = data;
  return { ...rest, train: sub };
}
