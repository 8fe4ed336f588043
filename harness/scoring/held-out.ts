import { dropBeyondRatio, type TimeTable } from './profile.js';

/** A held-out variant and the base workload it guards. */
export interface HeldOutPair {
  workload: string;
  base: string;
}

/** Why a submission's time was set to Infinity by the rules below. */
export interface RuleNote {
  submission: string;
  workload: string;
  rule: 'held-out-needs-base' | 'beyond-max-ratio' | 'base-needs-held-out';
  message: string;
}

/**
 * The v0.5 held-out-variant rule and the 4× rule, in AlgoPerf's order (mlcommons/
 * submissions_algorithms 12c8e4ea, scoring/performance_profile.py
 * `compute_performance_profiles`, unchanged in substance since mlcommons/algorithmic-efficiency
 * 3da063df "Only consider workload variant times if they trained the base workload"):
 *
 * 1. a held-out variant's time becomes infinite where its base workload's time is infinite
 *    (or missing);
 * 2. every time above `maxRatio` × the fastest time on its workload becomes infinite — over base
 *    and held-out columns alike, with the fastest taken after step 1;
 * 3. a base workload's time becomes infinite where its held-out variant's time is infinite
 *    (after step 2: a variant more than 4× slower than the fastest one disqualifies the base);
 * 4. only base workloads are kept.
 *
 * The ratios r are then taken against the fastest *remaining* base time, which can be slower than
 * the fastest before step 3 (AlgoPerf divides after these steps, too).
 * With no held-out pairs this is just step 2 on the base workloads.
 */
export function applyHeldOutRule(
  times: TimeTable,
  baseWorkloads: readonly string[],
  heldOut: readonly HeldOutPair[],
  maxRatio: number,
): { times: TimeTable; notes: RuleNote[] } {
  const notes: RuleNote[] = [];
  const columns = [...baseWorkloads, ...heldOut.map((h) => h.workload)];
  const t: TimeTable = Object.fromEntries(
    Object.entries(times).map(([s, row]) => [s, Object.fromEntries(columns.map((w) => [w, row[w] ?? Infinity]))]),
  );

  for (const [s, row] of Object.entries(t)) {
    for (const h of heldOut) {
      if (!Number.isFinite(row[h.base]!) && Number.isFinite(row[h.workload]!)) {
        row[h.workload] = Infinity;
        notes.push({
          submission: s,
          workload: h.workload,
          rule: 'held-out-needs-base',
          message: `${h.workload} ignored: base workload ${h.base} not reached`,
        });
      }
    }
  }

  const capped = dropBeyondRatio(t, columns, maxRatio);
  for (const [s, row] of Object.entries(capped)) {
    for (const w of columns) {
      if (Number.isFinite(t[s]![w]!) && !Number.isFinite(row[w]!)) {
        notes.push({
          submission: s,
          workload: w,
          rule: 'beyond-max-ratio',
          message: `${w} counted as not reached: more than ${maxRatio}x the fastest time`,
        });
      }
    }
  }

  for (const [s, row] of Object.entries(capped)) {
    for (const h of heldOut) {
      if (!Number.isFinite(row[h.workload]!) && Number.isFinite(row[h.base]!)) {
        row[h.base] = Infinity;
        const why = Number.isFinite(t[s]![h.workload]!)
          ? `took more than ${maxRatio}x the fastest time`
          : times[s]?.[h.workload] === undefined
            ? 'was not run'
            : 'was not reached';
        notes.push({
          submission: s,
          workload: h.base,
          rule: 'base-needs-held-out',
          message: `${h.base} counted as not reached: its held-out variant ${h.workload} ${why}`,
        });
      }
    }
  }

  const kept: TimeTable = Object.fromEntries(
    Object.entries(capped).map(([s, row]) => [s, Object.fromEntries(baseWorkloads.map((w) => [w, row[w]!]))]),
  );
  return { times: kept, notes };
}
