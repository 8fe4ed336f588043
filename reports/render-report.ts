import { join } from 'node:path';
import { sequentialLabel } from '../harness/scheduler/adaptive.js';
import { pointText } from '../harness/cli/summary-text.js';
import { writeFileAtomic, writeJsonAtomic } from '../harness/store/atomic.js';
import { kaplanMeierChart } from './charts/kaplan-meier.js';
import { learningCurves } from './charts/learning-curves.js';
import { performanceProfileChart } from './charts/performance-profile.js';
import { timeToTarget } from './charts/time-to-target.js';
import { buildReportData, type ReportData } from './data/report-data.js';
import type { WorkloadReport } from './data/workload-report.js';
import { template, templateFile } from './handlebars.js';
import { changeText } from '../harness/core/preregistration.js';

function workloadCharts(w: WorkloadReport, data: ReportData): { curves: string; ttt: string; km: string } {
  const metric = w.target?.metric ?? 'validation/loss';
  const refCurves = data.reference?.curves ?? {};
  return {
    curves: learningCurves({
      title: `${w.workload}: ${metric} over training`,
      metric,
      target: w.target?.value ?? null,
      series: w.arms.map((a) => ({ name: a.method, ...a.curve })),
      reference: w.arms.flatMap((a) => {
        const c = refCurves[`${w.workload}|${a.method}`];
        return c ? [{ name: a.method, steps: c.steps, median: c.median }] : [];
      }),
    }),
    ttt: timeToTarget({
      title: `${w.workload}: steps to target per seed`,
      unit: 'steps',
      budget: w.budgetSteps,
      arms: w.arms.map((a) => ({
        name: a.method,
        seeds: a.seeds.map((s) => ({ repeat: s.repeat, value: s.steps, kind: s.kind })),
      })),
    }),
    km: kaplanMeierChart({
      title: `${w.workload}: Kaplan–Meier, seeds not yet at target`,
      unit: 'steps',
      horizon: w.budgetSteps,
      series: w.arms.map((a) => ({ name: a.method, ...a.steps.km, median: a.steps.median })),
    }),
  };
}

const outcomeText = (m: number | null | undefined): string =>
  m === undefined ? '' : m === null ? '—' : String(Number(m.toPrecision(4)));

/** Renders the claim report: one self-contained HTML page (inline CSS, SVG and a small script; no network). */
export function renderReport(data: ReportData): string {
  const s = data.summary;
  const ref = data.reference?.comparison;
  return template('report.hbs')({
    s,
    manifest: data.manifest,
    externals: data.externals,
    workloads: data.workloads.map((w) => ({ ...w, charts: workloadCharts(w, data) })),
    adaptive: s.adaptive?.comparisons.map((c) => {
      const d = c.looks[c.looks.length - 1]!;
      return {
        method: c.method,
        baseline: c.baseline,
        workload: c.workload,
        label: sequentialLabel(d),
        look: d.look + 1,
        explanation: d.explanation,
      };
    }),
    // Fixed-budget claims tune for the outcome they are judged on: show it instead of steps (∞ there meant nothing).
    tuningByMetric: s.tuning?.rows.some((r) => r.metric !== undefined) ?? false,
    tuningRows:
      s.tuning?.rows.map((r) => ({
        ...r,
        point: pointText(r.point),
        steps: r.steps.map((x) => x ?? '∞').join(', '),
        outcome: r.metrics
          ? `${outcomeText(r.metric)} (${r.metrics.map(outcomeText).join(', ')})`
          : outcomeText(r.metric),
      })) ?? [],
    tuningChoices:
      s.tuning?.choices.map((c) => ({ ...c, point: pointText(c.point), outcome: outcomeText(c.medianMetric) })) ?? [],
    profile: data.profile,
    profileChart: data.profile
      ? performanceProfileChart({
          title: 'Performance profiles over the workloads',
          taus: data.profile.taus,
          series: data.profile.series,
        })
      : '',
    reference: data.reference,
    preregistration: data.preregistration,
    cardChanges: 'changes' in data.preregistration ? data.preregistration.changes.map(changeText) : [],
    refIdentical: ref?.trials.filter((t) => t.result === 'identical').length ?? 0,
    refTotal: ref?.trials.length ?? 0,
    generatedAt: new Date().toISOString(),
    css: templateFile('report.css'),
    script: templateFile('report.js'),
  });
}

/** The numbers the report's tables show, as JSON (`report.json`), for scripts and the browser tests. */
export function reportNumbers(data: ReportData) {
  return {
    claim: data.summary.claim.id,
    verdict: data.summary.judgement.overall,
    workloads: data.workloads.map((w) => ({
      workload: w.workload,
      arms: w.arms.map((a) => ({
        method: a.method,
        reached: a.reached,
        n: a.n,
        diverged: a.diverged,
        stepsMedian: a.steps.median,
        stepsQ1: a.steps.q1,
        stepsQ3: a.steps.q3,
        stepsCI: a.steps.ci,
        secondsMedian: a.seconds.median,
        ratios: a.ratios,
        faster: a.faster,
        finalMetric: a.finalMetric,
      })),
    })),
    profile: data.profile ? data.profile.series.map((x) => ({ name: x.name, score: x.score })) : null,
  };
}

/** `reprobench report <run-dir>`: writes report.html and report.json into the run directory. */
export function writeReport(runDir: string, cwd: string): { html: string; json: string } {
  const data = buildReportData(runDir, cwd);
  const html = join(runDir, 'report.html');
  const json = join(runDir, 'report.json');
  writeFileAtomic(html, renderReport(data));
  writeJsonAtomic(json, reportNumbers(data));
  return { html, json };
}
