import { availableParallelism, cpus, loadavg, release, type } from 'node:os';
import * as tf from '@tensorflow/tfjs';
import { AUTO_ORDER, initBackend, type BackendName } from '../../harness/backends/select.js';
import type { Registries } from '../../harness/core/registries.js';
import { workloadData } from '../../harness/runner/data-cache.js';
import { harnessMicro, kernelMicro, type MicroResult } from './micro.js';
import { MODEL_NAMES, type ModelName } from './models.js';
import { measureOverhead, type OverheadReport } from './overhead.js';
import { measureOptimizers, type OptimizerResult } from './optimizers.js';
import { measureScaling, type ScalingReport } from './scaling.js';
import { measureSteps, type RatioResult, type Skipped, type SpeedupResult, type StepReport } from './steps.js';

export const SECTIONS = ['steps', 'optimizers', 'micro', 'overhead', 'scaling'] as const;
export type Section = (typeof SECTIONS)[number];

/** Everything `npm run bench` can be asked for; the CLI fills the defaults. */
export interface BenchOptions {
  quick: boolean;
  sections: Section[];
  /** tfjs backends to measure; every one of AUTO_ORDER by default (unavailable ones are skipped with a reason). */
  backends: BackendName[];
  models: ModelName[];
  /** Rounds of the step benchmark (each measures every model on every backend, then PyTorch). */
  rounds: number;
  pytorch: boolean;
  /** Also measure tfjs's wasm as shipped (row `wasm-stock`), the "before". */
  stock: boolean;
  slow: boolean;
  cacheDir: string;
  /**
   * The built-in and user registries (harness/builtins.ts's loadRegistries), passed in by the
   * entry point so the benchmarks never import the composition root that mounts them.
   */
  loadRegistries: () => Promise<Registries>;
  command: string;
  log: (line: string) => void;
}

export interface BenchReport {
  command: string;
  date: string;
  quick: boolean;
  machine: {
    cpu: string;
    cores: number;
    os: string;
    node: string;
    tfjs: string;
    loadAverageStart: number[];
    loadAverageEnd: number[];
    note: string;
  };
  /** Per-step times: tfjs rows, then PyTorch rows (backend `pytorch`). */
  results: StepReport['results'];
  ratios: RatioResult[];
  /** Speed-up of each backend over tfjs's wasm as shipped, per round, median. */
  speedups: SpeedupResult[];
  pytorch: StepReport['pytorch'];
  skipped: Skipped[];
  backendReasons: Record<string, string[]>;
  /** Each built-in optimizer's MLP step against AdamW's, per backend and in PyTorch (backend `pytorch`). */
  optimizers: OptimizerResult[];
  micro: MicroResult[];
  overhead: OverheadReport | null;
  scaling: ScalingReport | null;
  /** The backend `--backend auto` picks here, which the overhead and scaling sections use. */
  auto: { backend: string; numericsClass: string };
}

export function defaultBackends(): BackendName[] {
  return [...AUTO_ORDER];
}

/** Runs the selected sections; each measures what it says in its own module. */
export async function runBench(o: BenchOptions): Promise<BenchReport> {
  const loadStart = loadavg().map((v) => Number(v.toFixed(2)));
  const started = new Date().toISOString();
  // Before any explicit backend: initBackend('auto') returns whichever backend is active.
  const auto = await initBackend('auto');
  const empty: StepReport = {
    results: [],
    ratios: [],
    speedups: [],
    skipped: [],
    pytorch: { skipped: 'steps section not run' },
    backendReasons: {},
  };
  const steps = o.sections.includes('steps')
    ? await measureSteps({
        backends: o.backends,
        models: o.models,
        rounds: o.rounds,
        seconds: o.quick ? 0.4 : 2,
        pytorch: o.pytorch,
        stock: o.stock,
        slow: o.slow,
        log: o.log,
      })
    : empty;

  const optimizers: OptimizerResult[] = [];
  if (o.sections.includes('optimizers')) {
    const measured = await measureOptimizers({
      backends: o.backends.filter((b) => b !== 'cpu' || o.slow),
      rounds: o.rounds,
      seconds: o.quick ? 0.4 : 2,
      pytorch: o.pytorch,
      log: o.log,
    });
    optimizers.push(...measured.optimizers);
    steps.skipped.push(...measured.skipped);
  }

  const micro: MicroResult[] = [];
  if (o.sections.includes('micro')) {
    const measured = new Set(steps.results.map((r) => r.backend));
    const kernelBackends = o.backends.filter(
      (b) => b !== 'webgpu' && b !== 'tensorflow' && (measured.size === 0 || measured.has(b)),
    );
    for (const b of kernelBackends) {
      try {
        micro.push(...(await kernelMicro(b, o.quick ? 150 : 600)));
        o.log(`micro: kernels on ${b} done`);
      } catch (e) {
        steps.skipped.push({
          name: '*',
          backend: b,
          reason: `kernel micro-benchmarks: ${(e as Error).message.split('\n')[0]}`,
        });
      }
    }
  }

  await initBackend(auto.name);
  if (o.sections.includes('micro')) {
    micro.push(...(await harnessMicro(auto.name, o.quick ? 150 : 600, await o.loadRegistries())));
    o.log(`micro: harness on ${auto.name} done`);
  }

  let overhead: OverheadReport | null = null;
  let scaling: ScalingReport | null = null;
  if (o.sections.includes('overhead') || o.sections.includes('scaling')) {
    const registries = await o.loadRegistries();
    // Build the dataset cache first: a one-time cost per machine, not per trial.
    await workloadData(registries.workloads.get('fashion-mnist-mlp'), 'default', o.cacheDir);
    if (o.sections.includes('overhead')) {
      overhead = await measureOverhead(registries, auto, o.quick ? 2 : 4, o.quick ? 300 : 1000, o.cacheDir);
      o.log('overhead: done');
    }
    if (o.sections.includes('scaling')) {
      scaling = await measureScaling(
        registries,
        auto,
        o.quick ? 150 : 400,
        o.quick ? 2 : 4,
        o.quick ? 1 : 3,
        o.cacheDir,
        o.log,
      );
    }
  }

  return {
    command: o.command,
    date: started,
    quick: o.quick,
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown',
      cores: availableParallelism(),
      os: `${type()} ${release()}`,
      node: process.version,
      tfjs: tf.version.tfjs,
      loadAverageStart: loadStart,
      loadAverageEnd: loadavg().map((v) => Number(v.toFixed(2))),
      note: 'absolute times depend on what else the machine runs (see the load averages); compare ratios, which are taken round by round in this run',
    },
    results: steps.results,
    ratios: steps.ratios,
    speedups: steps.speedups,
    pytorch: steps.pytorch,
    skipped: steps.skipped,
    backendReasons: steps.backendReasons,
    optimizers,
    micro,
    overhead,
    scaling,
    auto: { backend: auto.name, numericsClass: auto.numericsClass },
  };
}

export { MODEL_NAMES };
