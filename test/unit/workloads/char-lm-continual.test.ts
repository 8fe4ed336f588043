import { describe, expect, it } from 'vitest';
import { Rng } from '../../../harness/rng.js';
import { BatchStream } from '../../../harness/runner/batches.js';
import { subsetTraining } from '../../../harness/runner/subset.js';
import { readWords } from '../../../workloads/char-lm/data.js';
import { CONTINUAL_TASK_STEPS, loadContinual } from '../../../workloads/char-lm/continual.js';

describe('char-lm-continual: words, then names', () => {
  it('trains on words rows for the first task and names rows for the second, batch for batch', async () => {
    const data = await loadContinual({ cacheDir: '', splitSeed: new Rng(7), variant: 'default' });
    expect(data.trainOrder).toBeDefined();
    const stream = new BatchStream(data, 128, new Rng(11), data.trainOrder);
    const words = readWords('cmudict');
    expect(words.length).toBeGreaterThan(32_768);
    // The words block ends where the names rows start in the joined set: find it from the data.
    let firstNamesRow = Infinity;
    const seen = [new Set<number>(), new Set<number>()];
    for (let step = 0; step < 2 * CONTINUAL_TASK_STEPS; step++) {
      const rows = stream.nextRows();
      const task = step < CONTINUAL_TASK_STEPS ? 0 : 1;
      for (const r of rows) seen[task]!.add(r);
      if (task === 1) for (const r of rows) firstNamesRow = Math.min(firstNamesRow, r);
    }
    expect([...seen[0]!].reduce((a, b) => Math.max(a, b), 0)).toBeLessThan(firstNamesRow);
    expect(firstNamesRow).toBeGreaterThan(200_000);
    // Names: about 43k rows, so 128k draws cover every one of them (several epochs of the corpus).
    expect(seen[1]!.size).toBe(data.train.n - firstNamesRow);
    // A subset renumbers rows, so the workload's order does not follow it.
    expect(subsetTraining(data, Int32Array.from([0, 1, 2])).trainOrder).toBeUndefined();
  });
});
