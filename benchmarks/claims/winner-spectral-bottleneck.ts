import { defineClaim } from '../../harness/core/claim.js';
import { WINNER_ADAM, WINNER_PAPER, WINNER_SETTING } from './winner-setting.js';

/**
 * Catalogue #48: WINNER vs the SIREN initialisation on a broadband signal with no low
 * frequencies, steps to 30 dB PSNR.
 */
export const winnerSpectralBottleneckClaim = defineClaim({
  id: 'winner-spectral-bottleneck',
  version: 1,
  title: 'WINNER initialisation fits a high-frequency signal that a SIREN fails to fit, and faster',
  paper: WINNER_PAPER,
  quote:
    'This method not only addresses the spectral bottleneck but also yields faster convergence and with improved ' +
    'representation accuracy, outperforming state-of-the-art approaches in audio fitting and achieving notable gains in image ' +
    'fitting and denoising tasks.',
  claimedEffect: {
    description:
      'speedup in full-batch steps to 30 dB PSNR (MSE 1e-3) of WINNER over the SIREN initialisation on a signal with only ' +
      'high frequencies (SIREN steps / WINNER steps); the abstract gives no size',
    direction: 'method-better',
  },
  fidelity: {
    kind: 'stand-in',
    differs: 'a synthetic sum of 32 sinusoids in 20–45% of Nyquist instead of audio clips, and a 64-wide SIREN',
  },
  testType: 'time-to-target',
  methods: [{ method: 'winner-init', hparams: WINNER_ADAM }],
  baselines: [{ method: 'adamw', hparams: WINNER_ADAM }],
  workloads: ['inr-1d'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 3, standard: 8 },
  miniature:
    WINNER_SETTING +
    'The signal: 32 equal-amplitude sinusoids at frequencies uniform in 20–45% of Nyquist with uniform phases, peak 1, no ' +
    'energy below 20% of Nyquist (the "broadband high frequencies, no low frequencies" case). Target 30 dB PSNR on the fitted ' +
    'samples (an INR has no held-out split), budget 300 steps, evals every 10 steps and every step near the target. ' +
    'Skeptical notes: the target and budget were not calibrated on a baseline (DESIGN asks for one that reaches it; the ' +
    'point of the claim is that SIREN does not), and a pilot (one seed per arm, not part of any reference) was seen before ' +
    'this card was written: SIREN stayed at zero output (PSNR 10.6 dB, the signal power) for 600 steps at 1e-4 and 300 ' +
    'steps at 1e-3, while WINNER passed 30 dB. So a SIREN arm censored at the budget makes the speedup a restricted-mean ' +
    'ratio that the budget bounds (budget / WINNER steps); the report shows the censoring. No rate was tuned for either arm; ' +
    'the SIREN failure at two rates 10× apart suggests tuning the rate would not rescue it, but that is not tested here. ' +
    'One signal, chosen before any run, is one draw of "high-frequency signal"; the low-frequency control is the card ' +
    'winner-low-control.',
});
