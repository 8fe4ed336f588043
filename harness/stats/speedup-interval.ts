import { ReprobenchError } from '../errors.js';
import { quantileSorted } from './descriptives.js';
import { createRng } from './rng.js';
import { kaplanMeier, restrictedMean } from './survival.js';
import { requireInteger, requireProbability } from './validate.js';

/**
 * Confidence intervals of a time-to-target speedup (centre of the baseline / centre of the
 * method) by a smoothed bootstrap, the method docs/stats.md § "Speedup intervals: coverage
 * simulation" chose (scripts/speedup-coverage.ts): steps to target sit on an eval lattice, so a
 * plain bootstrap of a median only ever sees a handful of tied values and its percentile
 * interval collapses onto them. Each resampled event time is jittered on the log scale by a
 * Gaussian kernel with bandwidth h = n^(-1/5) standard deviations, and shrunk toward the arm's mean
 * so that the smoothed distribution's variance equals the sample variance s² (Silverman & Young's
 * shrunk smoothed bootstrap, with the n − 1 denominator: the plain bootstrap's (n − 1)/n s² is what
 * makes small-n intervals too short). In a paired design the two arms' kernels are correlated as
 * their log times are, so smoothing does not undo the pairing.
 */

/** One arm: steps to target, censored (event false) at the budget or earlier. */
export interface SurvivalSample {
  values: readonly number[];
  events: readonly boolean[];
}

/** Pre-drawn randomness (tests replay it from an independent implementation). */
export interface SpeedupDraws {
  /** indices[b]: paired: [positions]; two-sample: [method positions, baseline positions]. */
  indices: readonly (readonly (readonly number[])[])[];
  /** normals[b]: paired: [z1, z2] per position (2n values); two-sample: [method z..., baseline z...]. */
  normals: readonly (readonly number[])[];
}

export interface SpeedupIntervalOptions {
  /** The censoring point: a jittered event beyond it is censored there; an undefined median is taken at it. */
  budget: number;
  /** `median`: Kaplan–Meier medians; `restricted-mean`: areas under the KM curves up to the budget. */
  center: 'median' | 'restricted-mean';
  /** Pairs share a repeat index (method.values[i] with baseline.values[i]). */
  paired: boolean;
  /** Two-sided confidence levels, all read off the same resamples. */
  confidences: readonly number[];
  seed?: number;
  /** @default 2000 */
  resamples?: number;
  draws?: SpeedupDraws;
}

export interface SpeedupInterval {
  /** centre(baseline) / centre(method) on the data. */
  estimate: number;
  /** One [lower, upper] per confidence level, in the order given. */
  intervals: Array<[number, number]>;
  resamples: number;
  /** Kernel bandwidth in standard deviations of log time, per arm: [method, baseline]. */
  bandwidth: [number, number];
  /** Correlation of the two arms' kernels (0 for two samples). */
  kernelCorrelation: number;
  seed: number | null;
  /** The speedup on every resample, ascending: intervals at other levels come from it ({@link speedupCiAt}). */
  sorted: number[];
}

/** The percentile interval at any two-sided `confidence`, from the same resamples as the stored intervals. */
export function speedupCiAt(iv: Pick<SpeedupInterval, 'sorted'>, confidence: number): [number, number] {
  requireProbability(confidence, 'confidence');
  return [quantileSorted(iv.sorted, (1 - confidence) / 2), quantileSorted(iv.sorted, 1 - (1 - confidence) / 2)];
}

/**
 * Kaplan–Meier median with the conventions of {@link kaplanMeier} (R's midpoint where S(t) is
 * exactly 0.5), without its standard errors: the bootstrap calls it thousands of times.
 * Null when S(t) never falls to 0.5.
 */
export function kaplanMeierMedian(times: ArrayLike<number>, events: ArrayLike<boolean>): number | null {
  const ev = new Float64Array(times.length);
  const cens = new Float64Array(times.length);
  let ne = 0;
  let nc = 0;
  for (let i = 0; i < times.length; i++) {
    if (events[i]) ev[ne++] = times[i] as number;
    else cens[nc++] = times[i] as number;
  }
  return medianOfSorted(ev.subarray(0, ne).sort(), cens.subarray(0, nc).sort());
}

/** The KM median from sorted event times and sorted censoring times. */
function medianOfSorted(ev: Float64Array, cens: Float64Array): number | null {
  const n = ev.length + cens.length;
  let s = 1;
  let gone = 0;
  let c = 0;
  for (let i = 0; i < ev.length;) {
    const t = ev[i] as number;
    // Censored at t are still at risk at t (the convention of kaplanMeier).
    while (c < cens.length && (cens[c] as number) < t) c++;
    let d = 0;
    while (i < ev.length && ev[i] === t) {
      d++;
      i++;
    }
    s *= 1 - d / (n - gone - c);
    gone += d;
    if (Math.abs(s - 0.5) <= 1e-12) return i < ev.length ? (t + (ev[i] as number)) / 2 : t;
    if (s < 0.5) return t;
  }
  return null;
}

interface Kernel {
  mean: number;
  sd: number;
  logs: number[];
}

function kernelOf(a: SurvivalSample): Kernel {
  const logs = a.values.map((v) => Math.log(Math.max(v, Number.MIN_VALUE)));
  const reached = logs.filter((_, i) => a.events[i]);
  const mean = reached.length ? reached.reduce((x, y) => x + y, 0) / reached.length : 0;
  const sd =
    reached.length >= 2 ? Math.sqrt(reached.reduce((x, y) => x + (y - mean) ** 2, 0) / (reached.length - 1)) : 0;
  return { mean, sd, logs };
}

/** Correlation of the log times over pairs where both arms reached the target; 0 with fewer than 3 such pairs. */
function pairCorrelation(m: Kernel, b: Kernel, mEv: readonly boolean[], bEv: readonly boolean[]): number {
  const idx = m.logs.map((_, i) => i).filter((i) => mEv[i] && bEv[i]);
  if (idx.length < 3 || m.sd === 0 || b.sd === 0) return 0;
  const xm = idx.reduce((s, i) => s + (m.logs[i] as number), 0) / idx.length;
  const xb = idx.reduce((s, i) => s + (b.logs[i] as number), 0) / idx.length;
  let cov = 0;
  let vm = 0;
  let vb = 0;
  for (const i of idx) {
    const dm = (m.logs[i] as number) - xm;
    const db = (b.logs[i] as number) - xb;
    cov += dm * db;
    vm += dm * dm;
    vb += db * db;
  }
  return vm > 0 && vb > 0 ? Math.max(-1, Math.min(1, cov / Math.sqrt(vm * vb))) : 0;
}

const bandwidthFor = (n: number): number => n ** -0.2;

/**
 * Smoothed-bootstrap percentile intervals of the speedup centre(baseline) / centre(method).
 * Censored trials are resampled as they are; reached ones get a log-normal jitter.
 * @throws ReprobenchError `E_STATS_INPUT` on bad options, draws of the wrong shape, or arms
 *   whose lengths differ in a paired design; `E_STATS_DEGENERATE` when a centre is not positive.
 */
export function smoothedSpeedupInterval(
  method: SurvivalSample,
  baseline: SurvivalSample,
  o: SpeedupIntervalOptions,
): SpeedupInterval {
  const budget = o.budget;
  if (!(Number.isFinite(budget) && budget > 0)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `speedup interval: budget is ${String(budget)}`,
      'pass the step budget (a positive number)',
    );
  }
  for (const c of o.confidences) requireProbability(c, 'confidence');
  for (const a of [method, baseline]) {
    if (a.values.length < 2 || a.values.length !== a.events.length) {
      const msg = 'speedup interval: each arm needs at least 2 values and one event flag per value';
      throw new ReprobenchError('E_STATS_INPUT', msg, 'pass the arms as prepared for the comparison');
    }
  }
  if (o.paired && method.values.length !== baseline.values.length) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'speedup interval: paired arms differ in length',
      'pair the arms by repeat index first',
    );
  }
  const center = (t: ArrayLike<number>, e: ArrayLike<boolean>): number => {
    if (o.center === 'median') return kaplanMeierMedian(t, e) ?? budget;
    return restrictedMean(kaplanMeier(Array.from(t), Array.from(e)), budget);
  };
  const ratio = (
    tm: ArrayLike<number>,
    em: ArrayLike<boolean>,
    tb: ArrayLike<number>,
    eb: ArrayLike<boolean>,
  ): number => {
    const cm = center(tm, em);
    const cb = center(tb, eb);
    if (!(cm > 0 && cb > 0))
      throw new ReprobenchError(
        'E_STATS_DEGENERATE',
        'a time-to-target centre is not positive',
        'steps to target are counted from 1',
      );
    return cb / cm;
  };
  const estimate = ratio(method.values, method.events, baseline.values, baseline.events);

  const km = kernelOf(method);
  const kb = kernelOf(baseline);
  const nm = method.values.length;
  const nb = baseline.values.length;
  const rho = o.paired ? pairCorrelation(km, kb, method.events, baseline.events) : 0;
  const hm = bandwidthFor(nm);
  const hb = bandwidthFor(nb);
  const draws = o.draws ?? drawAll(o, nm, nb);
  checkDraws(draws, o.paired, nm, nb);

  // Per arm, the resample's event and censoring times (typed arrays: the loop runs thousands of times).
  const arm = (n: number) => ({ ev: new Float64Array(n), cens: new Float64Array(n), ne: 0, nc: 0 });
  const am = arm(nm);
  const ab = arm(nb);
  const centerOf = (x: ReturnType<typeof arm>): number => {
    const ev = x.ev.subarray(0, x.ne).sort();
    const cens = x.cens.subarray(0, x.nc).sort();
    if (o.center === 'median') return medianOfSorted(ev, cens) ?? budget;
    return restrictedMean(
      kaplanMeier([...ev, ...cens], [...ev].map(() => true).concat([...cens].map(() => false))),
      budget,
    );
  };
  // One jittered draw: log t* = mean + (log t − mean + h·sd·z) / sqrt((n − 1)/n + h²), censored beyond the budget.
  const put = (x: ReturnType<typeof arm>, k: Kernel, a: SurvivalSample, h: number, i: number, z: number): void => {
    if (!a.events[i]) {
      x.cens[x.nc++] = a.values[i] as number;
      return;
    }
    const n = a.values.length;
    const t = Math.exp(k.mean + ((k.logs[i] as number) - k.mean + h * k.sd * z) / Math.sqrt((n - 1) / n + h * h));
    if (t <= budget) x.ev[x.ne++] = t;
    else x.cens[x.nc++] = budget;
  };
  const thetas: number[] = [];
  const root = Math.sqrt(1 - rho * rho);
  for (let r = 0; r < draws.indices.length; r++) {
    const idx = draws.indices[r] as readonly (readonly number[])[];
    const z = draws.normals[r] as readonly number[];
    am.ne = am.nc = ab.ne = ab.nc = 0;
    if (o.paired) {
      (idx[0] as readonly number[]).forEach((i, k) => {
        const z1 = z[2 * k] as number;
        put(am, km, method, hm, i, z1);
        put(ab, kb, baseline, hb, i, rho * z1 + root * (z[2 * k + 1] as number));
      });
    } else {
      (idx[0] as readonly number[]).forEach((i, k) => put(am, km, method, hm, i, z[k] as number));
      (idx[1] as readonly number[]).forEach((i, k) => put(ab, kb, baseline, hb, i, z[nm + k] as number));
    }
    const cm = centerOf(am);
    const cb = centerOf(ab);
    if (!(cm > 0 && cb > 0)) {
      throw new ReprobenchError(
        'E_STATS_DEGENERATE',
        'a time-to-target centre is not positive in a resample',
        'steps to target are counted from 1',
      );
    }
    thetas.push(cb / cm);
  }
  thetas.sort((a, b) => a - b);
  const intervals = o.confidences.map((c) => speedupCiAt({ sorted: thetas }, c));
  return {
    estimate,
    intervals,
    resamples: thetas.length,
    bandwidth: [hm, hb],
    kernelCorrelation: rho,
    seed: o.draws ? null : (o.seed as number),
    sorted: thetas,
  };
}

/** Draw order per resample: paired: n indices, then z1, z2 per position; two-sample: method indices, baseline indices, method z's, baseline z's. */
function drawAll(o: SpeedupIntervalOptions, nm: number, nb: number): SpeedupDraws {
  if (o.seed === undefined) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a bootstrap CI needs an explicit seed',
      'pass { seed: <integer> } and store it with the result',
    );
  }
  const B = o.resamples ?? 2000;
  requireInteger(B, 'resamples', 2, 10_000_000);
  const rng = createRng(o.seed);
  const indices: number[][][] = [];
  const normals: number[][] = [];
  for (let r = 0; r < B; r++) {
    if (o.paired) {
      indices.push([Array.from({ length: nm }, () => rng.int(nm))]);
      normals.push(Array.from({ length: 2 * nm }, () => rng.normal()));
    } else {
      indices.push([Array.from({ length: nm }, () => rng.int(nm)), Array.from({ length: nb }, () => rng.int(nb))]);
      normals.push(Array.from({ length: nm + nb }, () => rng.normal()));
    }
  }
  return { indices, normals };
}

function checkDraws(d: SpeedupDraws, paired: boolean, nm: number, nb: number): void {
  const bad = (): never => {
    const hint = 'paired: [[n positions]] and 2n normals per resample; two-sample: [[nm], [nb]] and nm + nb normals';
    throw new ReprobenchError('E_STATS_INPUT', 'injected speedup draws do not match the design', hint);
  };
  if (d.indices.length < 2 || d.normals.length !== d.indices.length) bad();
  const sizes = paired ? [nm] : [nm, nb];
  d.indices.forEach((row, r) => {
    if (row.length !== sizes.length) bad();
    row.forEach((pos, s) => {
      if (pos.length !== sizes[s] || pos.some((i) => !Number.isInteger(i) || i < 0 || i >= sizes[s]!)) bad();
    });
    if (d.normals[r]!.length !== (paired ? 2 * nm : nm + nb) || d.normals[r]!.some((z) => !Number.isFinite(z))) bad();
  });
}
