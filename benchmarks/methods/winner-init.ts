import { defineMethod } from '../../harness/core/method.js';
import { ReprobenchError } from '../../harness/errors.js';
import { adamw } from './adamw.js';

/**
 * WINNER (Chandravamsi et al. 2025, arXiv 2509.09719, catalogue #48): a SIREN whose first two
 * weight matrices get Gaussian noise at initialisation, std s0/ω₀ and s1/ω₀, with s0 = s0Max·(1 −
 * e^{−a·z}) and s1 = b·z from the target's spectral centroid z (workloads/inr/spectrum.ts). The
 * defaults are the authors' audio constants from `cfdlabtechnion/siren_square` `modules/networks.py`
 * `set_noise_scales` (a = 7, b = 3, 3500; the paper's text says a = 5), read through the `ondes`
 * port that cites that file (its repository was not reachable here). Training is plain Adam as the
 * SIREN arm's (`adamw` with the card's hparams): WINNER changes only the initial weights, which
 * the workload's model builds from the model options below (a workload without them fails).
 */
export const winnerInit = defineMethod({
  id: 'winner-init',
  version: 1,
  title: 'WINNER initialisation (SIREN + target-aware weight noise), Adam',
  description:
    'SIREN initialisation plus Gaussian noise on the first two weight matrices scaled from the target spectral centroid; ' +
    'optimizer as adamw.',
  reference: {
    title: 'Spectral Bottleneck in Deep Neural Networks: Noise is All You Need (code: cfdlabtechnion/siren_square)',
    url: 'https://arxiv.org/abs/2509.09719',
  },
  hparams: { ...adamw.hparams, winnerS0Max: 3500, winnerA: 7, winnerB: 3 },
  searchSpace: adamw.searchSpace,
  createOptimizer: adamw.createOptimizer,
  learningRate: adamw.learningRate,
  modelOptions: (hp) => {
    const out = { init: 'winner', winnerS0Max: hp.winnerS0Max, winnerA: hp.winnerA, winnerB: hp.winnerB };
    for (const k of ['winnerS0Max', 'winnerA', 'winnerB'] as const) {
      const v = out[k];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        throw new ReprobenchError(
          'E_BAD_CONFIG',
          `winner-init hparam ${k} must be a finite number ≥ 0, got ${String(v)}`,
          "use the defaults (3500, 7, 3: the authors' audio constants) or other non-negative numbers",
        );
      }
    }
    return out as Record<string, number | string>;
  },
});
