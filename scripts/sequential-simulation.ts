/**
 * Operating characteristics of reprobench's sequential (adaptive-seeding) design.
 *
 *   npx tsx scripts/sequential-simulation.ts [nullComparisons] [alternativeComparisons]
 *
 * Defaults to 20,000 null and 20,000 alternative comparisons per design. Paired normal
 * outcomes (differences N(θ, 1)), one-sided α = 0.05, power 0.8 at θ = 0.5, batches of 4 seeds.
 * The numbers in docs/stats.md come from this script.
 */
import { simulateSequential } from '../harness/stats/sequential-simulation.js';

const nNull = Number(process.argv[2] ?? 20_000);
const nAlt = Number(process.argv[3] ?? 20_000);
const pct = (x: number): string => `${(100 * x).toFixed(2)}%`;

console.log(
  `null comparisons: ${nNull}, alternative comparisons: ${nAlt}, alpha 0.05 one-sided, power 0.8 at effect 0.5 SD, batch 4`,
);
console.log(
  '| spending | margin | fixed N | max N | looks | FPR (bound) | power seq / fixed | seeds H0 (saved) | seeds H1 (saved) | H0 stops: against the claim |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const spending of ['obrien-fleming', 'pocock'] as const) {
  for (const margin of [0.5, null]) {
    const t0 = Date.now();
    const r = simulateSequential({
      nullComparisons: nNull,
      alternativeComparisons: nAlt,
      spending,
      margin,
      seed: 20261127,
    });
    const looks = r.plan.looks.map((l) => `${l.seedsPerArm}:${l.boundary.toFixed(2)}`).join(' ');
    console.log(
      `| ${spending} | ${margin ?? 'none'} | ${r.fixedSeedsPerArm} | ${r.plan.options.maxSeedsPerArm} | ${looks} | ` +
        `${pct(r.null.reproducedRate)} (≤ ${pct(r.falsePositiveBound)}) | ${pct(r.alternative.reproducedRate)} / ${pct(r.alternative.fixedRejectionRate)} | ` +
        `${r.null.meanSeedsPerArm.toFixed(2)} (${pct(r.seedsSaved.null)}) | ${r.alternative.meanSeedsPerArm.toFixed(2)} (${pct(r.seedsSaved.alternative)}) | ` +
        `${pct(r.null.stoppedAgainstRate)} |`,
    );
    if (r.null.reproducedRate > r.falsePositiveBound) {
      console.error(`false-positive rate ${r.null.reproducedRate} exceeds ${r.falsePositiveBound}`);
      process.exitCode = 1;
    }
    console.error(`(${spending}, margin ${margin}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
