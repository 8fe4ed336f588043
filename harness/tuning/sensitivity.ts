import { createRng } from '../stats/rng.js';
import { quantileSorted } from '../stats/descriptives.js';
import { chooseAmongStudies, type StudyKeys } from './choose.js';
import { medianInf, type TuningResult, type TuningRow } from './result.js';
import type { HParams } from '../core/method.js';

/**
 * How much a comparison rests on the tuning choice, from the tuning trials alone (no extra
 * training): the tuning-phase effect of the arms' chosen points, the same with each arm's
 * runner-up (the point the rule picks when the chosen one is left out), and a bootstrap that
 * replays the whole choice on resampled studies and tuning seeds (paired across arms: studies
 * share their Halton points, re-check rank r shares its seeds). A tuning-phase effect is not the
 * evaluated one; what matters is whether it keeps its side.
 */
export interface ArmTuningEvidence {
  method: string;
  point: HParams | null;
  /** The chosen point's values on its tuning seeds (steps to target or outcome; null = none). */
  values: Array<number | null>;
  runnerUp: HParams | null;
  runnerUpValues: Array<number | null>;
}

export interface TuningSensitivity {
  workload: string;
  method: string;
  baseline: string;
  /** `speedup`: baseline / method median steps to target of the chosen points; `difference`: method − baseline median outcome. */
  effectName: 'speedup' | 'difference';
  /** The effect's value for "no difference": 1 for a speedup, 0 for a difference. */
  noEffect: number;
  /** Whether effects above `noEffect` favour the method (a difference in a lower-is-better metric: below). */
  higherIsBetter: boolean;
  /** The tuning-phase effect of the chosen points; null where a median is infinite (a point missed the target on most seeds). */
  chosen: number | null;
  /** The effect with the method's runner-up, the baseline's, and both (null: no runner-up with a finite median). */
  runnerUp: { method: number | null; baseline: number | null; both: number | null };
  arms: [ArmTuningEvidence, ArmTuningEvidence];
  bootstrap: {
    resamples: number;
    seed: number;
    /** Share of resamples in which the method comes out ahead (ties count half; an infinite median loses). */
    methodAhead: number;
    /** 95% percentile interval of the effect over resamples where it is finite; null when fewer than half are. */
    interval: [number, number] | null;
  };
  /** The method is ahead with the chosen points but behind with a runner-up or in at least 10% of resamples, or the other way round. */
  flips: boolean;
  /** In words, for tables. */
  reading: 'the tuning choice could flip it' | 'keeps its side' | 'tied in tuning' | 'no finite tuning effect';
}

interface ArmKeys {
  studies: StudyKeys[];
  rows: TuningRow[][];
}

type Orient = (v: number | null) => number;

/** Rows of one arm as the choice rule's keys (lower is better), grouped by study. */
function armKeys(rows: TuningRow[], orient: Orient, fixedBudget: boolean): ArmKeys {
  const byStudy = new Map<number, TuningRow[]>();
  for (const r of rows) byStudy.set(r.study ?? 0, [...(byStudy.get(r.study ?? 0) ?? []), r]);
  const ks = [...byStudy.keys()].sort((a, b) => a - b);
  const grouped = ks.map((k) => byStudy.get(k)!);
  const values = (r: TuningRow): Array<number | null> => (fixedBudget ? (r.metrics ?? [r.metric ?? null]) : r.steps);
  return {
    rows: grouped,
    studies: grouped.map((rs, k) => ({
      k,
      candidates: rs.map((r, j) => ({ j, keys: values(r).map(orient), eligible: r.rechecked ?? true })),
    })),
  };
}

type Choice = { k: number; j: number; value: number };

/** The chosen point's median key, optionally with that point left out (its runner-up); null when no finite choice. */
function pick(a: ArmKeys, leaveOutChosen: boolean): Choice | null {
  let studies = a.studies;
  if (leaveOutChosen) {
    const c = chooseAmongStudies(studies).chosen;
    if (c.j < 0) return null;
    studies = studies.map((s) =>
      s.k !== c.k ? s : { ...s, candidates: s.candidates.map((x) => (x.j === c.j ? { ...x, eligible: false } : x)) },
    );
  }
  const c = chooseAmongStudies(studies);
  if (c.chosen.j < 0) return null;
  const value = medianInf(studies[c.chosen.k]!.candidates[c.chosen.j]!.keys);
  return Number.isFinite(value) ? { ...c.chosen, value } : null;
}

/** Effect from two oriented median keys (method, baseline). */
function effectOf(m: number | null, b: number | null, fixedBudget: boolean): number | null {
  if (m === null || b === null) return null;
  // Keys are oriented so that lower is better: steps as they are, outcomes negated when higher is better.
  return fixedBudget ? b - m : m > 0 ? b / m : null;
}

const RESAMPLES = 1000;

/**
 * The sensitivity of every method-vs-baseline comparison of a tuned claim to its tuning choice.
 * Time-to-target claims compare steps to target; fixed-budget claims the tuned outcome, whose
 * better direction `higherIsBetter` gives per workload.
 */
export function tuningSensitivity(
  tuning: Pick<TuningResult, 'rows'>,
  comparisons: Array<{ workload: string; method: string; baseline: string }>,
  o: { fixedBudget: boolean; higherIsBetter: (workload: string) => boolean; seed?: number },
): TuningSensitivity[] {
  const seed = o.seed ?? 20261201;
  return comparisons.flatMap(({ workload, method, baseline }) => {
    const rowsOf = (m: string) => tuning.rows.filter((r) => r.workload === workload && r.method === m);
    if (!rowsOf(method).length || !rowsOf(baseline).length) return [];
    const higher = o.fixedBudget && o.higherIsBetter(workload);
    const orient: Orient = (v) => (v === null ? Infinity : higher ? -v : v);
    const arms = [
      armKeys(rowsOf(method), orient, o.fixedBudget),
      armKeys(rowsOf(baseline), orient, o.fixedBudget),
    ] as const;
    const [cm, cb] = arms.map((a) => pick(a, false));
    const [rm, rb] = arms.map((a) => pick(a, true));
    // Oriented effects (> neutral favours the method) decide sides; a fixed-budget difference is shown as method − baseline.
    type Picked = Pick<Choice, 'value'> | null | undefined;
    const eff = (m: Picked, b: Picked) => effectOf(m?.value ?? null, b?.value ?? null, o.fixedBudget);
    const shown = (e: number | null): number | null => (e === null || !o.fixedBudget || higher ? e : -e);
    const neutral = o.fixedBudget ? 0 : 1;
    const side = (e: number | null): number => (e === null ? 0 : Math.sign(e - neutral));
    const evidence = (
      a: ArmKeys,
      name: string,
      c: Choice | null | undefined,
      r: Choice | null | undefined,
    ): ArmTuningEvidence => {
      const row = (p: Choice | null | undefined) => (p ? a.rows[p.k]![p.j]! : null);
      const vals = (p: Choice | null | undefined) => {
        const x = row(p);
        return x ? (o.fixedBudget ? (x.metrics ?? [x.metric ?? null]) : x.steps) : [];
      };
      return {
        method: name,
        point: row(c)?.point ?? null,
        values: vals(c),
        runnerUp: row(r)?.point ?? null,
        runnerUpValues: vals(r),
      };
    };
    const boot = bootstrapChoice(arms[0], arms[1], o.fixedBudget, seed);
    const chosenSide = side(eff(cm, cb));
    const runnerSides = [eff(rm, cb), eff(cm, rb), eff(rm, rb)].filter((e) => e !== null).map(side);
    const otherShare = chosenSide > 0 ? 1 - boot.methodAhead : boot.methodAhead;
    const interval =
      boot.interval && o.fixedBudget && !higher
        ? ([-boot.interval[1], -boot.interval[0]] as [number, number])
        : boot.interval;
    const flips = chosenSide !== 0 && (runnerSides.some((x) => x === -chosenSide) || otherShare >= 0.1);
    return [
      {
        workload,
        method,
        baseline,
        effectName: o.fixedBudget ? 'difference' : 'speedup',
        noEffect: neutral,
        higherIsBetter: !o.fixedBudget || higher,
        chosen: shown(eff(cm, cb)),
        runnerUp: { method: shown(eff(rm, cb)), baseline: shown(eff(cm, rb)), both: shown(eff(rm, rb)) },
        arms: [evidence(arms[0], method, cm, rm), evidence(arms[1], baseline, cb, rb)],
        bootstrap: { ...boot, interval },
        flips,
        reading:
          eff(cm, cb) === null
            ? 'no finite tuning effect'
            : chosenSide === 0
              ? 'tied in tuning'
              : flips
                ? 'the tuning choice could flip it'
                : 'keeps its side',
      },
    ];
  });
}

/** Replays the choice on studies and tuning-seed positions drawn with replacement, the same draws for both arms. */
function bootstrapChoice(m: ArmKeys, b: ArmKeys, fixedBudget: boolean, seed: number): TuningSensitivity['bootstrap'] {
  const rng = createRng(seed);
  const nStudies = Math.min(m.studies.length, b.studies.length);
  const maxSeeds = Math.max(...[m, b].flatMap((a) => a.studies.flatMap((s) => s.candidates.map((c) => c.keys.length))));
  let ahead = 0;
  const effects: number[] = [];
  for (let r = 0; r < RESAMPLES; r++) {
    const studyDraw = Array.from({ length: nStudies }, () => rng.int(nStudies));
    const seedDraw = Array.from({ length: maxSeeds }, () => rng.int(maxSeeds));
    const resample = (a: ArmKeys): ArmKeys => ({
      rows: studyDraw.map((k) => a.rows[k]!),
      studies: studyDraw.map((k, kk) => ({
        k: kk,
        // A point with fewer seeds than drawn positions keeps the draws that fall on its own seeds (at least its first).
        candidates: a.studies[k]!.candidates.map((c) => {
          const keys = seedDraw.filter((p) => p < c.keys.length).map((p) => c.keys[p]!);
          return { ...c, keys: keys.length ? keys : [c.keys[0]!] };
        }),
      })),
    });
    const pm = pick(resample(m), false);
    const pb = pick(resample(b), false);
    const e = effectOf(pm?.value ?? null, pb?.value ?? null, fixedBudget);
    if (e === null) {
      // An infinite median loses to a finite one; two infinite ones tie.
      ahead += pm ? 1 : pb ? 0 : 0.5;
      continue;
    }
    effects.push(e);
    const neutral = fixedBudget ? 0 : 1;
    ahead += e > neutral ? 1 : e === neutral ? 0.5 : 0;
  }
  effects.sort((x, y) => x - y);
  const interval: [number, number] | null =
    effects.length >= RESAMPLES / 2 ? [quantileSorted(effects, 0.025), quantileSorted(effects, 0.975)] : null;
  return { resamples: RESAMPLES, seed, methodAhead: ahead / RESAMPLES, interval };
}
