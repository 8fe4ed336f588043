import { describe, expect, it } from 'vitest';
import { taskSequenceRows } from '../../../../benchmarks/methods/task-sequence.js';
import type { DataSelectionContext } from '../../../../harness/core/method.js';
import { Rng } from '../../../../harness/rng.js';
import { RELABEL, taskLabels } from '../../../../workloads/fashion-mnist/relabel.js';

const SEED = '00112233445566778899aabbccddeeff';

function context(rows: number, stepHint: number, batchSize: number): DataSelectionContext {
  return { data: { train: { n: rows } }, stepHint, batchSize } as unknown as DataSelectionContext;
}

describe('training a task sequence in order', () => {
  it("gives task t's steps only rows of block t, every row of a block once per pass", async () => {
    // 3 tasks of 4 rows, 3 steps of batch 2 per task: 6 rows per task = one pass and a half.
    const { epochRows } = await taskSequenceRows({ stepsPerTask: 3 }, context(12, 9, 2));
    const rows = Array.from(epochRows(0, new Rng(SEED)));
    expect(rows).toHaveLength(18);
    for (let t = 0; t < 3; t++) {
      const task = rows.slice(6 * t, 6 * t + 6);
      expect(task.every((r) => r >= 4 * t && r < 4 * t + 4)).toBe(true);
      expect(new Set(task.slice(0, 4)).size).toBe(4);
    }
  });

  it('rejects steps per task that do not split the budget or the rows, with a hint', () => {
    const coded = expect.objectContaining({ code: 'E_BAD_CONFIG', hint: expect.stringContaining('stepsPerTask') });
    expect(() => taskSequenceRows({ stepsPerTask: 4 }, context(12, 9, 2))).toThrow(coded);
    expect(() => taskSequenceRows({ stepsPerTask: 3 }, context(10, 9, 2))).toThrow(coded);
  });

  it('draws each task its own labels, the same on every call', () => {
    const a = taskLabels(0);
    expect(a).toHaveLength(RELABEL.images);
    expect(Array.from(taskLabels(0))).toEqual(Array.from(a));
    const agree = a.filter((y, i) => y === taskLabels(1)[i]).length / a.length;
    expect(agree).toBeLessThan(0.2); // about 1/10 for independent labels
    expect(new Set(a).size).toBe(10);
  });
});
