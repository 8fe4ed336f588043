import { defineClaim } from '../../harness/core/claim.js';

/** Every arm: Adam (no weight decay) at one shared, untuned constant rate; only the initial weights differ. */
const ADAM = { learningRate: 1e-3, weightDecay: 0 };

const WINNER_PAPER = {
  title: 'Spectral Bottleneck in Deep Neural Networks: Noise is All You Need',
  authors: 'Hemanth Chandravamsi, Dhanush V. Shenoy, Itay Zinn, Shimon Pisnoy, Steven H. Frankel',
  year: 2025,
  url: 'https://arxiv.org/abs/2509.09719',
  catalogue: 48,
};

const SETTING =
  'The paper fits audio clips (and images) with SIRENs of a few hundred units per layer over thousands of steps. Here: ' +
  'one deterministic 1-D signal of 4,096 samples on [−1, 1] (workload inr-1d), a SIREN 1→64→64→1 with ω₀ = 30 and the ' +
  "SIREN code's initialisation, full-batch MSE, Adam at 1e-3 with no decay for both arms (shared, not tuned: WINNER changes " +
  "only the initial weights). WINNER adds N(0, (s0/ω₀)²) to W₀ and N(0, (s1/ω₀)²) to W₁ with the authors' audio constants " +
  '(s0 = 3500(1 − e^{−7z}), s1 = 3z, z = the target spectral centroid; the code has a = 7, the paper text a = 5), read ' +
  "through a port that cites the authors' modules/networks.py (their repository was not reachable here). The constants are " +
  'absolute frequencies (radians per unit of x), so their effect depends on the sample count: at 4,096 samples the noise ' +
  "spreads the first layer's frequencies over about half of Nyquist, the band of the high-frequency signal. ";

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
  methods: [{ method: 'winner-init', hparams: ADAM }],
  baselines: [{ method: 'adamw', hparams: ADAM }],
  workloads: ['inr-1d'],
  margin: { value: 0.1, units: 'relative' },
  repeats: { quick: 3, standard: 8 },
  miniature:
    SETTING +
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

/**
 * Catalogue #48, the control: on a signal with only low frequencies, WINNER (whose noise the
 * centroid still sets) must not fit much more slowly than the SIREN initialisation.
 */
export const winnerLowControlClaim = defineClaim({
  id: 'winner-low-control',
  version: 1,
  title: 'WINNER initialisation is no slower than a SIREN on a low-frequency signal',
  paper: WINNER_PAPER,
  quote:
    "To effectively fit any target signal irrespective of it's frequency content, we propose a generalized target-aware " +
    "'weight perturbation scheme' (WINNER - weight initialization with noise for neural representations) for network " +
    'initialization.',
  claimedEffect: {
    description:
      'speedup in steps to 30 dB PSNR of WINNER over the SIREN initialisation on a signal with only low frequencies ' +
      '(SIREN steps / WINNER steps): no worse than 0.75, i.e. WINNER at most a quarter slower ("any target signal")',
    direction: 'non-inferior',
  },
  fidelity: {
    kind: 'stand-in',
    differs: 'a synthetic sum of 8 sinusoids below 2% of Nyquist instead of audio clips, and a 64-wide SIREN',
  },
  testType: 'time-to-target',
  methods: [{ method: 'winner-init', hparams: ADAM }],
  baselines: [{ method: 'adamw', hparams: ADAM }],
  workloads: ['inr-1d:low'],
  // "Effectively fit any target" is about fitting, not speed: a quarter slower is still an effective fit.
  margin: { value: 0.25, units: 'relative' },
  repeats: { quick: 3, standard: 8 },
  miniature:
    SETTING +
    'The signal: 8 equal-amplitude sinusoids below 2% of Nyquist (frequencies off the DFT bins, so the unwindowed spectrum ' +
    "leaks and the authors' centroid reads about 0.07 rather than 0.01; s0 ≈ 1,400). Target 30 dB PSNR, budget 300 steps. " +
    'Skeptical notes: the same one-seed pilot as winner-spectral-bottleneck was seen before this card and its margin were ' +
    'written, and on this signal it had SIREN reach 30 dB in about half the steps of WINNER; the margin (a quarter slower) ' +
    'was argued from the wording, not from that pilot, and the verdict is left to the standard run. The paper tunes its ' +
    'constants on audio, whose spectra are never this narrow.',
});
