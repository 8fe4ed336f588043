/**
 * The spectral centroid WINNER reads off its target (Chandravamsi et al. 2025, arXiv 2509.09719,
 * authors' code cfdlabtechnion/siren_square `modules/networks.py` `spectral_centroid`, read here
 * through a port that cites it line by line): X = |rfft(s)|, f = rfftfreq(N, d = 1) in cycles per
 * sample, centroid = 2 · (Σ f·X / Σ X) / n_ch. For one channel it is the mean frequency as a
 * fraction of Nyquist, in [0, 1].
 *
 * The magnitudes come from a direct DFT in float64 (one table of e^{-2πi m/N}, indexed by k·n mod N),
 * so every backend draws the same initial weights; a signal of a few thousand samples takes
 * milliseconds. Proven against numpy's rfft in test/unit/workloads/inr-spectrum.test.ts.
 */
export function rfftMagnitudes(signal: ArrayLike<number>): Float64Array {
  const n = signal.length;
  const cos = new Float64Array(n);
  const sin = new Float64Array(n);
  for (let m = 0; m < n; m++) {
    cos[m] = Math.cos((2 * Math.PI * m) / n);
    sin[m] = Math.sin((2 * Math.PI * m) / n);
  }
  const bins = Math.floor(n / 2) + 1;
  const out = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    let re = 0;
    let im = 0;
    let m = 0;
    for (let t = 0; t < n; t++) {
      const v = signal[t]!;
      re += v * cos[m]!;
      im -= v * sin[m]!;
      m += k;
      if (m >= n) m -= n;
    }
    out[k] = Math.hypot(re, im);
  }
  return out;
}

/** numpy's `rfftfreq(n, d = 1)`: k / n for k = 0 … ⌊n/2⌋. */
export function rfftFrequencies(n: number): Float64Array {
  return Float64Array.from({ length: Math.floor(n / 2) + 1 }, (_, k) => k / n);
}

/** The authors' centroid of a mono signal (n_ch = 1): 2 · Σ f·|X| / Σ |X|; 0 for an all-zero signal. */
export function spectralCentroid(signal: ArrayLike<number>): number {
  const mag = rfftMagnitudes(signal);
  const f = rfftFrequencies(signal.length);
  let num = 0;
  let den = 0;
  for (let k = 0; k < mag.length; k++) {
    num += f[k]! * mag[k]!;
    den += mag[k]!;
  }
  return den === 0 ? 0 : (2 * num) / den;
}

/** WINNER's noise scales for 1-D (audio) targets; `a`, `b`, `s0Max` are the code's 7, 3, 3500 by default. */
export interface WinnerScales {
  s0Max: number;
  a: number;
  b: number;
}

/**
 * s0 = s0Max · (1 − e^{−a·z}), s1 = b · z with z = centroid / n_ch (the code's `set_noise_scales`,
 * `in_dim == 1` branch; the paper's text gives a = 5, the code a = 7). Mono, so z = centroid.
 */
export function winnerNoiseScales(centroid: number, c: WinnerScales): { s0: number; s1: number } {
  return { s0: c.s0Max * (1 - Math.exp(-c.a * centroid)), s1: c.b * centroid };
}
