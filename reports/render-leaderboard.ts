import { join } from 'node:path';
import { PACKAGE_VERSION } from '../harness/package-root.js';
import { writeFileAtomic } from '../harness/store/atomic.js';
import { performanceProfileChart } from './charts/performance-profile.js';
import { leaderboard, nativeEntries, type LeaderboardData, type LeaderboardEntry } from './data/leaderboard-data.js';
import { template, templateFile } from './handlebars.js';
import { renderReport } from './render-report.js';
import { renderSubmissionReport } from './render-submission.js';

export function renderLeaderboard(d: LeaderboardData): string {
  return template('leaderboard.hbs')({
    entries: d.entries,
    workloads: d.workloads,
    rows: d.entries.map((e) => ({
      ...e,
      score: d.scores[e.name] ?? null,
      cells: d.workloads.map((w) =>
        e.cells[w] ? { workload: w, present: true, ...e.cells[w] } : { workload: w, present: false },
      ),
    })),
    profile: d.profile,
    profileChart: d.profile
      ? performanceProfileChart({
          title: 'Performance profiles (training seconds to target)',
          taus: d.profile.taus,
          series: d.profile.series,
        })
      : '',
    generatedAt: new Date().toISOString(),
    version: PACKAGE_VERSION,
    css: templateFile('report.css'),
    script: templateFile('report.js'),
  });
}

/**
 * `reprobench leaderboard <run-dir...> --out site/`: a static site with `index.html` (the
 * leaderboard) and each run's report under `runs/`, all self-contained, linked relatively.
 */
export function writeLeaderboardSite(
  runDirs: string[],
  outDir: string,
  cwd: string,
  imported: Array<LeaderboardEntry & { dir: string }> = [],
): { index: string; data: LeaderboardData } {
  const native = nativeEntries(runDirs, cwd);
  const data = leaderboard([...native.entries, ...imported.map(({ dir: _dir, ...e }) => e)], native.reports);
  for (const r of data.reports) writeFileAtomic(join(outDir, r.href), renderReport(r.data));
  for (const e of imported) writeFileAtomic(join(outDir, e.reportHref!), renderSubmissionReport(e.dir));
  const index = join(outDir, 'index.html');
  writeFileAtomic(index, renderLeaderboard(data));
  writeFileAtomic(
    join(outDir, 'leaderboard.json'),
    JSON.stringify(
      { workloads: data.workloads, scores: data.scores, entries: data.entries },
      (_: string, v: unknown) => (v === Infinity ? null : v),
      2,
    ) + '\n',
  );
  return { index, data };
}
