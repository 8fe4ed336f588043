import { basename } from 'node:path';
import type { TimeTable } from '../../harness/scoring/index.js';
import { profileFromTimes, type ProfileSection } from './profile-section.js';
import { buildReportData, type ReportData } from './report-data.js';

/** One cell of the leaderboard: a method's result on a workload. */
export interface LeaderboardCell {
  /** Median training seconds to target (AlgoPerf's time), Infinity when the median was not reached. */
  seconds: number;
  secondsCI: [number | null, number | null];
  steps: number | null;
  stepsCI: [number | null, number | null];
  reached: string;
}

export interface LeaderboardEntry {
  /** Unique label: `method · claim` for native runs, the submission name for imported ones. */
  name: string;
  method: string;
  source: string;
  /** Relative link to the entry's report inside the site. */
  reportHref: string | null;
  date: string;
  provenance: string;
  cells: Record<string, LeaderboardCell>;
}

export interface LeaderboardData {
  entries: LeaderboardEntry[];
  workloads: string[];
  /** AlgoPerf performance profile and score over the entries; null with fewer than one workload. */
  profile: ProfileSection | null;
  scores: Record<string, number>;
  reports: Array<{ href: string; data: ReportData }>;
}

/** Entries from finished native runs: every method of every run, linked to that run's report. */
export function nativeEntries(
  runDirs: string[],
  cwd: string,
): { entries: LeaderboardEntry[]; reports: LeaderboardData['reports'] } {
  const entries: LeaderboardEntry[] = [];
  const reports: LeaderboardData['reports'] = [];
  runDirs.forEach((dir, i) => {
    const data = buildReportData(dir, cwd);
    const s = data.summary;
    const href = `runs/${String(i + 1).padStart(2, '0')}-${basename(dir).replace(/[^A-Za-z0-9._-]/g, '_')}/report.html`;
    reports.push({ href, data });
    const methods = new Set(data.workloads.flatMap((w) => w.arms.map((a) => a.method)));
    for (const method of methods) {
      const cells: Record<string, LeaderboardCell> = {};
      for (const w of data.workloads) {
        const a = w.arms.find((x) => x.method === method);
        if (!a) continue;
        cells[w.workload] = {
          seconds: a.seconds.median ?? Infinity,
          secondsCI: a.seconds.ci,
          steps: a.steps.median,
          stepsCI: a.steps.ci,
          reached: `${a.reached}/${a.n}`,
        };
      }
      entries.push({
        name: `${method} · ${s.claim.id}`,
        method,
        source: `claim ${s.claim.id} (${s.preset}, ${s.repeats} seeds)`,
        reportHref: href,
        date: data.manifest.updatedAt,
        provenance: `reprobench ${s.host.reprobenchVersion}${s.host.gitCommit ? ` @ ${s.host.gitCommit.slice(0, 10)}${s.host.gitDirty ? ' (dirty)' : ''}` : ''}, ${s.numericsClass}, ${s.host.cpu.model} × ${s.host.cpu.cores}, Node ${s.host.node}`,
        cells,
      });
    }
  });
  return { entries, reports };
}

/** Scores every entry AlgoPerf's way on training seconds to target, over the union of workloads. */
export function leaderboard(entries: LeaderboardEntry[], reports: LeaderboardData['reports']): LeaderboardData {
  const workloads = [...new Set(entries.flatMap((e) => Object.keys(e.cells)))].sort();
  const times: TimeTable = Object.fromEntries(
    entries.map((e) => [e.name, Object.fromEntries(workloads.map((w) => [w, e.cells[w]?.seconds ?? Infinity]))]),
  );
  const profile =
    workloads.length && entries.length
      ? profileFromTimes(
          times,
          workloads,
          'median training seconds to target per entry and workload (AlgoPerf time; Infinity where not reached)',
        )
      : null;
  const scores = Object.fromEntries((profile?.series ?? []).map((s) => [s.name, s.score]));
  return {
    entries: [...entries].sort((a, b) => (scores[b.name] ?? 0) - (scores[a.name] ?? 0) || a.name.localeCompare(b.name)),
    workloads,
    profile,
    scores,
    reports,
  };
}
