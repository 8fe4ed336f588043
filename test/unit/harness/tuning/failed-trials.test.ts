import { describe, expect, it } from 'vitest';
import { builtinMethods } from '../../../../benchmarks/methods/index.js';
import { teacherStudent } from '../../../../workloads/synthetic/teacher-student.js';
import type { BackendInfo } from '../../../../harness/backends/select.js';
import { createRegistries } from '../../../../harness/core/registries.js';
import type { TrialRecord } from '../../../../harness/core/trial.js';
import { isReprobenchError } from '../../../../harness/errors.js';
import { chooseFromStudies, planStudies } from '../../../../harness/tuning/studies.js';
import { chooseFromGrid } from '../../../../harness/tuning/sweep.js';
import { trialConfigFor } from '../../../helpers/trial-record.js';

const backend: BackendInfo = { name: 'wasm', tfjsVersion: '4.22.0', numericsClass: 'wasm-tfjs4.22.0-k1', reasons: [] };
const registries = createRegistries([
  { defs: { workloads: [teacherStudent], methods: builtinMethods }, origin: 'test' },
]);
const space = { learningRate: { min: 1e-3, max: 1e-1, scaling: 'log' as const } };

type Status = 'reached' | 'censored' | 'diverged' | 'failed' | 'timeout';
const rec = (id: string, status: Status, steps: number | null = null) =>
  ({
    id,
    status,
    config: { target: { metric: 'validation/loss' } },
    outcome: {
      stepsToTarget: status === 'reached' ? steps : null,
      reason: `${status} because of the cache`,
      bestTargetMetric: null,
      finalMetrics: {},
    },
  }) as unknown as TrialRecord;

function errorOf(f: () => unknown): { code: string; message: string } {
  try {
    f();
  } catch (e) {
    expect(isReprobenchError(e), String(e)).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error('expected a coded error');
}

describe('tuning never chooses from failed trials', () => {
  const spec = {
    workload: 'teacher-student',
    arm: { method: 'nadamw' },
    space,
    studies: 3,
    trials: 2,
    backend,
    stopAtTarget: true,
  };
  const plan = planStudies(registries, spec);
  const ids = plan.studies.map((s) => s.map((t) => t.trial.id));

  it('stops with E_NO_USABLE_TRIAL and the first failure when every tuning trial failed (the reported unusable --cache-dir case)', () => {
    const records = new Map(ids.flat().map((id, i) => [id, rec(id, i % 2 ? 'timeout' : 'failed')]));
    for (const objective of [
      { kind: 'steps' as const },
      { kind: 'metric' as const, outcome: 'final' as const, direction: 'lower' as const },
    ]) {
      const e = errorOf(() => chooseFromStudies([plan], records, objective));
      expect(e.code).toBe('E_NO_USABLE_TRIAL');
      expect(e.message).toMatch(
        /tuning of nadamw on teacher-student: all 6 trials have no result .* failed: failed because of the cache/,
      );
    }
  });

  it('takes the point of a study that measured something when the median study only failed', () => {
    // Study 0 failed, study 1 failed, study 2 reached at 100 steps: the median over studies is ∞,
    // but the evaluated point must come from study 2, not from a trial that never ran.
    const records = new Map<string, TrialRecord>([
      [ids[0]![0]!, rec(ids[0]![0]!, 'failed')],
      [ids[0]![1]!, rec(ids[0]![1]!, 'failed')],
      [ids[1]![0]!, rec(ids[1]![0]!, 'timeout')],
      [ids[1]![1]!, rec(ids[1]![1]!, 'failed')],
      [ids[2]![0]!, rec(ids[2]![0]!, 'censored')],
      [ids[2]![1]!, rec(ids[2]![1]!, 'reached', 100)],
    ]);
    const { choices } = chooseFromStudies([plan], records);
    expect(choices[0]!.medianSteps).toBeNull();
    expect(choices[0]!.point).toEqual(plan.studies[2]![1]!.point);
  });

  it('still chooses as before when nothing failed, and plans without records (dry run) as before', () => {
    const records = new Map(ids.flat().map((id, i) => [id, rec(id, 'reached', 100 + i)]));
    expect(chooseFromStudies([plan], records).choices[0]!.point).toEqual(plan.studies[1]![0]!.point);
    expect(chooseFromStudies([plan], new Map()).choices[0]!.point).toEqual(plan.studies[1]![0]!.point);
  });

  it('grid sweeps: refuse an arm whose every trial failed, and never let a failed-only point win a tie', () => {
    const t = {
      hparam: 'learningRate',
      grid: { nadamw: [0.01, 0.02] },
      seeds: 1,
      objective: 'median-steps-to-target' as const,
    };
    const trial = (lr: number, status: Status) => {
      const method = { id: 'nadamw', version: 1, hparams: { learningRate: lr } };
      const config = { ...trialConfigFor(0), method, repeat: { purpose: 'tune' as const, index: 0 } };
      const outcome = {
        stepsToTarget: null,
        bestTargetMetric: status === 'censored' ? 0.3 : null,
        reason: `${status} at lr ${lr}`,
      };
      return { id: String(lr), status, config, outcome } as unknown as TrialRecord;
    };
    const e = errorOf(() =>
      chooseFromGrid(t, [{ method: 'nadamw' }], [trial(0.01, 'failed'), trial(0.02, 'timeout')], ['teacher-student']),
    );
    expect(e.code).toBe('E_NO_USABLE_TRIAL');
    expect(e.message).toContain('failed at lr 0.01');
    // Both points miss the target (∞) with no best metric either; the first used to win the tie although it never ran.
    const r = chooseFromGrid(
      t,
      [{ method: 'nadamw' }],
      [trial(0.01, 'failed'), trial(0.02, 'diverged')],
      ['teacher-student'],
    );
    expect(r.choices[0]!.point).toEqual({ learningRate: 0.02 });
  });
});
