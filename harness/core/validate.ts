import { ReprobenchError } from '../errors.js';
import type { Registries } from './registries.js';
import { suggest } from './registry.js';
import { parseWorkloadRef, reportedMetrics, resolveVariant, WEIGHT_DISTANCE_METRIC } from './workload.js';
import type { ClaimDefinition } from './claim.js';
import type { PredictorDefinition } from './predictor.js';
import type { Registry } from './registry.js';

/**
 * A predictor claim names a predictor task, two predictors that exist for it, and (for
 * schedule transfer) fit and held-out arms among the claim's methods, disjoint.
 * @throws ReprobenchError E_BAD_CONFIG
 */
export function checkPredictor(c: ClaimDefinition, predictors: Registry<PredictorDefinition>): void {
  const bad = (msg: string, hint: string): ReprobenchError =>
    new ReprobenchError('E_BAD_CONFIG', `claim "${c.id}": ${msg}`, hint);
  if (c.testType !== 'predictor') {
    if (c.predictor)
      throw bad(`declares a predictor but is a ${c.testType} claim`, "use testType 'predictor', or drop `predictor`");
    return;
  }
  const p = c.predictor;
  if (!p)
    throw bad(
      'is a predictor claim without a predictor',
      'declare `predictor: { task, description, metric, method, baseline, ... }` (docs/claims.md)',
    );
  // Early stopping runs an extrapolator's predictive probability against running every curve to the end.
  const task = p.task === 'early-stopping' ? 'extrapolate-final' : p.task;
  const known = predictors
    .values()
    .filter(
      (d) =>
        d.task === task &&
        (p.task !== 'early-stopping' || ('probabilityBelow' in d && d.probabilityBelow !== undefined)),
    )
    .map((d) => d.id);
  for (const id of p.task === 'early-stopping' ? [p.method] : [p.method, p.baseline]) {
    if (!known.includes(id)) {
      const s = suggest(id, known);
      throw bad(
        `names unknown ${p.task === 'early-stopping' ? 'probabilistic extrapolate-final' : p.task} predictor "${id}"`,
        `${s ? `did you mean "${s}"? ` : ''}known: ${known.join(', ')}`,
      );
    }
  }
  if (p.task === 'early-stopping') {
    const fractions = [p.observedFraction, p.checkEvery, p.threshold];
    if (!fractions.every((x) => x > 0 && x < 1) || !(p.maxRegret >= 0))
      throw bad(
        'early stopping needs observedFraction, checkEvery and threshold in (0, 1) and maxRegret ≥ 0',
        'e.g. observedFraction 0.1, checkEvery 0.05, threshold 0.05, maxRegret 0.01',
      );
  } else if (p.method === p.baseline)
    throw bad(`compares predictor "${p.method}" with itself`, 'name a different baseline predictor');
  if (c.baselines.length)
    throw bad(
      'a predictor claim compares predictors, not training arms, so it has no baseline arms',
      'move the training arms into `methods` and name the baseline predictor in `predictor.baseline`',
    );
  if (p.task === 'schedule-transfer') {
    const arms = c.methods.map((m) => m.method);
    const stray = [...p.fit, ...p.heldOut].filter((a) => !arms.includes(a));
    if (stray.length)
      throw bad(
        `predictor arms ${stray.join(', ')} are not among the claim's methods`,
        `fit and heldOut name methods of the card: ${arms.join(', ')}`,
      );
    const both = p.fit.filter((a) => p.heldOut.includes(a));
    if (both.length)
      throw bad(
        `arm(s) ${both.join(', ')} are both fitted and held out`,
        'a held-out curve must not be among the fitted ones',
      );
  }
}

/**
 * Every id a claim names must exist, and every tuned arm needs a grid of the same size as the
 * others (fair tuning). Checked at load, before anything runs.
 * @throws ReprobenchError E_BAD_CONFIG
 */
export function checkClaimReferences(r: Registries): void {
  for (const c of r.claims.values()) {
    if (c.id === 'all')
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        'a claim is named "all", which `reprobench run all` reserves for the whole catalogue',
        'rename the claim',
      );
    const refs: Array<[string, string, string[]]> = [
      ...c.workloads.map((w): [string, string, string[]] => ['workload', parseWorkloadRef(w).id, r.workloads.ids()]),
      ...c.workloads
        .filter((w) => r.workloads.has(parseWorkloadRef(w).id) && parseWorkloadRef(w).variant !== 'default')
        .map((w): [string, string, string[]] => {
          const { id, variant } = parseWorkloadRef(w);
          return [`variant of ${id}`, variant, ['default', ...Object.keys(r.workloads.get(id).variants ?? {})]];
        }),
      ...(c.quickWorkloads ?? []).map((w): [string, string, string[]] => ['workload', w, c.workloads]),
      ...[...c.methods, ...c.baselines].map((a): [string, string, string[]] => ['method', a.method, r.methods.ids()]),
    ];
    for (const [kind, id, known] of refs) {
      if (!known.includes(id)) {
        const s = suggest(id, known);
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}" names unknown ${kind} "${id}"`,
          `${s ? `did you mean "${s}"? ` : ''}known: ${known.join(', ')}`,
        );
      }
    }
    if (c.claimedEffect.direction === 'equivalent') {
      if (c.claimedEffect.magnitude !== undefined) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}" claims equivalence and a magnitude`,
          'an equivalence (parity) claim has no claimed size: drop claimedEffect.magnitude; the margin says how close counts as equivalent',
        );
      }
      if (c.testType !== 'time-to-target' && c.testType !== 'fixed-budget') {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": equivalence is tested for time-to-target and fixed-budget claims, not ${c.testType}`,
          "use testType 'time-to-target' or 'fixed-budget'",
        );
      }
    }
    if (c.claimedEffect.direction === 'non-inferior') {
      if (c.claimedEffect.magnitude !== undefined) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}" claims non-inferiority and a magnitude`,
          'a non-inferiority claim ("matches or beats") has no claimed size: drop claimedEffect.magnitude; the margin says how much worse still counts as matching',
        );
      }
      if (c.testType === 'phenomenon') {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": a phenomenon cannot be claimed as non-inferiority`,
          "use direction 'method-better': the statistic lies beyond its null region",
        );
      }
    }
    if (
      c.fidelity?.kind !== 'faithful' &&
      !(c.fidelity?.kind === 'stand-in' && typeof c.fidelity.differs === 'string' && c.fidelity.differs.trim())
    ) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `claim "${c.id}" does not say how faithful it is to the paper`,
        "declare fidelity: { kind: 'faithful' } or { kind: 'stand-in', differs: '<what differs from the paper>' }",
      );
    }
    if (c.testType === 'phenomenon' && !c.phenomenon) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `claim "${c.id}" is a phenomenon claim without a statistic`,
        'declare `phenomenon: { description, statistic, nullRegion, claimedSide }` (docs/claims.md)',
      );
    }
    for (const v of c.validityChecks ?? []) {
      if (!c.methods.some((m) => m.method === v.method) || !v.why?.trim()) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": validity check "${v.method}" is not one of its methods, or says not why`,
          `name an arm of methods (${c.methods.map((m) => m.method).join(', ')}) and why its comparison must hold`,
        );
      }
    }
    if (c.validityChecks?.length && c.methods.every((m) => c.validityChecks!.some((v) => v.method === m.method))) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `claim "${c.id}": every method is a validity check, so nothing is left to judge the claim`,
        "keep at least one of the paper's methods out of validityChecks",
      );
    }
    checkPredictor(c, r.predictors);
    if (c.testType !== 'phenomenon' && c.testType !== 'predictor' && c.baselines.length === 0) {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `claim "${c.id}" (${c.testType}) has no baseline`,
        'name at least one baseline arm; only phenomenon claims go without',
      );
    }
    if (c.phenomenon) {
      const [lo, hi] = c.phenomenon.nullRegion;
      const bound = c.phenomenon.claimedSide === 'above' ? hi : lo;
      if (bound === null || (lo !== null && hi !== null && lo >= hi)) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": null region [${lo}, ${hi}] is empty or unbounded on the claimed side (${c.phenomenon.claimedSide})`,
          'bound the null region on the side where the paper says the statistic lies',
        );
      }
      for (const k of c.phenomenon.contrasts ?? []) {
        const named = [k.workload, ...k.than];
        const stray = named.find((w) => !c.workloads.includes(w));
        if (stray !== undefined) {
          throw new ReprobenchError(
            'E_BAD_CONFIG',
            `claim "${c.id}": contrast workload "${stray}" is not one of the claim's workloads`,
            `add it to workloads (${c.workloads.join(', ')}) or contrast workloads the claim runs`,
          );
        }
        if (k.than.includes(k.workload)) {
          throw new ReprobenchError(
            'E_BAD_CONFIG',
            `claim "${c.id}": contrast of "${k.workload}" with itself`,
            'contrast a workload with other workloads',
          );
        }
        const quickStray = c.quickWorkloads ? named.find((w) => !c.quickWorkloads!.includes(w)) : undefined;
        if (quickStray !== undefined) {
          throw new ReprobenchError(
            'E_BAD_CONFIG',
            `claim "${c.id}": contrast workload "${quickStray}" is not among quickWorkloads`,
            'a quick run must hold both sides of every contrast: add it to quickWorkloads',
          );
        }
      }
    }
    if (c.tuning && c.tuning.kind === 'search') {
      const t = c.tuning;
      const whole = (v: number, min: number) => Number.isInteger(v) && v >= min;
      if (!whole(t.studies, 1) || !whole(t.trialsPerStudy, 1)) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": tuning needs whole numbers of studies and trials per study (got ${t.studies} × ${t.trialsPerStudy})`,
          'for example studies: 2, trialsPerStudy: 6',
        );
      }
      if (t.recheck && (!whole(t.recheck.top, 0) || t.recheck.top > t.trialsPerStudy || !whole(t.recheck.seeds, 1))) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": tuning.recheck ${JSON.stringify(t.recheck)} must re-check 0…${t.trialsPerStudy} points per study on at least 1 seed in all`,
          'for example recheck: { top: 2, seeds: 3 } (the default); seeds: 1 re-checks nothing',
        );
      }
      for (const a of [...c.methods, ...c.baselines]) {
        const space =
          c.tuning.spaces?.[a.method] ?? (r.methods.has(a.method) ? r.methods.get(a.method).searchSpace : undefined);
        if (!space || Object.keys(space).length === 0) {
          throw new ReprobenchError(
            'E_BAD_CONFIG',
            `claim "${c.id}": method "${a.method}" has no search space to tune`,
            'give the method a `searchSpace`, or the claim `tuning.spaces[method]`',
          );
        }
      }
    } else if (c.tuning) {
      const grid = c.tuning.grid;
      const sizes = [...c.methods, ...c.baselines].map((a) => grid[a.method]?.length ?? 0);
      if (new Set(sizes).size !== 1 || sizes[0] === 0) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": every method needs a tuning grid of the same size (got ${sizes.join(', ')})`,
          'give each method in tuning.grid the same number of points: the same tuning budget for all',
        );
      }
    }
  }
}

/**
 * A target (or a claim's statistic) on a metric no trial reports would leave every trial censored
 * and the verdict confidently wrong, so every metric a workload, variant or claim names must be one
 * trials report. Checked at load, before anything runs.
 * @throws ReprobenchError E_BAD_CONFIG with the nearest known name
 */
export function checkMetricNames(r: Registries): void {
  const known = reportedMetrics();
  const check = (metric: string, where: string) => {
    if (known.includes(metric)) return;
    // An abbreviation (`validation/acc`) means the name it begins, even when another is fewer edits away.
    const s = known.find((k) => metric.length > 0 && k.startsWith(metric)) ?? suggest(metric, known);
    const hint = `${s ? `did you mean "${s}"? ` : ''}trials report ${known.join(', ')} (accuracy for classification only)`;
    throw new ReprobenchError('E_BAD_CONFIG', `${where} names metric "${metric}", which no trial reports`, hint);
  };
  for (const w of r.workloads.values()) {
    for (const variant of ['default', ...Object.keys(w.variants ?? {})]) {
      const where = `workload "${w.id}"${variant === 'default' ? '' : ` variant "${variant}"`}: its target`;
      check(resolveVariant(w, variant).target.metric, where);
    }
  }
  for (const c of r.claims.values()) {
    const st = c.phenomenon?.statistic;
    if (st?.kind === 'threshold-ratio') {
      check(st.first.metric, `claim "${c.id}": phenomenon.statistic.first`);
      check(st.then.metric, `claim "${c.id}": phenomenon.statistic.then`);
    } else if (st?.metric === WEIGHT_DISTANCE_METRIC) {
      const missing = c.workloads.filter((w) => {
        const ref = parseWorkloadRef(w);
        return resolveVariant(r.workloads.get(ref.id), ref.variant).options.recordWeightDistance !== true;
      });
      if (missing.length) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `claim "${c.id}": phenomenon.statistic names metric "${WEIGHT_DISTANCE_METRIC}", which ${missing.join(', ')} do(es) not record`,
          'use a workload variant whose options set recordWeightDistance: true (e.g. fashion-mnist-mlp:bn-distance)',
        );
      }
    } else if (st) check(st.metric, `claim "${c.id}": phenomenon.statistic`);
    if (c.predictor) check(c.predictor.metric, `claim "${c.id}": predictor`);
  }
}
