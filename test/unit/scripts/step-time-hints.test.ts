import { describe, expect, it } from 'vitest';
import { PLANNED_MARGIN, type MeasuredTrial } from '../../../harness/plan/estimate.js';
import { measuredHints } from '../../../scripts/step-time-hints.js';

const trial = (
  workload: string,
  backend: string,
  stepsRun: number,
  train: number,
  evalS = 0,
  init = 0,
): MeasuredTrial => ({
  config: { workload: { id: workload }, method: { id: 'm' }, backend, budget: { steps: 1000 } },
  outcome: { stepsRun, trainSeconds: train, evalSeconds: evalS, initSeconds: init },
});

describe('scripts/step-time-hints', () => {
  it('pools a workload and backend by total seconds over total steps, eval and init included, less the planning margin', () => {
    const rows = measuredHints([
      trial('w', 'wasm', 1000, 3, 0.5, 0.5), // 4 s over 1000 steps
      trial('w', 'wasm', 500, 1.5, 0.4, 0.1), // 2 s over 500 steps
      trial('w', 'blas', 200, 0.2),
      trial('a', 'wasm', 100, 1),
    ]);
    expect(rows.map((r) => [r.workload, r.backend, r.trials, r.steps])).toEqual([
      ['a', 'wasm', 1, 100],
      ['w', 'blas', 1, 200],
      ['w', 'wasm', 2, 1500],
    ]);
    // 6 s over 1500 steps is 4 ms a step; the hint is that without the margin plannedSeconds adds back.
    expect(rows[2]!.msPerStep).toBeCloseTo(4 / PLANNED_MARGIN, 12);
    expect(rows[1]!.msPerStep).toBeCloseTo(1 / PLANNED_MARGIN, 12);
  });

  it('leaves out trials that ran no step (failed before the first)', () => {
    expect(measuredHints([trial('w', 'wasm', 0, 0.3)])).toEqual([]);
  });
});
