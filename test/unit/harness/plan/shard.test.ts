import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlannedTrial } from '../../../../harness/plan/plan.js';
import { parseShard, partition, shardShare } from '../../../../harness/plan/shard.js';
import { arraySpec } from '../../../../harness/scale/shard-status.js';

const trial = (id: string): PlannedTrial => ({ id, label: id, config: {} as PlannedTrial['config'] });
const hex = fc.stringMatching(/^[0-9a-f]{16}$/);
const plans = fc.uniqueArray(fc.record({ id: hex, cost: fc.integer({ min: 1, max: 1000 }) }), {
  selector: (t) => t.id,
  maxLength: 60,
});

describe('sharding a plan', () => {
  it('puts every trial in exactly one shard, whatever the order the plan lists them in', () => {
    fc.assert(
      fc.property(plans, fc.integer({ min: 1, max: 9 }), (ts, n) => {
        const costs = new Map(ts.map((t) => [t.id, t.cost]));
        const cost = (t: PlannedTrial) => costs.get(t.id)!;
        const shards = partition(
          ts.map((t) => trial(t.id)),
          n,
          cost,
        );
        expect(shards).toHaveLength(n);
        const ids = shards.flat().map((t) => t.id);
        expect(ids.sort()).toEqual(ts.map((t) => t.id).sort());
        // Stable: another machine that lists the same trials in another order gets the same shards.
        const again = partition(
          [...ts].reverse().map((t) => trial(t.id)),
          n,
          cost,
        );
        expect(again.map((s) => s.map((t) => t.id).sort())).toEqual(shards.map((s) => s.map((t) => t.id).sort()));
      }),
    );
  });

  it('balances estimated cost: no shard exceeds another by more than the costliest trial', () => {
    fc.assert(
      fc.property(plans, fc.integer({ min: 1, max: 9 }), (ts, n) => {
        const costs = new Map(ts.map((t) => [t.id, t.cost]));
        const loads = partition(
          ts.map((t) => trial(t.id)),
          n,
          (t) => costs.get(t.id)!,
        ).map((s) => s.reduce((a, t) => a + costs.get(t.id)!, 0));
        const maxCost = Math.max(0, ...ts.map((t) => t.cost));
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(maxCost);
      }),
    );
  });

  it('runs a trial the plan names twice only once', () => {
    const shards = partition([trial('a'), trial('b'), trial('a')], 2, () => 1);
    expect(
      shards
        .flat()
        .map((t) => t.id)
        .sort(),
    ).toEqual(['a', 'b']);
  });

  it('keeps plan order within a shard and gives each shard its share', () => {
    const ts = ['e', 'd', 'c', 'b', 'a'].map(trial);
    const cost = (t: PlannedTrial) => ({ a: 5, b: 4, c: 3, d: 2, e: 1 })[t.id]!;
    // LPT: a→1, b→2, c→2 (4 < 5), d→1 (5 < 7), e→1 (7 = 7, lower shard first).
    expect(shardShare(ts, { index: 1, count: 2 }, cost).map((t) => t.id)).toEqual(['e', 'd', 'a']);
    expect(shardShare(ts, { index: 2, count: 2 }, cost).map((t) => t.id)).toEqual(['c', 'b']);
  });

  it('parses i/n counting from 1 and refuses anything else with a coded error', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/4', '5/4', '1/0', '1', 'a/b', '-1/2', '1.5/2']) {
      expect(() => parseShard(bad), bad).toThrow(expect.objectContaining({ code: 'E_BAD_OPTION' }));
    }
  });

  it('writes Slurm array ranges compactly', () => {
    expect(arraySpec([1, 2, 3, 4])).toBe('1-4');
    expect(arraySpec([4, 2, 5, 7, 6])).toBe('2,4-7');
    expect(arraySpec([3])).toBe('3');
    expect(arraySpec([])).toBe('');
  });
});
