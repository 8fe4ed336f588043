import { MODEL_TITLES } from './models.js';
import type { BenchReport } from './run.js';
import { round } from './stats.js';

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

function table(head: string[], rows: string[][]): string[] {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)];
}

/** The report as a person reads it: one table per section, the spread next to every number. */
export function formatReport(r: BenchReport): string {
  const out: string[] = [];
  const m = r.machine;
  out.push(`reprobench bench${r.quick ? ' --quick' : ''} — ${r.date}`);
  out.push(
    `machine: ${m.cpu}, ${m.cores} cores, ${m.os}, Node ${m.node}, tfjs ${m.tfjs}; load average ${m.loadAverageStart.join(' ')} → ${m.loadAverageEnd.join(' ')}`,
  );
  out.push(`note: ${m.note}`);
  out.push(`auto picks: ${r.auto.backend} (${r.auto.numericsClass})`);

  if (r.results.length) {
    out.push(
      '',
      'Training step, ms (median over rounds, [min–max]); vs PyTorch = tfjs / PyTorch and vs stock = wasm-stock / this, per round, median [min–max]',
    );
    const rows = r.results.map((x) => {
      const ratio = r.ratios.find((q) => q.name === x.name && q.backend === x.backend);
      const sp = r.speedups.find((q) => q.name === x.name && q.backend === x.backend);
      return [
        x.name,
        x.backend,
        `${ms(x.msPerStep)} [${ms(x.min)}–${ms(x.max)}]`,
        `${x.rounds.length}×${x.stepsPerRound}`,
        ratio ? `${round(ratio.vsPytorch, 3)}× [${round(ratio.min, 3)}–${round(ratio.max, 3)}]` : '',
        sp ? `${round(sp.vsStock, 3)}× [${round(sp.min, 3)}–${round(sp.max, 3)}]` : '',
      ];
    });
    out.push(...table(['model', 'backend', 'ms/step', 'rounds×steps', 'vs PyTorch', 'vs stock'], rows));
    out.push('  wasm-stock: tfjs 4.22 wasm as shipped, without the project\'s kernels (the "before")');
    for (const name of new Set(r.results.map((x) => x.name))) out.push(`  ${name}: ${MODEL_TITLES[name]}`);
  }
  if ('skipped' in r.pytorch) out.push(`PyTorch: skipped — ${r.pytorch.skipped}`);
  else {
    // blas's numerics class ends in its OpenBLAS core: the same core on both sides or the blas ratios measure the kernels.
    const blasCore = r.results
      .find((x) => x.backend === 'blas')
      ?.numericsClass?.split('-')
      .pop();
    out.push(
      `PyTorch ${r.pytorch.version}, torch.set_num_threads(1), OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset for it and for blas; OpenBLAS core: ${r.pytorch.openblasCore}${blasCore ? ` (blas: ${blasCore})` : ''}`,
    );
    if (blasCore && blasCore !== r.pytorch.openblasCore)
      out.push(
        'warning: blas and PyTorch ran different OpenBLAS kernels, so the blas ratios measure that difference too',
      );
  }
  for (const s of r.skipped) out.push(`skipped ${s.backend}${s.name === '*' ? '' : ` ${s.name}`}: ${s.reason}`);

  if (r.optimizers.length) {
    out.push(
      '',
      'Optimizers: MLP training step (784-256-10, batch 128), ms, median over rounds; ratio = this ÷ AdamW per round, median [min–max];',
      "  update = the optimizer step alone on two kept gradients in turn; update vs PyTorch = this update ÷ the same optimizer's in PyTorch, per round, median",
    );
    out.push(
      ...table(
        [
          'optimizer',
          'backend',
          'ms/step',
          'vs AdamW',
          'PyTorch vs AdamW',
          'within 25%',
          'update ms',
          'update vs AdamW',
          'update vs PyTorch',
        ],
        r.optimizers.map((x) => [
          x.name,
          x.backend,
          ms(x.msPerStep),
          `${round(x.ratioToAdamw, 3)}× [${round(x.ratioRange[0], 3)}–${round(x.ratioRange[1], 3)}]`,
          x.pytorchRatioToAdamw !== undefined ? `${round(x.pytorchRatioToAdamw, 3)}×` : '',
          x.withinGoal === undefined ? '' : x.withinGoal ? 'yes' : 'no',
          x.updateMs.toFixed(3),
          `${round(x.updateRatioToAdamw, 3)}×`,
          x.updateVsPytorch !== undefined ? `${round(x.updateVsPytorch, 3)}×` : '',
        ]),
      ),
    );
  }
  if (r.micro.length) {
    out.push('', 'Micro-benchmarks (tinybench): mean ms per call, ±rme%');
    out.push(
      ...table(
        ['group', 'benchmark', 'backend', 'mean ms', '±rme', 'samples'],
        r.micro.map((x) => [x.group, x.name, x.backend, ms(x.meanMs), `${x.rme.toFixed(1)}%`, String(x.samples)]),
      ),
    );
  }
  if (r.overhead) {
    const o = r.overhead;
    out.push(
      '',
      `Harness overhead on ${o.backend} (fashion-mnist-mlp trial, ${o.stepsPerTrial} steps, pool with 1 worker): everything but training steps and evals`,
    );
    out.push(
      ...table(
        ['trial', 'wall s', 'train s', 'eval s', 'overhead s', 'share'],
        o.perTrial.map((t, i) => [
          String(i + 1),
          t.wallSeconds.toFixed(2),
          t.trainSeconds.toFixed(2),
          t.evalSeconds.toFixed(2),
          t.overheadSeconds.toFixed(3),
          pct(t.overheadFraction),
        ]),
      ),
    );
    out.push(
      `worker start ${o.workerStartSeconds.toFixed(2)} s; per trial after a worker's first (median) ${pct(o.steadyStateFraction)}; over an adan standard run (worker start + first trial + 47 like the median) ${pct(o.amortisedFraction)}; this short run alone ${pct(o.thisRunFraction)} (goal: < 2%)`,
    );
  }
  if (r.scaling) {
    const s = r.scaling;
    const sp = (x: { median: number; min: number; max: number }) => `${x.median} [${x.min}–${x.max}]`;
    out.push(
      '',
      `Worker-pool scaling on ${s.backend} (${s.repeats} repeats; the same ${s.trials} trials of ${s.stepsPerTrial} steps on each side), wall seconds, median [min–max]`,
    );
    out.push(
      `  plain processes: 1 running all ${sp(s.plain1)}, 2 splitting them ${sp(s.plain2)} → scaling ${sp(s.plainScaling)}×`,
    );
    out.push(`  worker pool: 1 worker ${sp(s.pool1)}, 2 workers ${sp(s.pool2)} → scaling ${sp(s.poolScaling)}×`);
    out.push(`  pool scaling / plain scaling: ${sp(s.efficiency)} (goal: ≥ 0.95)`);
  }
  return out.join('\n');
}
