// Reductions, copies and elementwise functions for tfjs's wasm backend.

#include "kernels.h"

// out[a][b] = Σ_r x[a][r][b], each sum taken over r = 0, 1, ..., R−1 in order from 0: the order of
// tfjs-backend-wasm's Sum, which transposes the reduced axes innermost and adds them one by one, so
// the result is the same bit for bit. Vectorised across b, where the sums are independent.
EXPORT(sum_middle)
void sum_middle(const float *x, float *out, int A, int R, int B) {
  for (int a = 0; a < A; a++) {
    const float *xa = x + (size_t)a * R * B;
    float *oa = out + (size_t)a * B;
    int b = 0;
    for (; b + 16 <= B; b += 16) {
      v128_t s0 = wasm_f32x4_splat(0.0f), s1 = s0, s2 = s0, s3 = s0;
      for (int r = 0; r < R; r++) {
        const float *row = xa + (size_t)r * B + b;
        s0 = wasm_f32x4_add(s0, wasm_v128_load(row));
        s1 = wasm_f32x4_add(s1, wasm_v128_load(row + 4));
        s2 = wasm_f32x4_add(s2, wasm_v128_load(row + 8));
        s3 = wasm_f32x4_add(s3, wasm_v128_load(row + 12));
      }
      wasm_v128_store(oa + b, s0); wasm_v128_store(oa + b + 4, s1);
      wasm_v128_store(oa + b + 8, s2); wasm_v128_store(oa + b + 12, s3);
    }
    for (; b + 4 <= B; b += 4) {
      v128_t s = wasm_f32x4_splat(0.0f);
      for (int r = 0; r < R; r++) s = wasm_f32x4_add(s, wasm_v128_load(xa + (size_t)r * B + b));
      wasm_v128_store(oa + b, s);
    }
    for (; b < B; b++) {
      float s = 0.0f;
      for (int r = 0; r < R; r++) s += xa[(size_t)r * B + b];
      oa[b] = s;
    }
  }
}

// Copies `rows` rows of `cols` 32-bit values from src (rows `srcStride` apart) to dst (`dstStride` apart).
EXPORT(copy_rows)
void copy_rows(const float *src, float *dst, int rows, int cols, int srcStride, int dstStride) {
  for (int r = 0; r < rows; r++) {
    const float *s = src + (size_t)r * srcStride;
    float *d = dst + (size_t)r * dstStride;
    int c = 0;
    for (; c + 4 <= cols; c += 4) wasm_v128_store(d + c, wasm_v128_load(s + c));
    for (; c < cols; c++) d[c] = s[c];
  }
}

// out[i] = rows[idx[i]] for i < count, each row `cols` 32-bit values (indices checked by the caller).
EXPORT(gather_rows)
void gather_rows(const float *table, const int *idx, float *out, int count, int cols) {
  for (int i = 0; i < count; i++) copy_rows(table + (size_t)idx[i] * cols, out + (size_t)i * cols, 1, cols, 0, 0);
}

// e^r·2^n for y = n·ln2 + r: the reduction (Cody–Waite, ln2 in two parts so that n·LN2_HI is exact
// for |n| < 2^8) and the degree-7 Taylor polynomial of e^r on |r| ≤ ln2/2 (relative error below
// 5e-9), without the final scaling. Plain float32 SIMD, no FMA.
static inline __attribute__((always_inline)) v128_t exp_poly(v128_t y, v128_t *nOut) {
  const v128_t nf = wasm_f32x4_nearest(wasm_f32x4_mul(y, wasm_f32x4_splat(1.4426950408889634f)));
  v128_t r = wasm_f32x4_sub(y, wasm_f32x4_mul(nf, wasm_f32x4_splat(0.693145751953125f)));
  r = wasm_f32x4_sub(r, wasm_f32x4_mul(nf, wasm_f32x4_splat(1.428606765330187045e-06f)));
  v128_t e = wasm_f32x4_splat(1.0f / 5040);
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.0f / 720));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.0f / 120));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.0f / 24));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.0f / 6));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(0.5f));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.0f));
  e = wasm_f32x4_add(wasm_f32x4_mul(e, r), wasm_f32x4_splat(1.0f));
  *nOut = wasm_i32x4_trunc_sat_f32x4(nf);  // NaN gives 0; the NaN stays in e through r
  return e;
}

// 2^n for integer lanes with −126 ≤ n ≤ 127.
static inline v128_t pow2(v128_t n) { return wasm_i32x4_shl(wasm_i32x4_add(n, wasm_i32x4_splat(127)), 23); }

// e^y for 0 ≤ y ≤ 20 (tanh's range): one scaling, never subnormal or infinite.
static v128_t exp_reduced(v128_t y) {
  v128_t n;
  v128_t e = exp_poly(y, &n);
  return wasm_f32x4_mul(e, pow2(n));
}

// e^x for every float32 x, within one ulp (native/wasm/tanh_fit.py checks it against mpmath, a
// test against Math.exp). x is clamped to [−104, 89], beyond which e^x rounds to 0 or overflows;
// 2^n is applied in two halves so that subnormal results round once and large ones overflow to
// infinity, as the exact value does.
static v128_t exp4(v128_t x) {
  const v128_t y = wasm_f32x4_max(wasm_f32x4_min(x, wasm_f32x4_splat(89.0f)), wasm_f32x4_splat(-104.0f));
  v128_t n;
  const v128_t e = exp_poly(y, &n);
  const v128_t n1 = wasm_i32x4_shr(n, 1);
  const v128_t n2 = wasm_i32x4_sub(n, n1);
  return wasm_f32x4_mul(wasm_f32x4_mul(e, pow2(n1)), pow2(n2));
}

// out[i] = e^x[i] for float32, see exp4. The tail goes through the same vector code.
EXPORT(exp_f32)
void exp_f32(const float *x, float *out, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(out + i, exp4(wasm_v128_load(x + i)));
  for (; i < n; i++) out[i] = wasm_f32x4_extract_lane(exp4(wasm_f32x4_splat(x[i])), 0);
}

// tanh of four float32 values, every operation float32 SIMD (no FMA), so the same bits on every
// machine. Within one float32 ulp of the exact value (native/wasm/tanh_fit.py fits the polynomial
// and checks that bound against mpmath; a test checks it against Math.tanh):
//   |x| < 0.625:  x + x·z·Q(z), z = x², Q the degree-5 least-squares fit of (tanh(x) − x)/x³;
//   otherwise:    1 − 2/(e^{2|x|} + 1), e^y by exp_reduced; 2|x| is capped at 20 (tanh = 1 there).
static v128_t tanh4(v128_t x) {
  const v128_t ax = wasm_f32x4_abs(x);
  const v128_t z = wasm_f32x4_mul(ax, ax);
  v128_t q = wasm_f32x4_splat(0.002138226283025364f);
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), wasm_f32x4_splat(-0.008171788734756828f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), wasm_f32x4_splat(0.021698209512501083f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), wasm_f32x4_splat(-0.05394625284573027f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), wasm_f32x4_splat(0.13333201343463463f));
  q = wasm_f32x4_add(wasm_f32x4_mul(q, z), wasm_f32x4_splat(-0.33333330657613874f));
  const v128_t small = wasm_f32x4_add(ax, wasm_f32x4_mul(ax, wasm_f32x4_mul(z, q)));
  const v128_t e = exp_reduced(wasm_f32x4_min(wasm_f32x4_add(ax, ax), wasm_f32x4_splat(20.0f)));
  const v128_t one = wasm_f32x4_splat(1.0f);
  const v128_t big = wasm_f32x4_sub(one, wasm_f32x4_div(wasm_f32x4_splat(2.0f), wasm_f32x4_add(e, one)));
  const v128_t t = wasm_v128_bitselect(small, big, wasm_f32x4_lt(ax, wasm_f32x4_splat(0.625f)));
  return wasm_v128_or(t, wasm_v128_and(x, wasm_i32x4_splat((int)0x80000000u)));  // t ≥ 0 or NaN: copy x's sign
}

// out[i] = tanh(x[i]) for float32, see tanh4. The tail goes through the same vector code.
EXPORT(tanh_f32)
void tanh_f32(const float *x, float *out, int n) {
  int i = 0;
  for (; i + 4 <= n; i += 4) wasm_v128_store(out + i, tanh4(wasm_v128_load(x + i)));
  for (; i < n; i++) out[i] = wasm_f32x4_extract_lane(tanh4(wasm_f32x4_splat(x[i])), 0);
}
