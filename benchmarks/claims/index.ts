import type { ClaimDefinition } from '../../harness/core/claim.js';
import { adanClaim } from './adan.js';
import { cyclicalCurriculumClaim } from './cyclical-curriculum.js';
import { el2nDietClaim } from './el2n-diet.js';
import { frameworkParityClaim } from './framework-parity.js';
import { grokkingClaim } from './grokking.js';
import { hardBatchesClaim } from './hard-batches.js';
import { linearDecayClaim } from './linear-decay.js';
import { oneEpochClaim } from './one-epoch.js';
import { rexClaim } from './rex.js';

/** The shipped paper claims, registered by id. */
export const benchmarkClaims: ClaimDefinition[] = [adanClaim, rexClaim, linearDecayClaim, grokkingClaim, oneEpochClaim, hardBatchesClaim, frameworkParityClaim, el2nDietClaim, cyclicalCurriculumClaim];
