import { curveStatistic } from '../analysis/curve-statistic.js';
import { predictorBaseline, type ClaimDefinition, type PredictorSpec } from '../core/claim.js';
import { predictorOutcome, type PredictorInputs } from '../analysis/predictor-outcome.js';
import type { CurvePoint, TrialRecord } from '../core/trial.js';
import { workloadRefOf } from '../core/workload.js';
import { referenceVerdict, type ReferenceVerdict } from '../stats/index.js';
import { curveDigest, type ReferenceFile, type ReferenceTrial } from '../store/reference.js';
import { diffConfig, type FieldChange } from './config-diff.js';

/** What one rerun trial says against its reference trial. */
export interface TrialComparison {
  workload: string;
  method: string;
  repeat: number;
  /** identical: bit-equal curve and same configuration; config-changed: some field differs; differs: same configuration, different numbers. */
  result: 'identical' | 'differs' | 'config-changed' | 'other-class' | 'not-in-reference' | 'not-run';
  configChanges: FieldChange[];
  /** The first eval where the curves part, for `differs` (and for config changes when the curves also part). */
  firstDifference: { step: number; metric: string; reference: number | null; current: number | null } | null;
  detail: string;
}

/** The statistical comparison of one method on one workload (the claim's outcome, and train seconds). */
export interface GroupComparison {
  workload: string;
  method: string;
  /** What `steps` compares: steps to target (time-to-target claims), the final or best target metric (fixed budget), the card's statistic (phenomenon). */
  quantity?: string;
  /** The verdict on the claim's per-seed outcome (named for the time-to-target case, which came first). */
  steps: ReferenceVerdict | { verdict: 'not-compared'; explanation: string };
  seconds: ReferenceVerdict | { verdict: 'not-compared'; explanation: string };
  /** Whether these trials ran with the reference's numerics (the class, and an external trainer's own). */
  sameClass: boolean;
}

export interface CheckComparison {
  claim: string;
  referenceClass: string;
  currentClass: string;
  sameClass: boolean;
  trials: TrialComparison[];
  groups: GroupComparison[];
}

const key = (w: string, m: string, r: number) => `${w}|${m}|${r}`;

/** First step and metric where two curves differ; steps missing from one side count too. */
export function firstCurveDifference(ref: CurvePoint[], cur: CurvePoint[]): TrialComparison['firstDifference'] {
  const byStep = new Map(cur.map((p) => [p.step, p]));
  for (const r of ref) {
    const c = byStep.get(r.step);
    if (!c) return { step: r.step, metric: '(no eval at this step)', reference: null, current: null };
    for (const m of Object.keys(r.metrics).sort()) {
      const a = r.metrics[m] ?? null;
      const b = c.metrics[m] ?? null;
      if (!Object.is(a, b)) return { step: r.step, metric: m, reference: a, current: b };
    }
  }
  const extra = cur.find((p) => !ref.some((r) => r.step === p.step));
  return extra ? { step: extra.step, metric: '(eval not in the reference)', reference: null, current: null } : null;
}

const IGNORED = new Set(['numericsClass', 'backend']);

/**
 * An external trainer's numerics are its framework's, not the harness's class: a trial is compared
 * bit for bit only where the trainer reports what it reported for the reference. References made
 * before trainers reported their numerics carry none; those are taken as the same.
 */
function trainerNumericsDiffer(ref: ReferenceTrial, cur: TrialRecord): string | null {
  if (ref.framework === undefined || !cur.provenance.external) return null;
  const now = cur.provenance.external.framework;
  return ref.framework === now
    ? null
    : `other trainer numerics (reference ${ref.framework ?? 'unreported'}, now ${now ?? 'unreported'})`;
}

function compareTrial(
  ref: ReferenceTrial,
  cur: TrialRecord,
  sameClass: boolean,
  otherTrainer: string | null = null,
): TrialComparison {
  const base = { workload: ref.workload, method: ref.method, repeat: ref.repeat };
  const changes = diffConfig(ref.config, cur.config).filter((c) => !IGNORED.has(c.path));
  const sameCurve = curveDigest(cur.curve) === ref.curveDigest;
  const diff = sameCurve ? null : firstCurveDifference(ref.curve, cur.curve);
  if (changes.length) {
    const what = changes
      .map((c) => `${c.path} ${JSON.stringify(c.reference)} → ${JSON.stringify(c.current)}`)
      .join(', ');
    return {
      ...base,
      result: 'config-changed',
      configChanges: changes,
      firstDifference: diff,
      detail: `configuration changed: ${what}`,
    };
  }
  if (!sameClass)
    return {
      ...base,
      result: 'other-class',
      configChanges: [],
      firstDifference: diff,
      detail: `${otherTrainer ?? 'other numerics class'}: compared statistically`,
    };
  if (sameCurve && cur.status === ref.status)
    return {
      ...base,
      result: 'identical',
      configChanges: [],
      firstDifference: null,
      detail: 'bit-identical eval curve',
    };
  const where = diff
    ? `first difference at step ${diff.step}, ${diff.metric}: reference ${diff.reference} vs now ${diff.current}`
    : ref.curveThinned
      ? 'the curves differ between the stored (thinned) points'
      : `status ${ref.status} → ${cur.status}`;
  return {
    ...base,
    result: 'differs',
    configChanges: [],
    firstDifference: diff,
    detail: `same configuration, different result: ${where}`,
  };
}

type Stat = GroupComparison['steps'];

type ClaimForCheck = Pick<ClaimDefinition, 'id' | 'margin'> &
  Partial<Pick<ClaimDefinition, 'testType' | 'outcome' | 'phenomenon' | 'predictor'>>;

/**
 * The per-seed number a claim is judged on, read from a stored or fresh trial, and which way is
 * better: steps to target (censored at the budget); the final or best target metric; the card's
 * statistic. null: the trial has none (diverged, or a curve that gives no statistic).
 */
function claimOutcome(
  claim: ClaimForCheck,
  t: Pick<ReferenceTrial, 'config' | 'outcome' | 'curve' | 'status'>,
): number | null {
  // A predictor claim's arms only make curves: each arm is checked on its final target metric,
  // and the predictors' errors get groups of their own (predictorGroups).
  if (claim.testType === 'fixed-budget' || claim.testType === 'predictor') {
    if (t.status === 'diverged') return null;
    const v = claim.outcome === 'best' ? t.outcome.bestTargetMetric : t.outcome.finalMetrics[t.config.target.metric];
    return v != null && Number.isFinite(v) ? v : null;
  }
  if (claim.testType === 'phenomenon' && claim.phenomenon) {
    return t.status === 'diverged'
      ? null
      : curveStatistic(claim.phenomenon.statistic, t.curve, t.config.budget.steps).value;
  }
  return t.outcome.stepsToTarget ?? t.config.budget.steps;
}

function quantityOf(
  claim: ClaimForCheck,
  target: ReferenceTrial['config']['target'],
): { name: string; lowerIsBetter: boolean } {
  if (claim.testType === 'fixed-budget' || claim.testType === 'predictor')
    return { name: `${claim.outcome ?? 'final'} ${target.metric}`, lowerIsBetter: target.direction === 'lower' };
  if (claim.testType === 'phenomenon' && claim.phenomenon)
    return { name: 'the card statistic', lowerIsBetter: claim.phenomenon.claimedSide === 'below' };
  return { name: 'steps to target', lowerIsBetter: true };
}

function statVerdict(
  claim: Pick<ClaimDefinition, 'margin'>,
  reference: number[],
  current: number[],
  identical: boolean,
  lowerIsBetter = true,
): Stat {
  if (current.length < 2) return { verdict: 'not-compared', explanation: `only ${current.length} comparable seed(s)` };
  try {
    // Repeat k of both is the same seed: paired.
    return referenceVerdict({
      current,
      reference,
      identical,
      margin: claim.margin.value,
      marginUnits: claim.margin.units,
      lowerIsBetter,
      paired: true,
    });
  } catch (e) {
    return { verdict: 'not-compared', explanation: (e as Error).message };
  }
}

/**
 * Compares rerun trials with a reference. On the same numerics class each trial must be
 * bit-identical; across classes the per-seed outcome the claim is judged on (steps to target, the
 * final or best target metric, or the card's statistic) of each method and workload gets a
 * statistical reference verdict with the claim's margin. Wall time gets one everywhere, for
 * information (it depends on the machine as much as on the code).
 */
export function compareWithReference(
  claim: ClaimForCheck,
  reference: ReferenceFile,
  current: TrialRecord[],
  currentClass: string,
  predictors?: PredictorInputs,
): CheckComparison {
  const sameClass = reference.numericsClass === currentClass;
  const refByKey = new Map(reference.trials.map((t) => [key(t.workload, t.method, t.repeat), t]));
  const trials: TrialComparison[] = [];
  const pairsByGroup = new Map<string, Array<[ReferenceTrial, TrialRecord]>>();
  for (const cur of current) {
    const w = workloadRefOf(cur.config.workload);
    const base = {
      workload: w,
      method: cur.config.method.id,
      repeat: cur.config.repeat.index,
      configChanges: [],
      firstDifference: null,
    };
    const ref = refByKey.get(key(base.workload, base.method, base.repeat));
    if (!ref) {
      trials.push({
        ...base,
        result: 'not-in-reference',
        detail: 'the reference has no such trial (regenerate it with more repeats)',
      });
    } else if (cur.status === 'failed' || cur.status === 'timeout') {
      trials.push({ ...base, result: 'not-run', detail: `${cur.status}: ${cur.outcome.reason}` });
    } else {
      const otherTrainer = trainerNumericsDiffer(ref, cur);
      trials.push(compareTrial(ref, cur, sameClass && !otherTrainer, otherTrainer));
      const g = `${w}|${base.method}`;
      pairsByGroup.set(g, [...(pairsByGroup.get(g) ?? []), [ref, cur]]);
    }
  }
  const groups: GroupComparison[] = [...pairsByGroup].map(([g, pairs]) => {
    const [workload, method] = g.split('|') as [string, string];
    const groupClass = sameClass && pairs.every(([r, c]) => !trainerNumericsDiffer(r, c));
    const identical = groupClass && pairs.every(([r, c]) => curveDigest(c.curve) === r.curveDigest);
    const seconds = (o: ReferenceTrial['outcome']) => o.secondsToTarget ?? o.trainSeconds;
    const q = quantityOf(claim, pairs[0]![0].config.target);
    // A seed without an outcome on either side leaves the pair out.
    const values = pairs
      .map(([r, c]) => [claimOutcome(claim, r), claimOutcome(claim, c)] as const)
      .filter((v): v is readonly [number, number] => v[0] !== null && v[1] !== null);
    return {
      workload,
      method,
      quantity: q.name,
      steps: statVerdict(
        claim,
        values.map(([r]) => r),
        values.map(([, c]) => c),
        identical,
        q.lowerIsBetter,
      ),
      seconds: statVerdict(
        claim,
        pairs.map(([r]) => seconds(r.outcome)),
        pairs.map(([, c]) => seconds(c.outcome)),
        false,
      ),
      sameClass: groupClass,
    };
  });
  if (claim.testType === 'predictor' && claim.predictor)
    groups.push(...predictorGroups(claim, claim.predictor, [...pairsByGroup.values()].flat(), sameClass, predictors));
  return { claim: claim.id, referenceClass: reference.numericsClass, currentClass, sameClass, trials, groups };
}

/**
 * A predictor claim's errors, per workload and predictor: the errors on the reference's seeds
 * against the errors on the same seeds rerun (paired, lower is better), with the claim's margin.
 * Only seeds whose trials were compared take part, so both sides see the same curves' seeds.
 */
function predictorGroups(
  claim: ClaimForCheck,
  spec: PredictorSpec,
  pairs: Array<[ReferenceTrial, TrialRecord]>,
  sameClass: boolean,
  inputs: PredictorInputs | undefined,
): GroupComparison[] {
  const groups: GroupComparison[] = [];
  for (const w of [...new Set(pairs.map(([r]) => r.workload))]) {
    const mine = pairs.filter(([r]) => r.workload === w);
    const ref = predictorOutcome(
      spec,
      mine.map(([r]) => r),
      w,
      inputs,
    );
    const cur = predictorOutcome(
      spec,
      mine.map(([, c]) => c),
      w,
      inputs,
    );
    const identical = sameClass && mine.every(([r, c]) => curveDigest(c.curve) === r.curveDigest);
    for (const [id, refErr, curErr] of [
      [spec.method, ref.methodErrors, cur.methodErrors],
      [predictorBaseline(spec), ref.baselineErrors, cur.baselineErrors],
    ] as const) {
      const both = ref.repeats.flatMap((r, i) => {
        const j = cur.repeats.indexOf(r);
        return j >= 0 && Number.isFinite(refErr[i]) && Number.isFinite(curErr[j])
          ? [[refErr[i]!, curErr[j]!] as const]
          : [];
      });
      groups.push({
        workload: w,
        method: `predictor ${id}`,
        quantity: `${id} error (${ref.errorName})`,
        steps: statVerdict(
          claim,
          both.map(([r]) => r),
          both.map(([, c]) => c),
          identical,
          true,
        ),
        seconds: { verdict: 'not-compared', explanation: 'a predictor has no training time' },
        sameClass,
      });
    }
  }
  return groups;
}
