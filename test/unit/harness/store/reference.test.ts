import { describe, expect, it } from 'vitest';
import { contentHash, curveDigest, MAX_STORED_CURVE_POINTS, thinCurve } from '../../../../harness/store/reference.js';

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
