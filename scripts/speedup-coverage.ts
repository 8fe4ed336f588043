/**
 * Coverage of 95% intervals for time-to-target speedups on data shaped like reprobench's.
 *
 *   npx tsx scripts/speedup-coverage.ts [replications] [resamples]
 *
 * Defaults: 500 replications per setting (Monte Carlo SE of a 95% coverage ≈ 1%), 999 resamples. Per replication: n paired
 * seeds; log steps to target of baseline and method are bivariate normal (sd σ, correlation ρ,
 * medians 500 and 500/s), each read off an eval lattice (the first eval at or after the crossing:
 * spacing 2%, 5% or 12% of the baseline median), censored at a budget on the lattice (none, or at
 * the baseline's 80th percentile). The truth is s, the ratio of the continuous medians.
 * Candidates: the paired percentile bootstrap of the KM median ratio (reprobench's method before
 * this study), BCa of the same, a paired t interval on per-seed log ratios (no censoring only:
 * it estimates the geometric-mean ratio, equal to s here), and the smoothed bootstrap of
 * harness/stats/speedup-interval.ts. The table in docs/stats.md comes from this script.
 */
import { bootstrapIndicesCI } from '../harness/stats/bootstrap.js';
import { studentTQuantile } from '../harness/stats/distributions.js';
import { createRng } from '../harness/stats/rng.js';
import { kaplanMeierMedian, smoothedSpeedupInterval } from '../harness/stats/speedup-interval.js';

const R = Number(process.argv[2] ?? 500);
const B = Number(process.argv[3] ?? 999);

interface Setting {
  n: number;
  lattice: number;
  sigma: number;
  rho: number;
  censor: boolean;
  speedup: number;
  paired: boolean;
}
const scenarios = [
  { sigma: 0.1, rho: 0.5, censor: false, speedup: 1.3, paired: true, lattices: [0.02, 0.05, 0.12] },
  { sigma: 0.2, rho: 0, censor: true, speedup: 1.3, paired: true, lattices: [0.02, 0.05, 0.12] },
  { sigma: 0.06, rho: 0.9, censor: false, speedup: 1.15, paired: true, lattices: [0.02, 0.05, 0.12] },
  // Unpaired analysis (repeat indices that do not line up): independent arms.
  { sigma: 0.1, rho: 0, censor: false, speedup: 1.3, paired: false, lattices: [0.02] },
];
const settings: Setting[] = [];
for (const { lattices, ...sc } of scenarios)
  for (const lattice of lattices) for (const n of [5, 10, 20]) settings.push({ n, lattice, ...sc });

const MEDIAN = 500;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const covers = (ci: readonly [number, number], s: number): number => (ci[0] <= s && s <= ci[1] ? 1 : 0);

/** The KM median ratio on resample positions (method, baseline), an undefined median taken at the budget (as claim-effects did). */
function ratioAt(
  tm: number[],
  em: boolean[],
  tb: number[],
  eb: boolean[],
  im: readonly number[],
  ib: readonly number[],
  budget: number,
): number {
  const m =
    kaplanMeierMedian(
      im.map((i) => tm[i]!),
      im.map((i) => em[i]!),
    ) ?? budget;
  const b =
    kaplanMeierMedian(
      ib.map((i) => tb[i]!),
      ib.map((i) => eb[i]!),
    ) ?? budget;
  return b / m;
}

function run(st: Setting, seed: number) {
  const rng = createRng(seed);
  const step = st.lattice * MEDIAN;
  const onLattice = (t: number): number => Math.ceil(t / step) * step;
  const budget = st.censor ? onLattice(MEDIAN * Math.exp(st.sigma * 0.8416)) : Infinity;
  const hit = { pct: 0, bca: 0, bcaFailed: 0, logt: 0, logtN: 0, smooth: 0, smooth90: 0 };
  const width = { pct: 0, smooth: 0 };
  let censored = 0;
  for (let r = 0; r < R; r++) {
    const tm: number[] = [];
    const tb: number[] = [];
    for (let i = 0; i < st.n; i++) {
      const z1 = rng.normal();
      const z2 = st.rho * z1 + Math.sqrt(1 - st.rho * st.rho) * rng.normal();
      tb.push(onLattice(MEDIAN * Math.exp(st.sigma * z1)));
      tm.push(onLattice((MEDIAN / st.speedup) * Math.exp(st.sigma * z2)));
    }
    const eb = tb.map((t) => t <= budget);
    const em = tm.map((t) => t <= budget);
    censored += eb.filter((e) => !e).length + em.filter((e) => !e).length;
    const cb = tb.map((t) => Math.min(t, budget));
    const cm = tm.map((t) => Math.min(t, budget));
    const finiteBudget = Number.isFinite(budget) ? budget : 1e12;

    const draw = () => Array.from({ length: st.n }, () => rng.int(st.n));
    const indices = Array.from({ length: B }, () => (st.paired ? [draw()] : [draw(), draw()]));
    const cache = new WeakMap<object, number>();
    const stat = (idx: readonly (readonly number[])[]): number => {
      const key = idx;
      let v = cache.get(key);
      if (v === undefined)
        cache.set(key, (v = ratioAt(cm, em, cb, eb, idx[0]!, idx[st.paired ? 0 : 1]!, finiteBudget)));
      return v;
    };
    const sizes = st.paired ? [st.n] : [st.n, st.n];
    const p = bootstrapIndicesCI(sizes, stat, { indices, method: 'percentile' });
    hit.pct += covers([p.lower, p.upper], st.speedup);
    width.pct += Math.log(p.upper / p.lower);
    try {
      const b = bootstrapIndicesCI(sizes, stat, { indices, method: 'bca' });
      hit.bca += covers([b.lower, b.upper], st.speedup);
    } catch {
      hit.bcaFailed++;
    }
    if (st.paired && em.every(Boolean) && eb.every(Boolean)) {
      const d = cb.map((x, i) => Math.log(x / cm[i]!));
      const mean = d.reduce((a, x) => a + x, 0) / st.n;
      const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (st.n - 1));
      const h = (studentTQuantile(0.975, st.n - 1) * sd) / Math.sqrt(st.n);
      hit.logt += covers([Math.exp(mean - h), Math.exp(mean + h)], st.speedup);
      hit.logtN++;
    }
    const s = smoothedSpeedupInterval(
      { values: cm, events: em },
      { values: cb, events: eb },
      {
        budget: finiteBudget,
        center: 'median',
        paired: st.paired,
        confidences: [0.95, 0.9],
        seed: seed + r + 1,
        resamples: B,
      },
    );
    hit.smooth += covers(s.intervals[0]!, st.speedup);
    hit.smooth90 += covers(s.intervals[1]!, st.speedup);
    width.smooth += Math.log(s.intervals[0]![1] / s.intervals[0]![0]);
  }
  return { hit, width, censoredShare: censored / (2 * st.n * R) };
}

console.log(
  `${R} replications per setting, ${B} resamples; truth = ratio of continuous medians; coverage of the 95% interval (90% for the last column)`,
);
console.log(
  '| design | n | lattice | σ log | ρ | censored | speedup | percentile | BCa | paired log-t | smoothed | log width pct / smoothed | smoothed 90% |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
// The requirement (≥ 93%) is for the resolutions the references have (≤ 5% of the median); the
// 12% lattice is shown to say why: there every candidate under-covers when seeds vary less than a step.
const worst = { fine: 1, coarse: 1 };
const t0 = Date.now();
settings.forEach((st, k) => {
  const { hit, width, censoredShare } = run(st, 20261201 + 7919 * k);
  const smooth = hit.smooth / R;
  const key = st.lattice <= 0.05 ? 'fine' : 'coarse';
  worst[key] = Math.min(worst[key], smooth);
  const bca =
    hit.bcaFailed === R
      ? '—'
      : `${pct(hit.bca / (R - hit.bcaFailed))}${hit.bcaFailed ? ` (${hit.bcaFailed} undefined)` : ''}`;
  const logt = hit.logtN ? `${pct(hit.logt / hit.logtN)}${hit.logtN < R ? ` (${hit.logtN} uncensored)` : ''}` : '—';
  console.log(
    `| ${st.paired ? 'paired' : 'two-sample'} | ${st.n} | ${pct(st.lattice)} | ${st.sigma} | ${st.rho} | ${pct(censoredShare)} | ${st.speedup} | ${pct(hit.pct / R)} | ${bca} | ${logt} | ${pct(smooth)} | ` +
      `${(width.pct / R).toFixed(3)} / ${(width.smooth / R).toFixed(3)} | ${pct(hit.smooth90 / R)} |`,
  );
});
console.log(
  `lowest coverage of the smoothed bootstrap's 95% interval: ${pct(worst.fine)} on lattices ≤ 5% of the median, ${pct(worst.coarse)} on the 12% lattice (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
);
if (worst.fine < 0.93) process.exitCode = 1;
