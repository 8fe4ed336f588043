import { defineMethod } from '../../harness/core/method.js';
import { cosineDecay } from './schedule-methods.js';

/**
 * qk-layernorm (Dehghani et al. 2023, arXiv 2302.05442; Wortsman et al. 2023, arXiv 2309.14322,
 * § 3.1.1, catalogue #78): LayerNorm applied to each head's queries and keys before their dot
 * product, which keeps attention logits from growing at high learning rates. The model builds it
 * (`workloads/common/tiny-transformer.ts`, option `qkLayerNorm`); the optimizer and schedule are
 * `cosine-decay`'s, so the two differ only in the normalisation. Needs a Transformer workload
 * (`char-lm:transformer`, `char-lm:transformer-400`).
 */
export const qkLayerNorm = defineMethod({
  id: 'qk-layernorm',
  version: 1,
  title: 'qk-layernorm (AdamW, cosine decay)',
  description:
    "LayerNorm over each attention head's queries and keys before the dot product (learned gain and bias per head dimension); " +
    'optimizer and schedule as cosine-decay (AdamW, PyTorch defaults). Needs a Transformer workload (char-lm:transformer).',
  reference: {
    title: 'Small-scale proxies for large-scale Transformer training instabilities (Wortsman et al. 2023)',
    url: 'https://arxiv.org/abs/2309.14322',
  },
  hparams: { ...cosineDecay.hparams },
  ...(cosineDecay.searchSpace ? { searchSpace: cosineDecay.searchSpace } : {}),
  createOptimizer: (hp) => cosineDecay.createOptimizer(hp),
  learningRate: (hp, ctx) => cosineDecay.learningRate(hp, ctx),
  modelOptions: () => ({ qkLayerNorm: true }),
});
