import { ReprobenchError } from '../errors.js';
import { normCdf, normQuantile } from './distributions.js';
import { quantileSorted } from './descriptives.js';
import { createRng } from './rng.js';
import { requireFinite, requireInteger, requireProbability, requireSameLength } from './validate.js';

/** How the interval is read off the bootstrap distribution. */
export type BootstrapMethod = 'percentile' | 'bca';

/** Options shared by every bootstrap CI. */
export interface BootstrapOptions {
  /** Seed of the resampling stream; stored with the result so the CI can be recomputed. */
  seed: number;
  /** Two-sided confidence level. @default 0.95 */
  confidence?: number;
  /** @default 'bca' */
  method?: BootstrapMethod;
  /** Number of resamples B. @default 4000 */
  resamples?: number;
}

/** A bootstrap confidence interval. */
export interface BootstrapInterval {
  /** The statistic on the original data. */
  estimate: number;
  lower: number;
  upper: number;
  confidence: number;
  method: BootstrapMethod;
  resamples: number;
  /** The seed used, or null when the resample indices were injected. */
  seed: number | null;
  /** BCa bias correction z0 (0 for the percentile method). */
  biasCorrection: number;
  /** BCa acceleration a (0 for the percentile method). */
  acceleration: number;
}

/** Resample indices of one sample (or of pairs): `indices[b]` lists the positions drawn for resample b. */
export type SampleIndices = readonly (readonly number[])[];

/**
 * Resample indices per stratum: `indices[b][s]` lists, for resample b, the positions drawn from
 * stratum s (each in [0, size of s)). Injecting them lets a test replay numpy's exact draws.
 */
export type StratifiedIndices = readonly (readonly (readonly number[])[])[];

/** Options of the index-level core: like {@link BootstrapOptions} but indices may be injected. */
export interface BootstrapCoreOptions extends Partial<BootstrapOptions> {
  /** Pre-drawn resamples; when given, `seed` and `resamples` are ignored. */
  indices?: StratifiedIndices;
}

// Bootstrap statistics that equal the estimate mathematically can differ from it in the last
// bits (a permuted resample summed in another order); count those as ties so that BCa's z0 does
// not depend on summation order.
const TIE_RELATIVE = 1e-12;

/**
 * The engine behind every bootstrap CI: draws (or takes) per-stratum resample indices, evaluates
 * `statistic` on each, and reads a percentile or BCa interval off the result. Strata are
 * resampled independently (stratified bootstrap); one stratum of pairs gives a paired bootstrap.
 * The BCa acceleration follows scipy's multi-sample jackknife (Efron & Tibshirani eq. 15.36).
 * @throws ReprobenchError `E_STATS_INPUT` on bad options or indices; `E_STATS_DEGENERATE` when the
 *   statistic is not finite on some resample or BCa is undefined (estimate outside every resample).
 */
export function bootstrapIndicesCI(
  sizes: readonly number[],
  statistic: (indices: readonly (readonly number[])[]) => number,
  options: BootstrapCoreOptions,
): BootstrapInterval {
  const confidence = options.confidence ?? 0.95;
  requireProbability(confidence, 'confidence');
  return bootstrapInterval(bootstrapDistribution(sizes, statistic, options), confidence);
}

/**
 * The bootstrap distribution of a statistic, from which intervals at any level are read with
 * {@link bootstrapInterval} without resampling again (the verdict rules invert it for p-values).
 */
export interface BootstrapDistribution {
  estimate: number;
  /** The statistic on every resample, sorted ascending. */
  sorted: readonly number[];
  method: BootstrapMethod;
  /** The seed used, or null when the resample indices were injected. */
  seed: number | null;
  /** BCa bias correction z0 and acceleration a (0 for the percentile method, and for a point mass). */
  biasCorrection: number;
  acceleration: number;
  /** All resamples equal the estimate: every interval is that point. */
  pointMass: boolean;
}

/**
 * Draws (or takes) the resamples and evaluates the statistic on each; for BCa also z0 and the
 * jackknife acceleration. See {@link bootstrapIndicesCI} for the errors.
 */
export function bootstrapDistribution(
  sizes: readonly number[],
  statistic: (indices: readonly (readonly number[])[]) => number,
  options: BootstrapCoreOptions,
): BootstrapDistribution {
  const method = options.method ?? 'bca';
  if (method !== 'percentile' && method !== 'bca') {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `unknown bootstrap method '${String(method)}'`,
      "use 'percentile' or 'bca'",
    );
  }
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'every bootstrap stratum needs at least one value',
      'drop empty strata before bootstrapping',
    );
  }
  const full = sizes.map((n) => Array.from({ length: n }, (_, i) => i));
  const estimate = checked(statistic(full), 'the original data');
  const indices = options.indices ?? drawIndices(sizes, options);
  validateIndices(indices, sizes);
  const sorted = indices.map((idx, b) => checked(statistic(idx), `resample ${b}`)).sort((x, y) => x - y);
  const seed = options.indices ? null : (options.seed as number);
  const base = { estimate, sorted, method, seed, biasCorrection: 0, acceleration: 0, pointMass: false };
  if (method === 'percentile') return base;
  const B = sorted.length;
  const first = sorted[0] as number;
  const last = sorted[B - 1] as number;
  const tol = TIE_RELATIVE * Math.abs(estimate);
  // A point-mass bootstrap distribution (all values equal): the interval is that point.
  if (first === last && Math.abs(first - estimate) <= tol) return { ...base, pointMass: true };
  let below = 0;
  let atOrBelow = 0;
  for (const t of sorted) {
    if (t < estimate - tol) below++;
    if (t <= estimate + tol) atOrBelow++;
  }
  const z0 = normQuantile((below + atOrBelow) / (2 * B));
  if (!Number.isFinite(z0)) {
    throw new ReprobenchError(
      'E_STATS_DEGENERATE',
      'BCa is undefined: the estimate lies outside every bootstrap resample',
      "use method: 'percentile', or more repeats so that resamples straddle the estimate",
    );
  }
  return { ...base, biasCorrection: z0, acceleration: jackknifeAcceleration(sizes, statistic) };
}

/** The two-sided interval at `confidence` read off a bootstrap distribution (percentile or BCa). */
export function bootstrapInterval(d: BootstrapDistribution, confidence: number): BootstrapInterval {
  requireProbability(confidence, 'confidence');
  const base = {
    estimate: d.estimate,
    confidence,
    method: d.method,
    resamples: d.sorted.length,
    seed: d.seed,
    biasCorrection: d.biasCorrection,
    acceleration: d.acceleration,
  };
  if (d.pointMass) return { ...base, lower: d.estimate, upper: d.estimate };
  const alpha = (1 - confidence) / 2;
  if (d.method === 'percentile')
    return { ...base, lower: quantileSorted(d.sorted, alpha), upper: quantileSorted(d.sorted, 1 - alpha) };
  const z0 = d.biasCorrection;
  const a = d.acceleration;
  const zLo = normQuantile(alpha);
  const adj = (z: number): number => normCdf(z0 + (z0 + z) / (1 - a * (z0 + z)));
  return { ...base, lower: quantileSorted(d.sorted, adj(zLo)), upper: quantileSorted(d.sorted, adj(-zLo)) };
}

function checked(v: number, where: string): number {
  if (!Number.isFinite(v)) {
    throw new ReprobenchError(
      'E_STATS_DEGENERATE',
      `the bootstrap statistic is ${String(v)} on ${where}`,
      'the statistic must be finite on every resample (e.g. a ratio needs a denominator that cannot be 0)',
    );
  }
  return v;
}

function drawIndices(sizes: readonly number[], options: BootstrapCoreOptions): number[][][] {
  if (options.seed === undefined) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      'a bootstrap CI needs an explicit seed',
      'pass { seed: <integer> } and store it with the result',
    );
  }
  const B = options.resamples ?? 4000;
  requireInteger(B, 'resamples', 2, 10_000_000);
  const rng = createRng(options.seed);
  const out: number[][][] = [];
  for (let b = 0; b < B; b++) out.push(sizes.map((n) => Array.from({ length: n }, () => rng.int(n))));
  return out;
}

function validateIndices(indices: StratifiedIndices, sizes: readonly number[]): void {
  if (indices.length < 2) {
    throw new ReprobenchError(
      'E_STATS_INPUT',
      `only ${indices.length} bootstrap resample(s)`,
      'use at least 1000 resamples',
    );
  }
  for (const row of indices) {
    if (row.length !== sizes.length) {
      throw new ReprobenchError(
        'E_STATS_INPUT',
        'injected indices do not have one entry per stratum',
        'shape indices as [resample][stratum][draw]',
      );
    }
    row.forEach((idx, s) => {
      const n = sizes[s] as number;
      if (idx.length !== n || idx.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) {
        throw new ReprobenchError(
          'E_STATS_INPUT',
          `injected indices for stratum ${s} must be ${n} integers in [0, ${n})`,
          'export the indices with the data they index',
        );
      }
    });
  }
}

function jackknifeAcceleration(
  sizes: readonly number[],
  statistic: (indices: readonly (readonly number[])[]) => number,
): number {
  let num = 0;
  let den = 0;
  sizes.forEach((n, s) => {
    // A stratum of one value has no leave-one-out resample; it adds nothing to the skewness.
    if (n < 2) return;
    const full = sizes.map((m) => Array.from({ length: m }, (_, i) => i));
    const jack: number[] = [];
    for (let i = 0; i < n; i++) {
      const idx = full.slice();
      idx[s] = (full[s] as number[]).filter((j) => j !== i);
      jack.push(checked(statistic(idx), `jackknife sample ${i} of stratum ${s}`));
    }
    const dot = jack.reduce((x, y) => x + y, 0) / n;
    let n3 = 0;
    let n2 = 0;
    for (const t of jack) {
      const u = (n - 1) * (dot - t);
      n3 += u * u * u;
      n2 += u * u;
    }
    num += n3 / n ** 3;
    den += n2 / n ** 2;
  });
  return den > 0 ? num / (6 * den ** 1.5) : 0;
}

const pick = (xs: readonly number[], idx: readonly number[]): number[] => idx.map((i) => xs[i] as number);

/**
 * Bootstrap CI of `statistic` over one sample.
 * @throws ReprobenchError see {@link bootstrapIndicesCI}; `E_STATS_INPUT` on empty or non-finite data.
 */
export function bootstrapCI(
  xs: readonly number[],
  statistic: (sample: number[]) => number,
  options: BootstrapOptions | (Partial<BootstrapOptions> & { indices: SampleIndices }),
): BootstrapInterval {
  requireFinite(xs, 'sample');
  const { indices, ...rest } = options as Partial<BootstrapOptions> & { indices?: SampleIndices };
  return bootstrapIndicesCI([xs.length], (idx) => statistic(pick(xs, idx[0] as number[])), {
    ...rest,
    ...(indices ? { indices: indices.map((r) => [r]) } : {}),
  });
}

/**
 * Paired bootstrap: resamples repeat indices and keeps each (a[i], b[i]) pair together, which is
 * what common random numbers call for.
 * @throws ReprobenchError see {@link bootstrapIndicesCI}; `E_STATS_INPUT` when lengths differ.
 */
export function pairedBootstrapCI(
  a: readonly number[],
  b: readonly number[],
  statistic: (a: number[], b: number[]) => number,
  options: BootstrapOptions | (Partial<BootstrapOptions> & { indices: SampleIndices }),
): BootstrapInterval {
  requireFinite(a, 'a');
  requireFinite(b, 'b');
  requireSameLength(a, b, 'pairedBootstrapCI');
  const { indices, ...rest } = options as Partial<BootstrapOptions> & { indices?: SampleIndices };
  return bootstrapIndicesCI([a.length], (idx) => statistic(pick(a, idx[0] as number[]), pick(b, idx[0] as number[])), {
    ...rest,
    ...(indices ? { indices: indices.map((r) => [r]) } : {}),
  });
}

/**
 * Stratified bootstrap: each stratum (e.g. workload) is resampled within itself, so every
 * resample keeps the design's stratum sizes. `statistic` receives the resampled strata.
 * Two independent samples are the two-stratum case.
 * @throws ReprobenchError see {@link bootstrapIndicesCI}; `E_STATS_INPUT` on an empty stratum.
 */
export function stratifiedBootstrapCI(
  strata: readonly (readonly number[])[],
  statistic: (strata: number[][]) => number,
  options: BootstrapOptions | (Partial<BootstrapOptions> & { indices: StratifiedIndices }),
): BootstrapInterval {
  strata.forEach((s, i) => requireFinite(s, `stratum ${i}`));
  return bootstrapIndicesCI(
    strata.map((s) => s.length),
    (idx) => statistic(idx.map((r, s) => pick(strata[s] as number[], r))),
    options,
  );
}
