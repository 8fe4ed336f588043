import { ReprobenchError } from '../errors.js';

/** How a claim measures its outcome (DESIGN § Statistics). */
export type TestType = 'time-to-target' | 'fixed-budget' | 'predictor' | 'phenomenon';

/** Per-seed outcomes of one arm (a method or a baseline) on one workload. */
export interface ArmOutcomes {
  /** Method (or baseline) id. */
  id: string;
  /** Repeat index of each value; equal indices across arms are paired (common random numbers). */
  repeats: number[];
  /**
   * One outcome per repeat. time-to-target: steps to target, or the budget when censored;
   * fixed-budget: final (or best) metric; predictor: the predictor's error on that curve;
   * phenomenon: the card's declared statistic. May be NaN only where `diverged` is true.
   */
  values: number[];
  /** time-to-target only: true where the target was reached. @default all true */
  events?: boolean[];
  /** true where the trial diverged (NaN/Inf loss): censored at the budget for time-to-target, excluded elsewhere. */
  diverged?: boolean[];
}

/** One (method vs baseline × workload) comparison of a claim. */
export interface ComparisonInput {
  method: ArmOutcomes;
  /** The baseline arm; ignored (and optional) for 'phenomenon'. */
  baseline?: ArmOutcomes;
  workload: string;
  testType: TestType;
  /**
   * What the claim says (docs/stats.md § Rules): the method is better by more than the margin
   * (`method-better`, superiority), it is no worse than the margin allows (`non-inferior`: "matches
   * or beats", "without sacrificing"), or method and baseline are `equivalent` within the margin
   * (a parity claim; see equivalenceVerdict). @default 'method-better'
   */
  direction?: 'method-better' | 'non-inferior' | 'equivalent';
  /**
   * Whether lower outcomes are better: fixed-budget (loss vs accuracy), predictor (true for errors),
   * phenomenon (true: the claim is that the statistic lies below the null region). Ignored for
   * time-to-target, where fewer steps are always better.
   */
  lowerIsBetter: boolean;
  /** Step budget; required for time-to-target (censoring point and restricted-mean horizon). */
  budget?: number;
  /**
   * The smallest effect worth having, δ > 0: the verdict asks whether the effect's CI clears ±δ.
   * time-to-target and predictor effects are
   * ratios and take relative margins only: equivalence region [1/(1+δ), 1+δ]. fixed-budget takes
   * either. Ignored for phenomenon (the null region plays its part).
   */
  margin: number;
  marginUnits: 'relative' | 'absolute';
  /**
   * The paper's claimed magnitude M, on the effect's own scale: a speedup factor (e.g. 1.5),
   * an improvement size for fixed-budget in `marginUnits` (positive, in the better direction),
   * an error ratio for predictor (e.g. 0.5), the statistic's value for phenomenon.
   */
  claimedMagnitude?: number;
  /** phenomenon only: the values of the statistic consistent with no phenomenon; null (or ±Infinity) = unbounded. */
  nullRegion?: [number | null, number | null];
}

/** The usable data of one arm after applying divergence and (optional) pairing. */
export interface PreparedArm {
  values: number[];
  events: boolean[];
  repeats: number[];
  diverged: number;
  censored: number;
}

const bad = (msg: string, hint: string): ReprobenchError => new ReprobenchError('E_STATS_INPUT', msg, hint);

/**
 * Validates one arm and applies the DESIGN's rules: a diverged time-to-target trial is censored at
 * the budget; elsewhere a diverged trial has no outcome and is dropped (and counted). Sorted by repeat.
 * @throws ReprobenchError `E_STATS_INPUT` on mismatched lengths, duplicate repeats or a non-finite value of a non-diverged trial.
 */
export function prepareArm(
  arm: ArmOutcomes,
  testType: TestType,
  budget: number | undefined,
  label: string,
): PreparedArm {
  const n = arm.values?.length ?? 0;
  if (!Array.isArray(arm.values) || !Array.isArray(arm.repeats) || arm.repeats.length !== n) {
    throw bad(
      `${label} '${arm.id}': repeats and values must be arrays of equal length`,
      'give one repeat index per value',
    );
  }
  for (const [name, xs] of [
    ['events', arm.events],
    ['diverged', arm.diverged],
  ] as const) {
    if (xs !== undefined && xs.length !== n)
      throw bad(
        `${label} '${arm.id}': ${name} has ${xs.length} entries for ${n} values`,
        `give one ${name} flag per value`,
      );
  }
  if (new Set(arm.repeats).size !== n)
    throw bad(`${label} '${arm.id}' repeats a repeat index`, 'each repeat index may appear once per arm');
  const order = arm.repeats.map((_, i) => i).sort((i, j) => (arm.repeats[i] as number) - (arm.repeats[j] as number));
  const out: PreparedArm = { values: [], events: [], repeats: [], diverged: 0, censored: 0 };
  for (const i of order) {
    const div = arm.diverged?.[i] === true;
    let v = arm.values[i] as number;
    let ev = testType === 'time-to-target' ? (arm.events?.[i] ?? true) : true;
    if (div) {
      out.diverged++;
      if (testType !== 'time-to-target') continue;
      v = budget as number;
      ev = false;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw bad(
        `${label} '${arm.id}' repeat ${String(arm.repeats[i])} has value ${String(v)}`,
        'mark a NaN/Inf run as diverged instead of passing NaN',
      );
    }
    if (!ev) out.censored++;
    out.values.push(v);
    out.events.push(ev);
    out.repeats.push(arm.repeats[i] as number);
  }
  return out;
}

/** Whether two prepared arms hold exactly the same repeats (then they are analysed as pairs). */
export function isPaired(a: PreparedArm, b: PreparedArm): boolean {
  return a.repeats.length === b.repeats.length && a.repeats.every((r, i) => r === b.repeats[i]);
}

/** Checks the comparison-level fields.
 * @throws ReprobenchError `E_STATS_INPUT` on a missing budget, baseline, null region or a bad margin.
 */
export function validateComparison(c: ComparisonInput): void {
  const where = `comparison '${c.method?.id}' on '${c.workload}'`;
  if (!['time-to-target', 'fixed-budget', 'predictor', 'phenomenon'].includes(c.testType)) {
    throw bad(
      `${where}: unknown testType '${String(c.testType)}'`,
      "use 'time-to-target', 'fixed-budget', 'predictor' or 'phenomenon'",
    );
  }
  if (c.direction !== undefined && !['method-better', 'non-inferior', 'equivalent'].includes(c.direction)) {
    throw bad(
      `${where}: unknown direction '${String(c.direction)}'`,
      "use 'method-better', 'non-inferior' or 'equivalent'",
    );
  }
  if (c.testType !== 'phenomenon') {
    if (!c.baseline)
      throw bad(`${where}: no baseline arm`, 'a comparison needs a baseline (only phenomenon claims do not)');
    if (!(Number.isFinite(c.margin) && c.margin > 0))
      throw bad(`${where}: margin is ${String(c.margin)}`, 'give the claim card a positive margin δ');
    if (c.marginUnits !== 'relative' && c.marginUnits !== 'absolute')
      throw bad(`${where}: unknown marginUnits '${String(c.marginUnits)}'`, "use 'relative' or 'absolute'");
    if ((c.testType === 'time-to-target' || c.testType === 'predictor') && c.marginUnits !== 'relative') {
      throw bad(
        `${where}: ${c.testType} effects are ratios, so the margin must be relative`,
        "use marginUnits: 'relative' (e.g. 0.1 = within 10%)",
      );
    }
  }
  if (c.testType === 'time-to-target' && !(Number.isFinite(c.budget) && (c.budget as number) > 0)) {
    throw bad(`${where}: time-to-target needs the step budget`, 'pass budget: the workload max steps');
  }
  if (c.testType === 'phenomenon') {
    const r = c.nullRegion;
    if (!Array.isArray(r) || r.length !== 2 || (r[0] ?? -Infinity) >= (r[1] ?? Infinity)) {
      throw bad(
        `${where}: phenomenon needs a null region [lo, hi] with lo < hi`,
        'declare the values that mean "no phenomenon" on the claim card',
      );
    }
  }
  if (c.claimedMagnitude !== undefined && !Number.isFinite(c.claimedMagnitude)) {
    throw bad(`${where}: claimedMagnitude is ${String(c.claimedMagnitude)}`, 'omit it or pass a finite number');
  }
}
