import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  closedFormSchedule,
  refinedMultipliers,
  refinedSchedule,
  refinementVariant,
  smoothGradNorms,
} from '../../../../benchmarks/methods/refined-schedule.js';
import { scheduleDistance } from '../../../../harness/runner/pilot-run.js';

interface Case {
  name: string;
  norms: number[];
  sigma2: number;
  power: number;
  smoothed: number[];
  multipliers: number[];
}
// The authors' find_closed_form_schedule and median filter in numpy/scipy: scripts/fixtures/refinement_reference.py.
const { cases } = JSON.parse(
  readFileSync(new URL('../../../fixtures/refinement/refined-schedules.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const maxAbsDiff = (a: number[], b: number[]) => Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));

describe('schedule refinement (Defazio et al. 2023)', () => {
  it.each(cases.map((c) => [c.name, c] as const))(
    'matches the authors’ find_closed_form_schedule with the README’s median filter: %s',
    (_name, c) => {
      expect(c.norms).toHaveLength(c.multipliers.length);
      expect(smoothGradNorms(c.norms, c.sigma2)).toEqual(c.smoothed);
      expect(maxAbsDiff(refinedMultipliers(c.norms, c.sigma2, c.power), c.multipliers)).toBeLessThan(1e-12);
    },
  );

  it('reduces to linear decay (to 0 at the last step) when the gradient norm is constant', () => {
    const T = 200;
    const m = refinedMultipliers(new Array<number>(T).fill(2.5), 0.1, 2);
    expect(
      maxAbsDiff(
        m,
        Array.from({ length: T }, (_, t) => (T - 1 - t) / (T - 1)),
      ),
    ).toBeLessThan(1e-12);
    expect(closedFormSchedule([1, 1, 1, 1])).toEqual([3, 2, 1, 0]);
  });

  it('warms up where the norms start high and anneals fast where they rise at the end', () => {
    const g = Array.from({ length: 300 }, (_, t) => (t < 30 ? 5 - t / 10 : t >= 240 ? 2 : 1));
    const m = refinedMultipliers(g, 0.05, 2);
    expect(m[0]).toBeLessThan(0.5);
    expect(m.indexOf(1)).toBeGreaterThan(20);
    const linear = (t: number) => (299 - t) / 299;
    expect(m[260]!).toBeLessThan(linear(260));
  });

  it('picks the Adam variant (L1 norms, G⁻¹) for AdamW and the SGD one (L2 norms, G⁻²) for SGD', () => {
    expect(refinementVariant(refinedSchedule.hparams)).toEqual({ norm: 'l1', power: 1 });
    expect(refinementVariant({ ...refinedSchedule.hparams, optimizer: 'sgd' })).toEqual({ norm: 'l2', power: 2 });
  });

  it('refuses a trace that cannot define a schedule, and a σ₂ outside (0, 1)', () => {
    expect(() => refinedMultipliers([1, Number.NaN, 1], 0.1, 1)).toThrow(/finite, positive/);
    expect(() => refinedMultipliers([1], 0.1, 1)).toThrow(/at least 2/);
    expect(() => refinedSchedule.pilotSchedule({ ...refinedSchedule.hparams, refineSigma2: 0 })).toThrow(
      /refineSigma2/,
    );
  });

  it('derives rates at the trial’s peak from the pilot’s norms, and measures their distance from the pilot’s schedule', () => {
    const hp = { ...refinedSchedule.hparams, learningRate: 0.02, warmupFraction: 0 };
    const pilot = refinedSchedule.pilotSchedule(hp);
    const rates = pilot.derive({ l2: [], l1: new Array<number>(100).fill(1) }, { totalSteps: 100 });
    expect(Math.max(...rates)).toBeCloseTo(0.02, 15);
    const lr = (step: number) => pilot.learningRate({ step, totalSteps: 100 });
    // Linear decay from the pilot ends at 1/100 of the peak, the refined one at 0: L∞ = 0.01.
    expect(scheduleDistance(rates, lr, 100)).toBeCloseTo(0.01, 12);
    expect(
      scheduleDistance(
        rates.map((_, t) => lr(t)),
        lr,
        100,
      ),
    ).toBe(0);
  });
});
