import * as tf from '@tensorflow/tfjs';
import { Rng } from '../../harness/rng.js';
import { AdamWOptimizer } from '../methods/optimizers/adamw.js';

/**
 * The pinned engine benchmark models (DESIGN § Engine benchmark models), written with plain
 * tfjs ops as the workloads are, trained with the project's own Adam (AdamW, no decay) on one
 * fixed synthetic batch; and GPU-sized variants of them (wider, larger batches) for the GPU
 * benchmark. `torch_peer.py` builds the same models in PyTorch.
 */
export type ModelName = 'mlp' | 'cnn' | 'transformer' | 'mlp-large' | 'cnn-large' | 'transformer-large';
/** The pinned models: what `bench` measures by default. */
export const MODEL_NAMES: readonly ModelName[] = ['mlp', 'cnn', 'transformer'];
export const LARGE_MODEL_NAMES: readonly ModelName[] = ['mlp-large', 'cnn-large', 'transformer-large'];
export const ALL_MODEL_NAMES: readonly ModelName[] = [...MODEL_NAMES, ...LARGE_MODEL_NAMES];

interface MlpSize {
  batch: number;
  hidden: number;
}
interface CnnSize {
  batch: number;
  c1: number;
  c2: number;
}
interface TransformerSize {
  batch: number;
  ctx: number;
  d: number;
  heads: number;
  vocab: number;
  ff: number;
}
const MLP: Record<'mlp' | 'mlp-large', MlpSize> = {
  mlp: { batch: 128, hidden: 256 },
  'mlp-large': { batch: 1024, hidden: 2048 },
};
const CNN: Record<'cnn' | 'cnn-large', CnnSize> = {
  cnn: { batch: 128, c1: 16, c2: 32 },
  'cnn-large': { batch: 256, c1: 32, c2: 64 },
};
const TRANSFORMER: Record<'transformer' | 'transformer-large', TransformerSize> = {
  transformer: { batch: 64, ctx: 16, d: 64, heads: 4, vocab: 32, ff: 256 },
  'transformer-large': { batch: 64, ctx: 64, d: 256, heads: 8, vocab: 64, ff: 1024 },
};

const mlpTitle = (s: MlpSize) => `MLP 784-${s.hidden}-10 ReLU, batch ${s.batch}, Adam`;
const cnnTitle = (s: CnnSize) =>
  `CNN conv3×3×${s.c1}-pool-conv3×3×${s.c2}-pool-dense10, 28×28×1, batch ${s.batch}, Adam`;
const transformerTitle = (s: TransformerSize) =>
  `char-transformer 1 layer d=${s.d} ${s.heads} heads ctx ${s.ctx} vocab ${s.vocab}, batch ${s.batch}, Adam`;
export const MODEL_TITLES: Record<ModelName, string> = {
  mlp: mlpTitle(MLP.mlp),
  'mlp-large': mlpTitle(MLP['mlp-large']),
  cnn: cnnTitle(CNN.cnn),
  'cnn-large': cnnTitle(CNN['cnn-large']),
  transformer: transformerTitle(TRANSFORMER.transformer),
  'transformer-large': transformerTitle(TRANSFORMER['transformer-large']),
};

export interface BenchModel {
  name: ModelName;
  /**
   * One training step (forward, backward, Adam update); returns the batch loss, read back as the
   * train loop does. With `read` false the loss is not read (NaN): the GPU benchmark's no-read-back timing.
   */
  step(read?: boolean): Promise<number>;
  /** Waits until every step so far has run (reads a parameter back). */
  sync(): Promise<void>;
  /**
   * Milliseconds per optimizer update alone: one gradient is computed and kept, then it and −0.5
   * times it are applied in turn, `n` updates (the optimizer's fused kernel or its ops, nothing of
   * the forward and backward pass). Step losses after it mean nothing.
   */
  updateMs(n: number): Promise<number>;
  dispose(): void;
}

const SEED = '5eed0000000000000000000000000001';

function glorot(rng: Rng, shape: number[], fanIn: number, fanOut: number): tf.Variable {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float32Array(tf.util.sizeFromShape(shape));
  for (let i = 0; i < w.length; i++) w[i] = (2 * rng.uniform() - 1) * limit;
  return tf.variable(tf.tensor(w, shape));
}
const zeros = (shape: number[]) => tf.variable(tf.zeros(shape));
const ones = (shape: number[]) => tf.variable(tf.ones(shape));

function normalBatch(rng: Rng, shape: number[]): tf.Tensor {
  const v = new Float32Array(tf.util.sizeFromShape(shape));
  for (let i = 0; i < v.length; i++) v[i] = rng.normal();
  return tf.tensor(v, shape);
}
function labels(rng: Rng, n: number, classes: number): Int32Array {
  return Int32Array.from({ length: n }, () => rng.int(classes));
}

/** The optimizer a benchmark model trains with; the step benchmark's is AdamW without decay (Adam). */
export type MakeOptimizer = () => tf.Optimizer;
const adam: MakeOptimizer = () => new AdamWOptimizer({ learningRate: 1e-3, weightDecay: 0 });

function trainer(
  name: ModelName,
  params: tf.Variable[],
  loss: () => tf.Scalar,
  data: tf.Tensor[],
  makeOptimizer: MakeOptimizer,
): BenchModel {
  const opt = makeOptimizer();
  return {
    name,
    async step(read = true) {
      const { value, grads } = tf.variableGrads(loss, params);
      opt.applyGradients(grads);
      const l = read ? (await value.data())[0]! : NaN;
      tf.dispose([value, ...Object.values(grads)]);
      return l;
    },
    async sync() {
      await params[0]!.data();
    },
    async updateMs(n) {
      const { value, grads } = tf.variableGrads(loss, params);
      value.dispose();
      // Two gradients in turn (the second −0.5 times the first), as the PyTorch peer does: one
      // gradient applied again and again drives Adan's gradient difference to 0 and its v slot down
      // through subnormal numbers, which x86 computes slowly: a cost no training run has.
      const other: tf.NamedTensorMap = tf.tidy(() =>
        Object.fromEntries(Object.entries(grads).map(([k, g]) => [k, tf.mul(g, -0.5)])),
      );
      const turns = [grads, other];
      for (const g of turns) opt.applyGradients(g); // the first updates allocate the optimizer's slots
      await params[0]!.data();
      const t0 = performance.now();
      for (let i = 0; i < n; i++) opt.applyGradients(turns[i % 2]!);
      await params[0]!.data();
      const ms = (performance.now() - t0) / n;
      tf.dispose([...Object.values(grads), ...Object.values(other)]);
      return ms;
    },
    dispose() {
      opt.dispose();
      tf.dispose([...params, ...data]);
    },
  };
}

/**
 * The MLP; with `fusedOps` its layers are tf.fused.matMul with bias and activation (one kernel
 * each instead of three): the GPU benchmark's measure of what fusing ops in model code gains.
 */
export function createMlp(
  makeOptimizer: MakeOptimizer = adam,
  name: 'mlp' | 'mlp-large' = 'mlp',
  fusedOps = false,
): BenchModel {
  const { batch, hidden } = MLP[name];
  const rng = new Rng(SEED);
  const w1 = glorot(rng, [784, hidden], 784, hidden);
  const b1 = zeros([hidden]);
  const w2 = glorot(rng, [hidden, 10], hidden, 10);
  const b2 = zeros([10]);
  const x = normalBatch(rng, [batch, 784]) as tf.Tensor2D;
  const y = tf.oneHot(tf.tensor1d(labels(rng, batch, 10), 'int32'), 10).toFloat() as tf.Tensor2D;
  const loss = fusedOps
    ? () => {
        const h = tf.fused.matMul({ a: x, b: w1, bias: b1, activation: 'relu' });
        return tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, tf.fused.matMul({ a: h, b: w2, bias: b2 }));
      }
    : () =>
        tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(
          y,
          tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2),
        );
  return trainer(name, [w1, b1, w2, b2], loss, [x, y], makeOptimizer);
}

export function createCnn(name: 'cnn' | 'cnn-large' = 'cnn'): BenchModel {
  const { batch, c1: f1, c2: f2 } = CNN[name];
  const rng = new Rng(SEED);
  const k1 = glorot(rng, [3, 3, 1, f1], 9, 9 * f1);
  const c1 = zeros([f1]);
  const k2 = glorot(rng, [3, 3, f1, f2], 9 * f1, 9 * f2);
  const c2 = zeros([f2]);
  const wd = glorot(rng, [7 * 7 * f2, 10], 49 * f2, 10);
  const bd = zeros([10]);
  const x = normalBatch(rng, [batch, 28, 28, 1]) as tf.Tensor4D;
  const y = tf.oneHot(tf.tensor1d(labels(rng, batch, 10), 'int32'), 10).toFloat() as tf.Tensor2D;
  const loss = () => {
    const h1 = tf.maxPool(
      tf.relu(tf.add(tf.conv2d(x, k1 as tf.Tensor4D, 1, 'same'), c1)) as tf.Tensor4D,
      2,
      2,
      'valid',
    );
    const h = tf.maxPool(
      tf.relu(tf.add(tf.conv2d(h1, k2 as tf.Tensor4D, 1, 'same'), c2)) as tf.Tensor4D,
      2,
      2,
      'valid',
    );
    const logits = tf.add<tf.Tensor2D>(tf.matMul(tf.reshape(h, [batch, 7 * 7 * f2]), wd), bd);
    return tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(y, logits);
  };
  return trainer(name, [k1, c1, k2, c2, wd, bd], loss, [x, y], adam);
}

function layerNorm(x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor): tf.Tensor {
  const { mean, variance } = tf.moments(x, -1, true);
  return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-5))), gamma), beta);
}
function gelu(x: tf.Tensor): tf.Tensor {
  const inner = tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.mul(x, tf.mul(x, x)))));
  return tf.mul(tf.mul(0.5, x), tf.add(1, tf.tanh(inner)));
}

export function createTransformer(name: 'transformer' | 'transformer-large' = 'transformer'): BenchModel {
  const rng = new Rng(SEED);
  const { batch, ctx, d, heads, vocab, ff } = TRANSFORMER[name];
  const dh = d / heads;
  const tok = tf.variable(tf.mul(normalBatch(rng, [vocab, d]), 0.02));
  const pos = tf.variable(tf.mul(normalBatch(rng, [ctx, d]), 0.02));
  const g1 = ones([d]),
    be1 = zeros([d]),
    g2 = ones([d]),
    be2 = zeros([d]),
    gf = ones([d]),
    bef = zeros([d]);
  const wqkv = glorot(rng, [d, 3 * d], d, 3 * d),
    bqkv = zeros([3 * d]);
  const wo = glorot(rng, [d, d], d, d),
    bo = zeros([d]);
  const wf1 = glorot(rng, [d, ff], d, ff),
    bf1 = zeros([ff]);
  const wf2 = glorot(rng, [ff, d], ff, d),
    bf2 = zeros([d]);
  const wout = glorot(rng, [d, vocab], d, vocab),
    bout = zeros([vocab]);
  const seq = Int32Array.from({ length: batch * (ctx + 1) }, () => rng.int(vocab));
  const inputs = tf.tensor2d(
    Int32Array.from({ length: batch * ctx }, (_, i) => seq[Math.floor(i / ctx) * (ctx + 1) + (i % ctx)]!),
    [batch, ctx],
    'int32',
  );
  const targets = tf
    .oneHot(
      tf.tensor1d(
        Int32Array.from({ length: batch * ctx }, (_, i) => seq[Math.floor(i / ctx) * (ctx + 1) + (i % ctx) + 1]!),
        'int32',
      ),
      vocab,
    )
    .toFloat();
  // Causal mask: 0 on and below the diagonal, -1e9 above.
  const maskValues = new Float32Array(ctx * ctx);
  for (let i = 0; i < ctx; i++) for (let j = i + 1; j < ctx; j++) maskValues[i * ctx + j] = -1e9;
  const mask = tf.tensor2d(maskValues, [ctx, ctx]);
  const split = (t: tf.Tensor) => tf.transpose(tf.reshape(t, [batch, ctx, heads, dh]), [0, 2, 1, 3]);
  const loss = () => {
    const x0 = tf.add(tf.gather(tok, inputs), pos); // [b, ctx, d]
    const h = tf.reshape(layerNorm(x0, g1, be1), [batch * ctx, d]);
    const qkv = tf.add(tf.matMul(h as tf.Tensor2D, wqkv), bqkv);
    const [q, k, v] = tf.split(qkv, 3, 1);
    const att = tf.softmax(tf.add(tf.mul(tf.matMul(split(q!), split(k!), false, true), 1 / Math.sqrt(dh)), mask));
    const ctxv = tf.reshape(tf.transpose(tf.matMul(att, split(v!)), [0, 2, 1, 3]), [batch * ctx, d]);
    const x1 = tf.add(tf.reshape(x0, [batch * ctx, d]), tf.add(tf.matMul(ctxv as tf.Tensor2D, wo), bo));
    const m = tf.add(
      tf.matMul(gelu(tf.add(tf.matMul(layerNorm(x1, g2, be2) as tf.Tensor2D, wf1), bf1)) as tf.Tensor2D, wf2),
      bf2,
    );
    const x2 = tf.add(x1, m);
    const logits = tf.add<tf.Tensor2D>(tf.matMul(layerNorm(x2, gf, bef), wout), bout);
    return tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(targets, logits);
  };
  const params = [tok, pos, g1, be1, wqkv, bqkv, wo, bo, g2, be2, wf1, bf1, wf2, bf2, gf, bef, wout, bout];
  return trainer(name, params, loss, [inputs, targets, mask], adam);
}

export const CREATE: Record<ModelName, () => BenchModel> = {
  mlp: () => createMlp(),
  cnn: () => createCnn(),
  transformer: () => createTransformer(),
  'mlp-large': () => createMlp(adam, 'mlp-large'),
  'cnn-large': () => createCnn('cnn-large'),
  'transformer-large': () => createTransformer('transformer-large'),
};
