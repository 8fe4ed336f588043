import { readFileSync } from 'node:fs';
import { ReprobenchError } from '../errors.js';
import { PACKAGE_VERSION } from '../package-root.js';
import { timeToResult } from '../scoring/time-to-result.js';
import type { AlgoPerfVersion, EvalPoint, ResultTarget, Ruleset } from '../scoring/types.js';
import type { ImportedTrial } from './algoperf-store.js';
import type { TrialEntry } from './algoperf-tree.js';
import { numericCell, parsePlainCsv } from './csv.js';

/** What a trial needs to know about its workload, from the target file and the version. */
export interface WorkloadInfo {
  target: ResultTarget;
  baseWorkload: string;
  role: ImportedTrial['role'];
  budgetSeconds: number;
  stepHint: number;
}

/** Columns kept as metrics: validation and test splits, without the example counts (not metrics). */
function isKeptMetric(column: string): boolean {
  return (column.startsWith('validation/') || column.startsWith('test/')) && !column.endsWith('/num_examples');
}

/**
 * Reads one eval_measurements.csv into an eval curve. Time is `accumulated_submission_time`
 * (AlgoPerf's scored `score` column is a copy of it in every v0.5/v0.6 file; a file with only
 * `score` uses that). A row without a step or a time is an error: the curve could not be placed.
 * @returns the curve and a warning when `score` and `accumulated_submission_time` disagree
 * @throws ReprobenchError E_DATA for a file that cannot be read as an AlgoPerf curve
 */
export function readEvalCurve(
  file: string,
  source: string,
  targetMetric: string,
): { curve: EvalPoint[]; warning: string | null } {
  const { header, rows } = parsePlainCsv(readFileSync(file, 'utf8'), source);
  const col = (name: string) => header.indexOf(name);
  const stepCol = col('global_step');
  const timeCol = col('accumulated_submission_time') >= 0 ? col('accumulated_submission_time') : col('score');
  const scoreCol = col('accumulated_submission_time') >= 0 ? col('score') : -1;
  if (stepCol < 0)
    throw new ReprobenchError(
      'E_DATA',
      `${source}: no global_step column`,
      'AlgoPerf eval_measurements.csv files have one',
    );
  if (timeCol < 0)
    throw new ReprobenchError(
      'E_DATA',
      `${source}: no accumulated_submission_time (or score) column`,
      'AlgoPerf eval_measurements.csv files have one',
    );
  if (col(targetMetric) < 0)
    throw new ReprobenchError(
      'E_DATA',
      `${source}: no ${targetMetric} column, the workload's target metric`,
      'the folder name may not match the workload the trial ran',
    );
  const metricCols = header.map((h, i) => [h, i] as const).filter(([h]) => isKeptMetric(h));
  let warning: string | null = null;
  const curve = rows.map((r, k) => {
    const step = numericCell(r[stepCol]!, 'global_step', source);
    const seconds = numericCell(r[timeCol]!, header[timeCol]!, source);
    if (step === null || seconds === null)
      throw new ReprobenchError(
        'E_DATA',
        `${source}: row ${k + 2} has no global_step or time`,
        'the file may be truncated',
      );
    if (scoreCol >= 0 && !warning) {
      const s = numericCell(r[scoreCol]!, 'score', source);
      if (s !== null && Math.abs(s - seconds) > 1e-9 * Math.max(1, Math.abs(s)))
        warning = `${source}: score (${s}) differs from accumulated_submission_time (${seconds}) at row ${k + 2}; the latter is used`;
    }
    return {
      step,
      seconds,
      metrics: Object.fromEntries(metricCols.map(([h, i]) => [h, numericCell(r[i]!, h, source)])),
    };
  });
  return { curve, warning };
}

/** Builds the stored record of one trial (its time to result computed with the workload's target and budget). */
export function importedTrial(
  entry: TrialEntry,
  ctx: { ruleset: Ruleset; version: AlgoPerfVersion; source: string; targetsFile: string },
  info: WorkloadInfo,
  curve: EvalPoint[],
): ImportedTrial {
  const ttr = timeToResult(curve, info.target, { axis: 'seconds', budget: info.budgetSeconds });
  return {
    schemaVersion: 1,
    kind: 'algoperf-trial',
    submission: entry.submission,
    ruleset: ctx.ruleset,
    algoperfVersion: ctx.version,
    workload: entry.workload,
    baseWorkload: info.baseWorkload,
    role: info.role,
    framework: entry.framework,
    study: entry.study,
    trial: entry.trial,
    target: info.target,
    budgetSeconds: info.budgetSeconds,
    stepHint: info.stepHint,
    timeToResult: {
      status: ttr.status,
      seconds: ttr.status === 'reached' ? ttr.seconds : null,
      step: ttr.status === 'reached' ? ttr.step : null,
      evalIndex: ttr.evalIndex,
    },
    curve,
    provenance: {
      source: `imported from AlgoPerf logs v${ctx.version} at ${ctx.source}`,
      targetsFile: ctx.targetsFile,
      reprobenchVersion: PACKAGE_VERSION,
    },
  };
}
