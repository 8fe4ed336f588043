import { initBackend, type BackendName } from '../../harness/backends/select.js';
import { gpuDeviceNode } from '../../harness/backends/webgpu.js';
import { firstLine } from '../../harness/backends/reasons.js';
import { CREATE, type BenchModel, type ModelName } from './models.js';
import { spread } from './stats.js';
import { childEntry } from './child-entry.js';
import { LinePeer } from './peer.js';
import { TorchPeer, torchUnavailable } from './torch.js';

/** Row label of tfjs 4.22's wasm backend as shipped (the "before"), measured in a child process. */
export const STOCK = 'wasm-stock';

export interface StepResult {
  name: ModelName;
  /** A tfjs backend, `wasm-stock` for tfjs's wasm without the project's kernels, or `pytorch`. */
  backend: string;
  /** Median over rounds. */
  msPerStep: number;
  min: number;
  max: number;
  rounds: number[];
  stepsPerRound: number;
  numericsClass?: string;
}

export interface RatioResult {
  name: ModelName;
  backend: string;
  /** tfjs ms per step / PyTorch ms per step, per round (same round), then the median. */
  vsPytorch: number;
  min: number;
  max: number;
  rounds: number[];
}

export interface SpeedupResult {
  name: ModelName;
  backend: string;
  /** wasm-stock ms per step / this backend's, per round, then the median: what the engine work gained. */
  vsStock: number;
  min: number;
  max: number;
  rounds: number[];
}

export interface Skipped {
  name: ModelName | '*';
  backend: string;
  reason: string;
}

export interface StepOptions {
  backends: BackendName[];
  models: ModelName[];
  rounds: number;
  /** Target seconds per (model, backend) measurement in one round. */
  seconds: number;
  pytorch: boolean;
  /** Measure tfjs's wasm as shipped too (a child process), the "before" of the project's kernels. */
  stock: boolean;
  /** Include the pure-JS cpu backend's CNN (about 20 s a step). */
  slow: boolean;
  log: (line: string) => void;
}

export interface StepReport {
  results: StepResult[];
  ratios: RatioResult[];
  speedups: SpeedupResult[];
  skipped: Skipped[];
  /** `openblasCore`: the OpenBLAS core whose kernels PyTorch's products ran (blas's is in its numerics class). */
  pytorch: { version: string; threads: 1; openblasCore: string } | { skipped: string };
  backendReasons: Record<string, string[]>;
}

const clampSteps = (ms: number, seconds: number) =>
  Math.max(2, Math.min(400, Math.ceil((seconds * 1000) / Math.max(ms, 0.05))));

/**
 * Milliseconds per training step of the pinned models on each backend, and on PyTorch in the
 * same run: every round measures each model on every backend and then on the peers, so a ratio
 * compares measurements taken seconds apart under the same machine load.
 */
export async function measureSteps(o: StepOptions): Promise<StepReport> {
  const skipped: Skipped[] = [];
  const backendReasons: Record<string, string[]> = {};
  const usable: Array<{ name: BackendName; numericsClass: string }> = [];
  for (const b of o.backends) {
    if (b === 'webgpu' && !gpuDeviceNode()) {
      skipped.push({
        name: '*',
        backend: b,
        reason: 'no GPU device node (/dev/nvidia*, /dev/dri/renderD*): not measurable on this machine',
      });
      continue;
    }
    try {
      const info = await initBackend(b);
      backendReasons[b] = info.reasons;
      usable.push({ name: b, numericsClass: info.numericsClass });
    } catch (e) {
      skipped.push({ name: '*', backend: b, reason: firstLine(e) });
    }
  }

  let peer: TorchPeer | undefined;
  let pytorch: StepReport['pytorch'] = { skipped: 'not requested (--no-pytorch)' };
  if (o.pytorch) {
    const why = torchUnavailable();
    if (why) {
      pytorch = { skipped: why };
      o.log(`pytorch: skipped (${why}); PyTorch rows and ratios are left out`);
    } else {
      peer = new TorchPeer();
      await peer.start();
      pytorch = { version: peer.version, threads: 1, openblasCore: peer.openblasCore };
    }
  }

  const peers: Array<{ label: string; peer: LinePeer }> = [];
  if (o.stock) {
    const entry = childEntry('stock-peer');
    peers.push({ label: STOCK, peer: new LinePeer(process.execPath, [...entry.execArgv, entry.path]) });
  }
  if (peer) peers.push({ label: 'pytorch', peer });
  const failed = new Set<string>();

  const models = new Map<string, BenchModel>();
  const steps = new Map<string, number>();
  const times = new Map<string, number[]>();
  const key = (m: ModelName, b: string) => `${m}@${b}`;
  const push = (k: string, v: number) => times.set(k, [...(times.get(k) ?? []), v]);

  try {
    for (let r = 0; r < o.rounds; r++) {
      // Model by model: each tfjs backend, then the peers, so the measurements a ratio divides
      // are seconds apart even when the machine's load moves.
      for (const m of o.models) {
        for (const b of usable) {
          if (b.name === 'cpu' && m === 'cnn' && !o.slow) {
            if (r === 0)
              skipped.push({
                name: m,
                backend: b.name,
                reason: 'pure-JS convolutions take about 20 s a step (DESIGN § Backends); --slow includes it',
              });
            continue;
          }
          await initBackend(b.name);
          const k = key(m, b.name);
          let model = models.get(k);
          if (!model) {
            model = CREATE[m]();
            models.set(k, model);
            await model.step(); // first step: kernel setup, weight packing, allocation
            const t = performance.now();
            await model.step();
            steps.set(k, clampSteps(performance.now() - t, o.seconds));
          }
          const n = steps.get(k)!;
          const t0 = performance.now();
          for (let i = 0; i < n; i++) await model.step();
          push(k, (performance.now() - t0) / n);
        }
        for (const { label, peer: p } of peers) {
          const k = key(m, label);
          if (failed.has(k)) continue;
          try {
            if (!steps.has(k)) steps.set(k, clampSteps(await p.run(m, 2, 2), o.seconds));
            push(k, await p.run(m, steps.get(k)!, 1));
          } catch (e) {
            failed.add(k);
            skipped.push({ name: m, backend: label, reason: `fails: ${(e as Error).message}` });
          }
        }
      }
      o.log(`steps: round ${r + 1}/${o.rounds} done`);
    }
  } finally {
    for (const p of peers) p.peer.close();
    for (const [k, model] of models) {
      await initBackend(k.split('@')[1] as BackendName);
      model.dispose();
    }
  }

  const results: StepResult[] = [];
  const ratios: RatioResult[] = [];
  const speedups: SpeedupResult[] = [];
  for (const m of o.models) {
    const torch = times.get(key(m, 'pytorch'));
    const stock = times.get(key(m, STOCK));
    for (const b of [...usable.map((u) => u.name as string), STOCK, 'pytorch']) {
      const rounds = times.get(key(m, b));
      if (!rounds) continue;
      const s = spread(rounds);
      const numericsClass = usable.find((u) => u.name === b)?.numericsClass;
      results.push({
        name: m,
        backend: b,
        msPerStep: s.median,
        min: s.min,
        max: s.max,
        rounds,
        stepsPerRound: steps.get(key(m, b))!,
        ...(numericsClass ? { numericsClass } : {}),
      });
      if (torch && b !== 'pytorch') {
        const per = rounds.map((v, i) => v / torch[i]!);
        const rs = spread(per);
        ratios.push({ name: m, backend: b, vsPytorch: rs.median, min: rs.min, max: rs.max, rounds: per });
      }
      if (stock && b !== 'pytorch' && b !== STOCK) {
        const per = rounds.map((v, i) => stock[i]! / v);
        const ss = spread(per);
        speedups.push({ name: m, backend: b, vsStock: ss.median, min: ss.min, max: ss.max, rounds: per });
      }
    }
  }
  return { results, ratios, speedups, skipped, pytorch, backendReasons };
}
