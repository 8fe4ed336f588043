import type { AlgoPerfVersion, Ruleset } from './types.js';

/** What one AlgoPerf leaderboard version scored, and with which budgets. */
export interface AlgoPerfVersionSpec {
  version: AlgoPerfVersion;
  /** The workloads the score averages over; ρ(τ) divides by their count. */
  baseWorkloads: readonly string[];
  /** Held-out variants (each maps to the base workload its name starts with); empty when the version had none. */
  heldOutWorkloads: readonly string[];
  /** `max_allowed_runtime_sec` per base workload, external-tuning ruleset. */
  maxRuntimeSeconds: Readonly<Record<string, number>>;
  /** Self-tuning runs get this multiple of the external budget. */
  selfTuningBudgetFactor: number;
  /** Studies per workload and trials per study the rules ask for (AlgoPerf warns when a submission has other counts). */
  studies: number;
  trialsPerStudy: Record<Ruleset, number>;
  /** The frozen target file of this version inside AlgoPerf's `scoring/` folder. */
  targetsFile: string;
}

const BASE = [
  'criteo1tb',
  'fastmri',
  'imagenet_resnet',
  'imagenet_vit',
  'librispeech_conformer',
  'librispeech_deepspeech',
  'ogbg',
  'wmt',
] as const;

/**
 * Sources (mlcommons/submissions_algorithms 12c8e4ea unless said otherwise):
 * - base and held-out workloads: scoring/workload_targets_v05.json and
 *   scoring/algoperf_v05/held_out_workloads_algoperf_v05.json (v0.5: 8 base + 6 held-out);
 *   v0.6 was scored on the same 8 base workloads: scoring/workload_targets.json also lists
 *   `finewebedu_lm`, added after v0.6 with no logs, and the code that produced the v0.6
 *   leaderboard hard-coded `NUM_BASE_WORKLOADS = 8` (mlcommons/algorithmic-efficiency aa1e9959,
 *   scoring/performance_profile.py).
 * - v0.5 budgets: scoring/compute_speedups.py `MAX_BUDGETS` ("the old budgets, used in the first
 *   iteration"), self-tuning 3×; v0.6 budgets: `max_allowed_runtime_sec` of each workload in
 *   mlcommons/algorithmic-efficiency c34af17f (algoperf/workloads/*), self-tuning 1.5×
 *   (submission_runner.py).
 * - studies × trials: v0.5 logs hold 5 studies × 5 trials (self-tuning 5 × 1), the v0.6 rules
 *   3 × 5 (self-tuning 3 × 1).
 */
export const ALGOPERF_VERSIONS: Readonly<Record<AlgoPerfVersion, AlgoPerfVersionSpec>> = {
  '0.5': {
    version: '0.5',
    baseWorkloads: BASE,
    heldOutWorkloads: [
      'criteo1tb_embed_init',
      'fastmri_tanh',
      'imagenet_resnet_large_bn_init',
      'librispeech_conformer_layernorm',
      'ogbg_model_size',
      'wmt_glu_tanh',
    ],
    maxRuntimeSeconds: {
      criteo1tb: 7703,
      fastmri: 8859,
      imagenet_resnet: 63008,
      imagenet_vit: 77520,
      librispeech_conformer: 61068,
      librispeech_deepspeech: 55506,
      ogbg: 18477,
      wmt: 48151,
    },
    selfTuningBudgetFactor: 3,
    studies: 5,
    trialsPerStudy: { external: 5, self: 1 },
    targetsFile: 'workload_targets_v05.json',
  },
  '0.6': {
    version: '0.6',
    baseWorkloads: BASE,
    heldOutWorkloads: [],
    maxRuntimeSeconds: {
      criteo1tb: 7703,
      fastmri: 4430,
      imagenet_resnet: 66159,
      imagenet_vit: 69768,
      librispeech_conformer: 58015,
      librispeech_deepspeech: 44405,
      ogbg: 12011,
      wmt: 43336,
    },
    selfTuningBudgetFactor: 1.5,
    studies: 3,
    trialsPerStudy: { external: 5, self: 1 },
    targetsFile: 'workload_targets.json',
  },
};

export const ALGOPERF_VERSION_IDS = Object.keys(ALGOPERF_VERSIONS) as AlgoPerfVersion[];

export function isAlgoPerfVersion(v: unknown): v is AlgoPerfVersion {
  return typeof v === 'string' && v in ALGOPERF_VERSIONS;
}

/**
 * The base workload a workload belongs to: itself if it is one, else the longest base name it
 * starts with followed by `_` (`fastmri_tanh` → `fastmri`, `imagenet_resnet_large_bn_init` →
 * `imagenet_resnet`); null if none. AlgoPerf matches by substring in list order
 * (scoring/config.py `base_workload_name`), which gives the same answers for every variant name
 * in its target files; the prefix rule cannot confuse `imagenet_resnet` with `imagenet_vit`.
 */
export function baseWorkloadOf(workload: string, bases: readonly string[]): string | null {
  if (bases.includes(workload)) return workload;
  let best: string | null = null;
  for (const b of bases) if (workload.startsWith(`${b}_`) && (!best || b.length > best.length)) best = b;
  return best;
}

/** The time budget (s) of a workload (base or variant) under a version and ruleset; undefined if unknown. */
export function maxRuntimeSeconds(version: AlgoPerfVersion, ruleset: Ruleset, workload: string): number | undefined {
  const spec = ALGOPERF_VERSIONS[version];
  const base = baseWorkloadOf(workload, spec.baseWorkloads);
  const external = base === null ? undefined : spec.maxRuntimeSeconds[base];
  if (external === undefined) return undefined;
  return ruleset === 'self' ? external * spec.selfTuningBudgetFactor : external;
}
