import type { TrialRecord } from '../../harness/core/trial.js';
import { quantile } from '../../harness/stats/index.js';

export interface CurveSummary {
  steps: number[];
  median: number[];
  lo: number[];
  hi: number[];
  /** Seeds contributing at each step. */
  n: number[];
}

/**
 * Median and interquartile band of a metric over seeds at every eval step. A seed that stopped
 * because it reached the target keeps its last value for the later steps (it met the target and
 * was stopped, AlgoPerf-style); a diverged seed leaves the band where it diverged.
 */
export function summarizeCurves(trials: Array<Pick<TrialRecord, 'curve' | 'status'>>, metric: string): CurveSummary {
  const steps = [...new Set(trials.flatMap((t) => t.curve.map((p) => p.step)))].sort((a, b) => a - b);
  const out: CurveSummary = { steps: [], median: [], lo: [], hi: [], n: [] };
  for (const s of steps) {
    const values: number[] = [];
    for (const t of trials) {
      const upto = t.curve.filter((p) => p.step <= s);
      const last = upto[upto.length - 1];
      if (!last) continue;
      if (last.step !== s && t.status !== 'reached') continue;
      const v = last.metrics[metric];
      if (v != null && Number.isFinite(v)) values.push(v);
    }
    if (values.length === 0) continue;
    out.steps.push(s);
    out.median.push(quantile(values, 0.5));
    out.lo.push(quantile(values, 0.25));
    out.hi.push(quantile(values, 0.75));
    out.n.push(values.length);
  }
  return out;
}
