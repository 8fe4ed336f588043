import type { SupervisedData } from '../../harness/core/workload.js';
import { defineWorkload } from '../../harness/core/workload.js';
import { ReprobenchError } from '../../harness/errors.js';
import { Rng } from '../../harness/rng.js';
import { deriveSeed } from '../../harness/runner/seeds.js';
import { createSiren } from '../common/siren.js';
import { spectralCentroid, winnerNoiseScales } from './spectrum.js';

/** Samples of the signal on [−1, 1]. */
export const INR_SAMPLES = 4096;
const WIDTH = 64;
/** Sinusoids per signal; frequencies as fractions of Nyquist (0.5 cycles per sample). */
const SIGNALS = {
  high: { tones: 32, band: [0.2, 0.45] },
  low: { tones: 8, band: [0.002, 0.02] },
} as const;
export type InrSignal = keyof typeof SIGNALS;

/**
 * A deterministic sum of equal-amplitude sinusoids with frequencies uniform in the signal's band
 * (fractions of Nyquist) and uniform phases, sampled at N points of linspace(−1, 1, N) and scaled
 * to peak |y| = 1 (so PSNR = −10·log₁₀ MSE). `high` has no energy below 20% of Nyquist: the
 * "broadband high frequencies, no low frequencies" case of the spectral bottleneck; `low` is the
 * control. One fixed seed per signal, whatever the repeat.
 */
export function inrSignal(signal: InrSignal, n = INR_SAMPLES): { x: Float32Array; y: Float32Array } {
  const spec = SIGNALS[signal];
  const rng = new Rng(deriveSeed('split', ['inr-1d', `signal-${signal}-v1`]));
  const tones = Array.from({ length: spec.tones }, () => ({
    cyclesPerSample: 0.5 * (spec.band[0] + (spec.band[1] - spec.band[0]) * rng.uniform()),
    phase: 2 * Math.PI * rng.uniform(),
  }));
  const raw = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    for (const tone of tones) raw[t]! += Math.sin(2 * Math.PI * tone.cyclesPerSample * t + tone.phase);
  }
  const peak = raw.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  const x = Float32Array.from({ length: n }, (_, t) => -1 + (2 * t) / (n - 1));
  return { x, y: Float32Array.from(raw, (v) => v / peak) };
}

/** INR fitting has no held-out split: the fit is judged on the samples it was fitted to. */
async function loadSignal(variant: string): Promise<SupervisedData> {
  const signal: InrSignal = variant === 'low' ? 'low' : 'high';
  const { x, y } = inrSignal(signal);
  const set = { x, y, n: x.length };
  return { train: set, valid: set, featureSize: 1, task: { kind: 'regression', targetSize: 1 } };
}

const numberOption = (o: Record<string, number | string | boolean>, key: string): number => {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new ReprobenchError(
      'E_BAD_CONFIG',
      `inr-1d model option ${key} must be a finite number ≥ 0, got ${String(v)}`,
      'set winnerS0Max, winnerA and winnerB (the WINNER method does, from its hparams)',
    );
  }
  return v;
};

export const inr1d = defineWorkload({
  id: 'inr-1d',
  version: 1,
  title: '1-D signal fitting with a SIREN (synthetic implicit neural representation, seconds)',
  description:
    `Fit y(x) on ${INR_SAMPLES} samples of x ∈ [−1, 1] with a SIREN 1→${WIDTH}→${WIDTH}→1 (ω₀ = 30), full-batch mean squared ` +
    `error. Default: ${SIGNALS.high.tones} sinusoids spread over 20–45% of Nyquist, nothing below (the spectral-bottleneck ` +
    `case); variant \`low\`: ${SIGNALS.low.tones} sinusoids below 2% of Nyquist. Signals peak at |y| = 1, so PSNR = ` +
    '−10·log₁₀(MSE). The fit is judged on the fitted samples (an INR has no held-out split). Model option `init: winner` ' +
    'adds WINNER noise scaled from the target spectral centroid (options winnerS0Max, winnerA, winnerB).',
  dataAttribution: 'synthetic (a fixed sum of sinusoids per signal)',
  loadData: (ctx) => loadSignal(ctx.variant),
  createModel: (rng, data, options) => {
    if (options.init === undefined || options.init === 'siren') return createSiren(rng, WIDTH);
    if (options.init !== 'winner') {
      throw new ReprobenchError(
        'E_BAD_CONFIG',
        `inr-1d model option init must be siren or winner, got ${String(options.init)}`,
        'leave init unset for SIREN initialisation, or use the winner-init method',
      );
    }
    const scales = winnerNoiseScales(spectralCentroid(data.train.y), {
      s0Max: numberOption(options, 'winnerS0Max'),
      a: numberOption(options, 'winnerA'),
      b: numberOption(options, 'winnerB'),
    });
    return { ...createSiren(rng, WIDTH, scales), buildOptions: ['init', 'winnerS0Max', 'winnerA', 'winnerB'] };
  },
  // Not calibrated (DESIGN's rule needs a baseline that reaches it; on `high` SIREN never leaves zero
  // output): 30 dB PSNR, a common "good fit" bar, fixed a priori; the budget is several times the
  // steps WINNER needs (docs/workloads.md).
  target: { metric: 'validation/loss', value: 1e-3, direction: 'lower' },
  budget: { steps: 300, seconds: 600 },
  evalEvery: 10,
  fineEvalEvery: 1,
  batchSize: INR_SAMPLES,
  msPerStepHint: { wasm: 49, cpu: 300, tensorflow: 10, blas: 51 },
  variants: {
    low: { description: `${SIGNALS.low.tones} sinusoids below 2% of Nyquist (the low-frequency control)` },
  },
});
