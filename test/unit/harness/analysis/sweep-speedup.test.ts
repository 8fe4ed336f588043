import { describe, expect, it } from 'vitest';
import { sweepOrder, sweepSpeedup } from '../../../../harness/analysis/sweep-speedup.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import { isReprobenchError } from '../../../../harness/errors.js';

type Trial = Pick<TrialRecord, 'config' | 'curve' | 'status'>;

/** A trial whose validation loss is f(step) every 10 steps up to 100. */
const trial = (f: (step: number) => number): Trial =>
  ({
    config: { budget: { steps: 100 } },
    status: 'censored',
    curve: Array.from({ length: 10 }, (_, j) => ({
      step: (j + 1) * 10,
      metrics: { 'validation/loss': f((j + 1) * 10) },
    })),
  }) as unknown as Trial;

const spec = {
  task: 'early-stopping' as const,
  description: '',
  metric: 'validation/loss',
  method: 'p',
  observedFraction: 0.2,
  checkEvery: 0.2,
  threshold: 0.05,
  maxRegret: 0.01,
};

/** A predictor that is sure of each curve's last observed value (P = 1 when it is below `value`, else 0). */
const sure = {
  id: 'p',
  task: 'extrapolate-final' as const,
  title: '',
  predict: (h: Array<{ value: number }>) => h[h.length - 1]!.value,
  probabilityBelow: (h: Array<{ value: number }>, _f: number, v: number) => (h[h.length - 1]!.value < v ? 1 : 0),
};

describe('sweep speed-up', () => {
  it('runs the arms in a seeded random order: a permutation, the same for the same key', () => {
    const arms = Array.from({ length: 10 }, (_, i) => `arm${i}`);
    const a = sweepOrder(arms, 'w\u00000');
    expect([...a].sort()).toEqual([...arms].sort());
    expect(sweepOrder([...arms].reverse(), 'w\u00000')).toEqual(a);
    const orders = new Set(Array.from({ length: 8 }, (_, r) => sweepOrder(arms, `w\u0000${r}`).join()));
    expect(orders.size).toBe(8);
  });

  it('counts the steps with stopping, and charges the full sweep when the regret is over maxRegret', () => {
    const flat = (v: number) => trial(() => v);
    // Equal flat curves: none can beat the first run's 0.5, so the others stop at step 20 and nothing is lost.
    const good = new Map<string, Trial>([
      ['a', flat(0.5)],
      ['b', flat(0.5)],
      ['c', flat(0.5)],
    ]);
    const s = sweepSpeedup(spec, good, sure, 'k');
    expect([s.usedSteps, s.fullSteps, s.result.stopped.length, s.result.regret, s.note]).toEqual([
      140,
      300,
      2,
      0,
      undefined,
    ]);
    // A curve that ends 10% better than it looks at 20% is lost by the rule: regret 0.05/0.45 > 1%.
    const late = trial((step) => (step < 100 ? 0.6 : 0.45));
    const costly = new Map<string, Trial>([
      ['a', flat(0.5)],
      ['b', late],
    ]);
    const order = sweepOrder(['a', 'b'], 'k2');
    const r = sweepSpeedup(spec, costly, sure, 'k2');
    if (order[0] === 'a') {
      expect(r.result.stopped).toEqual([{ arm: 'b', step: 20 }]);
      expect(r.result.usedSteps).toBe(120);
      expect([r.usedSteps, r.fullSteps]).toEqual([200, 200]);
      expect(r.note).toMatch(/charged the full sweep/);
    } else {
      // b first: a is stopped (0.5 > 0.45) and nothing is lost.
      expect([r.usedSteps, r.fullSteps, r.note]).toEqual([120, 200, undefined]);
    }
  });

  it('refuses a predictor without a predictive probability', () => {
    const { probabilityBelow: _p, ...pointOnly } = sure;
    try {
      sweepSpeedup(spec, new Map([['a', trial(() => 1)]]), pointOnly, 'k');
      expect.unreachable();
    } catch (e) {
      expect(isReprobenchError(e) && e.code).toBe('E_BAD_CONFIG');
    }
  });
});
