import type { ArmSpec, SearchTuning } from '../core/claim.js';
import type { HParams, SearchDimension } from '../core/method.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { ReprobenchError } from '../errors.js';
import type { BackendInfo } from '../backends/select.js';
import { makeTrial, type PlannedTrial } from '../scheduler/plan.js';
import { isFinished, requireUsable } from '../store/trial-store.js';
import { finiteOrNull, medianInf, medianStudy, TUNING_FAILED_HINT } from './result.js';
import type { TuningChoice, TuningResult, TuningRow } from './result.js';
import { parseSearchSpace, sampleSearchSpace } from './search-space.js';

export interface StudyPlan {
  workload: string;
  method: string;
  /** studies[k][j]: trial j of study k, with its sampled point. */
  studies: Array<Array<{ trial: PlannedTrial; point: HParams }>>;
}

/**
 * The Halton stream of study k of a method on a workload. It names neither the claim nor the
 * command, so `tune` and every claim with the same search space share their tuning trials.
 */
export function studySeed(workload: string, method: string, study: number): string {
  return `reprobench-tune/${workload}/${method}/study-${study}`;
}

export function searchSpaceOf(registries: Registries, method: string, spaces?: Record<string, Record<string, SearchDimension>>): Record<string, SearchDimension> {
  const space = spaces?.[method] ?? registries.methods.get(method).searchSpace;
  if (!space || Object.keys(space).length === 0) {
    throw new ReprobenchError('E_BAD_CONFIG', `method "${method}" has no search space to tune`, 'give the method a `searchSpace`, or the claim `tuning.spaces[method]`');
  }
  return space;
}

/**
 * AlgoPerf external tuning for one method on one workload: `studies` × `trials` points, each
 * trial on its own tuning seed (repeat purpose `tune`, index k·trials + j, disjoint from
 * evaluation seeds). `budgetMultiplier` stretches the step budget (self-tuning).
 */
export function planStudies(
  registries: Registries,
  o: { workload: string; arm: ArmSpec; space: Record<string, SearchDimension>; studies: number; trials: number; backend: BackendInfo; stopAtTarget: boolean; budgetSteps?: number },
): StudyPlan {
  const space = parseSearchSpace(o.space, `search space of ${o.arm.method}`);
  const studies = Array.from({ length: o.studies }, (_, k) =>
    sampleSearchSpace(space, o.trials, { seed: studySeed(o.workload, o.arm.method, k) }).map((point, j) => ({
      point,
      trial: makeTrial(registries, {
        workloadId: o.workload, arm: o.arm, repeat: { purpose: 'tune', index: k * o.trials + j }, backend: o.backend, extra: point, stopAtTarget: o.stopAtTarget,
        ...(o.budgetSteps ? { budgetSteps: o.budgetSteps } : {}),
      }),
    })),
  );
  return { workload: o.workload, method: o.arm.method, studies };
}

/** Whether any trial of a study has a result (a study whose trials all failed measured nothing). */
const usableStudy = (study: StudyPlan['studies'][number], records: Map<string, TrialRecord>): boolean =>
  study.some(({ trial }) => {
    const r = records.get(trial.id);
    return r !== undefined && isFinished(r);
  });

const stepsOf = (r: TrialRecord | undefined): number | null => (r && r.status === 'reached' ? r.outcome.stepsToTarget : null);

/**
 * What a tuning study optimises: steps to target (time-to-target claims, AlgoPerf's rule), or
 * for fixed-budget claims the outcome those claims compare (the target metric at the last eval,
 * or its best), so a method is tuned for what it is judged on.
 */
export type StudyObjective = { kind: 'steps' } | { kind: 'metric'; outcome: 'final' | 'best'; direction: 'higher' | 'lower' };

function metricOf(r: TrialRecord | undefined, o: Extract<StudyObjective, { kind: 'metric' }>): number | null {
  if (!r || r.status === 'diverged' || r.status === 'failed' || r.status === 'timeout') return null;
  const v = o.outcome === 'best' ? r.outcome.bestTargetMetric : r.outcome.finalMetrics[r.config.target.metric];
  return v != null && Number.isFinite(v) ? v : null;
}

/**
 * Each study's fastest trial (fewest steps to target; ties to the earlier trial), the median over
 * studies with a missed target as infinite, and the chosen point: the winner of the median study
 * (the lower median for an even count), so the evaluated point is the one behind the reported time.
 */
export function chooseFromStudies(plans: StudyPlan[], records: Map<string, TrialRecord>, objective: StudyObjective = { kind: 'steps' }): Pick<TuningResult, 'rows' | 'choices'> {
  if (objective.kind === 'metric') return chooseByMetric(plans, records, objective);
  const rows: TuningRow[] = [];
  const choices: TuningChoice[] = [];
  for (const p of plans) {
    requireUsable(p.studies.flat().map(({ trial }) => records.get(trial.id)), `tuning of ${p.method} on ${p.workload}`, TUNING_FAILED_HINT);
    const winners = p.studies.map((study, k) => {
      let best: { j: number; steps: number } = { j: -1, steps: Infinity };
      const studyRows = study.map(({ trial, point }, j) => {
        const s = stepsOf(records.get(trial.id));
        if (s !== null && s < best.steps) best = { j, steps: s };
        const row: TuningRow = { workload: p.workload, method: p.method, study: k, point, steps: [s], medianSteps: s, winner: false };
        return row;
      });
      if (best.j >= 0) studyRows[best.j]!.winner = true;
      rows.push(...studyRows);
      const point = best.j >= 0 ? study[best.j]!.point : study[0]?.point ?? {};
      return { k, steps: best.steps, point, usable: usableStudy(study, records) };
    });
    const median = medianInf(winners.map((w) => w.steps));
    const ordered = [...winners].sort((a, b) => a.steps - b.steps || a.k - b.k);
    const chosen = medianStudy(ordered);
    choices.push({ workload: p.workload, method: p.method, point: chosen.point, medianSteps: finiteOrNull(median) });
  }
  return { rows, choices };
}

/**
 * The fixed-budget form of {@link chooseFromStudies}: each study's best trial by the claim's
 * outcome (a diverged trial counts as the worst), the median over studies, the median study's winner.
 */
function chooseByMetric(plans: StudyPlan[], records: Map<string, TrialRecord>, o: Extract<StudyObjective, { kind: 'metric' }>): Pick<TuningResult, 'rows' | 'choices'> {
  // Oriented so that lower is better; a missing outcome is +∞.
  const key = (v: number | null): number => (v === null ? Infinity : o.direction === 'higher' ? -v : v);
  const rows: TuningRow[] = [];
  const choices: TuningChoice[] = [];
  for (const p of plans) {
    requireUsable(p.studies.flat().map(({ trial }) => records.get(trial.id)), `tuning of ${p.method} on ${p.workload}`, TUNING_FAILED_HINT);
    const winners = p.studies.map((study, k) => {
      let best = { j: -1, key: Infinity };
      const studyRows = study.map(({ trial, point }, j) => {
        const r = records.get(trial.id);
        const m = metricOf(r, o);
        if (key(m) < best.key) best = { j, key: key(m) };
        const s = stepsOf(r);
        const row: TuningRow = { workload: p.workload, method: p.method, study: k, point, steps: [s], medianSteps: s, winner: false, metric: m };
        return row;
      });
      if (best.j >= 0) studyRows[best.j]!.winner = true;
      rows.push(...studyRows);
      return { k, key: best.key, point: best.j >= 0 ? study[best.j]!.point : study[0]?.point ?? {}, usable: usableStudy(study, records) };
    });
    const ordered = [...winners].sort((a, b) => a.key - b.key || a.k - b.k);
    const chosen = medianStudy(ordered);
    const med = medianInf(winners.map((w) => w.key));
    const medianMetric = Number.isFinite(med) ? (o.direction === 'higher' ? -med : med) : null;
    choices.push({ workload: p.workload, method: p.method, point: chosen.point, medianSteps: null, medianMetric });
  }
  return { rows, choices };
}

export function describeSearch(t: SearchTuning): string {
  return `AlgoPerf external tuning: ${t.studies} stud${t.studies === 1 ? 'y' : 'ies'} × ${t.trialsPerStudy} Halton points per method, each study's fastest trial, median over studies`;
}
