import { createHash } from 'node:crypto';
import type { PredictorSpec } from '../core/claim.js';
import type { ExtrapolatorDefinition } from '../core/predictor.js';
import type { TrialRecord } from '../core/trial.js';
import { ReprobenchError } from '../errors.js';
import { Rng } from '../rng.js';
import { probabilisticEarlyStopping, type EarlyStoppingResult, type SweepCurve } from './early-stopping.js';

type EarlyStoppingSpec = Extract<PredictorSpec, { task: 'early-stopping' }>;

/**
 * The order one seed's sweep runs its curves in: a Fisher–Yates shuffle of the arm ids (sorted)
 * seeded from `key` (workload and repeat), as LC-PFN's sweeps visit configurations in random order.
 */
export function sweepOrder(arms: string[], key: string): string[] {
  const order = [...arms].sort();
  const rng = new Rng(createHash('sha256').update(`reprobench-sweep-order-v1\0${key}`).digest('hex').slice(0, 32));
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * One seed of an `early-stopping` predictor claim: the sweep of the seed's curves with the card's
 * probabilistic stopping rule. `usedSteps` is the steps run with stopping, charged the full sweep
 * when the relative regret exceeds the card's `maxRegret` (a rule that lost the best configuration
 * saved nothing worth having); `fullSteps` the steps of running every curve to the end.
 * @throws ReprobenchError E_BAD_CONFIG when the predictor has no predictive probability
 */
export function sweepSpeedup(
  spec: EarlyStoppingSpec,
  byArm: Map<string, Pick<TrialRecord, 'config' | 'curve' | 'status'>>,
  predictor: ExtrapolatorDefinition,
  orderKey: string,
): {
  usedSteps: number;
  fullSteps: number;
  perArm: Array<{ arm: string; method: number; baseline: number }>;
  result: EarlyStoppingResult;
  note?: string;
} {
  if (!predictor.probabilityBelow)
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `predictor "${predictor.id}" gives no predictive probability, which early stopping needs`,
      'name an extrapolator with probabilityBelow (e.g. parametric-ensemble)',
    );
  const curves: SweepCurve[] = sweepOrder([...byArm.keys()], orderKey).flatMap((arm) => {
    const t = byArm.get(arm)!;
    const points = t.curve.flatMap((p) => {
      const v = p.metrics[spec.metric];
      return v != null && Number.isFinite(v) && p.step > 0 ? [{ step: p.step, value: v }] : [];
    });
    // A curve without a single finite eval cost nothing measurable and cannot be judged.
    return points.length ? [{ arm, points, budget: t.config.budget.steps, diverged: t.status === 'diverged' }] : [];
  });
  const result = {
    ...probabilisticEarlyStopping(curves, (h, f, v) => predictor.probabilityBelow!(h, f, v), spec),
    order: curves.map((c) => c.arm),
  };
  const stoppedAt = new Map(result.stopped.map((s) => [s.arm, s.step]));
  const perArm = curves.map((c) => {
    const last = c.points[c.points.length - 1]!.step;
    return { arm: c.arm, method: stoppedAt.get(c.arm) ?? last, baseline: last };
  });
  const full = result.fullSteps!;
  const relative = result.regret / Math.abs(result.best!);
  if (!(relative <= spec.maxRegret))
    return {
      usedSteps: full,
      fullSteps: full,
      perArm,
      result,
      note: `regret ${Number((relative * 100).toPrecision(3))}% > ${spec.maxRegret * 100}%: charged the full sweep`,
    };
  return { usedSteps: result.usedSteps!, fullSteps: full, perArm, result };
}
