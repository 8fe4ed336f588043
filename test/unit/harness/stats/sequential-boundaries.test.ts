import { describe, expect, it } from 'vitest';
import {
  alphaSpent,
  crossingProbabilities,
  driftForPower,
  efficacyBoundaries,
  sequentialPower,
} from '../../../../harness/stats/sequential-boundaries.js';
import { createRng } from '../../../../harness/stats/rng.js';
import { expectCode } from './fixtures.js';

const FIVE = [0.2, 0.4, 0.6, 0.8, 1];

describe('Lan–DeMets boundaries', () => {
  it("reproduce published O'Brien–Fleming-type and Pocock-type bounds (K = 5, one-sided 0.025)", () => {
    // gsDesign (R) sfLDOF / sfLDPocock, equally spaced looks; Jennison & Turnbull (2000) Table 7.x.
    const obf = [4.8769, 3.357, 2.6803, 2.2898, 2.031];
    const pocock = [2.438, 2.4268, 2.4102, 2.3966, 2.386];
    efficacyBoundaries(FIVE, 0.025, 'obrien-fleming').forEach((b, i) => expect(b).toBeCloseTo(obf[i] as number, 3));
    efficacyBoundaries(FIVE, 0.025, 'pocock').forEach((b, i) => expect(b).toBeCloseTo(pocock[i] as number, 3));
  });

  it('spend exactly the spending function under H0 (integration) and in a Monte Carlo of Brownian paths', () => {
    const b = efficacyBoundaries(FIVE, 0.05, 'obrien-fleming');
    const p = crossingProbabilities(FIVE, b, 0);
    let cum = 0;
    p.forEach((pk, k) => {
      cum += pk;
      expect(cum).toBeCloseTo(alphaSpent(FIVE[k] as number, 0.05, 'obrien-fleming'), 7);
    });
    const rng = createRng(99);
    const M = 200_000;
    let crossed = 0;
    for (let m = 0; m < M; m++) {
      let s = 0;
      let t = 0;
      for (let k = 0; k < 5; k++) {
        const dt = (FIVE[k] as number) - t;
        s += Math.sqrt(dt) * rng.normal();
        t = FIVE[k] as number;
        if (s / Math.sqrt(t) >= (b[k] as number)) {
          crossed++;
          break;
        }
      }
    }
    // 4 binomial SDs at M = 200k is ±0.002.
    expect(Math.abs(crossed / M - 0.05)).toBeLessThan(0.002);
  });

  it('power at drift z_{1-α} + z_{1-β} is just under the fixed design, and driftForPower inverts it', () => {
    const b = efficacyBoundaries(FIVE, 0.025, 'obrien-fleming');
    const fixedDrift = 1.959964 + 1.281552;
    const pw = sequentialPower(FIVE, b, fixedDrift);
    expect(pw).toBeLessThan(0.9);
    expect(pw).toBeGreaterThan(0.88);
    const d = driftForPower(FIVE, b, 0.9);
    expect(sequentialPower(FIVE, b, d)).toBeCloseTo(0.9, 6);
    // Known inflation factor of a 5-look OBF-type design: about 1.02–1.03.
    expect((d / fixedDrift) ** 2).toBeGreaterThan(1.015);
    expect((d / fixedDrift) ** 2).toBeLessThan(1.035);
  });

  it('alphaSpent is 0 at t = 0, alpha at t = 1, increasing; bad fractions are refused', () => {
    for (const f of ['obrien-fleming', 'pocock'] as const) {
      expect(alphaSpent(0, 0.05, f)).toBe(0);
      expect(alphaSpent(1, 0.05, f)).toBe(0.05);
      expect(alphaSpent(0.3, 0.05, f)).toBeLessThan(alphaSpent(0.6, 0.05, f));
    }
    expectCode(() => efficacyBoundaries([0.5, 0.4, 1], 0.05, 'pocock'), 'E_STATS_INPUT');
  });
});
