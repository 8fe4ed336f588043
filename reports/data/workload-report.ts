import type { ArmSummary } from '../../harness/analysis/arm-summary.js';
import type { ClaimSummary } from '../../harness/analysis/summary.js';
import type { Superiority, TimeSummary } from './arm-stats.js';
import type { CurveSummary } from './curves.js';
import type { PredictorReport } from './predictor-section.js';

/** One arm as a claim report shows it: seeds, times to target, ratios and curve. */
export interface ArmReport {
  method: string;
  isBaseline: boolean;
  tuned: ArmSummary['tuned'];
  n: number;
  reached: number;
  censored: number;
  diverged: number;
  missing: number;
  steps: TimeSummary;
  seconds: TimeSummary;
  /** Speedup vs each baseline from the claim verdict (methods only). */
  ratios: Array<{ baseline: string; estimate: number; ci: [number, number]; estimand: string }>;
  faster: Superiority[];
  /** Median over seeds of the target metric at the last eval: at the budget, or where the seed stopped at the target. */
  finalMetric: number | null;
  seeds: Array<{ repeat: number; steps: number; seconds: number; kind: 'reached' | 'censored' | 'diverged' }>;
  curve: CurveSummary;
}

export interface WorkloadReport {
  workload: string;
  target: ClaimSummary['workloads'][number]['target'];
  budgetSteps: number;
  arms: ArmReport[];
  /** Predictor claims: both predictors' errors per seed and per curve. */
  predictor?: PredictorReport;
}
