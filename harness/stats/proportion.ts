import { normQuantile } from './distributions.js';
import { requireInteger, requireProbability } from './validate.js';

/** Options of {@link wilsonInterval}. */
export interface WilsonOptions {
  /** @default 0.95 */
  confidence?: number;
}

/**
 * Wilson score interval of a success rate (e.g. the fraction of seeds that reach the target);
 * matches statsmodels `proportion_confint(method='wilson')`. Unlike the Wald interval it is
 * sensible at 0 and n successes, where reprobench's success rates often sit.
 * @throws ReprobenchError `E_STATS_INPUT` unless 0 <= successes <= n, n >= 1, integers.
 */
export function wilsonInterval(successes: number, n: number, options: WilsonOptions = {}): [number, number] {
  requireInteger(n, 'n', 1);
  requireInteger(successes, 'successes', 0, n);
  const confidence = options.confidence ?? 0.95;
  requireProbability(confidence, 'confidence');
  const z = normQuantile(1 - (1 - confidence) / 2);
  const z2 = z * z;
  const q = successes / n;
  const denom = 1 + z2 / n;
  const center = (q + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((q * (1 - q)) / n + z2 / (4 * n * n))) / denom;
  return [Math.max(0, center - half), Math.min(1, center + half)];
}
