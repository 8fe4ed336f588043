import { describe, expect, it } from 'vitest';
import { deriveSeed, trialSeeds } from '../../../../harness/runner/seeds.js';
import { Rng } from '../../../../harness/rng.js';

const w = { id: 'fashion-mnist-mlp', version: 1, variant: 'default' };

describe('seed derivation', () => {
  it('is the documented hash', () => {
    // python3 -c "import hashlib; s='reprobench-seed-v1'+''.join('\0'+p for p in
    //   ['init','fashion-mnist-mlp','1','default','eval','0']); print(hashlib.sha256(s.encode()).hexdigest()[:32])"
    expect(deriveSeed('init', ['fashion-mnist-mlp', 1, 'default', 'eval', 0])).toBe('79dc77e5f64815766247d4b364e10aec');
  });

  it('pairs repeats across methods: same init, order and split; different method stream', () => {
    const a = trialSeeds(w, 'adan', { purpose: 'eval', index: 3 });
    const b = trialSeeds(w, 'adamw', { purpose: 'eval', index: 3 });
    expect(a.init).toBe(b.init);
    expect(a.order).toBe(b.order);
    expect(a.split).toBe(b.split);
    expect(a.method).not.toBe(b.method);
  });

  it('keeps tuning, evaluation and calibration seeds disjoint, and repeats distinct', () => {
    const seen = new Set<string>();
    for (const purpose of ['eval', 'tune', 'calibrate'] as const) {
      for (let i = 0; i < 20; i++) {
        const s = trialSeeds(w, 'adan', { purpose, index: i });
        expect(seen.has(s.init)).toBe(false);
        seen.add(s.init);
      }
    }
  });

  it('changes every stream with the workload version', () => {
    const a = trialSeeds(w, 'adan', { purpose: 'eval', index: 0 });
    const b = trialSeeds({ ...w, version: 2 }, 'adan', { purpose: 'eval', index: 0 });
    expect([b.init, b.order, b.split]).not.toContain(a.init);
    expect(b.split).not.toBe(a.split);
  });
});

describe('Rng', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const s = deriveSeed('order', ['x']);
    const a = new Rng(s);
    const b = new Rng(s);
    const c = new Rng(deriveSeed('order', ['y']));
    const xa = Array.from({ length: 5 }, () => a.uniform());
    expect(Array.from({ length: 5 }, () => b.uniform())).toEqual(xa);
    expect(Array.from({ length: 5 }, () => c.uniform())).not.toEqual(xa);
  });

  it('draws permutations and roughly standard normals', () => {
    const r = new Rng(deriveSeed('init', ['perm']));
    const p = r.permutation(1000);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    const xs = Array.from({ length: 20000 }, () => r.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('rejects a malformed seed', () => {
    expect(() => new Rng('123')).toThrow(/32 hex digits/);
  });
});
