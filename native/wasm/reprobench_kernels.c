// The project's own WebAssembly kernels for tfjs's `wasm` backend, built to
// native/wasm/reprobench_kernels.wasm by native/wasm/build.mjs (clang, wasm32, SIMD128).
//
// The module imports the tfjs wasm module's memory, so every pointer here is a byte offset in
// that heap: kernels read tfjs tensors and write tfjs tensors in place, with no copies. It has no
// data segment and never touches the C stack (build.mjs checks the disassembly; a test runs
// every kernel in a sentinel-filled memory and finds no byte changed outside its outputs and
// scratch), so it cannot write anywhere but the buffers it is given.
//
// Numerics (why the loops look the way they do):
// - Plain SIMD128, no relaxed SIMD: no fused multiply-add, so every product and every sum is
//   rounded to float32 on its own, identically on every machine and engine.
// - The product sums each output element over k = 0, 1, ..., K-1 in order, starting from 0:
//   the same result as the naive loop `s = fround(s + fround(a*b))`, whatever the blocking
//   (for finite values; NaN payloads are not specified by wasm). Tests compare it bit for bit
//   with that loop written in JS.
// - AdamW does exactly the float32 operations, in the order, of the unfused tfjs ops in
//   benchmarks/methods/optimizers/adamw.ts, so fusing it changes no bit (tested).

#include <wasm_simd128.h>

#define EXPORT(name) __attribute__((export_name(#name)))

typedef unsigned long size_t;

// Register tile of the product: MR rows of op(A) by NR columns of op(B).
#define MR 4
#define NR 8
// k block: an A panel (MR×KC) and a B panel (KC×NR) together stay well inside a 32 KiB L1.
#define KC 256
// Rows of op(A) packed at a time: bounds the scratch (MC×KC floats) whatever M is.
#define MC 256

// Copies op(A)'s rows [i0, i0 + MR), columns [k0, k0 + kc), into ap as kc groups of MR values (k-major), zero-filling
// rows past M, so the inner loop reads A contiguously whatever A's layout.
static void pack_a(const float *a, int trans, int M, int K, int k0, int kc, int i0, float *ap) {
  for (int r = 0; r < MR; r++) {
    int i = i0 + r;
    if (i >= M) {
      for (int k = 0; k < kc; k++) ap[k * MR + r] = 0.0f;
    } else if (trans) {  // A is stored K×M
      for (int k = 0; k < kc; k++) ap[k * MR + r] = a[(size_t)(k0 + k) * M + i];
    } else {  // A is stored M×K
      const float *row = a + (size_t)i * K + k0;
      for (int k = 0; k < kc; k++) ap[k * MR + r] = row[k];
    }
  }
}

// Copies op(B)'s rows [k0, k0 + kc), columns [j0, j0 + NR), into bp as kc groups of NR values, zero-filling columns
// past N.
static void pack_b(const float *b, int trans, int K, int N, int k0, int kc, int j0, float *bp) {
  if (!trans && j0 + NR <= N) {  // B is stored K×N: each group is 8 contiguous floats
    for (int k = 0; k < kc; k++) {
      const float *src = b + (size_t)(k0 + k) * N + j0;
      wasm_v128_store(bp + k * NR, wasm_v128_load(src));
      wasm_v128_store(bp + k * NR + 4, wasm_v128_load(src + 4));
    }
    return;
  }
  for (int c = 0; c < NR; c++) {
    int j = j0 + c;
    if (j >= N) {
      for (int k = 0; k < kc; k++) bp[k * NR + c] = 0.0f;
    } else if (trans) {  // B is stored N×K
      const float *row = b + (size_t)j * K + k0;
      for (int k = 0; k < kc; k++) bp[k * NR + c] = row[k];
    } else {
      for (int k = 0; k < kc; k++) bp[k * NR + c] = b[(size_t)(k0 + k) * N + j];
    }
  }
}

#define ACC(r)                                        \
  a = wasm_v128_load32_splat(ap + k * MR + (r));      \
  c##r##0 = wasm_f32x4_add(c##r##0, wasm_f32x4_mul(a, b0)); \
  c##r##1 = wasm_f32x4_add(c##r##1, wasm_f32x4_mul(a, b1));

// One MR×NR tile of C over kc values of k, added to what c holds when `accumulate` is set
// (later k blocks continue the same running sums, so blocking does not change the order).
// Edge tiles go through `edge` (MR×NR scratch floats): only rows and columns that exist are
// read from and written to c.
__attribute__((noinline)) static void tile(const float *ap, const float *bp, int kc, float *c, int ldc, int rows, int cols, float *edge,
                 int accumulate) {
  int full = rows == MR && cols == NR;
  float *io = full ? c : edge;
  int ld = full ? ldc : NR;
  // The running sums start from what io holds: c's partial sums, or zeros for the first block
  // (one way in, so the compiler keeps the eight accumulators in registers).
  if (!full) {
    for (int r = 0; r < MR; r++)
      for (int q = 0; q < NR; q++) edge[r * NR + q] = accumulate && r < rows && q < cols ? c[(size_t)r * ldc + q] : 0.0f;
  } else if (!accumulate) {
    const v128_t z = wasm_f32x4_splat(0.0f);
    for (int r = 0; r < MR; r++) {
      wasm_v128_store(c + (size_t)r * ldc, z);
      wasm_v128_store(c + (size_t)r * ldc + 4, z);
    }
  }
  v128_t c00 = wasm_v128_load(io), c01 = wasm_v128_load(io + 4);
  v128_t c10 = wasm_v128_load(io + ld), c11 = wasm_v128_load(io + ld + 4);
  v128_t c20 = wasm_v128_load(io + 2 * ld), c21 = wasm_v128_load(io + 2 * ld + 4);
  v128_t c30 = wasm_v128_load(io + 3 * ld), c31 = wasm_v128_load(io + 3 * ld + 4);
  for (int k = 0; k < kc; k++) {
    v128_t b0 = wasm_v128_load(bp + k * NR);
    v128_t b1 = wasm_v128_load(bp + k * NR + 4);
    v128_t a;
    ACC(0) ACC(1) ACC(2) ACC(3)
  }
  wasm_v128_store(io, c00); wasm_v128_store(io + 4, c01);
  wasm_v128_store(io + ld, c10); wasm_v128_store(io + ld + 4, c11);
  wasm_v128_store(io + 2 * ld, c20); wasm_v128_store(io + 2 * ld + 4, c21);
  wasm_v128_store(io + 3 * ld, c30); wasm_v128_store(io + 3 * ld + 4, c31);
  if (full) return;
  for (int r = 0; r < rows; r++)
    for (int q = 0; q < cols; q++) c[(size_t)r * ldc + q] = edge[r * NR + q];
}

// Bytes of scratch gemm needs for an M×K by K×N product: op(A) packed for one block of MC rows
// and KC columns, one B panel and one edge tile; at most about 264 KiB.
EXPORT(gemm_scratch_bytes)
int gemm_scratch_bytes(int M, int N, int K) {
  (void)N;  // the B panel is KC×NR whatever N is; N stays for a uniform signature
  int mc = M < MC ? M : MC;
  int panels = (mc + MR - 1) / MR;
  int kc = K < KC ? K : KC;
  return (panels * MR * kc + NR * kc + MR * NR) * (int)sizeof(float);
}

// C[b] = op(A[b]) · op(B[b]) for b < batch, with op(X) = Xᵀ when its flag is set. Offsets in
// floats between batch members; 0 broadcasts one matrix to all. Row-major, float32.
EXPORT(gemm)
void gemm(int transA, int transB, int M, int N, int K, const float *a, const float *b, float *c,
          int batch, int strideA, int strideB, int strideC, float *scratch) {
  int mcMax = M < MC ? M : MC;
  int kcMax = K < KC ? K : KC;
  float *ap = scratch;
  float *bp = scratch + (size_t)((mcMax + MR - 1) / MR) * MR * kcMax;
  float *edge = bp + (size_t)NR * kcMax;
  for (int n = 0; n < batch; n++) {
    const float *an = a + (size_t)n * strideA;
    const float *bn = b + (size_t)n * strideB;
    float *cn = c + (size_t)n * strideC;
    if (K == 0) {  // an empty sum: zeros
      for (size_t i = 0; i < (size_t)M * N; i++) cn[i] = 0.0f;
      continue;
    }
    // k blocks outermost: every output element receives its k blocks in increasing order.
    for (int k0 = 0; k0 < K; k0 += KC) {
      int kc = K - k0 < KC ? K - k0 : KC;
      for (int m0 = 0; m0 < M; m0 += MC) {
        int mc = M - m0 < MC ? M - m0 : MC;
        int panels = (mc + MR - 1) / MR;
        for (int p = 0; p < panels; p++) pack_a(an, transA, M, K, k0, kc, m0 + p * MR, ap + (size_t)p * MR * kc);
        for (int j0 = 0; j0 < N; j0 += NR) {
          pack_b(bn, transB, K, N, k0, kc, j0, bp);
          int cols = N - j0 < NR ? N - j0 : NR;
          for (int p = 0; p < panels; p++) {
            int i0 = m0 + p * MR;
            int rows = M - i0 < MR ? M - i0 : MR;
            tile(ap + (size_t)p * MR * kc, bp, kc, cn + (size_t)i0 * N + j0, N, rows, cols, edge, k0 > 0);
          }
        }
      }
    }
  }
}

// One AdamW step over n elements, as benchmarks/methods/optimizers/adamw.ts's tfjs ops do it:
//   decayed = decay ? θ·(1−ηλ) : θ
//   m' = m·β1 + g·(1−β1);  v' = v·β2 + g²·(1−β2)
//   numer = nesterov ? m'·β1 + g·(1−β1) : m'
//   θ' = decayed − (numer / (√v' / √(1−β2^t) + ε)) · η/(1−β1^t)
// Every scalar arrives already rounded to float32, as tfjs rounds scalar operands. Outputs may
// not alias inputs.
EXPORT(adamw)
void adamw(const float *param, const float *grad, const float *m, const float *v, float *outParam,
           float *outM, float *outV, int n, int decay, float decayFactor, float beta1, float oneMinusBeta1,
           float beta2, float oneMinusBeta2, float sqrtBias2, float epsilon, float step, int nesterov) {
  const v128_t df = wasm_f32x4_splat(decayFactor), b1 = wasm_f32x4_splat(beta1), omb1 = wasm_f32x4_splat(oneMinusBeta1);
  const v128_t b2 = wasm_f32x4_splat(beta2), omb2 = wasm_f32x4_splat(oneMinusBeta2), sb2 = wasm_f32x4_splat(sqrtBias2);
  const v128_t eps = wasm_f32x4_splat(epsilon), st = wasm_f32x4_splat(step);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t p = wasm_v128_load(param + i), g = wasm_v128_load(grad + i);
    v128_t mi = wasm_v128_load(m + i), vi = wasm_v128_load(v + i);
    v128_t dec = decay ? wasm_f32x4_mul(p, df) : p;
    v128_t m1 = wasm_f32x4_add(wasm_f32x4_mul(mi, b1), wasm_f32x4_mul(g, omb1));
    v128_t v1 = wasm_f32x4_add(wasm_f32x4_mul(vi, b2), wasm_f32x4_mul(wasm_f32x4_mul(g, g), omb2));
    v128_t numer = nesterov ? wasm_f32x4_add(wasm_f32x4_mul(m1, b1), wasm_f32x4_mul(g, omb1)) : m1;
    v128_t denom = wasm_f32x4_add(wasm_f32x4_div(wasm_f32x4_sqrt(v1), sb2), eps);
    wasm_v128_store(outM + i, m1);
    wasm_v128_store(outV + i, v1);
    wasm_v128_store(outParam + i, wasm_f32x4_sub(dec, wasm_f32x4_mul(wasm_f32x4_div(numer, denom), st)));
  }
  for (; i < n; i++) {
    float p = param[i], g = grad[i];
    float dec = decay ? p * decayFactor : p;
    float m1 = m[i] * beta1 + g * oneMinusBeta1;
    float v1 = v[i] * beta2 + (g * g) * oneMinusBeta2;
    float numer = nesterov ? m1 * beta1 + g * oneMinusBeta1 : m1;
    float denom = __builtin_sqrtf(v1) / sqrtBias2 + epsilon;
    outM[i] = m1;
    outV[i] = v1;
    outParam[i] = dec - (numer / denom) * step;
  }
}

// One Adan step over n elements, as benchmarks/methods/optimizers/adan.ts's tfjs ops do it:
//   d = first ? 0 : g − g_prev
//   m' = m·β1 + g·(1−β1);  v' = v·β2 + d·(1−β2);  u = g + d·β2;  n' = n·β3 + u²·(1−β3)
//   D = √n' / √(1−β3^t) + ε
//   p = decayMode 1 ? θ·(1−ηλ) : θ;  p = p − ((m'/D)·η/(1−β1^t) + (v'/D)·ηβ2/(1−β2^t))
//   θ' = decayMode 2 ? p / (1+ηλ) : p
// The first step's d is a zero tensor there, so it is 0 here and goes through the same operations
// (g + 0·β2 turns −0 into +0 in both). Scalars arrive rounded to float32; outputs may not alias inputs.
EXPORT(adan)
void adan(const float *param, const float *grad, const float *prev, const float *m, const float *v, const float *nn,
          float *outParam, float *outM, float *outV, float *outN, int n, int first, float beta1, float oneMinusBeta1,
          float beta2, float oneMinusBeta2, float beta3, float oneMinusBeta3, float sqrtBias3, float epsilon, float stepM,
          float stepV, int decayMode, float decayFactor) {
  const v128_t b1 = wasm_f32x4_splat(beta1), omb1 = wasm_f32x4_splat(oneMinusBeta1), b2 = wasm_f32x4_splat(beta2);
  const v128_t omb2 = wasm_f32x4_splat(oneMinusBeta2), b3 = wasm_f32x4_splat(beta3), omb3 = wasm_f32x4_splat(oneMinusBeta3);
  const v128_t sb3 = wasm_f32x4_splat(sqrtBias3), eps = wasm_f32x4_splat(epsilon), sm = wasm_f32x4_splat(stepM);
  const v128_t sv = wasm_f32x4_splat(stepV), df = wasm_f32x4_splat(decayFactor), zero = wasm_f32x4_splat(0.0f);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t p = wasm_v128_load(param + i), g = wasm_v128_load(grad + i);
    v128_t d = first ? zero : wasm_f32x4_sub(g, wasm_v128_load(prev + i));
    v128_t m1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(m + i), b1), wasm_f32x4_mul(g, omb1));
    v128_t v1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(v + i), b2), wasm_f32x4_mul(d, omb2));
    v128_t u = wasm_f32x4_add(g, wasm_f32x4_mul(d, b2));
    v128_t n1 = wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(nn + i), b3), wasm_f32x4_mul(wasm_f32x4_mul(u, u), omb3));
    v128_t denom = wasm_f32x4_add(wasm_f32x4_div(wasm_f32x4_sqrt(n1), sb3), eps);
    v128_t q = decayMode == 1 ? wasm_f32x4_mul(p, df) : p;
    q = wasm_f32x4_sub(q, wasm_f32x4_add(wasm_f32x4_mul(wasm_f32x4_div(m1, denom), sm), wasm_f32x4_mul(wasm_f32x4_div(v1, denom), sv)));
    if (decayMode == 2) q = wasm_f32x4_div(q, df);
    wasm_v128_store(outM + i, m1);
    wasm_v128_store(outV + i, v1);
    wasm_v128_store(outN + i, n1);
    wasm_v128_store(outParam + i, q);
  }
  for (; i < n; i++) {
    float g = grad[i];
    float d = first ? 0.0f : g - prev[i];
    float m1 = m[i] * beta1 + g * oneMinusBeta1;
    float v1 = v[i] * beta2 + d * oneMinusBeta2;
    float u = g + d * beta2;
    float n1 = nn[i] * beta3 + (u * u) * oneMinusBeta3;
    float denom = __builtin_sqrtf(n1) / sqrtBias3 + epsilon;
    float q = decayMode == 1 ? param[i] * decayFactor : param[i];
    q = q - ((m1 / denom) * stepM + (v1 / denom) * stepV);
    if (decayMode == 2) q = q / decayFactor;
    outM[i] = m1;
    outV[i] = v1;
    outN[i] = n1;
    outParam[i] = q;
  }
}

// One SGD step with momentum over n elements, as benchmarks/methods/optimizers/sgd.ts's tfjs ops do it:
//   d = decay ? g + θ·λ : g;  b' = first ? d : b·μ + d;  θ' = θ − (nesterov ? d + b'·μ : b')·η
// Scalars arrive rounded to float32; outputs may not alias inputs.
EXPORT(sgd)
void sgd(const float *param, const float *grad, const float *buf, float *outParam, float *outBuf, int n, int decay,
         float weightDecay, int first, float momentum, int nesterov, float lr) {
  const v128_t wd = wasm_f32x4_splat(weightDecay), mu = wasm_f32x4_splat(momentum), eta = wasm_f32x4_splat(lr);
  int i = 0;
  for (; i + 4 <= n; i += 4) {
    v128_t p = wasm_v128_load(param + i), g = wasm_v128_load(grad + i);
    v128_t d = decay ? wasm_f32x4_add(g, wasm_f32x4_mul(p, wd)) : g;
    v128_t b1 = first ? d : wasm_f32x4_add(wasm_f32x4_mul(wasm_v128_load(buf + i), mu), d);
    v128_t dir = nesterov ? wasm_f32x4_add(d, wasm_f32x4_mul(b1, mu)) : b1;
    wasm_v128_store(outBuf + i, b1);
    wasm_v128_store(outParam + i, wasm_f32x4_sub(p, wasm_f32x4_mul(dir, eta)));
  }
  for (; i < n; i++) {
    float p = param[i], g = grad[i];
    float d = decay ? g + p * weightDecay : g;
    float b1 = first ? d : buf[i] * momentum + d;
    float dir = nesterov ? d + b1 * momentum : b1;
    outBuf[i] = b1;
    outParam[i] = p - dir * lr;
  }
}

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
