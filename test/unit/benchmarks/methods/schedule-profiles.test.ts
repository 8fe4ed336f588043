import { describe, expect, it } from 'vitest';
import { scheduleMultiplier, scheduledLearningRate } from '../../../../benchmarks/methods/schedules.js';
import { scheduleMethods } from '../../../../benchmarks/methods/schedule-methods.js';

const T = 100;
const m = (name: Parameters<typeof scheduleMultiplier>[0], step: number, o = {}, warmup = 0) =>
  scheduleMultiplier(name, warmup, step, T, o);

describe('REX (Chen, Wolfe & Kyrillidis 2022)', () => {
  it('follows (1 − z) / (1/2 + 1/2 (1 − z)) with z = t/T', () => {
    expect(m('rex', 0)).toBe(1);
    // z = 0.5: 0.5 / 0.75 = 2/3, above linear's 0.5: REX holds the rate longer, then drops fast.
    expect(m('rex', 50)).toBeCloseTo(2 / 3, 12);
    expect(m('rex', 90)).toBeCloseTo(0.1 / 0.55, 12);
    expect(m('rex', 100)).toBe(0);
  });

  it('takes the β of the widely copied code form (1 − z) / (1/2 + 1/2 (1 − 0.9 z))', () => {
    expect(m('rex', 50, { rexBeta: 0.9 })).toBeCloseTo(0.5 / (0.5 + 0.5 * 0.55), 12);
  });

  it('lies between linear and constant at every step of the horizon', () => {
    for (let t = 1; t < T; t++) {
      expect(m('rex', t)).toBeGreaterThan(m('linear', t));
      expect(m('rex', t)).toBeLessThan(1);
    }
  });
});

describe('step, exponential, warmup–stable–decay', () => {
  it('step multiplies by γ at each milestone (30-60-90)', () => {
    expect(m('step', 29)).toBe(1);
    expect(m('step', 30)).toBeCloseTo(0.1, 12);
    expect(m('step', 60)).toBeCloseTo(0.01, 12);
    expect(m('step', 95)).toBeCloseTo(0.001, 12);
    expect(m('step', 50, { stepMilestones: '0.5', stepGamma: 0.5 })).toBe(0.5);
    expect(() => m('step', 1, { stepMilestones: '0.5,1.5' })).toThrow(/milestones/);
  });

  it('exponential decays by a constant factor per step to its final multiplier', () => {
    expect(m('exponential', 0)).toBe(1);
    expect(m('exponential', 50)).toBeCloseTo(0.1, 12);
    expect(m('exponential', 100)).toBeCloseTo(0.01, 12);
    expect(m('exponential', 41) / m('exponential', 40)).toBeCloseTo(m('exponential', 71) / m('exponential', 70), 12);
  });

  it('wsd warms up, holds, then cools down over the last fraction (linear or 1 − √u)', () => {
    expect(m('wsd', 0, {}, 0.1)).toBeCloseTo(0.1, 12);
    expect(m('wsd', 10, {}, 0.1)).toBe(1);
    // Decay region: z ≥ 0.8 of the post-warmup span (90 steps): z = (step − 10) / 90.
    expect(m('wsd', 70, {}, 0)).toBe(1);
    expect(m('wsd', 90, {}, 0)).toBeCloseTo(0.5, 12);
    expect(m('wsd', 90, { wsdDecayShape: '1-sqrt' }, 0)).toBeCloseTo(1 - Math.sqrt(0.5), 12);
    expect(m('wsd', 100, {}, 0)).toBe(0);
    expect(() => m('wsd', 95, { wsdDecayShape: 'cubic' })).toThrow(/cooldown shape/);
  });
});

describe('OneCycle (torch.optim.lr_scheduler.OneCycleLR, two phases, cosine)', () => {
  it('starts at peak/25, peaks at step pct·T − 1, ends at peak/(25·10⁴) at step T − 1', () => {
    expect(m('onecycle', 0)).toBeCloseTo(1 / 25, 12);
    expect(m('onecycle', 29)).toBeCloseTo(1, 12);
    expect(m('onecycle', 99)).toBeCloseTo(1 / 25 / 1e4, 12);
    expect(m('onecycle', 150)).toBeCloseTo(1 / 25 / 1e4, 12);
  });

  it('is half-way between its ends at the middle of each phase', () => {
    expect(m('onecycle', 14.5)).toBeCloseTo((1 / 25 + 1) / 2, 12);
    expect(m('onecycle', 64)).toBeCloseTo((1 + 4e-6) / 2, 12);
  });

  it('ignores the generic warmup', () => {
    expect(m('onecycle', 5, {}, 0.5)).toBe(m('onecycle', 5));
  });
});

describe('schedule methods', () => {
  it('register one method per schedule, each reaching its schedule through its hparams', () => {
    const ids = scheduleMethods.map((s) => s.id);
    expect(ids).toEqual(['rex', 'linear-decay', 'cosine-decay', 'step-decay', 'exp-decay', 'onecycle', 'wsd']);
    const rex = scheduleMethods[0]!;
    expect(rex.learningRate({ ...rex.hparams, learningRate: 0.3 }, { step: 50, totalSteps: 100 })).toBeCloseTo(0.2, 12);
    const step = scheduleMethods.find((s) => s.id === 'step-decay')!;
    expect(scheduledLearningRate(step.hparams, { step: 30, totalSteps: 100 })).toBeCloseTo(1e-4, 12);
  });

  it('build AdamW or SGD and reject an unknown optimizer with a hint', () => {
    const rex = scheduleMethods[0]!;
    const a = rex.createOptimizer(rex.hparams);
    const s = rex.createOptimizer({ ...rex.hparams, optimizer: 'sgd' });
    expect(a.constructor.name).toBe('AdamWOptimizer');
    expect(s.constructor.name).toBe('SgdOptimizer');
    a.dispose();
    s.dispose();
    expect(() => rex.createOptimizer({ ...rex.hparams, optimizer: 'lion' })).toThrow(/unknown optimizer/);
  });
});
