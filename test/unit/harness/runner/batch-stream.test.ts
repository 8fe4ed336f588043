import { beforeAll, describe, expect, it } from 'vitest';
import type { SupervisedData } from '../../../../harness/core/workload.js';
import { BatchStream } from '../../../../harness/runner/batches.js';
import { Rng } from '../../../../harness/rng.js';
import { useBackend } from '../../../helpers/backend.js';

const data = (n: number): SupervisedData => ({
  train: { x: new Float32Array(n), y: new Int32Array(n), n },
  valid: { x: new Float32Array(1), y: new Int32Array(1), n: 1 },
  featureSize: 1,
  task: { kind: 'classification', numClasses: 2 },
});
const seed = '00112233445566778899aabbccddeeff';

beforeAll(() => useBackend('cpu'));

describe('batch stream epochs', () => {
  it('by default draws a fresh permutation of every row per epoch from the order stream', () => {
    const s = new BatchStream(data(5), 5, new Rng(seed));
    const rng = new Rng(seed);
    expect([...s.nextRows()]).toEqual([...rng.permutation(5)]);
    expect([...s.nextRows()]).toEqual([...rng.permutation(5)]);
    expect(s.epoch).toBe(1);
  });

  it("a curriculum's epochRows decides each epoch's rows; batches run on across epoch ends", () => {
    const asked: number[] = [];
    const epochRows = (epoch: number) => {
      asked.push(epoch);
      return Int32Array.from({ length: epoch + 1 }, (_, i) => 10 * epoch + i);
    };
    const s = new BatchStream(data(100), 4, new Rng(seed), epochRows);
    expect([...s.nextRows()]).toEqual([0, 10, 11, 20]);
    expect([...s.nextRows()]).toEqual([21, 22, 30, 31]);
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(s.epoch).toBe(3);
  });

  it('refuses an empty epoch with a hint', () => {
    expect(() => new BatchStream(data(3), 2, new Rng(seed), () => new Int32Array(0))).toThrow(
      expect.objectContaining({ code: 'E_BAD_CONFIG' }),
    );
  });
});
