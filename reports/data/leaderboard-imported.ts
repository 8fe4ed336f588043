import { loadImportedPool } from '../../harness/importers/algoperf-pool.js';
import { scoreSubmissions } from '../../harness/scoring/index.js';
import type { LeaderboardEntry } from './leaderboard-data.js';

/**
 * Entries from imported AlgoPerf submissions (`reprobench import algoperf`): per base workload the
 * time AlgoPerf's rules give (median over studies of each study's fastest trial, after the
 * held-out and 4× rules of the submissions' own pool). AlgoPerf publishes no CIs, so there are none.
 */
export function importedEntries(paths: string[]): Array<LeaderboardEntry & { dir: string }> {
  if (paths.length === 0) return [];
  const loaded = loadImportedPool(paths);
  const scored = scoreSubmissions(loaded.pool, { ruleset: loaded.ruleset, version: loaded.version });
  return loaded.pool.map((sub, i) => {
    const cells: LeaderboardEntry['cells'] = {};
    for (const w of scored.baseWorkloads) {
      const t = scored.workloadTimes[sub.name]?.[w];
      if (!t || t.missing) continue;
      const reached = t.studies.filter((s) => Number.isFinite(s.value)).length;
      cells[w] = {
        seconds: scored.scoredTimes[sub.name]?.[w] ?? Infinity,
        secondsCI: [null, null],
        steps: null,
        stepsCI: [null, null],
        reached: `${reached}/${t.studies.length} studies`,
      };
    }
    return {
      name: `${sub.name} · AlgoPerf v${loaded.version} ${loaded.ruleset}`,
      method: sub.name,
      source: `imported AlgoPerf v${loaded.version} ${loaded.ruleset}-tuning logs (pool score ${scored.scores[sub.name]?.toFixed(4) ?? '—'})`,
      reportHref: `algoperf/${sub.name.replace(/[^A-Za-z0-9._-]/g, '_')}/report.html`,
      dir: loaded.dirs[i]!,
      date: `AlgoPerf v${loaded.version} leaderboard`,
      provenance:
        "mlcommons/submissions_algorithms logs (Apache-2.0), timed on the competition's own hardware, not this machine",
      cells,
    };
  });
}
