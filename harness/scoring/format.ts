import type { ScoreResult } from './score.js';

/** JSON has no Infinity: an infinite time or ratio (target not reached) is written as null. */
function finite(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function mapTable(t: Record<string, Record<string, number>>): Record<string, Record<string, number | null>> {
  return Object.fromEntries(
    Object.entries(t).map(([s, row]) => [s, Object.fromEntries(Object.entries(row).map(([w, v]) => [w, finite(v)]))]),
  );
}

/**
 * The `score --json` object. `scores` maps each submission (its folder name) to its benchmark
 * score; times are seconds (or steps on the steps axis), null where infinite.
 */
export function scoreResultToJson(r: ScoreResult): Record<string, unknown> {
  return {
    algoperfVersion: r.version,
    ruleset: r.ruleset,
    timeAxis: r.timeAxis,
    trialSelection: r.trialSelection,
    heldOutRule: r.heldOutRule,
    baseWorkloads: r.baseWorkloads,
    heldOut: r.heldOut,
    scores: r.scores,
    workloadTimes: Object.fromEntries(
      Object.entries(r.workloadTimes).map(([s, row]) => [
        s,
        Object.fromEntries(Object.entries(row).map(([w, t]) => [w, finite(t.value)])),
      ]),
    ),
    scoredTimes: mapTable(r.scoredTimes),
    ratios: mapTable(r.ratios),
    profile: r.profile,
    studies: Object.fromEntries(
      Object.entries(r.workloadTimes).map(([s, row]) => [
        s,
        Object.fromEntries(
          Object.entries(row).map(([w, t]) => [
            w,
            t.studies.map((st) => ({ study: st.study, trial: st.trial, time: finite(st.value) })),
          ]),
        ),
      ]),
    ),
    ...(r.speedups ? { speedups: r.speedups } : {}),
    notes: r.notes,
    warnings: r.warnings,
  };
}

/** A plain aligned table: the first `textColumns` columns left-aligned, the rest (numbers) right-aligned. */
function table(header: string[], rows: string[][], textColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < textColumns ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const unit = (r: ScoreResult) => (r.timeAxis === 'seconds' ? 's' : 'steps');

/** The human-readable `score` output: per-workload times, the profile, the scores (best first). */
export function formatScoreText(r: ScoreResult): string {
  const subs = Object.keys(r.scores);
  const workloads = [...r.baseWorkloads, ...r.heldOut.map((h) => h.workload)];
  const out: string[] = [];
  const title = r.version ? `AlgoPerf v${r.version} ${r.ruleset}-tuning ruleset` : `${r.ruleset}-tuning ruleset`;
  out.push(
    `${title}: ${subs.length} submission${subs.length === 1 ? '' : 's'}, ${r.baseWorkloads.length} base workloads, ` +
      (r.heldOut.length ? `held-out rule on (${r.heldOut.length} variants)` : 'no held-out variants') +
      `, trial selection: ${r.trialSelection}`,
  );

  out.push('', `Per-workload times (${unit(r)}; median over studies of each study's best trial)`);
  out.push(
    '  inf = target not reached, - = not run, (t) = reached but counted as not reached by the held-out or 4x rule',
  );
  const cell = (s: string, w: string) => {
    const t = r.workloadTimes[s]![w]!;
    if (t.missing) return '-';
    if (!Number.isFinite(t.value)) return 'inf';
    const shown = t.value.toFixed(0);
    const base = r.baseWorkloads.includes(w);
    const counted = base
      ? Number.isFinite(r.scoredTimes[s]![w]!)
      : !r.notes.some((n) => n.submission === s && n.workload === w);
    return counted ? shown : `(${shown})`;
  };
  out.push(
    table(
      ['workload', ...subs],
      workloads.map((w) => [
        r.heldOut.some((h) => h.workload === w) ? `${w} [held-out]` : w,
        ...subs.map((s) => cell(s, w)),
      ]),
    ),
  );

  const picks = r.profile.taus.map((tau, i) => ({ tau, i })).filter(({ i }) => i % 11 === 0);
  out.push(
    '',
    `Performance profile rho(tau) (${r.profile.taus.length} points in [1, ${r.profile.taus.at(-1)}]; every 11th shown)`,
  );
  out.push(
    table(
      ['submission', ...picks.map(({ tau }) => tau.toFixed(2))],
      subs.map((s) => [s, ...picks.map(({ i }) => r.profile.rho[s]![i]!.toFixed(3))]),
    ),
  );

  out.push('', 'Benchmark scores (area under rho over [1, 4] / 3)');
  const ranked = [...subs].sort((a, b) => r.scores[b]! - r.scores[a]!);
  out.push(
    table(
      ['rank', 'submission', 'score'],
      ranked.map((s, k) => [`${k + 1}.`, s, r.scores[s]!.toFixed(4)]),
      2,
    ),
  );

  if (r.speedups) {
    const ref = Object.values(r.speedups)[0]!.reference;
    out.push('', `Geometric-mean speedups against ${ref} (base workloads; not reached = budget + 1 s)`);
    out.push(
      table(
        ['submission', 'time ratio', 'speedup'],
        ranked.map((s) => [s, r.speedups![s]!.timeRatio.toFixed(4), `${r.speedups![s]!.speedup.toFixed(3)}x`]),
      ),
    );
  }
  if (r.notes.length) out.push('', 'Rules applied', ...r.notes.map((n) => `  ${n.submission}: ${n.message}`));
  if (r.warnings.length)
    out.push('', 'Warnings (AlgoPerf also only warns about these)', ...r.warnings.map((w) => `  ${w}`));
  return out.join('\n') + '\n';
}
