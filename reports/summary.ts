import { join } from 'node:path';
import type { ClaimSummary } from '../harness/analysis/summary.js';
import { writeJsonAtomic } from '../harness/store/atomic.js';

/** `summary.json`: the run's numbers and verdicts, from which `report` renders the HTML. */
export function writeSummaryJson(runDir: string, s: ClaimSummary): string {
  const json = join(runDir, 'summary.json');
  writeJsonAtomic(json, s);
  return json;
}
