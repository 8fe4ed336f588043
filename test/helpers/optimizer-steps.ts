import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { join } from 'node:path';
import type { TrainingOptimizer } from '../../harness/core/optimizer.js';

export interface OptimizerFixture {
  config: Record<string, number | boolean>;
  thetas: number[][];
  source: string;
}

/** Reference trajectories from scripts/fixtures/optimizer_reference.py (Python, independent of this code). */
export const fixtures = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'fixtures', 'optimizers.json'), 'utf8'),
) as {
  theta0: number[];
  grads: number[][];
} & Record<string, OptimizerFixture>;

/** Applies the fixture's fixed gradients one step at a time and returns θ after each step. */
export function trajectory(opt: TrainingOptimizer): number[][] {
  const theta = tf.variable(tf.tensor1d(fixtures.theta0));
  const out: number[][] = [];
  for (const g of fixtures.grads) {
    const grad = tf.tensor1d(g);
    opt.applyGradients({ [theta.name]: grad });
    grad.dispose();
    out.push(Array.from(theta.dataSync()));
  }
  opt.dispose();
  theta.dispose();
  return out;
}

/** float32 arithmetic against float64 references: 1e-6 relative, with a floor for values near zero. */

/** float32 arithmetic against float64 references: 1e-6 relative, absolute near zero. */
export function expectClose(actual: number, expected: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
}

/** Checks a whole trajectory against the fixture's. */
export function expectTrajectory(actual: number[][], expected: number[][]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((row, i) => row.forEach((v, j) => expectClose(v, expected[i]![j]!)));
}
