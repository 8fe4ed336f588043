import * as tf from '@tensorflow/tfjs';
import { initBackend, type BackendName } from '../../harness/backends/select.js';
import { firstLine } from '../../harness/backends/reasons.js';
import type { HParams, TfjsMethodDefinition } from '../../harness/core/method.js';
import { adamw, nadamw } from '../methods/adamw.js';
import { adan } from '../methods/adan.js';
import { sgdNesterov } from '../methods/sgd.js';
import { createMlp, type BenchModel } from './models.js';
import { spread } from './stats.js';
import type { Skipped } from './steps.js';
import { TorchPeer, torchUnavailable } from './torch.js';

/**
 * The built-in optimizers with their methods' default hyperparameters, and the name of the same
 * optimizer in the PyTorch peer (torch_optimizers.py): torch.optim, AlgoPerf's NAdamW and the
 * authors' Adan, each as its reference code runs it.
 */
const OPTIMIZERS: Array<{ name: string; method: TfjsMethodDefinition; hparams?: HParams }> = [
  { name: 'adamw', method: adamw },
  { name: 'nadamw', method: nadamw },
  { name: 'adan', method: adan },
  { name: 'sgd-nesterov', method: sgdNesterov },
  { name: 'sgd-momentum', method: sgdNesterov, hparams: { ...sgdNesterov.hparams, nesterov: false } },
];
export const OPTIMIZER_NAMES = OPTIMIZERS.map((o) => o.name);

/** |ratio ÷ PyTorch's ratio − 1| at most this: the optimizer costs the same share of a step as in PyTorch. */
export const FAIRNESS_GOAL = 0.25;

export interface OptimizerResult {
  name: string;
  /** A tfjs backend, or `pytorch`. */
  backend: string;
  /** MLP training step with this optimizer, median over rounds. */
  msPerStep: number;
  /** This optimizer's step ÷ AdamW's on the same backend, per round, then the median. */
  ratioToAdamw: number;
  ratioRange: [number, number];
  /** The same ratio in PyTorch, measured in the same rounds (tfjs rows; absent when PyTorch is not measured). */
  pytorchRatioToAdamw?: number;
  /** |ratioToAdamw ÷ pytorchRatioToAdamw − 1| ≤ FAIRNESS_GOAL */
  withinGoal?: boolean;
  rounds: number[];
  /**
   * The optimizer's update alone (two kept MLP gradients applied in turn: the fused kernel
   * or the reference's ops, no forward or backward pass), median over rounds; and ÷ AdamW's.
   */
  updateMs: number;
  updateRatioToAdamw: number;
  /**
   * This update's time ÷ the same optimizer's update in PyTorch, per round, then the median (tfjs
   * rows, where PyTorch is measured): at most 1 means the optimizer is not slower to apply here
   * than in its reference implementation, so it is not the engine that handicaps it.
   */
  updateVsPytorch?: number;
}

export interface OptimizerOptions {
  backends: BackendName[];
  rounds: number;
  seconds: number;
  pytorch: boolean;
  log: (line: string) => void;
}

const perRound = (a: number[], b: number[]) => a.map((v, i) => v / b[i]!);
const makeOptimizer = (opt: (typeof OPTIMIZERS)[number]) =>
  opt.method.createOptimizer(opt.hparams ?? opt.method.hparams) as unknown as tf.Optimizer;

/**
 * Each built-in optimizer's MLP training step (784-256-10, batch 128) against AdamW's, on each
 * backend and in PyTorch: every round measures every optimizer on every backend and then in
 * PyTorch, so each ratio divides measurements taken seconds apart. What an optimizer costs
 * relative to AdamW should match PyTorch's, or wall-time comparisons between optimizers would
 * measure the engine instead of the algorithms.
 */
export async function measureOptimizers(
  o: OptimizerOptions,
): Promise<{ optimizers: OptimizerResult[]; skipped: Skipped[] }> {
  const skipped: Skipped[] = [];
  const usable: BackendName[] = [];
  for (const b of o.backends) {
    try {
      await initBackend(b);
      usable.push(b);
    } catch (e) {
      skipped.push({ name: '*', backend: b, reason: `optimizers: ${firstLine(e)}` });
    }
  }
  let peer: TorchPeer | undefined;
  if (o.pytorch) {
    const why = torchUnavailable();
    if (why) skipped.push({ name: '*', backend: 'pytorch', reason: `optimizers: ${why}` });
    else {
      peer = new TorchPeer();
      await peer.start();
    }
  }
  const models = new Map<string, BenchModel>();
  const steps = new Map<string, number>();
  const times = new Map<string, number[]>();
  const push = (k: string, v: number) => times.set(k, [...(times.get(k) ?? []), v]);
  const count = (ms: number) => Math.max(5, Math.min(400, Math.ceil((o.seconds * 1000) / Math.max(ms, 0.05))));
  // Updates are short (tenths of a millisecond): more repeats for the same time, more resolution.
  const updates = (ms: number) => Math.max(20, Math.min(4000, Math.ceil((o.seconds * 500) / Math.max(ms, 0.01))));
  try {
    for (let r = 0; r < o.rounds; r++) {
      for (const b of usable) {
        await initBackend(b);
        for (const opt of OPTIMIZERS) {
          const k = `${opt.name}@${b}`;
          let model = models.get(k);
          if (!model) {
            model = createMlp(() => makeOptimizer(opt));
            models.set(k, model);
            for (let i = 0; i < 3; i++) await model.step();
            const t = performance.now();
            await model.step();
            steps.set(k, count(performance.now() - t));
          }
          const n = steps.get(k)!;
          const t0 = performance.now();
          for (let i = 0; i < n; i++) await model.step();
          push(k, (performance.now() - t0) / n);

          // The update alone, on a model of its own (it moves the parameters along one gradient).
          const u = `${k}/update`;
          let updating = models.get(u);
          if (!updating) {
            updating = createMlp(() => makeOptimizer(opt));
            models.set(u, updating);
            steps.set(u, updates(await updating.updateMs(5)));
          }
          push(u, await updating.updateMs(steps.get(u)!));
        }
      }
      if (peer) {
        for (const opt of OPTIMIZERS) {
          const k = `${opt.name}@pytorch`;
          if (!steps.has(k)) steps.set(k, count(await peer.run('mlp', 3, 3, opt.name)));
          push(k, await peer.run('mlp', steps.get(k)!, 1, opt.name));
          const u = `${k}/update`;
          if (!steps.has(u)) steps.set(u, updates(await peer.update('mlp', 5, opt.name)));
          push(u, await peer.update('mlp', steps.get(u)!, opt.name));
        }
      }
      o.log(`optimizers: round ${r + 1}/${o.rounds} done`);
    }
  } finally {
    peer?.close();
    for (const [k, model] of models) {
      await initBackend(k.split('@')[1]!.split('/')[0] as BackendName);
      model.dispose();
    }
  }

  const optimizers: OptimizerResult[] = [];
  for (const backend of [...usable, ...(peer ? ['pytorch'] : [])]) {
    const base = times.get(`adamw@${backend}`)!;
    const updateBase = times.get(`adamw@${backend}/update`)!;
    for (const opt of OPTIMIZERS) {
      const rounds = times.get(`${opt.name}@${backend}`)!;
      const updateRounds = times.get(`${opt.name}@${backend}/update`)!;
      const torchUpdates = peer && backend !== 'pytorch' ? times.get(`${opt.name}@pytorch/update`) : undefined;
      const ratio = spread(perRound(rounds, base));
      const torch =
        peer && backend !== 'pytorch'
          ? spread(perRound(times.get(`${opt.name}@pytorch`)!, times.get('adamw@pytorch')!)).median
          : undefined;
      optimizers.push({
        name: opt.name,
        backend,
        msPerStep: spread(rounds).median,
        ratioToAdamw: ratio.median,
        ratioRange: [ratio.min, ratio.max],
        ...(torch !== undefined
          ? { pytorchRatioToAdamw: torch, withinGoal: Math.abs(ratio.median / torch - 1) <= FAIRNESS_GOAL }
          : {}),
        rounds,
        updateMs: spread(updateRounds).median,
        updateRatioToAdamw: spread(perRound(updateRounds, updateBase)).median,
        ...(torchUpdates ? { updateVsPytorch: spread(perRound(updateRounds, torchUpdates)).median } : {}),
      });
    }
  }
  return { optimizers, skipped };
}
