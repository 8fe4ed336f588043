import { defineMethod } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { cosineDecay } from './schedule-methods.js';

/**
 * Dropout as the regulariser of Xue et al. 2023 (catalogue #21, arXiv 2305.13230, § 5: dropout,
 * at T5's rate 0.1, is the one regulariser that relieves multi-epoch degradation): the model
 * drops each hidden unit with probability `dropout` in training and scales the kept ones by
 * 1/(1 − p), and evaluates without dropout (inverted dropout, Srivastava et al. 2014, JMLR 15;
 * `torch.nn.Dropout`). The optimizer and schedule are `cosine-decay`'s (AdamW, PyTorch defaults),
 * so the two differ only in the dropout. The masks come from the trial's method stream (DESIGN §
 * Rules), passed to the model as `dropoutSeed`; the workload's model must read `dropout` (char-lm's MLP).
 */
export const dropout = defineMethod({
  id: 'dropout',
  version: 1,
  title: 'Dropout (AdamW, cosine decay)',
  description:
    'Inverted dropout with rate `dropout` (default 0.1) on the hidden units in training, none at evaluation; ' +
    "optimizer and schedule as cosine-decay (AdamW, PyTorch defaults). Needs a model that reads it (char-lm's MLP).",
  reference: {
    title: 'To Repeat or Not To Repeat: Insights from Scaling LLM under Token-Crisis (Xue et al. 2023)',
    url: 'https://arxiv.org/abs/2305.13230',
  },
  hparams: { ...cosineDecay.hparams, dropout: 0.1 },
  ...(cosineDecay.searchSpace ? { searchSpace: cosineDecay.searchSpace } : {}),
  createOptimizer: (hp) => cosineDecay.createOptimizer(hp),
  learningRate: (hp, ctx) => cosineDecay.learningRate(hp, ctx),
  modelOptions: (hp, { seed }) => {
    const p = hp.dropout;
    if (typeof p !== 'number' || !(p >= 0 && p < 1)) {
      const what = `dropout rate ${String(p)} is not a number in [0, 1)`;
      throw new ReprobenchError('E_BAD_CONFIG', what, 'set hparams.dropout to a probability such as 0.1');
    }
    return { dropout: p, dropoutSeed: seed };
  },
});
