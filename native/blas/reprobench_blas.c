/*
 * reprobench_blas: single-precision GEMM and im2col convolutions over OpenBLAS for the `blas`
 * tfjs backend (harness/backends/blas/). Operands are Float32Arrays over the wasm backend's heap,
 * addressed by element offsets, so no tensor is copied on the way in or out.
 *
 * Determinism: OpenBLAS is pinned to one thread when the addon loads (parallelism comes from
 * worker processes), and every loop here runs in a fixed order, so the same inputs give the
 * same bits on the same OpenBLAS core type.
 */
#include <cblas.h>
#include <node_api.h>
#include <stdint.h>
#include <stdlib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define CHECK(call)                                                             \
  do {                                                                          \
    if ((call) != napi_ok) {                                                    \
      napi_throw_error(env, "E_BLAS", "reprobench_blas: N-API call failed: " #call); \
      return NULL;                                                              \
    }                                                                           \
  } while (0)

static napi_status get_f32(napi_env env, napi_value v, float **data, size_t *len) {
  napi_typedarray_type type;
  void *raw;
  napi_value buf;
  size_t off;
  napi_status s = napi_get_typedarray_info(env, v, &type, len, &raw, &buf, &off);
  if (s != napi_ok) return s;
  if (type != napi_float32_array) return napi_invalid_arg;
  *data = (float *)raw;
  return napi_ok;
}

static double num(napi_env env, napi_value v) {
  double d = 0;
  napi_get_value_double(env, v, &d);
  return d;
}

/*
 * The calling convention every entry point shares: exactly `n` arguments, the first the wasm heap
 * as a Float32Array. Throws a TypeError naming `fn` and returns 0 when the call does not fit.
 */
static int heap_args(napi_env env, napi_callback_info info, const char *fn, size_t n, napi_value *a, float **heap, size_t *len) {
  char msg[96];
  size_t argc = n;
  if (napi_get_cb_info(env, info, &argc, a, NULL, NULL) != napi_ok) {
    napi_throw_error(env, "E_BLAS", "reprobench_blas: N-API call failed: napi_get_cb_info");
    return 0;
  }
  if (argc < n) {
    snprintf(msg, sizeof msg, "%s: %zu arguments expected", fn, n);
    napi_throw_type_error(env, "E_BLAS", msg);
    return 0;
  }
  if (get_f32(env, a[0], heap, len) != napi_ok) {
    snprintf(msg, sizeof msg, "%s: heap must be a Float32Array", fn);
    napi_throw_type_error(env, "E_BLAS", msg);
    return 0;
  }
  return 1;
}

/* A scratch buffer reused across calls (one addon instance per process, one thread). */
static float *scratch = NULL;
static size_t scratch_len = 0;
static float *scratch_get(size_t n) {
  if (n > scratch_len) {
    free(scratch);
    scratch = (float *)malloc(n * sizeof(float));
    scratch_len = scratch ? n : 0;
  }
  return scratch;
}

static int in_bounds(size_t len, double off, double count) {
  return off >= 0 && count >= 0 && off + count <= (double)len;
}

/*
 * sgemmBatched(heap, transA, transB, M, N, K, aOff, bOff, cOff, batch, strideA, strideB, strideC)
 * C[i] = op(A[i]) · op(B[i]) for i < batch, row-major, dense (lda/ldb/ldc from the shapes).
 * A stride of 0 broadcasts that operand over the batch.
 */
static napi_value sgemm_batched(napi_env env, napi_callback_info info) {
  napi_value a[13];
  float *heap;
  size_t len;
  if (!heap_args(env, info, "sgemmBatched", 13, a, &heap, &len)) return NULL;
  int ta = num(env, a[1]) != 0, tb = num(env, a[2]) != 0;
  int M = (int)num(env, a[3]), N = (int)num(env, a[4]), K = (int)num(env, a[5]);
  double aOff = num(env, a[6]), bOff = num(env, a[7]), cOff = num(env, a[8]);
  int batch = (int)num(env, a[9]);
  double sA = num(env, a[10]), sB = num(env, a[11]), sC = num(env, a[12]);
  if (batch < 1 || M < 0 || N < 0 || K < 0 ||
      !in_bounds(len, aOff, sA * (batch - 1) + (double)M * K) ||
      !in_bounds(len, bOff, sB * (batch - 1) + (double)K * N) ||
      !in_bounds(len, cOff, sC * (batch - 1) + (double)M * N)) {
    napi_throw_range_error(env, "E_BLAS", "sgemmBatched: operand out of the heap's bounds");
    return NULL;
  }
  int lda = ta ? M : K, ldb = tb ? K : N;
  for (int i = 0; i < batch; i++) {
    float *A = heap + (size_t)aOff + (size_t)(sA * i);
    float *B = heap + (size_t)bOff + (size_t)(sB * i);
    float *C = heap + (size_t)cOff + (size_t)(sC * i);
    if (K == 0) {
      memset(C, 0, sizeof(float) * (size_t)M * N);
      continue;
    }
    cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, M, N, K, 1.0f, A, lda, B,
                ldb, 0.0f, C, N);
  }
  return NULL;
}

/* Geometry of one NHWC convolution with an HWIO filter. */
typedef struct {
  int batch, inH, inW, inC, outH, outW, outC, fH, fW, strideH, strideW, padTop, padLeft, dilH, dilW;
} Geo;

static int read_geo(napi_env env, napi_value *a, Geo *g) {
  int *f = (int *)g;
  for (int i = 0; i < 15; i++) f[i] = (int)num(env, a[i]);
  return g->batch > 0 && g->inH > 0 && g->inW > 0 && g->inC > 0 && g->outH > 0 && g->outW > 0 && g->outC > 0 && g->fH > 0 &&
         g->fW > 0 && g->strideH > 0 && g->strideW > 0 && g->dilH > 0 && g->dilW > 0;
}

/* True when the patch matrix is the input itself (1×1 filter, stride 1, no padding). */
static int is_pointwise(const Geo *g) {
  return g->fH == 1 && g->fW == 1 && g->strideH == 1 && g->strideW == 1 && g->padTop == 0 && g->padLeft == 0 &&
         g->outH == g->inH && g->outW == g->inW;
}

/* cols[p, (fy, fx, c)] = x[b, oy*s - pad + fy*d, ox*s - pad + fx*d, c], zero outside. */
static void im2col(const Geo *g, const float *x, float *cols) {
  const size_t K = (size_t)g->fH * g->fW * g->inC;
  size_t p = 0;
  for (int b = 0; b < g->batch; b++)
    for (int oy = 0; oy < g->outH; oy++)
      for (int ox = 0; ox < g->outW; ox++, p++) {
        float *row = cols + p * K;
        for (int fy = 0; fy < g->fH; fy++) {
          int iy = oy * g->strideH - g->padTop + fy * g->dilH;
          for (int fx = 0; fx < g->fW; fx++) {
            int ix = ox * g->strideW - g->padLeft + fx * g->dilW;
            float *dst = row + ((size_t)fy * g->fW + fx) * g->inC;
            if (iy < 0 || iy >= g->inH || ix < 0 || ix >= g->inW) {
              memset(dst, 0, sizeof(float) * g->inC);
            } else {
              memcpy(dst, x + (((size_t)b * g->inH + iy) * g->inW + ix) * g->inC, sizeof(float) * g->inC);
            }
          }
        }
      }
}

/* dx[b, iy, ix, c] += cols[p, (fy, fx, c)], visiting patches in a fixed order. */
static void col2im(const Geo *g, const float *cols, float *dx) {
  const size_t K = (size_t)g->fH * g->fW * g->inC;
  memset(dx, 0, sizeof(float) * (size_t)g->batch * g->inH * g->inW * g->inC);
  size_t p = 0;
  for (int b = 0; b < g->batch; b++)
    for (int oy = 0; oy < g->outH; oy++)
      for (int ox = 0; ox < g->outW; ox++, p++) {
        const float *row = cols + p * K;
        for (int fy = 0; fy < g->fH; fy++) {
          int iy = oy * g->strideH - g->padTop + fy * g->dilH;
          if (iy < 0 || iy >= g->inH) continue;
          for (int fx = 0; fx < g->fW; fx++) {
            int ix = ox * g->strideW - g->padLeft + fx * g->dilW;
            if (ix < 0 || ix >= g->inW) continue;
            const float *src = row + ((size_t)fy * g->fW + fx) * g->inC;
            float *dst = dx + (((size_t)b * g->inH + iy) * g->inW + ix) * g->inC;
            for (int c = 0; c < g->inC; c++) dst[c] += src[c];
          }
        }
      }
}

/*
 * conv2d(heap, mode, xOff, wOff, dyOff, outOff, ...geometry)
 * mode 0: out = conv(x, w)           [b, outH, outW, outC]
 * mode 1: out = dL/dx from dy and w  [b, inH, inW, inC]
 * mode 2: out = dL/dw from x and dy  [fH, fW, inC, outC]
 * Unused operand offsets are ignored.
 */
static napi_value conv2d(napi_env env, napi_callback_info info) {
  napi_value a[21];
  float *heap;
  size_t len;
  if (!heap_args(env, info, "conv2d", 21, a, &heap, &len)) return NULL;
  int mode = (int)num(env, a[1]);
  double xOff = num(env, a[2]), wOff = num(env, a[3]), dyOff = num(env, a[4]), outOff = num(env, a[5]);
  Geo g;
  if (!read_geo(env, a + 6, &g) || mode < 0 || mode > 2) {
    napi_throw_range_error(env, "E_BLAS", "conv2d: bad geometry or mode");
    return NULL;
  }
  const size_t P = (size_t)g.batch * g.outH * g.outW;
  const size_t K = (size_t)g.fH * g.fW * g.inC;
  const size_t nx = (size_t)g.batch * g.inH * g.inW * g.inC, nw = K * g.outC, ny = P * g.outC;
  int ok = mode == 0   ? in_bounds(len, xOff, nx) && in_bounds(len, wOff, nw) && in_bounds(len, outOff, ny)
           : mode == 1 ? in_bounds(len, dyOff, ny) && in_bounds(len, wOff, nw) && in_bounds(len, outOff, nx)
                       : in_bounds(len, xOff, nx) && in_bounds(len, dyOff, ny) && in_bounds(len, outOff, nw);
  if (!ok) {
    napi_throw_range_error(env, "E_BLAS", "conv2d: operand out of the heap's bounds");
    return NULL;
  }
  const int pointwise = is_pointwise(&g);
  float *x = heap + (size_t)xOff, *w = heap + (size_t)wOff, *dy = heap + (size_t)dyOff, *out = heap + (size_t)outOff;
  float *cols = pointwise ? NULL : scratch_get(P * K);
  if (!pointwise && !cols) {
    napi_throw_error(env, "E_BLAS", "conv2d: out of memory for the patch matrix");
    return NULL;
  }
  if (mode == 0) {
    const float *src = pointwise ? x : (im2col(&g, x, cols), cols);
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, (int)P, g.outC, (int)K, 1.0f, src, (int)K, w, g.outC, 0.0f, out,
                g.outC);
  } else if (mode == 1) {
    float *dst = pointwise ? out : cols;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)P, (int)K, g.outC, 1.0f, dy, g.outC, w, g.outC, 0.0f, dst,
                (int)K);
    if (!pointwise) col2im(&g, cols, out);
  } else {
    const float *src = pointwise ? x : (im2col(&g, x, cols), cols);
    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, (int)K, g.outC, (int)P, 1.0f, src, (int)K, dy, g.outC, 0.0f, out,
                g.outC);
  }
  return NULL;
}

/*
 * maxPoolGrad(heap, xOff, dyOff, outOff, batch, inH, inW, C, outH, outW, fH, fW, strideH, strideW,
 *             padTop, padLeft, dilH, dilW)
 * Each output position sends its gradient to the first maximum of its window (row-major), the
 * rule of tfjs's cpu backend; positions are visited in order, so overlapping windows add in a
 * fixed order. Same loop as harness/backends/kernels/max-pool-grad.ts, so the same bits.
 */
static napi_value max_pool_grad(napi_env env, napi_callback_info info) {
  napi_value a[18];
  float *heap;
  size_t len;
  if (!heap_args(env, info, "maxPoolGrad", 18, a, &heap, &len)) return NULL;
  double xOff = num(env, a[1]), dyOff = num(env, a[2]), outOff = num(env, a[3]);
  int g[14];
  for (int i = 0; i < 14; i++) g[i] = (int)num(env, a[4 + i]);
  int B = g[0], H = g[1], W = g[2], C = g[3], OH = g[4], OW = g[5], FH = g[6], FW = g[7], SH = g[8], SW = g[9];
  int PT = g[10], PL = g[11], DH = g[12], DW = g[13];
  if (B < 1 || H < 1 || W < 1 || C < 1 || OH < 1 || OW < 1 || FH < 1 || FW < 1 || SH < 1 || SW < 1 || DH < 1 || DW < 1) {
    napi_throw_range_error(env, "E_BLAS", "maxPoolGrad: bad geometry");
    return NULL;
  }
  const double nx = (double)B * H * W * C, ny = (double)B * OH * OW * C;
  if (!in_bounds(len, xOff, nx) || !in_bounds(len, outOff, nx) || !in_bounds(len, dyOff, ny)) {
    napi_throw_range_error(env, "E_BLAS", "maxPoolGrad: operand out of the heap's bounds");
    return NULL;
  }
  const float *x = heap + (size_t)xOff, *dy = heap + (size_t)dyOff;
  float *out = heap + (size_t)outOff;
  memset(out, 0, sizeof(float) * (size_t)nx);
  size_t gi = 0;
  for (int b = 0; b < B; b++) {
    const float *xb = x + (size_t)b * H * W * C;
    float *ob = out + (size_t)b * H * W * C;
    for (int oy = 0; oy < OH; oy++) {
      int y0 = oy * SH - PT;
      for (int ox = 0; ox < OW; ox++) {
        int x0 = ox * SW - PL;
        for (int c = 0; c < C; c++, gi++) {
          float best = -INFINITY;
          long at = -1;
          for (int fy = 0; fy < FH; fy++) {
            int iy = y0 + fy * DH;
            if (iy < 0 || iy >= H) continue;
            for (int fx = 0; fx < FW; fx++) {
              int ix = x0 + fx * DW;
              if (ix < 0 || ix >= W) continue;
              long idx = ((long)iy * W + ix) * C + c;
              if (xb[idx] > best) {
                best = xb[idx];
                at = idx;
              }
            }
          }
          if (at >= 0) ob[at] += dy[gi];
        }
      }
    }
  }
  return NULL;
}

/* info() → { corename, config, threads }: what identifies the BLAS kernel in the numerics class. */
static napi_value blas_info(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value obj, v;
  CHECK(napi_create_object(env, &obj));
  CHECK(napi_create_string_utf8(env, openblas_get_corename(), NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, obj, "corename", v));
  CHECK(napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &v));
  CHECK(napi_set_named_property(env, obj, "config", v));
  CHECK(napi_create_int32(env, openblas_get_num_threads(), &v));
  CHECK(napi_set_named_property(env, obj, "threads", v));
  return obj;
}

static napi_value init(napi_env env, napi_value exports) {
  /* One BLAS thread per process: parallel summation orders are not reproducible. */
  openblas_set_num_threads(1);
  napi_property_descriptor props[] = {
      {"sgemmBatched", NULL, sgemm_batched, NULL, NULL, NULL, napi_default, NULL},
      {"conv2d", NULL, conv2d, NULL, NULL, NULL, napi_default, NULL},
      {"maxPoolGrad", NULL, max_pool_grad, NULL, NULL, NULL, napi_default, NULL},
      {"info", NULL, blas_info, NULL, NULL, NULL, napi_default, NULL},
  };
  if (napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]), props) != napi_ok) return NULL;
  return exports;
}

NAPI_MODULE(reprobench_blas, init)
