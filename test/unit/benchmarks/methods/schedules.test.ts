import { describe, expect, it } from 'vitest';
import { scheduleMultiplier, scheduledLearningRate } from '../../../../benchmarks/methods/schedules.js';

describe('learning-rate schedules', () => {
  it('warms up linearly, then decays by cosine to zero at the horizon (AlgoPerf form)', () => {
    // T = 100, warmup 10 steps: steps 0..9 give 0.1..1.0.
    expect(scheduleMultiplier('cosine', 0.1, 0, 100)).toBeCloseTo(0.1, 12);
    expect(scheduleMultiplier('cosine', 0.1, 9, 100)).toBe(1);
    expect(scheduleMultiplier('cosine', 0.1, 10, 100)).toBe(1);
    expect(scheduleMultiplier('cosine', 0.1, 55, 100)).toBeCloseTo(0.5, 12);
    expect(scheduleMultiplier('cosine', 0.1, 100, 100)).toBeCloseTo(0, 12);
    expect(scheduleMultiplier('cosine', 0.1, 150, 100)).toBeCloseTo(0, 12);
  });

  it('decays linearly and keeps constant constant', () => {
    expect(scheduleMultiplier('linear', 0, 25, 100)).toBe(0.75);
    expect(scheduleMultiplier('constant', 0, 99, 100)).toBe(1);
  });

  it('scales the method learning rate and rejects unknown schedules', () => {
    expect(
      scheduledLearningRate(
        { learningRate: 0.2, schedule: 'linear', warmupFraction: 0 },
        { step: 50, totalSteps: 100 },
      ),
    ).toBeCloseTo(0.1, 12);
    expect(() =>
      scheduledLearningRate({ learningRate: 0.2, schedule: 'sawtooth' }, { step: 0, totalSteps: 10 }),
    ).toThrow(/unknown schedule/);
  });
});
