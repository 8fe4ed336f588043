import { describe, expect, it } from 'vitest';
import { torchUnavailable } from '../../../benchmarks/perf/torch.js';
import { cli } from '../../helpers/cli.js';

interface Row {
  name: string;
  backend: string;
  msPerStep: number;
  rounds: number[];
}

/** `bench --json --quick --only steps`, one round, on these models and backends. */
const quickSteps = (models: string, backends: string, ...more: string[]) => [
  'bench',
  '--json',
  '--quick',
  '--only',
  'steps',
  '--models',
  models,
  '--backends',
  backends,
  '--rounds',
  '1',
  ...more,
];

describe('reprobench bench', () => {
  it('--json prints per-step times of the pinned models, the shipped-wasm "before", and PyTorch where it is installed', () => {
    const r = cli(quickSteps('mlp,transformer', 'wasm'), { timeoutMs: 300_000 });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      results: Row[];
      ratios: Array<{ name: string; backend: string; vsPytorch: number }>;
      speedups: Array<{ name: string; vsStock: number }>;
      pytorch: { skipped?: string; version?: string };
      skipped: Array<{ name: string; backend: string; reason: string }>;
    };
    const wasm = report.results.filter((x) => x.backend === 'wasm');
    expect(wasm.map((x) => x.name).sort()).toEqual(['mlp', 'transformer']);
    for (const x of wasm) {
      expect(x.msPerStep).toBeGreaterThan(0);
      expect(x.rounds).toHaveLength(1);
    }
    // Stock wasm trains the MLP but has no UnsortedSegmentSum, so the transformer (embedding) fails there.
    expect(report.results.some((x) => x.backend === 'wasm-stock' && x.name === 'mlp')).toBe(true);
    expect(report.skipped).toContainEqual(
      expect.objectContaining({
        name: 'transformer',
        backend: 'wasm-stock',
        reason: expect.stringMatching(/UnsortedSegmentSum/),
      }),
    );
    expect(report.speedups.find((s) => s.name === 'mlp')!.vsStock).toBeGreaterThan(0);
    const why = torchUnavailable();
    if (why) {
      expect(report.pytorch.skipped).toBe(why);
      expect(report.ratios).toHaveLength(0);
    } else {
      expect(
        report.results
          .filter((x) => x.backend === 'pytorch')
          .map((x) => x.name)
          .sort(),
      ).toEqual(['mlp', 'transformer']);
      expect(report.ratios.filter((x) => x.backend === 'wasm').every((x) => x.vsPytorch > 0)).toBe(true);
    }
    expect(r.stderr).toContain('steps: round 1/1 done');
  });

  it("--only optimizers prints each built-in optimizer's MLP step against AdamW's, with PyTorch's ratio from the same rounds", () => {
    const r = cli(['bench', '--json', '--quick', '--only', 'optimizers', '--backends', 'wasm', '--rounds', '1'], {
      timeoutMs: 300_000,
    });
    expect(r.code, r.stderr).toBe(0);
    type Opt = {
      name: string;
      backend: string;
      msPerStep: number;
      ratioToAdamw: number;
      pytorchRatioToAdamw?: number;
      withinGoal?: boolean;
      updateMs: number;
      updateRatioToAdamw: number;
      updateVsPytorch?: number;
    };
    const report = JSON.parse(r.stdout) as { optimizers: Opt[]; results: unknown[] };
    expect(report.results).toHaveLength(0);
    const wasm = report.optimizers.filter((x) => x.backend === 'wasm');
    expect(wasm.map((x) => x.name)).toEqual(['adamw', 'nadamw', 'adan', 'sgd-nesterov', 'sgd-momentum']);
    expect(wasm[0]!.ratioToAdamw).toBe(1);
    expect(wasm[0]!.updateRatioToAdamw).toBe(1);
    for (const x of wasm) {
      expect(x.msPerStep).toBeGreaterThan(0);
      // The update alone is part of a step, so it must take less than the whole step.
      expect(x.updateMs).toBeGreaterThan(0);
      expect(x.updateMs).toBeLessThan(x.msPerStep);
    }
    if (torchUnavailable()) {
      expect(wasm.every((x) => x.pytorchRatioToAdamw === undefined && x.updateVsPytorch === undefined)).toBe(true);
    } else {
      const torch = report.optimizers.filter((x) => x.backend === 'pytorch');
      expect(torch.map((x) => x.name)).toEqual(wasm.map((x) => x.name));
      expect(torch.every((t) => t.pytorchRatioToAdamw === undefined && t.withinGoal === undefined)).toBe(true);
      for (const t of torch) expect(t.updateMs).toBeLessThan(t.msPerStep);
      for (const x of wasm) {
        const t = torch.find((q) => q.name === x.name)!;
        // One round: the per-round ratio is the ratio of the two medians.
        expect(x.updateVsPytorch).toBeCloseTo(x.updateMs / t.updateMs, 10);
        expect(x.pytorchRatioToAdamw).toBe(t.ratioToAdamw);
        expect(x.withinGoal).toBe(Math.abs(x.ratioToAdamw / x.pytorchRatioToAdamw! - 1) <= 0.25);
      }
    }
    expect(r.stderr).toContain('optimizers: round 1/1 done');
  });

  it('runs blas and the PyTorch peer on the same OpenBLAS kernels even where the environment pins a core type', () => {
    // This machine kind sets OPENBLAS_CORETYPE=Haswell; the peer unsets it (DESIGN), so blas must too.
    const r = cli(quickSteps('mlp', 'blas', '--no-stock'), {
      timeoutMs: 300_000,
      env: { OPENBLAS_CORETYPE: 'Haswell', OPENBLAS_L2_SIZE: '512' },
    });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as {
      results: Array<{ backend: string; numericsClass?: string }>;
      pytorch: { skipped?: string; openblasCore?: string };
    };
    const blas = report.results.find((x) => x.backend === 'blas');
    expect(blas?.numericsClass, 'the blas backend must load here (npm run test:all builds its addon)').toMatch(
      /^blas-.*-openblas[\d.]+-\w+$/,
    );
    if (torchUnavailable()) {
      expect(report.pytorch.skipped).toBe(torchUnavailable());
    } else {
      // The peer reports the core its libopenblas runs (openblas_get_corename): the one blas's class names.
      expect(report.pytorch.openblasCore).toMatch(/^\w+$/);
      expect(blas!.numericsClass!.endsWith(`-${report.pytorch.openblasCore}`)).toBe(true);
    }
  });

  it('rejects an unknown model with a coded error', () => {
    const r = cli(['bench', '--models', 'resnet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_BAD_OPTION: --models: unknown value "resnet"[\s\S]*choose from mlp, cnn, transformer/);
  });
});
