import type { HParams } from './method.js';

export type TestType = 'time-to-target' | 'fixed-budget' | 'predictor' | 'phenomenon';

/** A method as a claim runs it: the registered method plus the card's hyperparameter overrides. */
export interface ArmSpec {
  method: string;
  /** Overrides of the method's defaults that the card states (e.g. a shared schedule). */
  hparams?: HParams;
}

/**
 * The learning-rate sweep every arm of a claim gets (DESIGN § Rules, fair tuning): the same grid
 * size and tuning seeds for each method, disjoint from the evaluation seeds.
 */
export interface TuningSpec {
  /** The hyperparameter swept. @default 'learningRate' */
  hparam: string;
  /** Candidate values per method id; every method gets the same number of points. */
  grid: Record<string, number[]>;
  /** Tuning repeats per point (seeded in their own stream, never equal to evaluation seeds). */
  seeds: number;
  /** How the winner is picked: lowest median steps to target (censored counts as infinite). */
  objective: 'median-steps-to-target';
}

/** What the sweep chose when the card's author ran it, with the command (the card's record). */
export interface TuningRecord {
  command: string;
  date: string;
  backend: string;
  chosen: Record<string, number>;
  /** Median steps to target per method and grid value, as the sweep printed it. */
  table: Record<string, Record<string, number | null>>;
}

export interface ClaimDefinition {
  id: string;
  version: number;
  title: string;
  paper: { title: string; authors: string; year: number; url: string; catalogue?: number };
  /** The paper's own words. */
  quote: string;
  /** The effect the paper claims, in words, and its size where the paper gives one. */
  claimedEffect: { description: string; magnitude?: number };
  testType: TestType;
  methods: ArmSpec[];
  baselines: ArmSpec[];
  workloads: string[];
  /** Workloads the `quick` preset runs (all when absent). */
  quickWorkloads?: string[];
  /** Equivalence margin δ, relative to the baseline's value unless `absolute`. */
  margin: { value: number; units: 'relative' | 'absolute' };
  /** Repeats per preset; presets change nothing else (DESIGN § Rules). */
  repeats: { quick: number; standard: number };
  tuning?: TuningSpec;
  tuningRecord?: TuningRecord;
  /** How the miniature differs from the paper's setting. */
  miniature: string;
}

/** Declares a claim (identity function with types). */
export function defineClaim(def: ClaimDefinition): ClaimDefinition {
  return def;
}

export type Preset = 'quick' | 'standard';

export function armId(arm: ArmSpec): string {
  return arm.method;
}
