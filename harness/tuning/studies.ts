import type { ArmSpec, SearchTuning } from '../core/claim.js';
import type { HParams, SearchDimension } from '../core/method.js';
import type { Registries } from '../core/registries.js';
import type { TrialRecord } from '../core/trial.js';
import { ReprobenchError } from '../errors.js';
import type { BackendInfo } from '../backends/select.js';
import { makeTrial, type PlannedTrial } from '../plan/plan.js';
import { isFinished, requireUsable } from '../store/trial-store.js';
import { chooseAmongStudies, recheckPicks, type StudyKeys } from './choose.js';
import {
  finiteOrNull,
  medianInf,
  TUNING_FAILED_HINT,
  type TuningChoice,
  type TuningResult,
  type TuningRow,
} from './result.js';
import { parseSearchSpace, sampleSearchSpace, searchSpaceKey } from './search-space.js';

/** The second tuning phase: each study's `top` best points, each run until it has `seeds` tuning seeds. */
export interface Recheck {
  top: number;
  seeds: number;
}

export const DEFAULT_RECHECK: Recheck = { top: 2, seeds: 3 };
/** No second phase (one seed per point, AlgoPerf's own rule). */
export const NO_RECHECK: Recheck = { top: 0, seeds: 1 };

export const recheckOf = (t: SearchTuning): Recheck => t.recheck ?? DEFAULT_RECHECK;
export const rechecks = (r: Recheck): boolean => r.top > 0 && r.seeds > 1;

export interface StudyPlan {
  workload: string;
  method: string;
  /** studies[k][j]: trial j of study k, with its sampled point. */
  studies: Array<Array<{ trial: PlannedTrial; point: HParams }>>;
  recheck: Recheck;
  /** The re-check trial of `point` on extra seed `e` (0-based) of rank `r` in study `k`. */
  recheckTrial(point: HParams, k: number, r: number, e: number): PlannedTrial;
}

/**
 * The Halton stream of study k on a workload for a search space. It names neither the method nor
 * the claim, so arms with equal spaces evaluate the same points, and `tune` and every claim with
 * the same space share their tuning trials.
 */
export function studySeed(workload: string, spaceKey: string, study: number): string {
  return `reprobench-tune/${workload}/space-${spaceKey}/study-${study}`;
}

export function searchSpaceOf(
  registries: Registries,
  method: string,
  spaces?: Record<string, Record<string, SearchDimension>>,
): Record<string, SearchDimension> {
  const space = spaces?.[method] ?? registries.methods.get(method).searchSpace;
  if (!space || Object.keys(space).length === 0) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `method "${method}" has no search space to tune`,
      'give the method a `searchSpace`, or the claim `tuning.spaces[method]`',
    );
  }
  return space;
}

/**
 * AlgoPerf external tuning for one method on one workload: `studies` × `trials` points, each
 * trial on its own tuning seed (repeat purpose `tune`, index k·trials + j, disjoint from
 * evaluation seeds; the same index, so the same init and batch-order seeds, for every arm). Re-check
 * trials take the indices after those: studies·trials + (k·top + r)·(seeds − 1) + e, so rank r of
 * study k runs on the same extra seeds in every arm. `budgetSteps` stretches the step budget.
 */
export function planStudies(
  registries: Registries,
  o: {
    workload: string;
    arm: ArmSpec;
    space: Record<string, SearchDimension>;
    studies: number;
    trials: number;
    backend: BackendInfo;
    stopAtTarget: boolean;
    budgetSteps?: number;
    recheck?: Recheck;
  },
): StudyPlan {
  const space = parseSearchSpace(o.space, `search space of ${o.arm.method}`);
  const key = searchSpaceKey(space);
  const recheck = o.recheck ?? NO_RECHECK;
  const trial = (point: HParams, index: number): PlannedTrial =>
    makeTrial(registries, {
      workloadId: o.workload,
      arm: o.arm,
      repeat: { purpose: 'tune', index },
      backend: o.backend,
      extra: point,
      stopAtTarget: o.stopAtTarget,
      ...(o.budgetSteps ? { budgetSteps: o.budgetSteps } : {}),
    });
  const studies = Array.from({ length: o.studies }, (_, k) =>
    sampleSearchSpace(space, o.trials, { seed: studySeed(o.workload, key, k) }).map((point, j) => ({
      point,
      trial: trial(point, k * o.trials + j),
    })),
  );
  const base = o.studies * o.trials;
  return {
    workload: o.workload,
    method: o.arm.method,
    studies,
    recheck,
    recheckTrial: (point, k, r, e) => trial(point, base + (k * recheck.top + r) * (recheck.seeds - 1) + e),
  };
}

/** Whether any trial of a study has a result (a study whose trials all failed measured nothing). */
const usableStudy = (study: StudyPlan['studies'][number], records: Map<string, TrialRecord>): boolean =>
  study.some(({ trial }) => {
    const r = records.get(trial.id);
    return r !== undefined && isFinished(r);
  });

/**
 * What a tuning study optimises: steps to target (time-to-target claims, AlgoPerf's rule), or
 * for fixed-budget claims the outcome those claims compare (the target metric at the last eval,
 * or its best), so a method is tuned for what it is judged on.
 */
export type StudyObjective =
  { kind: 'steps' } | { kind: 'metric'; outcome: 'final' | 'best'; direction: 'higher' | 'lower' };

const stepsOf = (r: TrialRecord | undefined): number | null =>
  r && r.status === 'reached' ? r.outcome.stepsToTarget : null;

function metricOf(r: TrialRecord | undefined, o: Extract<StudyObjective, { kind: 'metric' }>): number | null {
  if (!r || r.status === 'diverged' || r.status === 'failed' || r.status === 'timeout') return null;
  const v = o.outcome === 'best' ? r.outcome.bestTargetMetric : r.outcome.finalMetrics[r.config.target.metric];
  return v != null && Number.isFinite(v) ? v : null;
}

/** A trial's key: lower is better, +∞ for no result (missed target, diverged, failed, not run). */
function keyOf(r: TrialRecord | undefined, o: StudyObjective): number {
  if (o.kind === 'steps') return stepsOf(r) ?? Infinity;
  const m = metricOf(r, o);
  return m === null ? Infinity : o.direction === 'higher' ? -m : m;
}

/** The re-check trials of every study, from the phase-1 records: [] when the plan re-checks nothing. */
export function planRecheck(
  p: StudyPlan,
  records: Map<string, TrialRecord>,
  objective: StudyObjective,
): PlannedTrial[] {
  return groupRecheck(p, records, objective).flatMap(([, trials]) => trials);
}

/** The most re-check trials a plan can need (before phase 1 has run, for counts and estimates). */
export const recheckBound = (p: StudyPlan): number =>
  rechecks(p.recheck)
    ? p.studies.length * Math.min(p.recheck.top, p.studies[0]?.length ?? 0) * (p.recheck.seeds - 1)
    : 0;

/**
 * Each study's winner (its best re-checked point by the median over its tuning seeds; without a
 * re-check, its best trial), the median over studies with a missed target as infinite, and the
 * chosen point: the winner of the median study (the lower median for an even count), so the
 * evaluated point is the one behind the reported time.
 */
export function chooseFromStudies(
  plans: StudyPlan[],
  records: Map<string, TrialRecord>,
  objective: StudyObjective = { kind: 'steps' },
): Pick<TuningResult, 'rows' | 'choices'> {
  const rows: TuningRow[] = [];
  const choices: TuningChoice[] = [];
  for (const p of plans) {
    requireUsable(
      p.studies.flat().map(({ trial }) => records.get(trial.id)),
      `tuning of ${p.method} on ${p.workload}`,
      TUNING_FAILED_HINT,
    );
    const keys = new Map<string, number[]>();
    const extra = new Map(groupRecheck(p, records, objective));
    const studies: StudyKeys[] = p.studies.map((study, k) => ({
      k,
      usable: usableStudy(study, records),
      candidates: study.map(({ trial }, j) => {
        const more = extra.get(`${k}/${j}`) ?? [];
        const ks = [trial, ...more].map((t) => keyOf(records.get(t.id), objective));
        keys.set(`${k}/${j}`, ks);
        return { j, keys: ks, eligible: !rechecks(p.recheck) || more.length > 0 };
      }),
    }));
    const c = chooseAmongStudies(studies);
    p.studies.forEach((study, k) =>
      study.forEach(({ trial, point }, j) => {
        const ks = keys.get(`${k}/${j}`)!;
        const ids = [trial, ...(extra.get(`${k}/${j}`) ?? [])];
        const steps = ids.map((t) => stepsOf(records.get(t.id)));
        const row: TuningRow = {
          workload: p.workload,
          method: p.method,
          study: k,
          point,
          steps,
          medianSteps: finiteOrNull(medianInf(steps.map((s) => s ?? Infinity))),
          winner: c.winners[k]!.j === j,
          ...(rechecks(p.recheck) ? { rechecked: ids.length > 1 } : {}),
        };
        if (objective.kind === 'metric') {
          const metrics = ids.map((t) => metricOf(records.get(t.id), objective));
          const med = medianInf(ks);
          row.metric = Number.isFinite(med) ? (objective.direction === 'higher' ? -med : med) : null;
          if (ids.length > 1) row.metrics = metrics;
        }
        rows.push(row);
      }),
    );
    const chosenStudy = p.studies[c.chosen.k] ?? [];
    const point = c.chosen.j >= 0 ? chosenStudy[c.chosen.j]!.point : (chosenStudy[0]?.point ?? {});
    if (objective.kind === 'metric') {
      const medianMetric = Number.isFinite(c.value) ? (objective.direction === 'higher' ? -c.value : c.value) : null;
      choices.push({ workload: p.workload, method: p.method, point, medianSteps: null, medianMetric });
    } else {
      choices.push({ workload: p.workload, method: p.method, point, medianSteps: finiteOrNull(c.value) });
    }
  }
  return { rows, choices };
}

/** The re-check trials by `k/j` (study/point), as planRecheck plans them: a pure function of the phase-1 records. */
export function groupRecheck(
  p: StudyPlan,
  records: Map<string, TrialRecord>,
  objective: StudyObjective,
): Array<[string, PlannedTrial[]]> {
  if (!rechecks(p.recheck)) return [];
  return p.studies.flatMap((study, k) =>
    recheckPicks(
      study.map((s) => keyOf(records.get(s.trial.id), objective)),
      p.recheck.top,
    ).map((j, r): [string, PlannedTrial[]] => [
      `${k}/${j}`,
      Array.from({ length: p.recheck.seeds - 1 }, (_, e) => p.recheckTrial(study[j]!.point, k, r, e)),
    ]),
  );
}

/** One line on the search, for summaries; `what` names the objective (default: steps to target). */
export function describeSearch(t: SearchTuning, what = 'fastest'): string {
  const r = recheckOf(t);
  const studies = `${t.studies} stud${t.studies === 1 ? 'y' : 'ies'}`;
  const base = `AlgoPerf external tuning: ${studies} × ${t.trialsPerStudy} Halton points per method (the same points for arms with the same search space)`;
  return rechecks(r)
    ? `${base}, each study's ${r.top} ${what} re-run on ${r.seeds} tuning seeds in all, the study's winner by the median over them, median over studies`
    : `${base}, each study's ${what} trial, median over studies`;
}
