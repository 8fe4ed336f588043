import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  contentHash,
  curveDigest,
  MAX_STORED_CURVE_POINTS,
  readReference,
  thinCurve,
  writeReference,
} from '../../../../harness/store/reference.js';

describe('reference files', () => {
  it('thins long curves evenly, keeping the first and last point', () => {
    const long = Array.from({ length: 1000 }, (_, i) => i);
    const { curve, thinned } = thinCurve(long);
    expect(thinned).toBe(true);
    expect(curve).toHaveLength(MAX_STORED_CURVE_POINTS);
    expect(curve[0]).toBe(0);
    expect(curve[curve.length - 1]).toBe(999);
    expect(thinCurve([1, 2, 3])).toEqual({ curve: [1, 2, 3], thinned: false });
  });

  it('digests curves by steps and metrics only, and hashes content independent of key order', () => {
    const c = [{ step: 1, metrics: { a: 0.5 } }];
    expect(curveDigest(c)).toBe(curveDigest([{ step: 1, metrics: { a: 0.5 } }]));
    expect(curveDigest(c)).not.toBe(curveDigest([{ step: 1, metrics: { a: 0.5000001 } }]));
    const file = { x: 1, y: { b: 2, a: 1 } } as never;
    expect(contentHash(file)).toBe(contentHash({ y: { a: 1, b: 2 }, x: 1 } as never));
  });
});

describe('reference files of fixed-budget claims', () => {
  it('keep the tuning outcome (metric per trial, median per choice) and read back without a tamper error', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'reprobench-ref-')), 'rex', 'wasm.json');
    const file = {
      schemaVersion: 1 as const,
      claim: { id: 'rex', version: 1 },
      numericsClass: 'wasm-x',
      backend: 'wasm',
      preset: 'quick' as const,
      repeats: 2,
      tuning: {
        kind: 'search' as const,
        description: 'd',
        choices: [
          { workload: 'w', method: 'rex', point: { learningRate: 0.01 }, medianSteps: null, medianMetric: 0.16 },
        ],
        rows: [
          {
            workload: 'w',
            method: 'rex',
            study: 0,
            point: { learningRate: 0.01 },
            steps: [null],
            medianSteps: null,
            winner: true,
            metric: 0.16,
          },
        ],
      },
      trials: [],
      provenance: {
        reprobenchVersion: '0',
        gitCommit: null,
        gitDirty: null,
        tfjsVersion: '4',
        backend: 'wasm',
        backendReasons: [],
        numericsClass: 'wasm-x',
        node: '20',
        os: 'linux',
        cpu: { model: 'x', cores: 2 },
        gpu: null,
      },
      command: 'reprobench reference update rex',
      createdAt: '2026-11-27T00:00:00Z',
    };
    writeReference(path, file);
    const back = readReference(path);
    expect(back.tuning!.choices[0]!.medianMetric).toBe(0.16);
    expect(back.tuning!.rows[0]!.metric).toBe(0.16);
  });
});
