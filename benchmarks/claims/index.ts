import type { ClaimDefinition } from '../../harness/core/claim.js';
import { adanClaim } from './adan.js';
import { autolrsClaim } from './autolrs.js';
import { cyclicalCurriculumClaim } from './cyclical-curriculum.js';
import { earlyStoppingSpeedupClaim } from './early-stopping-speedup.js';
import { el2nDietClaim } from './el2n-diet.js';
import { frameworkParityClaim } from './framework-parity.js';
import { ghostBnClaim } from './ghost-bn.js';
import { granetClaim } from './granet.js';
import { lnPlasticityLossClaim } from './ln-plasticity-loss.js';
import { napPlasticityClaim } from './nap-plasticity.js';
import { grokkingClaim } from './grokking.js';
import { hardBatchesClaim } from './hard-batches.js';
import { infiniteScheduleClaim } from './infinite-schedule.js';
import { lcExtrapolationClaim } from './lc-extrapolation.js';
import { linearDecayClaim } from './linear-decay.js';
import { lrAnnealingLawClaim } from './lr-annealing-law.js';
import { oneEpochClaim } from './one-epoch.js';
import { overtrainingPeakClaim } from './overtraining-peak.js';
import { qkLayerNormHighLrClaim } from './qk-layernorm-high-lr.js';
import { repeatDropoutClaim } from './repeat-dropout.js';
import { rexClaim } from './rex.js';
import { scheduleRefinementClaim } from './schedule-refinement.js';
import { trainLongerClaim } from './train-longer.js';
import { weightDecayRepetitionClaim } from './weight-decay-repetition.js';
import { weightDistanceLogClaim } from './weight-distance-log.js';
import { smallInitClaim } from './small-init.js';
import { winnerLowControlClaim } from './winner-low-control.js';
import { winnerSpectralBottleneckClaim } from './winner-spectral-bottleneck.js';

/** The shipped paper claims, registered by id. */
export const benchmarkClaims: ClaimDefinition[] = [
  adanClaim,
  rexClaim,
  linearDecayClaim,
  grokkingClaim,
  oneEpochClaim,
  hardBatchesClaim,
  frameworkParityClaim,
  autolrsClaim,
  ghostBnClaim,
  lrAnnealingLawClaim,
  lcExtrapolationClaim,
  el2nDietClaim,
  cyclicalCurriculumClaim,
  trainLongerClaim,
  weightDistanceLogClaim,
  overtrainingPeakClaim,
  smallInitClaim,
  repeatDropoutClaim,
  qkLayerNormHighLrClaim,
  earlyStoppingSpeedupClaim,
  weightDecayRepetitionClaim,
  granetClaim,
  napPlasticityClaim,
  lnPlasticityLossClaim,
  scheduleRefinementClaim,
  winnerSpectralBottleneckClaim,
  winnerLowControlClaim,
  infiniteScheduleClaim,
];
