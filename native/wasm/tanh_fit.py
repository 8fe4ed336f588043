#!/usr/bin/env python3
"""Where the constants of tanh4 and exp4 in native/wasm/elementwise.c come from, and their error bound.

1. Fits Q, the degree-5 polynomial in z = x² with tanh(x) ≈ x + x·z·Q(z) on |x| < 0.625, by least
   squares (weighted for relative error) on 400 Chebyshev nodes, in mpmath at 40 digits.
2. Evaluates both kernels exactly as the C code does, every operation rounded to float32 by numpy
   (no fused multiply-add), on a dense grid, and compares with tanh and exp rounded from mpmath:
   prints the largest difference in ulps (the claim in the C comments: at most 1) and the share of
   correctly rounded results.

Run: python3 native/wasm/tanh_fit.py   (numpy and mpmath; Debian: python3-numpy python3-mpmath)
"""
import mpmath as mp
import numpy as np

mp.mp.dps = 40
f32 = np.float32
SWITCH = 0.625


def fit_q(degree=5, nodes=400):
    zmax = mp.mpf(SWITCH) ** 2
    zs = [zmax * (1 - mp.cos(mp.pi * (k + mp.mpf(1) / 2) / nodes)) / 2 for k in range(nodes)]
    a = mp.matrix(nodes, degree + 1)
    b = mp.matrix(nodes, 1)
    for i, z in enumerate(zs):
        x = mp.sqrt(z)
        w = z / (mp.tanh(x) / x)  # weights the residual by its share of tanh(x)
        for j in range(degree + 1):
            a[i, j] = w * z ** j
        b[i] = w * (mp.tanh(x) - x) / (x * z)
    c = mp.lu_solve(a.T * a, a.T * b)
    return [float(c[j]) for j in range(degree + 1)]


def exp_poly(y):
    n = np.rint(y * f32(1.4426950408889634)).astype(f32)
    r = (y - n * f32(0.693145751953125)).astype(f32)
    r = (r - n * f32(1.428606765330187045e-06)).astype(f32)
    e = f32(1 / 5040)
    for c in [1 / 720, 1 / 120, 1 / 24, 1 / 6, 0.5, 1.0, 1.0]:
        e = (e * r).astype(f32) + f32(c)
    return e.astype(f32), n.astype(np.int64)


def pow2(n):
    return ((n + 127) << 23).astype(np.int32).view(f32)


def exp4(x):
    with np.errstate(over='ignore', invalid='ignore'):
        y = np.maximum(np.minimum(x, f32(89)), f32(-104)).astype(f32)
        e, n = exp_poly(y)
        n1 = n >> 1
        return ((e * pow2(n1)).astype(f32) * pow2(n - n1)).astype(f32)


def tanh4(x, q):
    ax = np.abs(x).astype(f32)
    z = (ax * ax).astype(f32)
    p = f32(q[-1])
    for c in reversed(q[:-1]):
        p = (p * z).astype(f32) + f32(c)
    small = (ax + (ax * (z * p).astype(f32)).astype(f32)).astype(f32)
    e, n = exp_poly(np.minimum(ax + ax, f32(20)).astype(f32))
    e = (e * pow2(n)).astype(f32)
    big = (f32(1) - (f32(2) / (e + f32(1))).astype(f32)).astype(f32)
    return np.copysign(np.where(ax < f32(SWITCH), small, big), x).astype(f32)


def ulps(got, want):
    return np.abs(got.view(np.int32).astype(np.int64) - want.view(np.int32).astype(np.int64))


def report(name, xs, got, exact):
    want = np.array([f32(float(exact(mp.mpf(float(v))))) for v in xs], dtype=f32)
    d = ulps(got, want)
    print(f'{name}: {len(xs)} points, largest difference {d.max()} ulp at x = {xs[d.argmax()]!r}, correctly rounded {np.mean(d == 0):.4f}')


if __name__ == '__main__':
    q = fit_q()
    print('Q =', q)
    xs = np.concatenate([np.linspace(-12, 12, 60001), np.exp(np.linspace(-30, 0, 4001))]).astype(f32)
    report('tanh', xs, tanh4(xs, q), mp.tanh)
    xs = np.concatenate([np.linspace(-103.9, 88.72, 60001), np.linspace(-1, 1, 4001)]).astype(f32)
    report('exp', xs, exp4(xs), mp.exp)
