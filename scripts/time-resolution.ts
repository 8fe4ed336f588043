// DESIGN § Time resolution, per time-to-target arm of each reference file (or run directory) named:
//   npx tsx scripts/time-resolution.ts reference-results/*/*.json runs/adan
// Prints whether each arm's steps to target are known to within 2% of its median; exits 1 when one is not.
import { existsSync, statSync } from 'node:fs';
import { timeResolution, type ResolutionTrial } from '../harness/analysis/time-resolution.js';
import { readReference } from '../harness/store/reference.js';
import { readTrials } from '../harness/store/trial-store.js';

let failed = false;
for (const path of process.argv.slice(2)) {
  const trials: ResolutionTrial[] =
    existsSync(path) && statSync(path).isDirectory() ? [...readTrials(path).values()] : readReference(path).trials;
  const arms = timeResolution(trials);
  if (arms.length === 0) console.log(`${path}: no time-to-target arms`);
  for (const a of arms) {
    failed ||= !a.resolved;
    const worst = a.worstSteps === null ? '—' : `${a.worstSteps} steps`;
    const share =
      a.worstSteps !== null && a.medianSteps
        ? ` (${((100 * a.worstSteps) / a.medianSteps).toFixed(1)}% of the median ${a.medianSteps})`
        : '';
    const unknown = a.unknown ? `, ${a.unknown} unknown` : '';
    console.log(
      `${a.resolved ? 'ok  ' : 'FAIL'} ${path}: ${a.method} on ${a.workload}: ${a.reached} reached, coarsest ${worst}${share}${unknown}`,
    );
  }
}
process.exit(failed ? 1 : 0);
