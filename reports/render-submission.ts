import { readImportedSubmission } from '../harness/importers/algoperf-store.js';
import { toScoringSubmission } from '../harness/importers/algoperf-pool.js';
import { workloadTime } from '../harness/scoring/index.js';
import { trialCurves } from './charts/trial-curves.js';
import { template, templateFile } from './handlebars.js';

/** A report page for one imported AlgoPerf submission: per workload its studies, trials and curves. */
export function renderSubmissionReport(dir: string): string {
  const loaded = readImportedSubmission(dir);
  const scoring = toScoringSubmission(loaded);
  const workloads = Object.entries(scoring.workloads)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, w]) => {
      const time = workloadTime(w);
      const rows = time.studies.flatMap((s) =>
        s.trials.map((t) => ({
          study: s.study,
          trial: t.trial,
          seconds: t.result.seconds,
          step: t.result.step,
          status: t.result.status,
          winner: s.trial === t.trial,
        })),
      );
      const trials = loaded.trials.filter((t) => t.workload === name);
      const studies = [...new Set(trials.map((t) => t.study))].sort((a, b) => a - b);
      const chart = trialCurves({
        title: `${name}: ${w.target.metric} per trial`,
        xLabel: 'accumulated submission time (s)',
        yLabel: w.target.metric,
        groups: studies.map((s) => `study ${s}`),
        target: w.target.value,
        curves: trials.map((t) => ({
          group: studies.indexOf(t.study),
          label: `study ${t.study} trial ${t.trial}`,
          x: t.curve.map((p) => p.seconds),
          y: t.curve.map((p) => p.metrics[w.target.metric] ?? NaN),
        })),
      });
      const meta = loaded.meta.workloads[name];
      return {
        name,
        role: meta?.role ?? '',
        target: w.target,
        budgetSeconds: w.budget?.seconds,
        time: time.value,
        rows,
        chart,
      };
    });
  return template('submission.hbs')({
    meta: loaded.meta,
    workloads,
    css: templateFile('report.css'),
    script: templateFile('report.js'),
  });
}
