import { ReprobenchError } from '../errors.js';
import { applyHeldOutRule, type HeldOutPair, type RuleNote } from './held-out.js';
import { benchmarkScore, performanceProfile, performanceRatios, type Profile, type TimeTable } from './profile.js';
import { geometricMeanSpeedup, type SpeedupResult } from './speedup.js';
import type { AlgoPerfVersion, Ruleset, ScoringSubmission, TimeAxis, TrialSelection } from './types.js';
import { ALGOPERF_VERSIONS, baseWorkloadOf, maxRuntimeSeconds } from './versions.js';
import { workloadTime, type WorkloadTime } from './workload-time.js';

export interface ScoreOptions {
  ruleset: Ruleset;
  /** An AlgoPerf version fixes the base and held-out workloads and the budgets for speedups. */
  version?: AlgoPerfVersion;
  /** Workloads the score averages over. @default the version's base workloads, else every workload in the pool */
  baseWorkloads?: readonly string[];
  /** Held-out variants guarding the base workloads. @default the version's list (v0.5: six; v0.6: none), restricted to variants of `baseWorkloads` */
  heldOutWorkloads?: readonly string[];
  /** Apply the held-out-variant rule. @default true (v0.5's leaderboard used it; a version without held-out workloads is unaffected) */
  heldOutRule?: boolean;
  /** @default 'fastest' */
  trialSelection?: TrialSelection;
  /** @default 'seconds' (AlgoPerf) */
  timeAxis?: TimeAxis;
  /** @default 4 */
  maxTau?: number;
  /** Number of τ values. @default 100 */
  points?: number;
  /** A submission in the pool to compute geometric-mean speedups against. */
  reference?: string;
}

/** A submission's time on one workload, with how it was obtained. */
export interface SubmissionWorkloadTime extends WorkloadTime {
  /** The submission has no results for this workload (its time is Infinity). */
  missing: boolean;
}

export interface ScoreResult {
  ruleset: Ruleset;
  version: AlgoPerfVersion | null;
  timeAxis: TimeAxis;
  trialSelection: TrialSelection;
  heldOutRule: boolean;
  baseWorkloads: string[];
  heldOut: HeldOutPair[];
  /** Per submission, per scored workload (base and held-out): the median over studies, before the held-out and 4× rules. */
  workloadTimes: Record<string, Record<string, SubmissionWorkloadTime>>;
  /** Per submission, per base workload: the times that enter the profile (after the held-out and 4× rules). */
  scoredTimes: TimeTable;
  /** r = scored time / fastest scored time on the workload. */
  ratios: TimeTable;
  profile: Profile;
  /** Benchmark score per submission: area under ρ over [1, maxTau] / (maxTau − 1). */
  scores: Record<string, number>;
  /** Against `options.reference`, when given. */
  speedups?: Record<string, SpeedupResult>;
  /** Times the rules set to Infinity, and why. */
  notes: RuleNote[];
  /** Departures from the version's rules that AlgoPerf also only warns about (study and trial counts, missing workloads). */
  warnings: string[];
}

function fail(message: string, hint: string): never {
  throw new ReprobenchError('E_SCORING_INPUT', message, hint);
}

/**
 * Scores a pool of submissions AlgoPerf-style: per-workload times (median over studies of each
 * study's best trial), the held-out and 4× rules, performance ratios, ρ(τ) and the benchmark
 * score. Scores are relative to the pool: adding or removing a submission changes them.
 * @throws ReprobenchError E_SCORING_INPUT for an empty pool, duplicate names, conflicting targets,
 *   a held-out workload without a base, or an unknown reference
 */
export function scoreSubmissions(pool: readonly ScoringSubmission[], options: ScoreOptions): ScoreResult {
  if (pool.length === 0)
    fail(
      'nothing to score: the pool is empty',
      'give at least one submission (a folder written by `reprobench import algoperf`)',
    );
  const names = pool.map((s) => s.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) fail(`two submissions are named "${dup}"`, 'score each submission once; rename one folder if they differ');

  const spec = options.version ? ALGOPERF_VERSIONS[options.version] : undefined;
  const axis = options.timeAxis ?? 'seconds';
  const trialSelection = options.trialSelection ?? 'fastest';
  const maxTau = options.maxTau ?? 4;
  const heldOutRule = options.heldOutRule ?? true;
  const baseWorkloads = [...(options.baseWorkloads ?? spec?.baseWorkloads ?? unionOfWorkloads(pool))];
  if (baseWorkloads.length === 0) fail('no workloads to score', 'the submissions hold no workload results');
  // The version's variants follow its base workloads: with a narrower base list, only theirs apply.
  const defaultHeldOut = (spec?.heldOutWorkloads ?? []).filter((w) => baseWorkloadOf(w, baseWorkloads) !== null);
  const heldOut: HeldOutPair[] = (heldOutRule ? [...(options.heldOutWorkloads ?? defaultHeldOut)] : []).map((w) => {
    const base = baseWorkloadOf(w, baseWorkloads);
    if (!base || base === w)
      fail(
        `held-out workload ${w} is not a variant of any base workload (${baseWorkloads.join(', ')})`,
        'a held-out name starts with its base workload\'s name and "_"',
      );
    return { workload: w, base };
  });
  checkTargets(pool, [...baseWorkloads, ...heldOut.map((h) => h.workload)]);

  const warnings: string[] = [];
  const scored = [...baseWorkloads, ...heldOut.map((h) => h.workload)];
  const workloadTimes: ScoreResult['workloadTimes'] = {};
  for (const sub of pool) {
    workloadTimes[sub.name] = {};
    for (const w of scored) {
      const wl = sub.workloads[w];
      if (!wl) {
        warnings.push(`${sub.name}: no results for ${w} (counted as not reached)`);
        workloadTimes[sub.name]![w] = { value: Infinity, studies: [], missing: true };
        continue;
      }
      if (spec) checkCounts(sub.name, w, wl.studies, spec.studies, spec.trialsPerStudy[options.ruleset], warnings);
      workloadTimes[sub.name]![w] = { ...workloadTime(wl, { axis, trialSelection }), missing: false };
    }
  }

  // Workloads a submission did not run stay absent here, so notes can say "not run"; the rules read them as Infinity.
  const raw: TimeTable = Object.fromEntries(
    pool.map((s) => [
      s.name,
      Object.fromEntries(
        scored.filter((w) => !workloadTimes[s.name]![w]!.missing).map((w) => [w, workloadTimes[s.name]![w]!.value]),
      ),
    ]),
  );
  const { times: scoredTimes, notes } = applyHeldOutRule(raw, baseWorkloads, heldOut, maxTau);
  const ratios = performanceRatios(scoredTimes, baseWorkloads);
  const profile = performanceProfile(ratios, baseWorkloads, {
    maxTau,
    points: options.points ?? 100,
    workloadCount: baseWorkloads.length,
  });
  const scores = Object.fromEntries(
    Object.entries(profile.rho).map(([s, rho]) => [s, benchmarkScore(rho, profile.taus)]),
  );

  const result: ScoreResult = {
    ruleset: options.ruleset,
    version: options.version ?? null,
    timeAxis: axis,
    trialSelection,
    heldOutRule,
    baseWorkloads,
    heldOut,
    workloadTimes,
    scoredTimes,
    ratios,
    profile,
    scores,
    notes,
    warnings,
  };
  if (options.reference !== undefined) result.speedups = speedupsAgainst(pool, options, raw, baseWorkloads, axis);
  return result;
}

function unionOfWorkloads(pool: readonly ScoringSubmission[]): string[] {
  return [...new Set(pool.flatMap((s) => Object.keys(s.workloads)))].sort();
}

/** Submissions compared on one workload must chase the same target, or the times mean different things. */
function checkTargets(pool: readonly ScoringSubmission[], workloads: readonly string[]): void {
  for (const w of workloads) {
    let first: { name: string; key: string } | undefined;
    for (const s of pool) {
      const t = s.workloads[w]?.target;
      if (!t) continue;
      const key = `${t.metric} ${t.direction === 'higher' ? '>=' : '<='} ${t.value}`;
      if (!first) first = { name: s.name, key };
      else if (first.key !== key)
        fail(
          `workload ${w} has target "${first.key}" in ${first.name} but "${key}" in ${s.name}`,
          'import all submissions of a pool with the same target file (the same AlgoPerf version)',
        );
    }
  }
}

function checkCounts(
  sub: string,
  w: string,
  studies: ReadonlyArray<{ index: number; trials: readonly unknown[] }>,
  expectStudies: number,
  expectTrials: number,
  warnings: string[],
): void {
  if (studies.length !== expectStudies)
    warnings.push(`${sub}: ${w} has ${studies.length} studies, the rules ask for ${expectStudies}`);
  for (const st of studies) {
    if (st.trials.length !== expectTrials)
      warnings.push(`${sub}: ${w} study ${st.index} has ${st.trials.length} trials, the rules ask for ${expectTrials}`);
  }
}

function speedupsAgainst(
  pool: readonly ScoringSubmission[],
  options: ScoreOptions,
  raw: TimeTable,
  baseWorkloads: readonly string[],
  axis: TimeAxis,
): Record<string, SpeedupResult> {
  const ref = options.reference!;
  if (!raw[ref]) fail(`reference "${ref}" is not in the pool`, `pick one of: ${Object.keys(raw).join(', ')}`);
  const budgets = Object.fromEntries(
    baseWorkloads.map((w) => {
      const fromPool = [pool.find((s) => s.name === ref), ...pool]
        .map((s) => s?.workloads[w]?.budget?.[axis])
        .find((b) => b !== undefined);
      const fromVersion =
        axis === 'seconds' && options.version ? maxRuntimeSeconds(options.version, options.ruleset, w) : undefined;
      return [w, fromPool ?? fromVersion];
    }),
  );
  return Object.fromEntries(
    pool.map((s) => [s.name, geometricMeanSpeedup(raw[s.name]!, raw[ref]!, baseWorkloads, budgets, ref)]),
  );
}
