import { defineClaim } from '../../harness/core/claim.js';
import { WINNER_ADAM, WINNER_PAPER, WINNER_SETTING } from './winner-setting.js';

/**
 * Catalogue #48, the control: on a signal with only low frequencies, WINNER (whose noise the
 * centroid still sets) must not fit much more slowly than the SIREN initialisation.
 */
export const winnerLowControlClaim = defineClaim({
  id: 'winner-low-control',
  version: 2,
  title: 'WINNER initialisation is no slower than a SIREN on a low-frequency signal',
  paper: WINNER_PAPER,
  quote:
    "To effectively fit any target signal irrespective of it's frequency content, we propose a generalized target-aware " +
    "'weight perturbation scheme' (WINNER - weight initialization with noise for neural representations) for network " +
    'initialization.',
  claimedEffect: {
    description:
      'speedup in steps to 30 dB PSNR of WINNER over the SIREN initialisation on a signal with only low frequencies ' +
      '(SIREN steps / WINNER steps): no worse than 1/1.25 = 0.8, i.e. WINNER needs at most 25% more steps ("any target signal")',
    direction: 'non-inferior',
  },
  fidelity: {
    kind: 'stand-in',
    differs: 'a synthetic sum of 8 sinusoids below 2% of Nyquist instead of audio clips, and a 64-wide SIREN',
  },
  testType: 'time-to-target',
  methods: [{ method: 'winner-init', hparams: WINNER_ADAM }],
  baselines: [{ method: 'adamw', hparams: WINNER_ADAM }],
  workloads: ['inr-1d:low'],
  // "Effectively fit any target" is about fitting, not speed: 25% more steps is still an effective fit.
  // Version 2 (after the first standard run): the description said 0.75 where the engine's bound for a
  // 25% margin on a speedup is 1/1.25 = 0.8; the margin itself is unchanged.
  margin: { value: 0.25, units: 'relative' },
  repeats: { quick: 3, standard: 8 },
  miniature:
    WINNER_SETTING +
    'The signal: 8 equal-amplitude sinusoids below 2% of Nyquist (frequencies off the DFT bins, so the unwindowed spectrum ' +
    "leaks and the authors' centroid reads about 0.07 rather than 0.01; s0 ≈ 1,400). Target 30 dB PSNR, budget 300 steps. " +
    'Skeptical notes: the same one-seed pilot as winner-spectral-bottleneck was seen before this card and its margin were ' +
    'written, and on this signal it had SIREN reach 30 dB in about half the steps of WINNER; the margin (25% more steps) ' +
    'was argued from the wording, not from that pilot, and the verdict is left to the standard run. The paper tunes its ' +
    'constants on audio, whose spectra are never this narrow.',
});
