// Fused optimizer updates: each does exactly the float32 operations, in the order, of the
// unfused tfjs ops in benchmarks/methods/optimizers/, so fusing changes no bit (tested against
// those ops on wasm, blas and cpu).

#include "kernels.h"

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
