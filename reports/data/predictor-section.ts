import type { PredictorOutcome } from '../../harness/analysis/predictor-outcome.js';

/** A predictor claim's errors on one workload, as the report tables show them. */
export interface PredictorReport {
  method: string;
  baseline: string;
  errorName: string;
  /** Per seed: both errors and their ratio (null where the seed has no error). */
  seeds: Array<{ repeat: number; method: number | null; baseline: number | null; ratio: number | null }>;
  /** Per curve (arm): the mean error of each predictor over the seeds, to show which curves are hard. */
  curves: Array<{ arm: string; method: number | null; baseline: number | null; seeds: number }>;
  notes: string[];
  /** Predictive early stopping per seed (a secondary number), when computed. */
  earlyStopping: PredictorOutcome['earlyStopping'] | null;
  /** Whether the early stopping is the claim's judged outcome (else a secondary number). */
  earlyStoppingJudged: boolean;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);
const meanOrNull = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Summary JSON writes NaN as null, so both mean "no error". */
export function predictorReport(p: PredictorOutcome): PredictorReport {
  const seeds = p.repeats.map((repeat, i) => {
    const m = p.methodErrors[i];
    const b = p.baselineErrors[i];
    return {
      repeat,
      method: finite(m) ? m : null,
      baseline: finite(b) ? b : null,
      ratio: finite(m) && finite(b) && b > 0 ? m / b : null,
    };
  });
  const arms = [...new Set(p.perCurve.map((c) => c.arm))];
  const curves = arms.map((arm) => {
    const rows = p.perCurve.filter((c) => c.arm === arm && finite(c.method) && finite(c.baseline));
    return {
      arm,
      method: meanOrNull(rows.map((c) => c.method)),
      baseline: meanOrNull(rows.map((c) => c.baseline)),
      seeds: rows.length,
    };
  });
  return {
    method: p.method,
    baseline: p.baseline,
    errorName: p.errorName,
    seeds,
    curves,
    notes: p.notes,
    earlyStopping: p.earlyStopping ?? null,
    earlyStoppingJudged: p.earlyStoppingJudged === true,
  };
}
