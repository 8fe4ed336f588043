// Matrix products for tfjs's wasm backend (BatchMatMul, convolution gradients).
//
// The product sums each output element over k = 0, 1, ..., K-1 in order, starting from 0: the
// same result as the naive loop `s = fround(s + fround(a*b))`, whatever the blocking (for finite
// values; NaN payloads are not specified by wasm). Tests compare it bit for bit with that loop
// written in JS.

#include "kernels.h"


// Register tile of the product: MR rows of op(A) by NR columns of op(B).
#define MR 4
#define NR 8
_Static_assert(MR == 4 && NR == 8, "pack_a and pack_b copy 4×4 blocks: one per A panel, two per B panel");
// k block: an A panel (MR×KC) and a B panel (KC×NR) together stay well inside a 32 KiB L1.
#define KC 256
// Rows of op(A) packed at a time: bounds the scratch (MC×KC floats) whatever M is.
#define MC 256

// Transposes the 4×4 block whose rows are r0..r3 (lanes are columns) into o0..o3. Shuffles move
// bits, so every value is copied exactly.
#define TRANSPOSE4(r0, r1, r2, r3, o0, o1, o2, o3)           \
  do {                                                       \
    v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5);      \
    v128_t t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);      \
    v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);      \
    v128_t t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);      \
    o0 = wasm_i32x4_shuffle(t0, t1, 0, 1, 4, 5);             \
    o1 = wasm_i32x4_shuffle(t0, t1, 2, 3, 6, 7);             \
    o2 = wasm_i32x4_shuffle(t2, t3, 0, 1, 4, 5);             \
    o3 = wasm_i32x4_shuffle(t2, t3, 2, 3, 6, 7);             \
  } while (0)

// Copies the 4 rows src, src + ld, src + 2·ld, src + 3·ld (kc values each) into dst as kc
// groups of 4 (k-major, group stride `stride` floats): four rows at once through 4×4 transposes,
// the last kc % 4 values one by one.
static void pack_rows4(const float *src, size_t ld, int kc, float *dst, int stride) {
  int k = 0;
  for (; k + 4 <= kc; k += 4) {
    v128_t o0, o1, o2, o3;
    v128_t r0 = wasm_v128_load(src + k), r1 = wasm_v128_load(src + ld + k);
    v128_t r2 = wasm_v128_load(src + 2 * ld + k), r3 = wasm_v128_load(src + 3 * ld + k);
    TRANSPOSE4(r0, r1, r2, r3, o0, o1, o2, o3);
    wasm_v128_store(dst + (size_t)k * stride, o0);
    wasm_v128_store(dst + (size_t)(k + 1) * stride, o1);
    wasm_v128_store(dst + (size_t)(k + 2) * stride, o2);
    wasm_v128_store(dst + (size_t)(k + 3) * stride, o3);
  }
  for (; k < kc; k++)
    for (int r = 0; r < 4; r++) dst[(size_t)k * stride + r] = src[r * ld + k];
}

// Copies op(A)'s rows [i0, i0 + MR), columns [k0, k0 + kc), into ap as kc groups of MR values (k-major), zero-filling
// rows past M, so the inner loop reads A contiguously whatever A's layout. Full panels are copied
// four values at a time: as they lie when A is stored K×M, through 4×4 transposes when M×K.
static void pack_a(const float *a, int trans, int M, int K, int k0, int kc, int i0, float *ap) {
  if (i0 + MR <= M) {
    if (trans) {
      for (int k = 0; k < kc; k++) wasm_v128_store(ap + k * MR, wasm_v128_load(a + (size_t)(k0 + k) * M + i0));
    } else {
      pack_rows4(a + (size_t)i0 * K + k0, (size_t)K, kc, ap, MR);
    }
    return;
  }
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
  if (j0 + NR <= N) {
    if (trans) {  // B is stored N×K: columns j0.. are rows of b, transposed four by four
      pack_rows4(b + (size_t)j0 * K + k0, (size_t)K, kc, bp, NR);
      pack_rows4(b + (size_t)(j0 + 4) * K + k0, (size_t)K, kc, bp + 4, NR);
    } else {  // B is stored K×N: each group is 8 contiguous floats
      for (int k = 0; k < kc; k++) {
        const float *src = b + (size_t)(k0 + k) * N + j0;
        wasm_v128_store(bp + k * NR, wasm_v128_load(src));
        wasm_v128_store(bp + k * NR + 4, wasm_v128_load(src + 4));
      }
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
