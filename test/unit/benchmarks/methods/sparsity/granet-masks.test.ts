import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  globalMagnitudeMasks,
  gmpSparsity,
  granetEvent,
  isEventStep,
  regrowthRate,
  type GranetSchedule,
} from '../../../../../benchmarks/methods/sparsity/granet-masks.js';

interface TensorState {
  weight: number[];
  buf: number[];
  mask: number[];
  grad?: number[];
}
interface Fixture {
  schedule: GranetSchedule;
  rates: number[];
  events: {
    regrow: boolean;
    runs: {
      step: number;
      rate: number;
      sparsity: number | null;
      before: Record<string, TensorState>;
      after: Record<string, TensorState>;
    }[];
  }[];
}

/** scripts/fixtures/granet_reference.py: the authors' Masking functions run by PyTorch on fixed tensors. */
const fixture = JSON.parse(
  readFileSync(new URL('../../../../fixtures/granet.json', import.meta.url), 'utf8'),
) as Fixture;

const unsigned = (v: ArrayLike<number>) => Array.from(v, (x) => x + 0);

describe("GraNet's masks against the authors' Masking code (PyTorch)", () => {
  for (const { regrow, runs } of fixture.events) {
    it(`gives the same masks, weights and momentum in two events ${regrow ? 'with' : 'without'} neuroregeneration`, () => {
      for (const run of runs) {
        const names = Object.keys(run.before);
        const after = granetEvent(
          names.map((n) => ({
            weight: Float32Array.from(run.before[n]!.weight),
            buf: Float32Array.from(run.before[n]!.buf),
            mask: Uint8Array.from(run.before[n]!.mask),
            grad: Float32Array.from(run.before[n]!.grad!),
          })),
          run.step,
          fixture.schedule,
          regrow,
        );
        names.forEach((n, i) => {
          expect(Array.from(after[i]!.mask), `${n} mask at step ${run.step}`).toEqual(run.after[n]!.mask);
          // Values bit for bit; a zeroed weight's sign (torch multiplies by 0, which keeps it) does not matter.
          expect(unsigned(after[i]!.weight)).toEqual(unsigned(run.after[n]!.weight));
          expect(unsigned(after[i]!.buf!)).toEqual(unsigned(run.after[n]!.buf));
        });
        expect(gmpSparsity(run.step, fixture.schedule)).toBeCloseTo(run.sparsity!, 12);
      }
    });
  }

  it('regenerates different connections than GMP alone, and keeps the count GMP leaves', () => {
    const [gmp, granet] = [fixture.events[0]!, fixture.events[1]!];
    const masks = (e: typeof gmp) => e.runs.map((r) => Object.values(r.after).map((t) => t.mask.join('')));
    expect(masks(granet)).not.toEqual(masks(gmp));
    const count = (t: TensorState[]) => t.reduce((s, x) => s + x.mask.reduce((a, b) => a + b, 0), 0);
    // Per event, regeneration adds back exactly what it removed: the total is GMP's.
    expect(count(Object.values(granet.runs[0]!.after))).toBe(count(Object.values(gmp.runs[0]!.after)));
  });

  it("decays the regeneration rate as torch's CosineAnnealingLR does", () => {
    fixture.rates.forEach((r, i) => expect(regrowthRate(i + 1, fixture.schedule)).toBeCloseTo(r, 12));
  });
});

describe('the gradual pruning schedule', () => {
  // Zhu & Gupta's cubic: s_k = (1 − d_i) + (d_i − d_f)(1 − (1 − k/K)³), k counted in events.
  const s: GranetSchedule = {
    ...fixture.schedule,
    every: 50,
    start: 100,
    end: 900,
    initDensity: 0.8,
    finalDensity: 0.02,
  };
  const K = (900 - 100) / 50;
  const closed = (k: number) => 1 - 0.8 + (0.8 - 0.02) * (1 - (1 - k / K) ** 3);

  it('follows the closed form at its first, middle and last event and stops one event short of the end', () => {
    expect(gmpSparsity(100, s)).toBeCloseTo(0.2, 14);
    expect(gmpSparsity(100 + (K / 2) * 50, s)).toBeCloseTo(closed(K / 2), 14);
    expect(closed(K / 2)).toBeCloseTo(0.2 + 0.78 * (7 / 8), 14);
    expect(gmpSparsity(900 - 50, s)).toBeCloseTo(closed(K - 1), 14);
    expect(gmpSparsity(900, s)).toBeNull();
    expect(gmpSparsity(50, s)).toBeNull();
    expect(isEventStep(50, s)).toBe(false);
    expect(isEventStep(1200, s)).toBe(true);
    expect(isEventStep(1201, s)).toBe(false);
  });

  it('prunes globally to the kept count with a strict threshold', () => {
    const w = [Float32Array.from([0.5, -0.1, 0.3, 0.9]), Float32Array.from([-0.7, 0.2])];
    // Keep int(6 · 0.5) = 3 by a threshold at the third largest (0.5), which `>` then drops too.
    expect(globalMagnitudeMasks(w, 0.5).map((m) => Array.from(m))).toEqual([
      [0, 0, 0, 1],
      [1, 0],
    ]);
    // At sparsity 0 the `>` drops the smallest weight, as the code's first dense-to-sparse event does.
    expect(globalMagnitudeMasks(w, 0).map((m) => Array.from(m))).toEqual([
      [1, 0, 1, 1],
      [1, 1],
    ]);
    expect(globalMagnitudeMasks(w, 1).flatMap((m) => Array.from(m))).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
